"""The migration bundle: a zip a team can check in and apply in production.

Deterministic: the same versions and options give the same bytes (entries sorted, a
fixed timestamp and fixed permissions, JSON with sorted keys, nothing from the clock).
Safe: every path inside is built here from fixed words and slugs; paths handed in by
others (``extra_files``, e.g. ORM code) are cleaned by ``safe_path`` — no ``..``, no
absolute paths, no control or odd characters, whatever the project's names are.

Layout (see README.md's design document for how to apply it)::

    README.md  manifest.json  diagram.svg  diagram.dot
    verification.md  verification.json   (when the target version was verified)
    schema/<dialect>.sql
    migrations/<dialect>/<NNNN>_<slug>/up.sql, down.sql
    migrations/<dialect>/migrations.sum
    <extra files, e.g. orm/prisma/schema.prisma>

``migrations.sum`` follows the idea of Atlas's ``atlas.sum``: one running SHA-256 over
each file's path and bytes in application order, printed after each file (``path
h1:<base64>``), and a first line ``h1:<base64>`` summing those lines. Editing,
removing, inserting or reordering a migration changes its line and every line after.
"""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import json
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from designer.design_doc import DIALECT_NAMES, design_document, md
from designer.migrate import MigrationError, diff, full_ddl, render
from designer.schema import Schema
from designer.verify.report import markdown as verification_markdown

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no clock in the bytes
FILE_MODE = 0o100644 << 16
SUM_FILE = "migrations.sum"
FORMAT = "schema-designer-bundle"
FORMAT_VERSION = 1
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class BundleVersion:
    number: int
    schema: Schema
    message: str = ""
    author: str = ""
    released_at: str = ""  # ISO 8601, given by the caller (no clock here)
    baseline: bool = False  # its full DDL starts the chain: versions before it are skipped
    dropped: tuple[str, ...] = ()  # dialects released without (they could not render this version)


@dataclass(frozen=True)
class BundleSpec:
    project_name: str
    versions: tuple[BundleVersion, ...]  # oldest first: the base (unless 0) up to the target
    base: int  # 0: the empty database
    dialects: tuple[str, ...]
    zero_downtime: bool = True
    diagram_dot: str = ""
    # The SVG, or a function giving it: called once the migrations are written, so a
    # caller can lay the diagram out meanwhile. Empty: no diagram.svg in the bundle.
    diagram_svg: bytes | Callable[[], bytes] = b""
    analysis: dict | None = None  # the advisor's result as JSON-ready data
    verification: dict | None = None  # the target version's latest Verify report (designer.verify.report)
    extra_files: dict[str, bytes] = field(default_factory=dict)  # e.g. ORM code, by path

    @property
    def target(self) -> BundleVersion:
        return self.versions[-1]


Progress = Callable[[int, str], None]


def build_bundle(spec: BundleSpec, *, progress: Progress | None = None) -> bytes:
    return zip_files(bundle_files(spec, progress=progress))


def bundle_files(spec: BundleSpec, *, progress: Progress | None = None) -> dict[str, bytes]:
    """Every file of the bundle by path. ``progress(percent, message)`` is told as
    each dialect's migrations are written (the slow part). A dialect that cannot be
    written is left out, with its reason in the README and the manifest; the others are
    written all the same. MigrationError when no dialect can be written."""
    report = progress or (lambda percent, message: None)
    files: dict[str, bytes] = {}
    steps: list[dict] = []
    left_out: dict[str, str] = {}
    diffs: dict[tuple[int, int], list] = {}  # the same for every dialect
    for number, dialect in enumerate(spec.dialects, start=1):
        try:
            written, entries = _dialect_files(spec, dialect, diffs)
        except (MigrationError, LeftOut) as error:
            left_out[dialect] = str(error)
        else:
            files.update(written)
            steps += entries
        report(10 + 70 * number // len(spec.dialects), f"Wrote the {dialect} migrations")
    if len(left_out) == len(spec.dialects):
        raise MigrationError("; ".join(f"{d}: {reason}" for d, reason in left_out.items()))
    files["diagram.dot"] = spec.diagram_dot.encode()
    svg = spec.diagram_svg() if callable(spec.diagram_svg) else spec.diagram_svg
    if svg:
        files["diagram.svg"] = svg
    for path, body in sorted(spec.extra_files.items()):
        files.setdefault(safe_path(path), body)
    if spec.verification is not None:
        files.update(verification_files(spec.verification))
    files["README.md"] = _readme(spec, steps, left_out).encode()
    files["manifest.json"] = _manifest(spec, steps, files, left_out)
    report(95, "Wrote the manifest")
    return files


def verification_files(report: dict) -> dict[str, bytes]:
    """The Verify report of the target version, for people (markdown) and for CI (JSON
    with sorted keys: the same report gives the same bytes)."""
    return {
        "verification.md": verification_markdown(report).encode(),
        "verification.json": (json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode(),
    }


class LeftOut(ValueError):
    """A dialect this bundle cannot contain; the message says why."""


def _dialect_files(spec: BundleSpec, dialect: str, diffs: dict) -> tuple[dict[str, bytes], list[dict]]:
    if dialect in spec.target.dropped:
        raise LeftOut(f"version {spec.target.number} was released without {dialect} (it could not be written for it)")
    files = {f"schema/{dialect}.sql": full_ddl(spec.target.schema, dialect=dialect).encode()}
    pairs = _pairs(spec, dialect)
    for before, after in pairs:
        if (before.number, after.number) not in diffs:
            diffs[(before.number, after.number)] = diff(before.schema, after.schema)
    steps = [diffs[(before.number, after.number)] for before, after in pairs]
    return files, _migrations(spec, dialect, pairs, steps, files)


def _pairs(spec: BundleSpec, dialect: str) -> list[tuple[BundleVersion, BundleVersion]]:
    """(before, after) per migration of ``dialect``, oldest first, from the base (0: the
    empty database). The chain starts over at the latest baseline (from the base straight
    to it: from empty, that is its full DDL) and passes over versions released without
    ``dialect``: a database of that dialect never was at them."""
    if spec.base == 0:
        start = BundleVersion(number=0, schema=Schema(database_type=spec.versions[0].schema.database_type))
        later = list(spec.versions)
    else:
        start, later = spec.versions[0], list(spec.versions[1:])
    baselines = [position for position, version in enumerate(later) if version.baseline]
    if baselines:
        later = later[baselines[-1] :]
    chain = [start, *(v for v in later if dialect not in v.dropped)]
    return list(itertools.pairwise(chain))


def _migrations(spec: BundleSpec, dialect: str, pairs, diffs, files: dict[str, bytes]) -> list[dict]:
    """One directory per version step, then the directory's chained checksum file."""
    entries, written = [], {}
    for (before, after), steps in zip(pairs, diffs, strict=True):
        migration = render(
            steps, dialect=dialect, old=before.schema, new=after.schema, zero_downtime=spec.zero_downtime
        )
        directory = f"{after.number:04d}_{slug(after.message) or f'v{after.number}'}"
        written[f"{directory}/up.sql"] = migration.up.encode()
        written[f"{directory}/down.sql"] = migration.down.encode()
        entries.append(
            {
                "dialect": dialect,
                "from": before.number,
                "to": after.number,
                "directory": f"migrations/{dialect}/{directory}",
                "irreversible": list(migration.irreversible),
                "warnings": [{"code": w.code, "message": w.message, "step": w.step} for w in migration.warnings],
            }
        )
    for path, body in written.items():
        files[f"migrations/{dialect}/{path}"] = body
    files[f"migrations/{dialect}/{SUM_FILE}"] = checksum_file(_application_order(written))
    return entries


def _application_order(written: dict[str, bytes]) -> list[tuple[str, bytes]]:
    # Directories sort in version order (zero-padded numbers); up before down in each.
    return sorted(written.items(), key=lambda item: (item[0].split("/")[0], item[0].endswith("down.sql")))


def checksum_file(files: list[tuple[str, bytes]]) -> bytes:
    """``h1:<sum of lines>`` then ``<path> h1:<running hash>`` per file, in the order given."""
    running = hashlib.sha256()
    lines = []
    for path, body in files:
        running.update(path.encode())
        running.update(body)
        lines.append((path, _b64(running.copy().digest())))
    total = hashlib.sha256()
    for path, digest in lines:
        total.update(path.encode())
        total.update(digest.encode())
    body = "".join(f"{path} h1:{digest}\n" for path, digest in lines)
    return f"h1:{_b64(total.digest())}\n{body}".encode()


def verify_checksums(files: dict[str, bytes], dialect: str) -> list[str]:
    """Problems found in ``migrations/<dialect>/`` against its sum file (empty: intact)."""
    prefix = f"migrations/{dialect}/"
    stored = files.get(prefix + SUM_FILE)
    if stored is None:
        return [f"{prefix}{SUM_FILE} is missing"]
    listed = [line.rsplit(" ", 1)[0] for line in stored.decode().splitlines()[1:]]
    present = {p[len(prefix) :]: b for p, b in files.items() if p.startswith(prefix) and not p.endswith(SUM_FILE)}
    problems = [f"{prefix}{p} is not in {SUM_FILE}" for p in sorted(set(present) - set(listed))]
    problems += [f"{prefix}{p} is missing" for p in listed if p not in present]
    if not problems and checksum_file([(p, present[p]) for p in listed]) != stored:
        problems.append(f"{prefix}{SUM_FILE} does not match the files (edited or reordered)")
    return problems


def _manifest(spec: BundleSpec, steps: list[dict], files: dict[str, bytes], left_out: dict[str, str]) -> bytes:
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "project": spec.project_name,
        "base_version": spec.base,
        "target_version": spec.target.number,
        "dialects": [d for d in spec.dialects if d not in left_out],
        "left_out": [{"dialect": d, "reason": reason} for d, reason in left_out.items()],
        "zero_downtime": spec.zero_downtime,
        "versions": _version_rows(spec),
        "migrations": steps,
        "irreversible": [{"directory": s["directory"], "what": text} for s in steps for text in s["irreversible"]],
        "files": [
            {"path": path, "sha256": hashlib.sha256(body).hexdigest(), "bytes": len(body)}
            for path, body in sorted(files.items())
        ],
    }
    return (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def _version_rows(spec: BundleSpec) -> list[dict]:
    return [
        {
            "number": v.number,
            "message": v.message,
            "author": v.author,
            "released_at": v.released_at,
            **({"baseline": True} if v.baseline else {}),
            **({"dropped": list(v.dropped)} if v.dropped else {}),
        }
        for v in spec.versions
    ]


def _readme(spec: BundleSpec, steps: list[dict], left_out: dict[str, str]) -> str:
    document = design_document(
        project_name=spec.project_name,
        schema=spec.target.schema,
        versions=_version_rows(spec),
        base=spec.base,
        target=spec.target.number,
        dialects=[d for d in spec.dialects if d not in left_out],
        steps=steps,
        analysis=spec.analysis,
        zero_downtime=spec.zero_downtime,
    )
    if not left_out:
        return document
    lines = ["", "## Dialects left out", ""]
    lines += [f"- {DIALECT_NAMES[d]}: {md(reason)}" for d, reason in left_out.items()]
    return document + "\n".join(lines) + "\n"


def zip_files(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(safe_path(path), date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = FILE_MODE
            info.create_system = 3  # Unix, whatever machine builds it: the mode above then means the same
            archive.writestr(info, files[path], compresslevel=6)
    return buffer.getvalue()


def slug(text: str, *, limit: int = 40) -> str:
    """ASCII lower-case words joined by ``_``: a directory name from a version message."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:limit].strip("_")


def safe_path(path: str) -> str:
    """A relative path of plain segments: separators normalised, ``.``/``..``/empty
    segments and odd characters dropped, each segment at most 100 characters."""
    segments = []
    for segment in path.replace("\\", "/").split("/"):
        # Leading dots go: no "..", no hidden files; "__init__.py" stays as it is.
        clean = _UNSAFE.sub("_", unicodedata.normalize("NFKD", segment)).lstrip(".")[:100]
        if clean:
            segments.append(clean)
    return "/".join(segments) or "file"


def _b64(digest: bytes) -> str:
    return base64.b64encode(digest).decode()
