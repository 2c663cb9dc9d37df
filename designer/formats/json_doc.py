"""The project's own JSON document format (see docs/json-format.md).

``{"format": "schema-designer", "version": 1, ...the Schema fields...}``. The round
trip is exact: ``loads(dumps(schema)) == schema``, ids included.
"""

from __future__ import annotations

import json
from typing import Any

from designer.formats.codec import from_data, to_data
from designer.problems import Problem, SchemaError
from designer.schema import FORMAT_VERSION, Schema

FORMAT_NAME = "schema-designer"


def schema_to_dict(schema: Schema, *, memo: dict | None = None) -> dict[str, Any]:
    """``memo``: see ``codec.to_data`` (a long-lived process passes one to convert less)."""
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, **to_data(schema, memo)}


def schema_from_dict(data: Any) -> Schema:
    if not isinstance(data, dict):
        raise _problem("the document must be a JSON object")
    body = dict(data)
    name = body.pop("format", None)
    version = body.pop("version", None)
    if name != FORMAT_NAME:
        raise _problem(f'not a schema-designer document (format is {name!r}, expected "{FORMAT_NAME}")')
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _problem(f"the document version must be a positive whole number, got {version!r}")
    if version > FORMAT_VERSION:
        raise _problem(
            f"the document is version {version}, newer than this program reads ({FORMAT_VERSION}); upgrade the program"
        )
    return from_data(Schema, _upgrade(body, version))


def _upgrade(body: dict[str, Any], version: int) -> dict[str, Any]:
    """Older documents read as the current version. 1 → 2 added ``FieldType.written`` and
    the kind ``other``; every version-1 document is already a valid version 2."""
    return body


def dumps(schema: Schema) -> str:
    return json.dumps(schema_to_dict(schema), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def loads(text: str) -> Schema:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SchemaError(
            [Problem(code="json-syntax", message=error.msg, line=error.lineno, column=error.colno)]
        ) from None
    return schema_from_dict(data)


def _problem(message: str) -> SchemaError:
    return SchemaError([Problem(code="bad-document", message=message)])
