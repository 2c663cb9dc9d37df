"""Views, functions, triggers, sequences and virtual tables: kept as the SQL that creates
them (``schema.DatabaseObject``), never designed. What the readers and migrations share:

- ``ObjectDraft``: what a reader saw (the statement, the names it uses), resolved to ids
  of entities, fields and earlier objects by ``resolve_objects`` once every table is known;
- ``postgresql_references``: the tables, columns and functions a pglast parse tree names;
- ``creation_order``: objects in an order each one's dependencies come first;
- ``dependents``: the objects that use something a migration changes (views on views too);
- ``renamed``: an object's SQL with a renamed table or column spelled the new way, and
  ``follow_renames``, which keeps every object's SQL in step with the edits.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from designer.schema import DatabaseObject, Entity, ObjectKind, fresh_id

TableKey = tuple[str | None, str]

# Created before the tables (a default or a check may call a function; a column may draw
# from a sequence); the others after them, since they read tables.
EARLY_KINDS = frozenset({ObjectKind.FUNCTION, ObjectKind.SEQUENCE})
# What a change to a column it reads breaks (PostgreSQL: "cannot alter type of a column
# used by a view or rule"; SQLite: a rebuild drops the table's triggers).
BLOCKING_KINDS = frozenset(
    {ObjectKind.VIEW, ObjectKind.MATERIALIZED_VIEW, ObjectKind.TRIGGER, ObjectKind.VIRTUAL_TABLE}
)
KIND_LABELS = {kind: kind.label for kind in ObjectKind}


@dataclass
class ObjectDraft:
    kind: ObjectKind
    key: TableKey  # (namespace, name)
    sql: str
    dialect: str
    tables: list[TableKey] = field(default_factory=list)  # relations named (tables, views)
    columns: set[str] = field(default_factory=set)  # column names used ("*": all of them)
    functions: list[TableKey] = field(default_factory=list)
    line: int | None = None


def statement_sql(text: str) -> str:
    """A statement as written, one final ";" (the readers slice it from the source)."""
    return text.strip().rstrip(";").rstrip() + ";"


def resolve_objects(
    drafts: list[ObjectDraft], entities: dict[TableKey, Entity], taken: set[str], *, serial_sequences: set[TableKey]
) -> tuple[DatabaseObject, ...]:
    """Drafts → objects with their dependencies as ids (``entities`` by lower-cased key).
    A sequence behind a serial column
    belongs to that column (its identity), so it is not kept twice."""
    found: dict[tuple[str, TableKey], str] = {}
    objects = []
    for draft in drafts:
        if draft.kind is ObjectKind.SEQUENCE and _folded(draft.key) in serial_sequences:
            continue
        object_id = fresh_id("obj", taken)
        depends: list[str] = []
        for key in draft.tables:
            entity = entities.get(_folded(key))
            if entity is not None:
                depends.append(entity.id)
                depends += [f.id for f in entity.fields if f.name in draft.columns or "*" in draft.columns]
            elif (other := _earlier(found, key, ("relation",))) is not None:
                depends.append(other)
        depends += [other for key in draft.functions if (other := _earlier(found, key, ("function",))) is not None]
        kind = "function" if draft.kind is ObjectKind.FUNCTION else "relation"
        found[(kind, _folded(draft.key))] = object_id
        objects.append(
            DatabaseObject(
                id=object_id,
                kind=draft.kind,
                name=draft.key[1],
                namespace=draft.key[0],
                sql=draft.sql,
                dialect=draft.dialect,
                depends_on=tuple(dict.fromkeys(depends)),
            )
        )
    return tuple(objects)


def _folded(key: TableKey) -> TableKey:
    return (key[0].lower() if key[0] else None, key[1].lower())


def _earlier(found: dict, key: TableKey, kinds: tuple[str, ...]) -> str | None:
    return next((found[(kind, _folded(key))] for kind in kinds if (kind, _folded(key)) in found), None)


# --- PostgreSQL parse trees (pglast's JSON) ----------------------------------------------


def postgresql_references(tree) -> tuple[list[TableKey], set[str], list[TableKey]]:
    """The relations (and types, which may be a table's row type), column names and
    functions a parse tree names (CTE names, aliases and built-in types come out as
    relations too: they resolve to nothing)."""
    tables: list[TableKey] = []
    columns: set[str] = set()
    functions: list[TableKey] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        if "RangeVar" in node:
            body = node["RangeVar"]
            tables.append((_namespace(body.get("schemaname")), body["relname"]))
        elif "ColumnRef" in node:
            fields = node["ColumnRef"].get("fields", [])
            last = fields[-1] if fields else {}
            columns.add("*" if "A_Star" in last else last.get("String", {}).get("sval", ""))
        elif "FuncCall" in node:
            functions.append(_names_key(node["FuncCall"].get("funcname", [])))
        # A type (a parameter's, a result's, a cast's) may be a table's row type: pglast
        # writes these TypeName nodes unwrapped.
        tables += [
            _names_key(node[k]["names"]) for k in _TYPE_KEYS if isinstance(node.get(k), dict) and "names" in node[k]
        ]
        stack.extend(node.values())
    return tables, columns, functions


_TYPE_KEYS = ("returnType", "argType", "typeName")


def _namespace(schema: str | None) -> str | None:
    return None if schema in (None, "", "public") else schema


def _names_key(names: list[dict]) -> TableKey:
    strings = [n["String"]["sval"] for n in names if "String" in n]
    if not strings:
        return (None, "")
    return (_namespace(strings[-2]) if len(strings) >= 2 else None), strings[-1]


# --- order and dependencies ------------------------------------------------------------------


def creation_order(objects) -> list:
    """Objects with every dependency among them first; otherwise as written."""
    by_id = {o.id: o for o in objects}
    done: set[str] = set()
    ordered = []

    def visit(item, path: frozenset[str]) -> None:
        if item.id in done or item.id in path:
            return
        for dependency in item.depends_on:
            if dependency in by_id:
                visit(by_id[dependency], path | {item.id})
        done.add(item.id)
        ordered.append(item)

    for item in objects:
        visit(item, frozenset())
    return ordered


def dependents(objects, changed: set[str]) -> list:
    """The objects that read something in ``changed`` (ids of tables, columns, objects),
    directly or through another such object, in creation order."""
    hit: set[str] = set()
    grew = True
    while grew:
        grew = False
        for item in objects:
            if item.id not in hit and item.kind in BLOCKING_KINDS and (changed | hit) & set(item.depends_on):
                hit.add(item.id)
                grew = True
    return [item for item in creation_order(objects) if item.id in hit]


# --- renames -------------------------------------------------------------------------------

# Identifiers, and what must be stepped over: strings, quoted names, comments, dollar quotes.
_TOKENS = re.compile(
    r"(?P<skip>'(?:[^']|'')*'|--[^\n]*|/\*.*?\*/|\$(?P<tag>\w*)\$.*?\$(?P=tag)\$)"
    r"|(?P<quoted>\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`)"
    r"|(?P<word>\b[A-Za-z_][A-Za-z0-9_$]*\b)",
    re.DOTALL,
)


def renamed(sql: str, renames: dict[str, str]) -> str:
    """``sql`` with each identifier named in ``renames`` (old → new, case-insensitive as
    unquoted names are) spelled the new way, quoted when it must be. An identifier that
    happens to share the old name elsewhere in the statement is renamed too: the object is
    then recreated from text the person can read and correct in the file."""
    if not renames:
        return sql
    folded = {old.lower(): new for old, new in renames.items()}

    def replace(match: re.Match) -> str:
        if match["skip"]:
            return match[0]
        name = match["quoted"][1:-1] if match["quoted"] else match["word"]
        new = folded.get(name.lower()) if match["word"] else renames.get(name)
        if new is None:
            return match[0]
        quote = match["quoted"][0] if match["quoted"] else '"'
        plain = re.fullmatch(r"[a-z_][a-z0-9_]*", new) is not None
        return new if plain and not match["quoted"] else f"{quote}{new}{quote}"

    return _TOKENS.sub(replace, sql)


def follow_renames(before, after):
    """``after`` with every object that reads a table or field renamed by the edit from
    ``before`` spelled the new way, so its SQL still creates it (``designer.ops.apply``)."""
    if not after.objects:
        return after
    renames: dict[str, tuple[str, str]] = {}  # id → (old name, new name)
    for entity in after.entities:
        old = before.entity(entity.id)
        if old is None or old is entity:
            continue
        if old.name != entity.name:
            renames[entity.id] = (old.name, entity.name)
        for field_ in entity.fields:
            previous = old.field(field_.id)
            if previous is not None and previous.name != field_.name:
                renames[field_.id] = (previous.name, field_.name)
    if not renames:
        return after
    objects = []
    for item in after.objects:
        names = dict(renames[i] for i in item.depends_on if i in renames)
        objects.append(dataclasses.replace(item, sql=renamed(item.sql, names)) if names else item)
    return dataclasses.replace(after, objects=tuple(objects))
