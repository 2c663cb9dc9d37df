"""DBML type names ↔ the portable type system (the rules live in ``designer.types``)."""

from __future__ import annotations

from designer.schema import FieldType, TypeKind
from designer.types import POSTGRESQL, dialect_of, display_type, read_type, sql_type

__all__ = ["dbml_type_text", "display_type", "field_type_from_text", "read_type"]


def dbml_type_text(field_type: FieldType, *, database_type: str | None, enum_name: str | None = None) -> str:
    """The type written to DBML: as written when it was (DBML keeps any type text, so
    ``string`` or ``NUMBER(10)`` stay as they are), else the spelling of the project's
    dialect (PostgreSQL when none is set, as dbdiagram.io assumes)."""
    if field_type.kind is TypeKind.ENUM:
        return display_type(field_type, enum_name=enum_name)
    if field_type.written:
        return field_type.written
    source = dialect_of(database_type)
    return sql_type(field_type, dialect=source or POSTGRESQL, source_dialect=source)


def field_type_from_text(text: str, enums, *, dialect: str | None = None) -> FieldType | None:
    """What a user types in the editor's type box: ``varchar(120)``, ``decimal(10,2)``,
    ``text[]``, ``geometry(Point,4326)``, or the name of one of ``enums``. None only for
    blank text: a type we do not know is kept as written."""
    name = text.strip()
    if not name:
        return None
    array = name.endswith("[]")
    bare = name.removesuffix("[]").strip().strip('"')
    for enum in enums:
        if bare in (enum.name, enum.qualified_name):
            return FieldType(TypeKind.ENUM, enum_id=enum.id, array=array)
    return read_type(name, dialect=dialect)[0]
