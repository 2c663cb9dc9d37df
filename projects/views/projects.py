from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from projects import selectors, services
from projects.access import AuthenticatedRequest, ProjectRequest
from projects.forms.projects import ProjectForm
from projects.views.access import project_access


@login_required
@require_GET
def project_list(request: AuthenticatedRequest):
    projects = selectors.projects_for_user(user=request.user)
    return render(request, "projects/list.html", {"projects": projects, "form": ProjectForm()})


@login_required
@require_POST
def project_create(request: AuthenticatedRequest):
    form = ProjectForm(request.POST)
    if not form.is_valid():
        projects = selectors.projects_for_user(user=request.user)
        return render(request, "projects/list.html", {"projects": projects, "form": form}, status=422)
    project = services.project_create(owner=request.user, **form.cleaned_data)
    return redirect("project_detail", project_id=project.pk)


@login_required
@require_POST
def project_create_demo(request: AuthenticatedRequest):
    project = services.demo_project_create(owner=request.user)
    return redirect("project_detail", project_id=project.pk)


@login_required
@require_http_methods(["GET", "POST"])
def project_settings(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id, need="owner").project
    initial = {"name": project.name, "description": project.description}
    form = ProjectForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.project_update(project=project, **form.cleaned_data)
        messages.success(request, "Project saved.")
        return redirect("project_detail", project_id=project.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "projects/settings.html", {"project": project, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def project_delete(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id, need="owner").project
    if request.method == "POST":
        name = project.name
        services.project_delete(project=project)
        messages.success(request, f"Deleted “{name}”.")
        if request.htmx:
            return HttpResponseClientRedirect(reverse("project_list"))
        return redirect("project_list")
    return render(request, "projects/delete.html", {"project": project})
