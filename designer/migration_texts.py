"""The migration between two versions as text, per target dialect: what the Compare page
shows beside the readable changes (up and down, with the warnings each file carries),
or why a dialect cannot be written."""

from __future__ import annotations

from dataclasses import dataclass

from designer.deploy import DIALECT_LABELS, target_dialects
from designer.migrate import MigrationError, diff, render
from designer.schema import Schema


@dataclass(frozen=True)
class MigrationText:
    dialect: str
    label: str  # "PostgreSQL", "MySQL/MariaDB", "SQLite"
    up: str = ""
    down: str = ""
    warnings: tuple[str, ...] = ()  # "[code] message", as the file's header says them
    error: str = ""  # the reason this dialect cannot be written; up and down are then empty
    down_warnings: tuple[str, ...] = ()

    @property
    def fails_on_data(self) -> tuple[str, ...]:
        """The steps, up and down, that can fail on the rows a table holds."""
        marked = [("up", w) for w in self.warnings] + [("down", w) for w in self.down_warnings]
        return tuple(f"{way}: {w.removeprefix(_RISK)}" for way, w in marked if w.startswith(_RISK))


_RISK = "[fails-on-data] "


def migration_texts(before: Schema, after: Schema) -> list[MigrationText]:
    """Up and down from ``before`` to ``after`` for each target dialect, the primary first."""
    steps = diff(before, after)
    return [_text(steps, before, after, dialect) for dialect in target_dialects(after)]


def _text(steps, before: Schema, after: Schema, dialect: str) -> MigrationText:
    label = DIALECT_LABELS.get(dialect, dialect)
    try:
        migration = render(steps, dialect=dialect, old=before, new=after)
    except MigrationError as error:
        return MigrationText(dialect=dialect, label=label, error=str(error))
    warnings = tuple(f"[{w.code}] {w.message}" for w in migration.warnings)
    down_warnings = tuple(f"[{w.code}] {w.message}" for w in migration.down_warnings)
    return MigrationText(
        dialect=dialect,
        label=label,
        up=migration.up,
        down=migration.down,
        warnings=warnings,
        down_warnings=down_warnings,
    )
