"""The account page for personal access tokens (the API and the command-line client):
create one (shown once, with a Copy button), list them with their last use, revoke."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from projects import selectors
from projects.access import AuthenticatedRequest
from projects.api_tokens import SCOPES, AccessToken, TokenRefused, token_create, token_revoke, tokens_for


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="What it is for, e.g. “CI of the shop repository”.")
    scope = forms.ChoiceField(choices=[(s, s) for s in SCOPES], initial="read")
    project = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label="Project")
    days = forms.IntegerField(
        min_value=1, max_value=3650, required=False, initial=90, label="Expires after (days)", help_text="Empty: never."
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(p.pk, p.name) for p in selectors.projects_for_user(user=user)]
        self.fields["project"].choices = [("", "All my projects"), *choices]


@login_required
@require_http_methods(["GET", "POST"])
def token_list(request: AuthenticatedRequest):
    form = TokenForm(request.POST or None, user=request.user)
    new_token, status = None, 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            project = None
            if data["project"] is not None:
                project = selectors.project_access(user=request.user, project_id=data["project"]).project
            try:
                _row, new_token = token_create(
                    user=request.user, name=data["name"], scope=data["scope"], project=project, days=data["days"]
                )
            except TokenRefused as error:
                form.add_error(None, str(error))
            else:
                form = TokenForm(user=request.user)
        status = 422 if form.errors else 200
    context = {"form": form, "tokens": tokens_for(user=request.user), "new_token": new_token}
    return render(request, "account/tokens.html", context, status=status)


@login_required
@require_POST
def token_revoke_view(request: AuthenticatedRequest, token_id: int):
    token_revoke(token=get_object_or_404(AccessToken, pk=token_id, user=request.user))
    return redirect("account_tokens")
