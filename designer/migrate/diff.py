"""diff(old, new) → dependency-ordered steps.

Objects are matched by their stable ids, so a renamed entity, field, index, enum or
constraint is a rename, never a drop and an add. Enum values have no ids: between two
values both versions keep, as many values gone as new ones are renames, pairwise;
anything else is values added and removed.
"""

from __future__ import annotations

from designer.migrate.model import (
    Column,
    Constraint,
    EnumType,
    IndexDef,
    Model,
    Table,
    build_model,
    mysql_options_changed,
)
from designer.migrate.steps import ACTIONS, Step
from designer.schema import FieldType, Schema, TypeKind
from designer.type_catalog import EXTENSION_REQUIRES


def diff(old: Schema, new: Schema) -> list[Step]:
    return diff_models(build_model(old), build_model(new))


def diff_models(old: Model, new: Model) -> list[Step]:
    groups: dict[str, list[Step]] = {action: [] for action in ACTIONS}
    old_tables, new_tables = {t.id: t for t in old.tables}, {t.id: t for t in new.tables}
    retyped = _retyped_columns(old_tables, new_tables)
    _namespaces(old, new, groups)
    _enums(old, new, groups)
    _declared_objects(old, new, groups)
    for table_id, before in old_tables.items():
        after = new_tables.get(table_id)
        if after is None:
            groups["drop_table"].append(Step("drop_table", old=before, table=before, old_table=before))
        else:
            _table_changes(before, after, groups, retyped)
    for table_id, after in new_tables.items():
        if table_id not in old_tables:
            groups["create_table"].append(Step("create_table", new=after, table=after, new_table=after))
            for index in after.indexes:
                groups["create_index"].append(Step("create_index", new=index, table=after, new_table=after))
    _partitions(old_tables, new_tables, groups)
    _foreign_keys(old, new, groups, retyped)
    return [step for action in ACTIONS for step in groups[action]]


def _declared_objects(old: Model, new: Model, groups) -> None:
    """Extensions and domains, by name (columns name a domain: an id would not match a live
    database's, read afresh): created before the tables that use them, dropped after. An
    extension only a type asks for is created when first needed, and never dropped (the
    database may use it elsewhere)."""
    for kind, key, before, after, needed_before, needed_after in (
        ("extension", lambda e: e.name, old.extensions, new.extensions, old.needed_extensions, new.needed_extensions),
        ("domain", lambda d: (d.namespace, d.name), old.domains, new.domains, (), ()),
    ):
        old_keys = {key(o) for o in (*before, *needed_before)}
        new_keys = {key(o) for o in (*after, *needed_after)}
        # an extension that requires another (earthdistance: cube) after the others
        created = sorted((o for o in (*after, *needed_after) if key(o) not in old_keys), key=_requires_another)
        groups[f"create_{kind}"] += [Step(f"create_{kind}", new=o) for o in created]
        groups[f"drop_{kind}"] += [Step(f"drop_{kind}", old=o) for o in before if key(o) not in new_keys]
    was = {(d.namespace, d.name): d for d in old.domains}
    for domain in new.domains:
        previous = was.get((domain.namespace, domain.name))
        if previous is not None and _domain_definition(previous) != _domain_definition(domain):
            groups["alter_domain"].append(Step("alter_domain", old=previous, new=domain))


def _requires_another(item) -> bool:
    return getattr(item, "name", None) in EXTENSION_REQUIRES


def _domain_definition(domain) -> tuple:
    return domain.base, domain.nullable, domain.default, domain.checks


def _partitions(old_tables: dict[str, Table], new_tables: dict[str, Table], groups) -> None:
    """Partitions of a table both versions have, matched by name (a new table's partitions
    are created with it)."""
    for table_id, after in new_tables.items():
        before = old_tables.get(table_id)
        if before is None:
            continue
        if _scheme(before) != _scheme(after):
            groups["change_partitioning"].append(Step("change_partitioning", old=before, new=after, table=after))
            continue  # the partitions come with the new scheme
        was = {(p.namespace, p.name): p for p in (before.partitioning.partitions if before.partitioning else ())}
        now = {(p.namespace, p.name): p for p in (after.partitioning.partitions if after.partitioning else ())}
        for key, partition in now.items():
            if was.get(key) != partition:
                if key in was:
                    groups["drop_partition"].append(Step("drop_partition", old=was[key], table=before))
                groups["add_partition"].append(Step("add_partition", new=partition, table=after))
        for key, partition in was.items():
            if key not in now:
                groups["drop_partition"].append(Step("drop_partition", old=partition, table=before))


def _scheme(table: Table) -> tuple | None:
    partitioning = table.partitioning
    return (partitioning.strategy, partitioning.key) if partitioning is not None else None


def _namespaces(old: Model, new: Model, groups) -> None:
    for name in new.namespaces:
        if name not in old.namespaces:
            groups["create_schema"].append(Step("create_schema", new=name))
    for name in old.namespaces:
        if name not in new.namespaces:
            groups["drop_schema"].append(Step("drop_schema", old=name))


def _enums(old: Model, new: Model, groups) -> None:
    before = {e.id: e for e in old.enums}
    for enum in new.enums:
        previous = before.get(enum.id)
        if previous is None:
            groups["create_enum"].append(Step("create_enum", new=enum))
            continue
        if (previous.name, previous.namespace) != (enum.name, enum.namespace):
            groups["rename_enum"].append(Step("rename_enum", old=previous, new=enum))
        _enum_values(previous, enum, groups)
    for enum in old.enums:
        if enum.id not in {e.id for e in new.enums}:
            groups["drop_enum"].append(Step("drop_enum", old=enum))


def _enum_values(old: EnumType, new: EnumType, groups) -> None:
    if old.values == new.values:
        return
    renames = _value_renames(old.values, new.values)
    for pair in renames:
        groups["rename_enum_value"].append(Step("rename_enum_value", old=old, new=new, detail=pair))
    current = [dict(renames).get(v, v) for v in old.values]
    removed = [v for v in current if v not in new.values]
    for position, value in enumerate(new.values):
        if value not in current:
            after = new.values[position - 1] if position else None
            first = current[0] if current else None  # what a value added at the front goes before
            groups["add_enum_value"].append(Step("add_enum_value", old=old, new=new, detail=(value, after, first)))
            current.insert(current.index(after) + 1 if after else 0, value)
    if removed or [v for v in current if v not in removed] != list(new.values):
        groups["replace_enum"].append(Step("replace_enum", old=old, new=new, detail=tuple(removed)))


def _value_renames(old: tuple[str, ...], new: tuple[str, ...]) -> list[tuple[str, str]]:
    """Values have no ids, so a rename is read from position: between two values both lists
    keep (in the same order), as many values gone as new ones are renames, pairwise."""
    kept = [v for v in old if v in new]
    if kept != [v for v in new if v in old]:
        return []  # reordered: no positions to read renames from
    renames = []
    for gone, came in zip(_gaps(old, kept), _gaps(new, kept), strict=True):
        if len(gone) == len(came):
            renames += zip(gone, came, strict=True)
    return renames


def _gaps(values: tuple[str, ...], kept: list[str]) -> list[list[str]]:
    """The runs of values between the kept ones: before the first, between each, after the last."""
    gaps: list[list[str]] = [[]]
    for value in values:
        if value in kept:
            gaps.append([])
        else:
            gaps[-1].append(value)
    return gaps


def _retyped_columns(old_tables: dict[str, Table], new_tables: dict[str, Table]) -> set[str]:
    retyped = set()
    for table_id, before in old_tables.items():
        after = new_tables.get(table_id)
        for column in before.columns if after else ():
            changed = after.column(column.id)
            if changed is not None and changed.type != column.type:
                retyped.add(column.id)
    return retyped


def _table_options_changed(before: Table, after: Table) -> bool:
    """A MySQL table option the new design says and the old one did not say the same (an
    option the new design leaves unsaid, None: the server's default, changes nothing, so a
    design without options never rewrites a live table's: drift, imports from elsewhere), or
    PostgreSQL's storage parameters or UNLOGGED changed."""
    return mysql_options_changed(before, after) or (before.storage, before.unlogged) != (after.storage, after.unlogged)


def _table_changes(before: Table, after: Table, groups, retyped: set[str]) -> None:
    context = {"old_table": before, "new_table": after}
    if (before.name, before.namespace) != (after.name, after.namespace):
        groups["rename_table"].append(Step("rename_table", old=before, new=after, table=after, **context))
    if before.comment != after.comment:
        groups["set_comment"].append(Step("set_comment", old=before, new=after, table=after, **context))
    if _table_options_changed(before, after):
        groups["set_table_options"].append(Step("set_table_options", old=before, new=after, table=after, **context))
    for column in before.columns:
        changed = after.column(column.id)
        if changed is None:
            groups["drop_column"].append(Step("drop_column", old=column, table=before, **context))
            continue
        if changed.name != column.name:
            groups["rename_column"].append(Step("rename_column", old=column, new=changed, table=after, **context))
        if changed.comment != column.comment:
            groups["set_comment"].append(Step("set_comment", old=column, new=changed, table=after, **context))
        alteration = _alteration(column, changed)
        if alteration:
            groups["alter_column"].append(
                Step("alter_column", old=column, new=changed, table=after, detail=alteration, **context)
            )
    for column in after.columns:
        if before.column(column.id) is None:
            groups["add_column"].append(Step("add_column", new=column, table=after, **context))
    _named_things(before.constraints, after.constraints, "constraint", before, after, groups, retyped)
    _named_things(before.indexes, after.indexes, "index", before, after, groups, retyped)


def _named_things(old_items, new_items, noun: str, before: Table, after: Table, groups, retyped) -> None:
    context = {"old_table": before, "new_table": after}
    olds = {i.id: i for i in old_items}
    news = {i.id: i for i in new_items}
    for item_id, item in olds.items():
        changed = news.get(item_id)
        if changed is None or changed.shape() != item.shape() or _touches(item, retyped, noun):
            groups[f"drop_{noun}"].append(Step(f"drop_{noun}", old=item, table=before, **context))
            if changed is not None:
                groups[_add(noun)].append(Step(_add(noun), new=changed, table=after, **context))
        elif changed.name != item.name:
            groups[f"rename_{noun}"].append(Step(f"rename_{noun}", old=item, new=changed, table=after, **context))
    for item_id, item in news.items():
        if item_id not in olds:
            groups[_add(noun)].append(Step(_add(noun), new=item, table=after, **context))


def _add(noun: str) -> str:
    return "add_constraint" if noun == "constraint" else "create_index"


def _touches(item: Constraint | IndexDef, retyped: set[str], noun: str) -> bool:
    # A check or index on a column whose type changes is rebuilt: its expression may not
    # hold for the new type (MySQL also refuses to change a column a key depends on).
    if noun == "index":
        return any(c.field_id in retyped for c in item.columns)
    return item.kind == "check" and any(c in retyped for c in item.columns)


def _alteration(old: Column, new: Column) -> dict:
    changes = {}
    if old.type != new.type:
        changes["type"] = True
        changes["narrowing"] = not _widens(old.type, new.type)
    if old.nullable != new.nullable:
        changes["nullable"] = True
    if old.default != new.default:
        changes["default"] = True
    if old.identity != new.identity:
        changes["identity"] = True
    if old.identity_always != new.identity_always:
        changes["identity_always"] = True
    if (old.generated, old.generated_virtual) != (new.generated, new.generated_virtual):
        changes["generated"] = True
    if old.on_update != new.on_update or old.sequence != new.sequence:
        changes["extra"] = True  # said again with the whole column (MySQL MODIFY); nothing to do elsewhere
    return changes


_INTEGER_RANK = {TypeKind.SMALLINT: 1, TypeKind.INTEGER: 2, TypeKind.BIGINT: 3}
_TEXTUAL = (TypeKind.VARCHAR, TypeKind.CHAR, TypeKind.TEXT)


def _widens(old: FieldType, new: FieldType) -> bool:
    """Every value of ``old`` fits ``new`` unchanged (so the down migration may lose data)."""
    if old.array != new.array:
        return False
    if old.kind in _INTEGER_RANK and new.kind in _INTEGER_RANK:
        return _INTEGER_RANK[new.kind] >= _INTEGER_RANK[old.kind]
    if new.kind is TypeKind.TEXT and old.kind in _TEXTUAL:
        return True
    if old.kind in _TEXTUAL and new.kind is TypeKind.VARCHAR:
        return old.kind is not TypeKind.TEXT and (new.length is None or (old.length or 0) <= new.length)
    if old.kind is TypeKind.DECIMAL and new.kind is TypeKind.DECIMAL:
        if new.precision is None:
            return True
        return old.precision is not None and (old.scale or 0) == (new.scale or 0) and new.precision >= old.precision
    if (old.kind, new.kind) in ((TypeKind.REAL, TypeKind.DOUBLE), (TypeKind.TIMESTAMP, TypeKind.TIMESTAMPTZ)):
        return True
    return old == FieldType(new.kind, written=old.written) and old.written == new.written


def _foreign_keys(old: Model, new: Model, groups, retyped: set[str]) -> None:
    before = {c.id: (t, c) for t, c in old.foreign_keys}
    after = {c.id: (t, c) for t, c in new.foreign_keys}
    for key_id, (_table_id, key) in before.items():
        if key_id in after and _same_key(old, new, before[key_id], after[key_id], retyped):
            _new_table_id, changed = after[key_id]
            if changed.name != key.name:
                groups["rename_constraint"].append(
                    _fk_step("rename_constraint", old, new, before[key_id], after[key_id])
                )
            continue
        groups["drop_foreign_key"].append(_fk_step("drop_foreign_key", old, new, before[key_id], None))
        if key_id in after:
            groups["add_foreign_key"].append(_fk_step("add_foreign_key", old, new, None, after[key_id]))
    for key_id, pair in after.items():
        if key_id not in before:
            groups["add_foreign_key"].append(_fk_step("add_foreign_key", old, new, None, pair))


def _same_key(old: Model, new: Model, before, after, retyped: set[str]) -> bool:
    (old_table, old_key), (new_table, new_key) = before, after
    if old_table != new_table or old_key.shape() != new_key.shape():
        return False
    if any(c in retyped for c in (*old_key.columns, *old_key.ref_columns)):
        return False
    # The referenced key itself rebuilt (primary key or unique changed): the foreign key goes first.
    old_ref, new_ref = old.table(old_key.ref_table), new.table(new_key.ref_table)
    old_keys = {c.id: c.shape() for c in old_ref.constraints if c.kind in ("primary", "unique")}
    new_keys = {c.id: c.shape() for c in new_ref.constraints if c.kind in ("primary", "unique")}
    return all(new_keys.get(i) == shape for i, shape in old_keys.items())


def _fk_step(action: str, old: Model, new: Model, before, after) -> Step:
    if before is not None and after is None:
        table = old.table(before[0])
        return Step(action, old=before[1], table=table, old_table=table, ref_table=old.table(before[1].ref_table))
    table = new.table(after[0])
    return Step(
        action,
        old=before[1] if before else None,
        new=after[1],
        table=table,
        new_table=table,
        old_table=old.table(after[0]),
        ref_table=new.table(after[1].ref_table),
    )
