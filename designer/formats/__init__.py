"""Schema documents in and out: the project's own JSON format and DBML."""

from __future__ import annotations

from designer.formats import dbml, json_doc
from designer.schema import Schema

FORMATS = ("dbml", "json")


def load_schema(text: str, *, fmt: str) -> Schema:
    return dbml.parse_dbml(text) if fmt == "dbml" else json_doc.loads(text)


def dump_schema(schema: Schema, *, fmt: str) -> str:
    return dbml.to_dbml(schema) if fmt == "dbml" else json_doc.dumps(schema)
