"""Prisma schemas in: Prisma's own reading (DMMF, see ``prisma_reader``) onto the schema model.

The design holds what reaches the database, so names are the database's: a model's
``@@map`` is the table, a field's ``@map`` the column, an enum value's ``@map`` the label.
Types are the SQL types Prisma's migrations create for the datasource's provider
(``prisma_types``). What Prisma keeps only in the client (``uuid()`` / ``cuid()``
defaults, ``@updatedAt`` under another name, ``//`` comments, views, ``@@id`` names) is a
notice with its line, never dropped silently. DMMF leaves out ``Unsupported("…")`` fields
and foreign-key names (``@relation(map: …)``): those are read from the source lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from designer.formats.prisma_reader import read_prisma
from designer.formats.prisma_types import SQL_OPERATOR_CLASS, sql_of
from designer.problems import Problem, SchemaError, Severity
from designer.schema import (
    Cardinality,
    Default,
    DefaultKind,
    Entity,
    Enum,
    EnumValue,
    Field,
    FieldType,
    Index,
    IndexColumn,
    IndexMethod,
    RefAction,
    Relationship,
    Schema,
    SortOrder,
    TypeKind,
    fresh_id,
    replace,
)
from designer.types import MYSQL, POSTGRESQL, SQLITE, read_type

PROVIDERS = {
    "postgresql": POSTGRESQL,
    "postgres": POSTGRESQL,
    "cockroachdb": POSTGRESQL,
    "mysql": MYSQL,
    "sqlite": SQLITE,
}
DATABASE_TYPES = {POSTGRESQL: "PostgreSQL", MYSQL: "MySQL", SQLITE: "SQLite"}
ACTIONS = {
    "Cascade": RefAction.CASCADE,
    "Restrict": RefAction.RESTRICT,
    "NoAction": RefAction.NO_ACTION,
    "SetNull": RefAction.SET_NULL,
    "SetDefault": RefAction.SET_DEFAULT,
}
METHODS = {
    "BTree": IndexMethod.BTREE,
    "Hash": IndexMethod.HASH,
    "Gin": IndexMethod.GIN,
    "Gist": IndexMethod.GIST,
    "Brin": IndexMethod.BRIN,
    "SpGist": IndexMethod.SPGIST,
}
# Defaults Prisma's client fills in; the database never sees them.
APP_SIDE_DEFAULTS = frozenset({"uuid", "cuid", "nanoid", "ulid"})
# Field names the Prisma generator marks @updatedAt by itself (designer/codegen/prisma.py).
UPDATED_AT_NAMES = frozenset({"updatedAt", "modifiedAt"})

_BLOCK = re.compile(r"^\s*(model|enum|view|type|datasource|generator)\s+([A-Za-z_][\w]*)\s*\{")
_MEMBER = re.compile(r"^\s*([A-Za-z_]\w*)\s+(\S.*)$")
UNSUPPORTED = re.compile(r'^Unsupported\(\s*"((?:[^"\\]|\\.)*)"\s*\)(\[\]|\?)?\s*(.*)$')
_STRING_ARG = r'"((?:[^"\\]|\\.)*)"'
_MAP = re.compile(r"@map\(\s*(?:name:\s*)?" + _STRING_ARG)
_DBGENERATED = re.compile(r"@default\(\s*dbgenerated\(\s*" + _STRING_ARG)
RELATION_MAP = re.compile(r"@relation\(.*\bmap:\s*" + _STRING_ARG)
_ID_MAP = re.compile(r"@@?id\(.*\bmap:\s*" + _STRING_ARG)
_CONNECTION_URL = re.compile(r"^\s*(url|directUrl|shadowDatabaseUrl)\s*=")
_PREVIEW_FEATURES = re.compile(r"^\s*previewFeatures\s*=")
_UNKNOWN_FEATURE = re.compile(r'The preview feature "(\w+)" is not known')
_LINE_COMMENT = re.compile(r"^\s*//(?!/)")


@dataclass(frozen=True)
class PrismaImport:
    schema: Schema
    notices: tuple[Problem, ...] = ()


@dataclass
class _Block:
    kind: str
    name: str
    line: int
    members: dict[str, tuple[int, str]] = field(default_factory=dict)  # name → (line, text after the name)
    attributes: list[tuple[int, str]] = field(default_factory=list)  # @@ lines


def import_prisma(text: str) -> PrismaImport:
    text = without_connection_urls(text)
    reading = read_known_features(text)
    return _Importer(reading, blocks(text), text).build()


def without_connection_urls(text: str) -> str:
    """The schema without the datasource's connection URLs (``url = env("…")``): they are not
    schema, and Prisma 7's parser refuses them where Prisma 6 required them. Lines are blanked,
    not removed, so every line number stays the file's."""
    lines = text.split("\n")
    inside = False
    for number, line in enumerate(lines):
        if _BLOCK.match(line) and line.split()[0] == "datasource":
            inside = True
        elif inside and line.strip().startswith("}"):
            inside = False
        elif inside and _CONNECTION_URL.match(line):
            lines[number] = ""
    return "\n".join(lines)


def _without_feature(line: str, feature: str) -> str:
    """``previewFeatures = ["a", "b"]`` without ``feature``, on the same line."""
    indent, _, _ = line.partition("previewFeatures")
    kept = [f for f in re.findall(r'"([^"]*)"', line) if f != feature]
    return indent + "previewFeatures = [" + ", ".join(f'"{f}"' for f in kept) + "]"


def read_known_features(text: str):
    """``read_prisma``, leaving out the generator's preview features this parser does not
    know: they are the client's business, not schema, and each Prisma version knows only its
    own (an older file's ``"metrics"`` is an error to a newer parser)."""
    return read_parseable(text)[0]


def parseable_text(text: str) -> str:
    """``text`` as Prisma's own parser of this version accepts it (see ``read_known_features``)."""
    return read_parseable(without_connection_urls(text))[1]


def read_parseable(text: str) -> tuple[dict, str]:
    for _ in range(20):
        try:
            return read_prisma(text), text
        except SchemaError as error:
            unknown = _UNKNOWN_FEATURE.search(str(error))
            if unknown is None:
                raise
            text = "\n".join(
                _without_feature(line, unknown[1]) if _PREVIEW_FEATURES.match(line) else line
                for line in text.split("\n")
            )
    return read_prisma(text), text


def blocks(text: str) -> dict[tuple[str, str], _Block]:
    """Where each block and member is in the source, and its raw text (for what DMMF omits)."""
    blocks: dict[tuple[str, str], _Block] = {}
    current: _Block | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if current is None:
            match = _BLOCK.match(line)
            if match:
                current = _Block(kind=match[1], name=match[2], line=number)
                blocks[(current.kind, current.name)] = current
            continue
        if stripped.startswith("}"):
            current = None
        elif stripped.startswith("@@"):
            current.attributes.append((number, stripped))
        elif not stripped.startswith("//"):
            member = _MEMBER.match(line)
            if member:
                current.members.setdefault(member[1], (number, member[2].strip()))
            elif stripped:
                current.members.setdefault(stripped, (number, ""))  # an enum value alone on its line
    return blocks


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _unescape(value: str) -> str:
    return value.replace('\\"', '"').replace("\\\\", "\\")


class _Importer:
    def __init__(self, reading: dict, blocks: dict[tuple[str, str], _Block], text: str):
        self.datamodel = reading["datamodel"]
        self.blocks = blocks
        self.text = text
        self.taken: set[str] = set()
        self.notices: list[Problem] = []
        self.provider = self._provider(reading["datasources"])
        self.enum_ids: dict[str, str] = {}
        self.enum_values: dict[str, dict[str, str]] = {}  # enum → value → label in the database
        self.entity_ids: dict[str, str] = {}
        self.field_ids: dict[tuple[str, str], str] = {}  # (model, Prisma field name) → field id
        self.entities: dict[str, Entity] = {}

    # --- notices --------------------------------------------------------------------------

    def _notice(self, code: str, message: str, line: int | None) -> None:
        self.notices.append(Problem(code=code, message=message, line=line, severity=Severity.WARNING))

    def _line(self, kind: str, name: str, member: str | None = None) -> int | None:
        block = self.blocks.get((kind, name))
        if block is None:
            return None
        if member is None:
            return block.line
        return block.members.get(member, (block.line, ""))[0]

    def _member_text(self, model: str, member: str) -> str:
        block = self.blocks.get(("model", model))
        return block.members.get(member, (0, ""))[1] if block else ""

    # --- the whole --------------------------------------------------------------------------

    def _provider(self, datasources: list[dict]) -> str:
        if not datasources:
            self._notice("prisma-no-datasource", "no datasource block: read as PostgreSQL", None)
            return POSTGRESQL
        provider = datasources[0]["provider"]
        if provider not in PROVIDERS:
            message = (
                f"datasource provider {provider!r}: only postgresql, mysql, sqlite (and cockroachdb, "
                "read as PostgreSQL) can be imported"
            )
            raise SchemaError(
                [Problem(code="prisma-provider-unsupported", message=message, line=self._datasource_line())]
            )
        if provider == "cockroachdb":
            self._notice("prisma-cockroachdb", "provider cockroachdb is read as PostgreSQL", self._datasource_line())
        return PROVIDERS[provider]

    def _datasource_line(self) -> int | None:
        return next((b.line for b in self.blocks.values() if b.kind == "datasource"), None)

    def build(self) -> Schema:
        enums = tuple(self._enum(e) for e in self.datamodel["enums"])
        models = self.datamodel["models"]
        for model in models:
            self.entity_ids[model["name"]] = fresh_id("ent", self.taken)
        for model in models:
            self.entities[model["name"]] = self._entity(model)
        self._indexes()
        relationships = tuple(r for model in models for r in self._relationships(model))
        self._leftovers()
        schema = Schema(
            entities=tuple(self.entities[m["name"]] for m in models),
            relationships=relationships,
            enums=enums,
            database_type=DATABASE_TYPES[self.provider],
        )
        return PrismaImport(schema=schema, notices=tuple(sorted(self.notices, key=lambda p: p.line or 0)))

    def _namespace(self, schema_name: str | None) -> str | None:
        if self.provider != POSTGRESQL or schema_name in (None, "public"):
            return None
        return schema_name

    def _enum(self, enum: dict) -> Enum:
        enum_id = fresh_id("enum", self.taken)
        self.enum_ids[enum["name"]] = enum_id
        labels = {v["name"]: v.get("dbName") or v["name"] for v in enum["values"]}
        self.enum_values[enum["name"]] = labels
        return Enum(
            id=enum_id,
            name=enum.get("dbName") or enum["name"],
            values=tuple(EnumValue(name=label) for label in labels.values()),
            namespace=self._namespace(enum.get("schema")),
            comment=enum.get("documentation"),
        )

    # --- models ---------------------------------------------------------------------------

    def _entity(self, model: dict) -> Entity:
        name = model["name"]
        placed: list[tuple[int, Field]] = []
        for prisma_field in model["fields"]:
            if prisma_field["kind"] in ("scalar", "enum"):
                placed.append((self._line("model", name, prisma_field["name"]) or 0, self._field(model, prisma_field)))
        placed += self._unsupported_fields(model)
        placed.sort(key=lambda pair: pair[0])
        fields = tuple(f for _, f in placed)
        if model.get("primaryKey"):
            primary_key = tuple(self.field_ids[(name, n)] for n in model["primaryKey"]["fields"])
        else:
            primary_key = tuple(self.field_ids[(name, f["name"])] for f in model["fields"] if f.get("isId"))
        fields = tuple(replace(f, nullable=False) if f.id in primary_key else f for f in fields)
        block = self.blocks.get(("model", name))
        for line, attribute in block.attributes if block else ():
            if attribute.startswith("@@id") and _ID_MAP.search(attribute):
                self._notice("prisma-key-name", f"model {name}: the primary key's name (map) is not kept", line)
            if attribute.startswith(("@@ignore", "@@fulltext")):
                self._notice("prisma-attribute-left-out", f"model {name}: {attribute} is not kept", line)
        for member, (line, rest) in block.members.items() if block else ():
            if "@id(" in rest and _ID_MAP.search(rest):
                self._notice("prisma-key-name", f"model {name}: the primary key's name (map) is not kept", line)
            if re.search(r"@ignore\b", rest):
                self._notice("prisma-attribute-left-out", f"{name}.{member}: @ignore is not kept", line)
        return Entity(
            id=self.entity_ids[name],
            name=model.get("dbName") or name,
            fields=fields,
            namespace=self._namespace(model.get("schema")),
            primary_key=primary_key,
            comment=model.get("documentation"),
        )

    def _field(self, model: dict, prisma_field: dict) -> Field:
        model_name, name = model["name"], prisma_field["name"]
        field_id = fresh_id("fld", self.taken)
        self.field_ids[(model_name, name)] = field_id
        line = self._line("model", model_name, name)
        if prisma_field["kind"] == "enum":
            field_type = FieldType(
                TypeKind.ENUM, enum_id=self.enum_ids[prisma_field["type"]], array=prisma_field["isList"]
            )
        else:
            sql = sql_of(prisma_field["type"], prisma_field.get("nativeType"), provider=self.provider)
            field_type = read_type(sql + ("[]" if prisma_field["isList"] else ""), dialect=self.provider)[0]
        identity, default = self._default(model_name, prisma_field, line)
        if prisma_field.get("isUpdatedAt") and name not in UPDATED_AT_NAMES:
            self._notice(
                "prisma-updated-at",
                f"{model_name}.{name}: @updatedAt is set by Prisma's client, not the database; not kept",
                line,
            )
        return Field(
            id=field_id,
            name=prisma_field.get("dbName") or name,
            type=field_type,
            nullable=not prisma_field["isRequired"],
            default=default,
            identity=identity,
            comment=prisma_field.get("documentation"),
            filled_by_database=_filled_by_database(prisma_field),
        )

    def _default(self, model: str, prisma_field: dict, line: int | None) -> tuple[bool, Default | None]:
        if "default" not in prisma_field:
            return False, None
        value = prisma_field["default"]
        label = f"{model}.{prisma_field['name']}"
        if isinstance(value, dict):
            function, args = value["name"], value.get("args", [])
            if function == "autoincrement":
                return True, None
            if function == "now":
                return False, Default(DefaultKind.EXPRESSION, "CURRENT_TIMESTAMP")
            if function == "dbgenerated":  # without an expression: the field says so (a trigger)
                return False, Default(DefaultKind.EXPRESSION, str(args[0])) if args else None
            where = "by Prisma's client" if function in APP_SIDE_DEFAULTS else "outside the database"
            self._notice(
                "prisma-app-default",
                f"{label}: @default({function}()) is filled in {where}; the column keeps no default",
                line,
            )
            return False, None
        if isinstance(value, list):
            if prisma_field["kind"] == "enum":
                value = [self.enum_values[prisma_field["type"]][v] for v in value]
            return False, Default(DefaultKind.LITERAL, _sql_array(value))
        if prisma_field["kind"] == "enum":
            return False, Default(DefaultKind.LITERAL, _sql_string(self.enum_values[prisma_field["type"]][value]))
        if isinstance(value, bool):
            return False, Default(DefaultKind.LITERAL, "true" if value else "false")
        if isinstance(value, int | float) and prisma_field["type"] not in ("String", "Json", "DateTime"):
            return False, Default(DefaultKind.LITERAL, str(value))
        return False, Default(DefaultKind.LITERAL, _sql_string(str(value)))

    def _unsupported_fields(self, model: dict) -> list[tuple[int, Field]]:
        """``Unsupported("…")`` fields: kept with their type as written; DMMF leaves them out."""
        block = self.blocks.get(("model", model["name"]))
        known = {f["name"] for f in model["fields"]}
        found = []
        for member, (line, rest) in block.members.items() if block else ():
            match = UNSUPPORTED.match(rest)
            if member in known or not match:
                continue
            written, modifier, attributes = _unescape(match[1]), match[2], match[3]
            field_id = fresh_id("fld", self.taken)
            self.field_ids[(model["name"], member)] = field_id
            column = _MAP.search(attributes)
            generated = _DBGENERATED.search(attributes)
            field_type = read_type(written + ("[]" if modifier == "[]" else ""), dialect=self.provider)[0]
            found.append(
                (
                    line,
                    Field(
                        id=field_id,
                        name=_unescape(column[1]) if column else member,
                        type=field_type,
                        nullable=modifier == "?",
                        default=Default(DefaultKind.EXPRESSION, _unescape(generated[1])) if generated else None,
                        unique="@unique" in attributes,
                    ),
                )
            )
        return found

    # --- indexes and keys -------------------------------------------------------------------

    def _indexes(self) -> None:
        for index in self.datamodel.get("indexes", []):
            model = index["model"]
            if index["type"] == "id" or model not in self.entities:
                continue
            entity = self.entities[model]
            line = self._index_line(index)
            if _plain_unique(index):
                # the field's own @unique: its flag (DMMF's isUnique is no guide: it leaves it
                # out on an @id field and sets it for a one-field @@unique too)
                unique_id = self.field_ids[(model, index["fields"][0]["name"])]
                fields = tuple(replace(f, unique=True) if f.id == unique_id else f for f in entity.fields)
                self.entities[model] = replace(entity, fields=fields)
                continue
            columns = []
            for key in index["fields"]:
                order = SortOrder.DESC if key.get("sortOrder") == "desc" else SortOrder.ASC
                field_id, length = self.field_ids[(model, key["name"])], key.get("length")
                operator_class = key.get("operatorClass")  # ArrayOps, or raw("…")'s text as written
                columns.append(
                    IndexColumn(
                        field_id=field_id,
                        order=order,
                        length=length if length else None,
                        opclass=SQL_OPERATOR_CLASS.get(operator_class, operator_class),
                    )
                )
            algorithm = index.get("algorithm")
            if algorithm and algorithm not in METHODS:
                self._notice("prisma-index-type", f"model {model}: index type {algorithm} is kept as BTree", line)
            new = Index(
                id=fresh_id("idx", self.taken),
                columns=tuple(columns),
                name=index.get("dbName"),
                unique=index["type"] == "unique",
                method=IndexMethod.FULLTEXT
                if index["type"] == "fulltext"
                else METHODS.get(algorithm, IndexMethod.BTREE),
            )
            self.entities[model] = replace(entity, indexes=(*entity.indexes, new))

    def _index_line(self, index: dict) -> int | None:
        block = self.blocks.get(("model", index["model"]))
        if block is None:
            return None
        if index.get("isDefinedOnField"):
            return self._line("model", index["model"], index["fields"][0]["name"])
        word = {"unique": "@@unique", "normal": "@@index", "fulltext": "@@fulltext"}.get(index["type"], "@@")
        keys = [k["name"] for k in index["fields"]]
        for line, attribute in block.attributes:
            if attribute.startswith(word) and all(re.search(rf"\b{re.escape(k)}\b", attribute) for k in keys):
                return line
        return block.line

    # --- relations --------------------------------------------------------------------------

    def _relationships(self, model: dict) -> list[Relationship]:
        found = []
        for prisma_field in model["fields"]:
            if prisma_field["kind"] != "object":
                continue
            if prisma_field.get("relationFromFields"):
                found.append(self._foreign_key(model, prisma_field))
            elif prisma_field["isList"] and self._implicit_many(model, prisma_field):
                found.append(self._many_to_many(model, prisma_field))
        return found

    def _foreign_key(self, model: dict, prisma_field: dict) -> Relationship:
        name, target = model["name"], prisma_field["type"]
        source_ids = tuple(self.field_ids[(name, n)] for n in prisma_field["relationFromFields"])
        target_ids = tuple(self.field_ids[(target, n)] for n in prisma_field["relationToFields"])
        entity = self.entities[name]
        optional = any(entity.field(i).nullable for i in source_ids)
        # What Prisma's migrations create when the schema names no action.
        on_delete = prisma_field.get("relationOnDelete") or ("SetNull" if optional else "Restrict")
        on_update = prisma_field.get("relationOnUpdate") or "Cascade"
        constraint = RELATION_MAP.search(self._member_text(name, prisma_field["name"]))
        return Relationship(
            id=fresh_id("rel", self.taken),
            cardinality=Cardinality.ONE_TO_ONE if _unique(entity, source_ids) else Cardinality.ONE_TO_MANY,
            from_entity_id=self.entity_ids[name],
            from_field_ids=source_ids,
            to_entity_id=self.entity_ids[target],
            to_field_ids=target_ids,
            name=_unescape(constraint[1]) if constraint else None,
            on_delete=ACTIONS[on_delete],
            on_update=ACTIONS[on_update],
        )

    def _implicit_many(self, model: dict, prisma_field: dict) -> bool:
        """A list whose other side is a list too: Prisma's implicit many-to-many (its own join
        table ``_<relation>``). Taken once, from the side that sorts first."""
        other = next(
            (
                f
                for m in self.datamodel["models"]
                if m["name"] == prisma_field["type"]
                for f in m["fields"]
                if f.get("relationName") == prisma_field["relationName"] and f is not prisma_field
            ),
            None,
        )
        if other is None or not other["isList"]:
            return False
        return (model["name"], prisma_field["name"]) <= (prisma_field["type"], other["name"])

    def _many_to_many(self, model: dict, prisma_field: dict) -> Relationship:
        left, right = self.entities[model["name"]], self.entities[prisma_field["type"]]
        return Relationship(
            id=fresh_id("rel", self.taken),
            cardinality=Cardinality.MANY_TO_MANY,
            from_entity_id=left.id,
            from_field_ids=left.primary_key,
            to_entity_id=right.id,
            to_field_ids=right.primary_key,
            name=prisma_field["relationName"],  # Prisma's join table is "_" + this name
            on_delete=RefAction.CASCADE,
            on_update=RefAction.CASCADE,
        )

    # --- what is not a table ----------------------------------------------------------------

    def _leftovers(self) -> None:
        for block in self.blocks.values():
            if block.kind in ("view", "type"):
                what = "a view" if block.kind == "view" else "a composite type (MongoDB)"
                self._notice("prisma-block-left-out", f"{block.kind} {block.name}: {what} is not kept", block.line)
        comments = [n for n, line in enumerate(self.text.splitlines(), start=1) if _LINE_COMMENT.match(line)]
        if comments:
            self._notice(
                "prisma-comments-left-out",
                f"{len(comments)} // comment line(s) left out (/// documentation comments are kept)",
                comments[0],
            )


def _filled_by_database(prisma_field: dict) -> bool:
    """``@default(dbgenerated())``: the database sets the value, though no DEFAULT says how."""
    default = prisma_field.get("default")
    return isinstance(default, dict) and default["name"] == "dbgenerated" and not default.get("args")


def _plain_unique(index: dict) -> bool:
    """A field's ``@unique`` with nothing the field's unique flag cannot say (a name, a
    descending order, a prefix length): every other unique key is an index of its own."""
    if index["type"] != "unique" or not index.get("isDefinedOnField") or index.get("dbName"):
        return False
    (key,) = index["fields"]
    return key.get("sortOrder") != "desc" and not key.get("length")


def _unique(entity: Entity, field_ids: tuple[str, ...]) -> bool:
    if len(field_ids) == 1 and entity.field(field_ids[0]).unique:
        return True
    if set(field_ids) == set(entity.primary_key):
        return True
    return any(i.unique and {c.field_id for c in i.columns} == set(field_ids) for i in entity.indexes)


def _sql_array(values: list) -> str:
    """A Prisma list default (``[]``, ``["a", "b"]``, ``[1, 2]``) as a PostgreSQL array literal."""
    items = []
    for value in values:
        if isinstance(value, str):
            items.append('"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"')
        elif isinstance(value, bool):
            items.append("true" if value else "false")
        else:
            items.append(str(value))
    return _sql_string("{" + ",".join(items) + "}")
