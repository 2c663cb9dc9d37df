"""Two Prisma schemas compared as the database sees them, up to order.

Both are read by Prisma's own parser (designer.formats.prisma_reader). What is compared is
what reaches the database: tables and columns by their mapped names, the SQL type each
column gets (``@db.*`` or the scalar's default, so ``@db.Timestamp`` equals
``@db.Timestamp(6)``), nullability, lists, defaults, primary keys, unique and plain
indexes (columns, order, name, type), foreign keys (columns, target, actions with
Prisma's defaults filled in, name), enums with their labels, implicit many-to-many join
tables, ``Unsupported`` columns, and ``///`` documentation.

Left out, because they never reach the database and the import says so in a notice:
model, field and relation names of the client (``User`` for table ``users``), app-side
defaults (``uuid()``, ``cuid()``, ``nanoid()``, ``ulid()``), ``@updatedAt``, ``//`` comments.
"""

from __future__ import annotations

from designer.formats.prisma import (
    APP_SIDE_DEFAULTS,
    PROVIDERS,
    RELATION_MAP,
    UNSUPPORTED,
    blocks,
    parseable_text,
)
from designer.formats.prisma_reader import read_prisma
from designer.formats.prisma_types import prisma_of, sql_of


def database_view(text: str) -> dict:
    text = parseable_text(text)
    reading = read_prisma(text)
    datamodel = reading["datamodel"]
    provider = PROVIDERS[reading["datasources"][0]["provider"]] if reading["datasources"] else "postgresql"
    source = blocks(text)
    models = {m["name"]: m for m in datamodel["models"]}
    enums = {e["name"]: e for e in datamodel["enums"]}

    def table(name: str) -> tuple[str, str]:
        model = models[name]
        return (model.get("schema") or "public", model.get("dbName") or name)

    def column(model: str, field_name: str) -> str:
        field = next(f for f in models[model]["fields"] if f["name"] == field_name)
        return field.get("dbName") or field_name

    def column_type(field: dict):
        if field["kind"] == "enum":
            enum = enums[field["type"]]
            return ("enum", enum.get("dbName") or enum["name"])
        sql = sql_of(field["type"], field.get("nativeType"), provider=provider)
        return prisma_of(sql, provider=provider) or sql

    def default(field: dict):
        if "default" not in field:
            return None
        value = field["default"]
        if isinstance(value, dict):
            name, args = value["name"], value.get("args", [])
            if name in APP_SIDE_DEFAULTS:
                return None
            if name == "dbgenerated" and args and str(args[0]).strip().lower() in ("now()", "current_timestamp"):
                return ("now",)  # as @default(now()) reads
            return (name, *map(str, args))
        if field["kind"] == "enum":
            labels = {v["name"]: v.get("dbName") or v["name"] for v in enums[field["type"]]["values"]}
            return tuple(labels[v] for v in value) if isinstance(value, list) else labels[value]
        return tuple(map(str, value)) if isinstance(value, list) else str(value)

    view: dict = {"tables": {}, "enums": {}, "joins": set()}
    for name, model in models.items():
        columns = {}
        for field in model["fields"]:
            if field["kind"] in ("scalar", "enum"):
                columns[field.get("dbName") or field["name"]] = (
                    column_type(field),
                    field["isList"],
                    field["isRequired"] or field["isList"],
                    default(field),
                    field.get("documentation"),
                )
        block = source.get(("model", name))
        for member, (_, rest) in block.members.items() if block else ():
            match = UNSUPPORTED.match(rest)
            if match and not any(f["name"] == member for f in model["fields"]):
                columns[member] = (("Unsupported", match[1]), match[2] == "[]", match[2] != "?", None, None)
        key = (
            model["primaryKey"]["fields"]
            if model.get("primaryKey")
            else [f["name"] for f in model["fields"] if f.get("isId")]
        )
        foreign_keys = set()
        for field in model["fields"]:
            if field["kind"] == "object" and field.get("relationFromFields"):
                optional = any(not f["isRequired"] for f in model["fields"] if f["name"] in field["relationFromFields"])
                constraint = RELATION_MAP.search(block.members.get(field["name"], (0, ""))[1]) if block else None
                foreign_keys.add(
                    (
                        tuple(column(name, f) for f in field["relationFromFields"]),
                        table(field["type"]),
                        tuple(column(field["type"], f) for f in field["relationToFields"]),
                        field.get("relationOnDelete") or ("SetNull" if optional else "Restrict"),
                        field.get("relationOnUpdate") or "Cascade",
                        constraint[1] if constraint else None,
                    )
                )
            elif field["kind"] == "object" and field["isList"]:
                other = models[field["type"]]
                back = [f for f in other["fields"] if f.get("relationName") == field["relationName"] and f is not field]
                if back and back[0]["isList"]:
                    view["joins"].add((field["relationName"], frozenset({table(name), table(field["type"])})))
        view["tables"][table(name)] = {
            "columns": columns,
            "primary_key": tuple(column(name, f) for f in key),
            "foreign_keys": foreign_keys,
            "documentation": model.get("documentation"),
        }
    for index in datamodel["indexes"]:
        if index["type"] == "id":
            continue
        entry = (
            index["type"],
            tuple(
                (
                    column(index["model"], k["name"]),
                    k.get("sortOrder") or "asc",
                    k.get("length"),
                    k.get("operatorClass"),
                )
                for k in index["fields"]
            ),
            index.get("dbName"),
            index.get("algorithm") or "BTree",
        )
        view["tables"][table(index["model"])].setdefault("indexes", set()).add(entry)
    for name, enum in enums.items():
        key = (enum.get("schema") or "public", enum.get("dbName") or name)
        view["enums"][key] = (tuple(v.get("dbName") or v["name"] for v in enum["values"]), enum.get("documentation"))
    return view


def differences(original: dict, generated: dict) -> list[str]:
    """Readable differences between two database views; empty when they are equal."""
    found = []
    for kind in ("enums", "tables"):
        left, right = original[kind], generated[kind]
        found += [f"{kind[:-1]} {k} missing" for k in left.keys() - right.keys()]
        found += [f"{kind[:-1]} {k} extra" for k in right.keys() - left.keys()]
        for key in left.keys() & right.keys():
            if kind == "enums":
                if left[key] != right[key]:
                    found.append(f"enum {key}: {left[key]} != {right[key]}")
                continue
            for part in ("columns", "primary_key", "foreign_keys", "documentation", "indexes"):
                a, b = left[key].get(part), right[key].get(part)
                if part == "columns" and a != b:
                    for name in sorted(a.keys() | b.keys()):
                        if a.get(name) != b.get(name):
                            found.append(f"{key}.{name}: {a.get(name)} != {b.get(name)}")
                elif a != b and (a or b):
                    found.append(f"{key} {part}: {a} != {b}")
    if original["joins"] != generated["joins"]:
        found.append(f"implicit many-to-many: {original['joins'] ^ generated['joins']}")
    return found
