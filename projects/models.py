"""Storage: a project is a schema document plus an append-only log of edit operations.

The product designs databases, so its own schema tries to be a good example: every
column NOT NULL unless absence means something, CHECK constraints for invariants,
UNIQUE constraints for natural keys, and an index for each access pattern the views
use (a user's projects by recency, a project's history by number, its jobs by age).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Project(models.Model):
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="owned_projects")
    # The current schema document (designer.formats.json_doc); the log below explains how it got here.
    document = models.JSONField()
    revision = models.PositiveIntegerField(default=0)
    # Warning codes the team chose not to see in this project's editor (still listed, folded).
    dismissed_warnings = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "-updated_at"], name="project_owner_recent_idx")]
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="project_name_not_blank")]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    EDITOR = "editor", "Editor"
    VIEWER = "viewer", "Viewer"


class Membership(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="membership_one_per_user"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_valid"),
        ]
        # "My projects" starts from the user: the unique index covers (project, user) lookups.
        indexes = [models.Index(fields=["user", "project"], name="membership_user_idx")]

    def __str__(self) -> str:
        return f"{self.user} as {self.role} of {self.project}"


class Revision(models.Model):
    """One applied edit. Append-only: history, undo and audits read it, nothing rewrites it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    # Nullable on purpose: deleting a user account must not erase the project's history.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    op = models.JSONField()
    inverse = models.JSONField()
    summary = models.CharField(max_length=300)
    # Undo and redo are revisions too: they point at the edit they reverse or bring back.
    undo_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="undone_by")
    redo_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="redone_by")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        indexes = [models.Index(fields=["project", "author", "-number"], name="revision_author_recent_idx")]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="revision_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="revision_number_positive"),
        ]

    def __str__(self) -> str:
        return f"r{self.number}: {self.summary}"


class Release(models.Model):
    """An immutable named version: the schema as it was when released."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="releases")
    number = models.PositiveIntegerField()
    message = models.TextField(blank=True, default="")
    document = models.JSONField()
    revision = models.PositiveIntegerField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["project", "number"], name="release_number_unique")]

    def __str__(self) -> str:
        return f"v{self.number}"


class JobKind(models.TextChoices):
    EXPORT = "export", "Export"
    ANALYSIS = "analysis", "Analysis"
    BUNDLE = "bundle", "Migration bundle"
    VERIFICATION = "verification", "Verification"


class JobStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Job(models.Model):
    """Slow work: the web side creates the row, a Celery task fills it (pretix style)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(max_length=20, choices=JobKind.choices)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True, default="")
    revision = models.PositiveIntegerField()  # the document revision the job works on
    result = models.JSONField(null=True, blank=True)  # null until the job is done
    file = models.FileField(upload_to="jobs/", blank=True, default="")
    error = models.TextField(blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["project", "-created_at"], name="job_project_recent_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="job_progress_percent"),
            models.CheckConstraint(condition=Q(status__in=JobStatus.values), name="job_status_valid"),
            models.CheckConstraint(condition=Q(kind__in=JobKind.values), name="job_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} job {self.pk} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
