"""The Drift page: a live database (a host in IMPORT_LIVE_HOSTS) compared with the current
revision or a version; missing, extra and different objects and the SQL that fixes them.
Off (404) when the operator listed no hosts, like the live import."""

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from designer.problems import SchemaError
from projects import code, drift, live_import
from projects.access import ProjectRequest
from projects.services import releases
from projects.views.access import project_access


class DriftForm(forms.Form):
    database_url = forms.CharField(
        max_length=500,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        help_text="postgres://… or mysql://… (read-only; never stored)",
    )
    version = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)

    def __init__(self, *args, numbers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].choices = [("", "the current revision"), *((n, f"v{n}") for n in numbers)]


@login_required
@require_http_methods(["GET", "POST"])
def drift_page(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
    if not settings.IMPORT_LIVE_HOSTS:
        raise Http404("Reading live databases is not enabled")
    numbers = [r.number for r in releases.releases_for(project=project)]
    form = DriftForm(request.POST or None, numbers=numbers)
    result, problems = None, []
    if request.method == "POST" and form.is_valid():
        design, _ = code.source_schema(project=project, version=form.cleaned_data["version"])
        try:
            result = drift.drift_check(database_url=form.cleaned_data["database_url"], design=design)
        except live_import.LiveImportError as error:
            problems = [str(error)]
        except SchemaError as error:
            problems = [p.message for p in error.problems]
    status = 422 if problems or form.errors else 200
    context = {"project": project, "form": form, "result": result, "problems": problems}
    return render(request, "projects/drift.html", context, status=status)
