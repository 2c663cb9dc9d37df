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
    # The history timeline's sentence, past tense ("renamed field posts.title to headline").
    narrative = models.CharField(max_length=300, blank=True, default="")
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
    """An immutable named version: the schema as it was when released. Only how bundles
    chain through it may change later (``baseline``)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="releases")
    number = models.PositiveIntegerField()
    message = models.TextField(blank=True, default="")
    document = models.JSONField()
    revision = models.PositiveIntegerField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Dialects the person chose to release without (the deploy check failed for them),
    # comma-separated in the fixed order; empty: every dialect. Not null: a choice.
    dropped_dialects = models.CharField(max_length=40, blank=True, default="", db_default="")
    # Bundles start the chain at this version's full DDL: older versions never block them.
    baseline = models.BooleanField(default=False, db_default=False)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["project", "number"], name="release_number_unique")]

    def __str__(self) -> str:
        return f"v{self.number}"

    @property
    def dropped_dialect_list(self) -> list[str]:
        return self.dropped_dialects.split(",") if self.dropped_dialects else []


class JobKind(models.TextChoices):
    EXPORT = "export", "Export"
    ANALYSIS = "analysis", "Analysis"
    BUNDLE = "bundle", "Migration bundle"
    VERIFICATION = "verification", "Verification"
    IMPORT = "import", "Import"


class JobStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Job(models.Model):
    """Slow work: the web side creates the row, a Celery task fills it (pretix style)."""

    # Null only for an import that will create a new project (it has none yet).
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs")
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
    # Liveness: the worker running the job writes heartbeat_at every few seconds; a running
    # job whose heartbeat went silent lost its worker (the reaper fails it).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    # Defaults kept in the database too: app servers still on the old code insert jobs during a deploy.
    attempts = models.PositiveSmallIntegerField(default=0, db_default=0)  # times a worker started it
    worker = models.CharField(max_length=200, blank=True, default="", db_default="")  # host:pid of the last one

    class Meta:
        indexes = [
            models.Index(fields=["project", "-created_at"], name="job_project_recent_idx"),
            # The per-user limit and the reaper read only jobs in flight: a small partial index.
            models.Index(
                fields=["created_by", "status"],
                condition=Q(status__in=["pending", "running"]),
                name="job_in_flight_idx",
            ),
            # An import into a new project has no project yet: its owner's jobs by age.
            models.Index(fields=["created_by", "-created_at"], name="job_creator_recent_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="job_progress_percent"),
            models.CheckConstraint(condition=Q(status__in=JobStatus.values), name="job_status_valid"),
            models.CheckConstraint(condition=Q(kind__in=JobKind.values), name="job_kind_valid"),
            models.CheckConstraint(condition=Q(project__isnull=False) | Q(kind=JobKind.IMPORT), name="job_project_set"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} job {self.pk} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def can_retry(self) -> bool:
        return self.status == JobStatus.FAILED


class Bundle(models.Model):
    """A migration bundle someone asked for: what it covers lives here, its progress and
    its zip on the job. Kept so a project lists the bundles built for it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="bundles")
    job = models.OneToOneField(Job, on_delete=models.CASCADE, related_name="bundle")
    target_version = models.PositiveIntegerField()
    base_version = models.PositiveIntegerField(default=0)  # 0: the empty database
    dialects = models.CharField(max_length=40)  # comma-separated, in a fixed order
    zero_downtime = models.BooleanField(default=True)
    # ORM code to include under orm/<target>/ (designer.codegen targets), comma-separated;
    # empty: none. Not null: "no ORM code" is a choice, not a missing value.
    orm_targets = models.CharField(max_length=60, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["project", "-created_at"], name="bundle_project_recent_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(base_version__lt=models.F("target_version")), name="bundle_base_before_target"
            ),
            models.CheckConstraint(condition=~Q(dialects=""), name="bundle_dialects_not_blank"),
        ]

    def __str__(self) -> str:
        return f"bundle v{self.base_version}→v{self.target_version} ({self.dialects})"

    @property
    def dialect_list(self) -> list[str]:
        return self.dialects.split(",")

    @property
    def orm_target_list(self) -> list[str]:
        return self.orm_targets.split(",") if self.orm_targets else []


class Verification(models.Model):
    """A Verify run someone asked for (designer.verify via projects.verification): which
    version, at what scale; its progress and report (the job's result) live on the job."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="verifications")
    job = models.OneToOneField(Job, on_delete=models.CASCADE, related_name="verification")
    version = models.PositiveIntegerField(null=True, blank=True)  # null: the current design
    scale = models.FloatField(default=1.0)  # of the declared volumes, before the row cap
    max_rows = models.PositiveIntegerField(default=1_000_000)
    runs = models.PositiveSmallIntegerField(default=20)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        # The Verify page shows a project's latest runs.
        indexes = [models.Index(fields=["project", "-created_at"], name="verification_recent_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(scale__gt=0) & Q(scale__lte=1000), name="verification_scale_range"),
            models.CheckConstraint(condition=Q(runs__gte=1) & Q(runs__lte=1000), name="verification_runs_range"),
            models.CheckConstraint(condition=Q(max_rows__gte=1), name="verification_max_rows_positive"),
        ]

    def __str__(self) -> str:
        return f"verification of {'v' + str(self.version) if self.version else 'the current design'}"


class Analysis(models.Model):
    """The advisor's result for one revision of a project (designer.advice, stored as
    its internal dict). Later edits make it stale; it is never rewritten."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="analyses")
    revision = models.PositiveIntegerField()  # the revision it was computed on
    job = models.OneToOneField(Job, null=True, blank=True, on_delete=models.SET_NULL, related_name="analysis")
    result = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The Advice tab shows a project's latest analysis.
        indexes = [models.Index(fields=["project", "-created_at"], name="analysis_project_recent_idx")]

    def __str__(self) -> str:
        return f"analysis of r{self.revision}"


class Dismissal(models.Model):
    """A recommendation the team decided not to follow, by its stable key, with why."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="dismissals")
    key = models.CharField(max_length=500)
    reason = models.TextField(blank=True, default="")
    dismissed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # One per key and project; the unique index also serves "this project's dismissals".
        constraints = [models.UniqueConstraint(fields=["project", "key"], name="dismissal_one_per_key")]

    def __str__(self) -> str:
        return f"dismissed {self.key}"


class Invitation(models.Model):
    """An owner's invitation to join a project with a role. The link carries a random
    token; only its hash is stored (projects/tokens.py), so a database leak opens nothing."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(max_length=10, choices=Role.choices)
    # Invited by username: only that account may accept. By e-mail: whoever holds the link.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(blank=True, default="")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    # Set once: an accepted or revoked invitation opens nothing any more.
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["project", "-created_at"], name="invitation_project_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(role__in=Role.values), name="invitation_role_valid"),
            models.CheckConstraint(condition=Q(user__isnull=False) | ~Q(email=""), name="invitation_has_invitee"),
        ]

    def __str__(self) -> str:
        return f"invitation of {self.user or self.email} to {self.project} as {self.role}"


class ShareLink(models.Model):
    """A read-only link for people without an account. Only the token's hash is stored."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="share_links")
    label = models.CharField(max_length=100, blank=True, default="")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)  # null: until revoked
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["project", "-created_at"], name="sharelink_project_idx")]

    def __str__(self) -> str:
        return f"share link {self.label or self.pk} of {self.project}"


# Personal access tokens live in their own module (the API's room); imported here so the app registers them.
from projects.api_tokens import AccessToken  # noqa: E402, F401
