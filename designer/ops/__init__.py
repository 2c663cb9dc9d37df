"""Edit operations: every change to a schema is one of these.

``apply(schema, op)`` returns the new schema and the op that undoes it, so undo,
redo and history all come from one mechanism. Ops only check that the objects they
name exist; whether the result is a good schema is ``designer.validate``'s job (the
service refuses to save a result with errors).

Removals cascade where leaving a dangling reference would make no sense
(relationships of a removed field, group membership of a removed entity); their
inverse restores every removed piece at its old position. Access patterns are never
cascaded: a pattern naming a deleted field stays and is flagged by validation.
"""

from __future__ import annotations

from typing import Any

from designer.db_objects import follow_renames
from designer.formats.codec import from_data, to_data
from designer.ops.base import Op
from designer.ops.describe import describe, narrate, removal_impact
from designer.ops.entities import (
    AddEntity,
    AddEnum,
    AddGroup,
    AddNote,
    AddPattern,
    AddRelationship,
    RemoveEntity,
    RemoveEnum,
    RemoveGroup,
    RemoveNote,
    RemovePattern,
    RemoveRelationship,
    ReverseRelationship,
    UpdateEntity,
    UpdateEnum,
    UpdateGroup,
    UpdateNote,
    UpdatePattern,
    UpdateRelationship,
)
from designer.ops.fields import (
    AddField,
    AddIndex,
    MoveField,
    RemoveField,
    RemoveIndex,
    RenameEnumValue,
    SetPrimaryKey,
    UpdateField,
    UpdateIndex,
)
from designer.ops.settings import (
    Batch,
    ReplaceSchema,
    SetDiagramSettings,
    SetPositions,
    SetProjectInfo,
    SetSubjectArea,
    SetVolume,
)
from designer.problems import Problem, SchemaError
from designer.schema import Schema

__all__ = [
    "OP_TYPES",
    "AddEntity",
    "AddEnum",
    "AddField",
    "AddGroup",
    "AddIndex",
    "AddNote",
    "AddPattern",
    "AddRelationship",
    "Batch",
    "MoveField",
    "Op",
    "RemoveEntity",
    "RemoveEnum",
    "RemoveField",
    "RemoveGroup",
    "RemoveIndex",
    "RemoveNote",
    "RemovePattern",
    "RemoveRelationship",
    "RenameEnumValue",
    "ReplaceSchema",
    "ReverseRelationship",
    "SetDiagramSettings",
    "SetPositions",
    "SetPrimaryKey",
    "SetProjectInfo",
    "SetSubjectArea",
    "SetVolume",
    "UpdateEntity",
    "UpdateEnum",
    "UpdateField",
    "UpdateGroup",
    "UpdateIndex",
    "UpdateNote",
    "UpdatePattern",
    "UpdateRelationship",
    "apply",
    "describe",
    "narrate",
    "op_from_dict",
    "op_to_dict",
    "removal_impact",
]


def apply(schema: Schema, op: Op) -> tuple[Schema, Op]:
    """``op`` applied; views and triggers reading a renamed table or field follow the rename."""
    after, inverse = op.apply(schema)
    return follow_renames(schema, after), inverse


# --- storage ----------------------------------------------------------------------------

# Stored ops name their class; every op class must be listed here to load again.
OP_TYPES: dict[str, type[Op]] = {
    cls.__name__: cls
    for cls in (
        AddEntity,
        UpdateEntity,
        RemoveEntity,
        AddField,
        UpdateField,
        MoveField,
        RemoveField,
        SetPrimaryKey,
        AddIndex,
        UpdateIndex,
        RemoveIndex,
        AddRelationship,
        UpdateRelationship,
        RemoveRelationship,
        ReverseRelationship,
        AddEnum,
        UpdateEnum,
        RemoveEnum,
        RenameEnumValue,
        AddGroup,
        UpdateGroup,
        RemoveGroup,
        AddNote,
        UpdateNote,
        RemoveNote,
        AddPattern,
        UpdatePattern,
        RemovePattern,
        SetVolume,
        SetDiagramSettings,
        SetPositions,
        SetSubjectArea,
        SetProjectInfo,
        ReplaceSchema,
        Batch,
    )
}


def op_to_dict(op: Op) -> dict[str, Any]:
    if isinstance(op, Batch):
        return {"op": "Batch", "ops": [op_to_dict(o) for o in op.ops]}
    return {"op": type(op).__name__, **to_data(op)}


def op_from_dict(data: Any) -> Op:
    name = data.get("op") if isinstance(data, dict) else None
    if not isinstance(name, str) or name not in OP_TYPES:  # a list or dict name is unhashable
        raise SchemaError([Problem(code="bad-op", message=f"unknown edit operation {name!r}")])
    body = {k: v for k, v in data.items() if k != "op"}
    if data["op"] == "Batch":
        ops = body.get("ops")
        if not isinstance(ops, list):
            raise SchemaError([Problem(code="bad-op", message="a batch needs a list of ops")])
        return Batch(ops=tuple(op_from_dict(o) for o in ops))
    return from_data(OP_TYPES[data["op"]], body, path=data["op"])
