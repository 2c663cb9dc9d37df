"""Types no server of the schema's dialect would accept (a typo like ``varchr(20)``):
a warning, so imports keep them and say so; the field form refuses them at entry."""

from __future__ import annotations

from designer.schema import Schema, TypeKind
from designer.type_catalog import known, unknown_message
from designer.types import dialect_of
from designer.validate._common import _entity_path, _warning


def unknown_types(schema: Schema):
    dialect = dialect_of(schema.database_type)
    verdicts: dict[str, bool] = {}  # an imported schema repeats a few spellings many times
    for entity in schema.entities:
        for field in entity.fields:
            written = field.type.written
            if field.type.kind is TypeKind.ENUM or not written:
                continue
            if written not in verdicts:
                verdicts[written] = known(written, dialect, schema)
            if verdicts[written]:
                continue
            yield _warning(
                "unknown-type",
                f"{_entity_path(entity)}/fields/{field.name}",
                f"{entity.qualified_name}.{field.name}: {unknown_message(written, dialect, schema)}",
            )
