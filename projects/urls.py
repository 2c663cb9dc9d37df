from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from projects.views import accounts, editor, jobs, projects, transfer

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="project_list", permanent=False)),
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
    path("projects/<int:project_id>/jobs/<str:kind>/start/", jobs.job_start, name="job_start"),
    path("projects/<int:project_id>/jobs/<int:job_id>/", jobs.job_status, name="job_status"),
    path("projects/<int:project_id>/jobs/<int:job_id>/file/", jobs.job_download, name="job_download"),
]
