from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import path
from django.views.generic import RedirectView

from projects.views import (
    accounts,
    edit_diagram,
    edit_entities,
    edit_enums,
    edit_fields,
    edit_links,
    edit_workload,
    editor,
    jobs,
    projects,
    transfer,
)

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="project_list", permanent=False)),
    # Browsers ask for /favicon.ico whatever the page links: send them to the SVG.
    path("favicon.ico", RedirectView.as_view(url=static("favicon.svg"), permanent=True)),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("projects/", projects.project_list, name="project_list"),
    path("projects/new/", projects.project_create, name="project_create"),
    path("projects/demo/", projects.project_create_demo, name="project_create_demo"),
    path("projects/import/", transfer.import_new, name="import_new"),
    path("projects/<int:project_id>/", editor.project_detail, name="project_detail"),
    path("projects/<int:project_id>/diagram/", editor.diagram_fragment, name="diagram_fragment"),
    path("projects/<int:project_id>/diagram.<str:fmt>", editor.diagram_download, name="diagram_download"),
    path("projects/<int:project_id>/settings/", projects.project_settings, name="project_settings"),
    path("projects/<int:project_id>/delete/", projects.project_delete, name="project_delete"),
    path("projects/<int:project_id>/history/", projects.project_history, name="project_history"),
    path("projects/<int:project_id>/import/", transfer.import_revision, name="import_revision"),
    path("projects/<int:project_id>/export/", transfer.export, name="export"),
    path("projects/<int:project_id>/edit/", edit_entities.panel, name="editor_panel"),
    path("projects/<int:project_id>/edit/undo/", edit_entities.undo, name="undo"),
    path("projects/<int:project_id>/edit/warnings/", edit_entities.warning_dismiss, name="warning_dismiss"),
    path("projects/<int:project_id>/edit/diagram/move/", edit_diagram.diagram_move, name="diagram_move"),
    path("projects/<int:project_id>/edit/diagram/arrange/", edit_diagram.diagram_arrange, name="diagram_arrange"),
    path("projects/<int:project_id>/edit/redo/", edit_entities.redo, name="redo"),
    path("projects/<int:project_id>/edit/entities/", edit_entities.entity_add, name="entity_add"),
    path("projects/<int:project_id>/edit/entities/<str:entity_id>/", edit_entities.entity_update, name="entity_update"),
    path(
        "projects/<int:project_id>/edit/entities/<str:entity_id>/delete/",
        edit_entities.entity_delete,
        name="entity_delete",
    ),
    path("projects/<int:project_id>/edit/entities/<str:entity_id>/fields/", edit_fields.field_add, name="field_add"),
    path(
        "projects/<int:project_id>/edit/entities/<str:entity_id>/fields/<str:field_id>/",
        edit_fields.field_update,
        name="field_update",
    ),
    path(
        "projects/<int:project_id>/edit/entities/<str:entity_id>/fields/<str:field_id>/form/",
        edit_fields.field_form,
        name="field_form",
    ),
    path(
        "projects/<int:project_id>/edit/entities/<str:entity_id>/fields/<str:field_id>/move/<str:direction>/",
        edit_fields.field_move,
        name="field_move",
    ),
    path(
        "projects/<int:project_id>/edit/entities/<str:entity_id>/fields/<str:field_id>/delete/",
        edit_fields.field_delete,
        name="field_delete",
    ),
    path("projects/<int:project_id>/edit/entities/<str:entity_id>/indexes/", edit_links.index_add, name="index_add"),
    path(
        "projects/<int:project_id>/edit/entities/<str:entity_id>/indexes/<str:index_id>/delete/",
        edit_links.index_delete,
        name="index_delete",
    ),
    path("projects/<int:project_id>/edit/relationships/", edit_links.relationship_add, name="relationship_add"),
    path(
        "projects/<int:project_id>/edit/relationships/<str:relationship_id>/delete/",
        edit_links.relationship_delete,
        name="relationship_delete",
    ),
    path("projects/<int:project_id>/edit/enums/", edit_enums.enum_add, name="enum_add"),
    path("projects/<int:project_id>/edit/enums/<str:enum_id>/delete/", edit_enums.enum_delete, name="enum_delete"),
    path("projects/<int:project_id>/edit/enums/<str:enum_id>/<str:action>/", edit_enums.enum_value, name="enum_value"),
    path("projects/<int:project_id>/edit/patterns/", edit_workload.pattern_add, name="pattern_add"),
    path("projects/<int:project_id>/edit/patterns/form/", edit_workload.pattern_form, name="pattern_form"),
    path("projects/<int:project_id>/edit/patterns/sql/", edit_workload.pattern_from_sql, name="pattern_from_sql"),
    path(
        "projects/<int:project_id>/edit/patterns/<str:pattern_id>/", edit_workload.pattern_update, name="pattern_update"
    ),
    path(
        "projects/<int:project_id>/edit/patterns/<str:pattern_id>/delete/",
        edit_workload.pattern_delete,
        name="pattern_delete",
    ),
    path("projects/<int:project_id>/edit/volumes/<str:entity_id>/", edit_workload.volume_set, name="volume_set"),
    path("projects/<int:project_id>/jobs/<str:kind>/start/", jobs.job_start, name="job_start"),
    path("projects/<int:project_id>/jobs/<int:job_id>/", jobs.job_status, name="job_status"),
    path("projects/<int:project_id>/jobs/<int:job_id>/file/", jobs.job_download, name="job_download"),
]
