"""Enums: values added (middle and end), renamed and removed; an enum renamed, dropped and created."""

from __future__ import annotations

from designer import ops
from designer.examples.histories.build import K, apply, entity, f, key, lit, t, update_field
from designer.schema import Enum, EnumValue, Schema, replace


def _enum(enum_id: str, name: str, *values: str) -> Enum:
    return Enum(enum_id, name, tuple(EnumValue(v) for v in values))


def versions() -> list[Schema]:
    status = _enum("en_status", "ticket_status", "draft", "open", "closed")
    priority = _enum("en_prio", "prio", "low", "high")
    v1 = apply(
        Schema(database_type="PostgreSQL"),
        ops.AddEnum(enum=status),
        ops.AddEnum(enum=priority),
        ops.AddEntity(
            entity=entity(
                "tickets",
                "tickets",
                key("t_id"),
                f("t_status", "status", t(K.ENUM, enum_id="en_status"), nullable=False, default=lit("'draft'")),
                f("t_prio", "priority", t(K.ENUM, enum_id="en_prio")),
                f("t_title", "title", K.TEXT, nullable=False),
            )
        ),
    )
    v2 = apply(
        v1,
        ops.UpdateEnum(
            enum=replace(status, values=tuple(EnumValue(v) for v in ("draft", "open", "review", "closed", "archived")))
        ),
        ops.UpdateEnum(enum=replace(priority, name="priority_level")),
    )
    v3 = apply(v2, ops.RenameEnumValue(enum_id="en_status", old="closed", new="done"))
    v4 = apply(
        v3,
        ops.UpdateEnum(enum=replace(status, values=tuple(EnumValue(v) for v in ("draft", "open", "done", "archived")))),
        update_field("t_status", default=lit("'open'")),
        ops.AddField(entity_id="tickets", field=f("t_prev", "previous_status", t(K.ENUM, enum_id="en_status"))),
    )
    v5 = apply(
        v4,
        ops.RemoveField(entity_id="tickets", field_id="t_prio"),
        ops.RemoveEnum(enum_id="en_prio"),
        ops.AddEnum(enum=_enum("en_kind", "ticket_kind", "bug", "feature")),
        ops.AddField(
            entity_id="tickets",
            field=f("t_kind", "kind", t(K.ENUM, enum_id="en_kind"), nullable=False, default=lit("'bug'")),
        ),
        ops.RenameEnumValue(enum_id="en_status", old="draft", new="new"),
        ops.RenameEnumValue(enum_id="en_status", old="open", new="active"),
        # renamed and added in one version: the renames are still read as renames
        ops.UpdateEnum(
            enum=replace(status, values=tuple(EnumValue(v) for v in ("new", "active", "done", "archived", "blocked")))
        ),
    )
    return [v1, v2, v3, v4, v5]
