"""Typed migration steps: what changes, independent of any dialect.

Each step carries the objects before (``old``) and after (``new``) the change and the
table it happens on as it is when the step runs, so a renderer needs nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from designer.migrate.model import Table

# The actions, in the order diff() emits their groups (dependency order).
ACTIONS = (
    "drop_object",  # views, triggers… that read what changes: dropped first (designer.migrate.objects)
    "alter_object",  # a PostgreSQL sequence whose options changed: altered in place, before the tables
    "drop_foreign_key",
    "drop_index",
    "drop_constraint",
    "drop_column",
    "drop_partition",
    "drop_table",
    "create_schema",
    "create_extension",
    "create_enum",
    "create_domain",
    "alter_domain",
    "rename_enum",
    "rename_enum_value",
    "add_enum_value",
    "rename_table",
    "rename_column",
    "rename_constraint",
    "rename_index",
    "create_table",
    "change_partitioning",
    "add_partition",
    "add_column",
    "alter_column",
    "replace_enum",
    "set_comment",
    "set_table_options",
    "drop_domain",
    "drop_enum",
    "drop_extension",
    "drop_schema",
    "add_constraint",
    "create_index",
    "add_foreign_key",
    "create_object",  # and created again last (functions and sequences before the tables)
)

# Steps after which data cannot come back by running the down migration.
DATA_LOSING = frozenset({"drop_column", "drop_table", "drop_partition"})


@dataclass(frozen=True)
class Step:
    action: str  # one of ACTIONS
    old: Any = None  # the object before: Table, Column, Constraint, IndexDef, EnumType, str (namespace)
    new: Any = None  # the object after
    table: Table | None = None  # the table the step works on, as it is when the step runs (new name)
    old_table: Table | None = None  # the whole table before this migration (SQLite rebuilds, type changes)
    new_table: Table | None = None  # the whole table after this migration
    ref_table: Table | None = None  # foreign keys: the referenced table (as it is when the step runs)
    # add_enum_value: (value, the value it follows or None, the first value now); rename_enum_value: (old, new)
    detail: Any = None

    @property
    def subject(self) -> str:
        """What the step is about, for people: ``column users.email``."""
        thing = self.new if self.new is not None else self.old
        noun = self.action.split("_", 1)[1].replace("_", " ")
        if noun == "object":  # a view, a trigger…: its own kind
            noun = thing.kind.value.replace("_", " ")
        name = getattr(thing, "label", None) or getattr(thing, "qualified_name", None)
        name = name or getattr(thing, "name", None) or str(thing)
        if self.table is not None and noun in ("column", "constraint", "index", "foreign key"):
            name = f"{self.table.label}.{getattr(thing, 'name', name)}"
        return f"{noun} {name}"

    @property
    def description(self) -> str:
        """One line for people: ``rename column clients.full_name (was name)``."""
        verb = self.action.split("_", 1)[0]
        text = f"{verb} {self.subject}"
        before = getattr(self.old, "label", None) if self.action in ("rename_table", "rename_enum") else None
        before = before or getattr(self.old, "name", None)
        if verb == "rename" and self.action not in ("rename_enum_value",) and before:
            text += f" (was {before})"
        if self.action in ("rename_enum_value", "add_enum_value") and self.detail:
            text += f": {self.detail[0]!r}" + (f" → {self.detail[1]!r}" if self.action == "rename_enum_value" else "")
        return text

    @property
    def loses_data(self) -> bool:
        if self.action in DATA_LOSING:
            return True
        return self.action == "alter_column" and bool(self.detail and self.detail.get("narrowing"))


# Steps SQLite makes by rebuilding the table (designer.migrate.sqlite): the views and
# triggers on it go with the old table and are made again (designer.migrate.objects).
SQLITE_REBUILDS = frozenset(
    {
        "add_column",
        "drop_column",
        "alter_column",
        "add_constraint",
        "drop_constraint",
        "rename_constraint",
        "add_foreign_key",
        "drop_foreign_key",
    }
)
