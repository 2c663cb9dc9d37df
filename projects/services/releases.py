"""Versions: releasing the current schema as an immutable version, reading versions back,
and asking for a migration bundle. Writes and reads of this one room live together so
the Versions page, the commands and the bundle task share one definition of each.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404

from designer.bundle import BundleSpec, BundleVersion
from designer.codegen import TARGETS
from designer.deploy import DIALECT_LABELS, DeployCheck, deploy_check, target_dialects
from designer.diagram import DiagramError, build_dot, diagram_cache_key, start_render
from designer.schema import Schema
from designer.types import DIALECTS
from designer.versions import schema_after
from projects import memo, selectors, services
from projects.diagrams import CACHE_SECONDS
from projects.models import Analysis, Bundle, Dismissal, JobKind, JobStatus, Project, Release, Verification


class VersionError(ValueError):
    """A request about versions that cannot be honoured; the message says why."""


# --- writes -----------------------------------------------------------------------------


def release_create(*, project: Project, user, message: str = "", drop_dialects=(), baseline: bool = False) -> Release:
    """Snapshot the current document as the next version. The project row is locked so
    two releases at once get different numbers and each holds the document it saw.

    The deploy check has the last word: a version that fails for the primary dialect is
    refused; one that fails for another dialect is released only without that dialect,
    when the person chose so (``drop_dialects``), and the choice is recorded. A
    ``baseline`` starts bundles' chains at its full DDL: no migration from older versions."""
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        latest = Release.objects.filter(project=locked).order_by("-number").first()
        if latest is not None and latest.document == locked.document:
            raise VersionError(f"Nothing changed since version {latest.number}: there is nothing to release.")
        check = release_check(project=locked, baseline=baseline)
        dropped = _dialects_to_drop(check, chosen=set(drop_dialects))
        return Release.objects.create(
            project=locked,
            number=(latest.number if latest else 0) + 1,
            message=message.strip(),
            document=locked.document,
            revision=locked.revision,
            created_by=user,
            dropped_dialects=",".join(dropped),
            baseline=baseline,
        )


class DeployRefused(VersionError):
    """The deploy check fails: ``dialects`` are the ones the person may still choose to drop."""

    def __init__(self, message: str, *, dialects=()):
        super().__init__(message)
        self.dialects = tuple(dialects)


def _dialects_to_drop(check: DeployCheck, *, chosen: set[str]) -> list[str]:
    failing = check.failing
    if check.primary in failing:
        first = check.for_dialect(check.primary)[0]
        raise DeployRefused(
            f"This version would fail on {DIALECT_LABELS[check.primary]}, the project's own database: "
            f"{first.object}: {first.message}. Fix: {first.fix}. (See the deploy check below.)"
        )
    undecided = [d for d in failing if d not in chosen]
    if undecided:
        names = ", ".join(DIALECT_LABELS[d] for d in undecided)
        raise DeployRefused(
            f"This version would fail on {names} (see the deploy check below): fix it, or choose to leave "
            f"{names} out of this version.",
            dialects=undecided,
        )
    return failing


def release_check(*, project: Project, baseline: bool = False) -> DeployCheck:
    """The deploy check of the current document: full DDL per dialect, and the migration
    from the last version released with that dialect (none for a baseline)."""
    schema = selectors.project_schema(project)
    found = [] if baseline else list(Release.objects.filter(project=project).order_by("number"))
    schemas = release_schemas(found) if found else []
    findings = []
    for dialect in target_dialects(schema):
        previous = next(
            (
                (r, s)
                for r, s in zip(reversed(found), reversed(schemas), strict=True)
                if dialect not in r.dropped_dialect_list
            ),
            None,
        )
        check = deploy_check(
            schema,
            dialects=(dialect,),
            previous=previous[1] if previous else None,
            previous_number=previous[0].number if previous else None,
        )
        findings += check.findings
    return DeployCheck(dialects=target_dialects(schema), findings=tuple(findings))


def release_set_baseline(*, project: Project, number: int, baseline: bool) -> Release:
    """Mark a version as a baseline (bundles start their chain at its full DDL) or not."""
    release = release_for(project=project, number=number)
    release.baseline = baseline
    release.save(update_fields=["baseline"])
    return release


def bundle_create(
    *,
    project: Project,
    user,
    target: int | None = None,
    base: int = 0,
    dialects=DIALECTS,
    zero_downtime: bool = True,
    orm_targets=(),
) -> Bundle:
    """The bundle's row and its job first; the task builds the zip once both are committed.
    ``orm_targets``: designer.codegen targets whose code goes in under orm/<target>/."""
    target, base, dialects = bundle_options(project=project, target=target, base=base, dialects=dialects)
    unknown = sorted(set(orm_targets) - set(TARGETS))
    if unknown:
        raise VersionError(f"Unknown ORM {', '.join(unknown)}: choose from {', '.join(TARGETS)}.")
    with transaction.atomic():
        job = services.job_create(project=project, user=user, kind=JobKind.BUNDLE)
        return Bundle.objects.create(
            project=project,
            job=job,
            target_version=target,
            base_version=base,
            dialects=",".join(dialects),
            zero_downtime=zero_downtime,
            created_by=user,
            orm_targets=",".join(t for t in TARGETS if t in set(orm_targets)),
        )


def bundle_options(*, project: Project, target: int | None, base: int, dialects) -> tuple[int, int, list[str]]:
    """Checked options: target defaults to the latest version, base 0 is the empty database,
    dialects in the fixed order postgresql, mysql, sqlite."""
    numbers = set(Release.objects.filter(project=project).values_list("number", flat=True))
    if not numbers:
        raise VersionError("Release a version first: a bundle is built from released versions.")
    target = max(numbers) if target is None else target
    if target not in numbers:
        raise VersionError(f"There is no version {target}.")
    if base != 0 and base not in numbers:
        raise VersionError(f"There is no version {base} to start from (0 means the empty database).")
    if base >= target:
        raise VersionError(f"The base version ({base}) must come before the target version ({target}).")
    unknown = sorted(set(dialects) - set(DIALECTS))
    if unknown:
        raise VersionError(f"Unknown dialect {', '.join(unknown)}: choose from {', '.join(DIALECTS)}.")
    chosen = [d for d in DIALECTS if d in set(dialects)]
    if not chosen:
        raise VersionError("Choose at least one dialect.")
    return target, base, chosen


# --- reads ------------------------------------------------------------------------------


def releases_for(*, project: Project) -> QuerySet[Release]:
    return Release.objects.filter(project=project).select_related("created_by").order_by("-number")


def release_for(*, project: Project, number: int) -> Release:
    release = Release.objects.filter(project=project, number=number).select_related("created_by").first()
    if release is None:
        raise Http404(f"Version {number} does not exist")
    return release


def version_schema(*, project: Project, number: int) -> Schema:
    """Version 0 is the empty database."""
    if number == 0:
        return Schema()
    return release_schema(release_for(project=project, number=number))


def release_schema(release: Release) -> Schema:
    return release_schemas([release])[0]


def release_schemas(found: list[Release]) -> list[Schema]:
    """The schemas of versions in order (oldest first for speed: each shares what it
    can with the one before, see designer/versions.py)."""
    schemas, previous = [], None
    for release in found:
        schema = _parsed.get(release.pk, functools.partial(schema_after, release.document, previous=previous))
        schemas.append(schema)
        previous = (release.document, schema)
    return schemas


# A release never changes, so its parsed schema is kept for the process's life (bounded).
_parsed: memo.Keyed[Schema] = memo.Keyed(size=256)


def analysis_for(*, project: Project, number: int) -> dict | None:
    """The advisor's result for a version: its latest analysis of the revision that
    version was released from, without the recommendations the team dismissed."""
    release = release_for(project=project, number=number)
    found = Analysis.objects.filter(project=project, revision=release.revision).order_by("-created_at", "-pk").first()
    if found is None or not isinstance(found.result, dict):
        return None
    dismissed = set(Dismissal.objects.filter(project=project).values_list("key", flat=True))
    recommendations = [r for r in found.result.get("recommendations", []) if r.get("key") not in dismissed]
    return found.result | {"recommendations": recommendations}


def verification_for(*, project: Project, number: int) -> dict | None:
    """The latest finished Verify report of a version: a run of that version, or of the
    current design while it was exactly the revision the version was released from."""
    release = release_for(project=project, number=number)
    found = (
        Verification.objects.filter(project=project, job__status=JobStatus.DONE)
        .filter(Q(version=number) | Q(version__isnull=True, job__revision=release.revision))
        .select_related("job")
        .order_by("-created_at", "-pk")
        .first()
    )
    return found.job.result if found is not None and isinstance(found.job.result, dict) else None


def releases_between(*, project: Project, base: int, target: int) -> list[Release]:
    """The versions a bundle walks through: base (when not 0) up to target, oldest first."""
    releases = Release.objects.filter(project=project, number__gte=base, number__lte=target)
    return list(releases.select_related("created_by").order_by("number"))


def bundles_for(*, project: Project, limit: int = 20) -> QuerySet[Bundle]:
    return Bundle.objects.filter(project=project).select_related("job", "created_by")[:limit]


# --- what a bundle is built from --------------------------------------------------------


def bundle_spec(
    *,
    project: Project,
    target: int,
    base: int,
    dialects,
    zero_downtime: bool = True,
    analysis: dict | None = None,
    verification: dict | None = None,
    extra_files: dict[str, bytes] | None = None,
) -> BundleSpec:
    """Everything the pure builder needs, read from the database. ``analysis`` (the
    advisor's result) and ``extra_files`` (generated ORM code) are passed through when
    the caller has them, and so is ``verification`` (the target's Verify report). The diagram's layout starts first, in its own `dot` process,
    and is collected only when the zip is assembled: it runs beside the migrations."""
    found = releases_between(project=project, base=base, target=target)
    schemas = release_schemas(found)
    dot = build_dot(schemas[-1])
    svg = _svg_soon(dot)
    versions = tuple(
        BundleVersion(
            number=r.number,
            schema=schema,
            message=r.message,
            author=r.created_by.username if r.created_by else "",
            released_at=r.created_at.isoformat(timespec="seconds"),
            baseline=r.baseline,
            dropped=tuple(r.dropped_dialect_list),
        )
        for r, schema in zip(found, schemas, strict=True)
    )
    return BundleSpec(
        project_name=project.name,
        versions=versions,
        base=base,
        dialects=tuple(dialects),
        zero_downtime=zero_downtime,
        diagram_dot=dot,
        diagram_svg=svg,
        analysis=analysis,
        verification=verification,
        extra_files=dict(extra_files or {}),
    )


def _svg_soon(dot: str):
    """A function giving the SVG; a diagram too big to lay out in time is left out of the
    bundle (b""), the DOT is still there."""
    key = diagram_cache_key(dot, "svg")
    cached = cache.get(key)
    if cached is not None:
        return lambda: cached
    try:
        run = start_render(dot, fmt="svg")
    except DiagramError:
        return lambda: b""

    def collect() -> bytes:
        try:
            body = run.result(timeout=settings.DIAGRAM_TIMEOUT_SECONDS)
        except DiagramError:
            return b""
        cache.set(key, body, CACHE_SECONDS)
        return body

    return collect
