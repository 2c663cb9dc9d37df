from django.contrib.auth import login as log_in
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from projects import ratelimits
from projects.access import HtmxHttpRequest
from projects.forms.projects import SignupForm

TOO_MANY = "Too many attempts. Wait a few minutes and try again."


@require_http_methods(["GET", "POST"])
def login(request: HtmxHttpRequest):
    """Django's login view behind limits on wrong passwords (projects/ratelimits.py)."""
    if request.method == "POST" and ratelimits.login_refused(request):
        # The password is not even checked: a guess inside a blocked window tells nothing.
        form = auth_views.AuthenticationForm(request, initial={"username": request.POST.get("username", "")})
        return render(request, "registration/login.html", {"form": form, "error": TOO_MANY}, status=429)
    response = auth_views.LoginView.as_view()(request)
    if request.method == "POST" and response.status_code != 302:
        ratelimits.login_failed(request)
    return response


@require_http_methods(["GET", "POST"])
def signup(request: HtmxHttpRequest):
    if request.user.is_authenticated:
        return redirect("project_list")
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and ratelimits.signup_blocked(request):
        return render(request, "registration/signup.html", {"form": SignupForm(), "error": TOO_MANY}, status=429)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        log_in(request, user)
        return redirect(_next_page(request) or "project_list")
    status = 422 if request.method == "POST" else 200
    return render(request, "registration/signup.html", {"form": form, "next": _next_page(request)}, status=status)


def _next_page(request) -> str:
    """Where to go after signing up, e.g. back to the invitation that brought them here."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else ""
