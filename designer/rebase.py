"""Rebase an edit made on an older revision onto the current document.

Someone opened the editor at revision ``base``; meanwhile teammates saved more
revisions (``current``). Their edit ``op`` is carried over when it does not touch what
changed since, and refused with a ``Conflict`` when it does, so nothing is overwritten
silently:

1. ids the edit mints that a teammate minted too are renamed (two people adding an
   entity at once both get ``ent_7`` from the same revision);
2. ops that replace a whole object (``UpdateField``, ``UpdateEntity``...) are rewritten
   to replace only what the person changed, on top of the current object (a three-way
   merge of the object: base, theirs, current);
3. the rewritten op is applied to ``current`` and the result is checked against a
   three-way comparison of the documents flattened into paths (one path per attribute
   of every object, plus the order of each collection): every path the person changed
   must have their value, every path teammates changed must keep theirs, and paths both
   changed to different values are conflicts. A conflict names the object, the current
   value and the person's value.

The check (3) is what makes the whole thing safe: the rewrite in (2) is a best effort,
and whatever it cannot combine shows up as a conflict instead of a lost change.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from designer import ops
from designer.ops.settings import Batch, ReplaceSchema
from designer.problems import SchemaError
from designer.schema import DiagramSettings, Schema, fresh_id, replace

ORDER = "#order"
_MISSING = object()
_NOUNS = {
    "entities": "entity",
    "fields": "field",
    "indexes": "index",
    "relationships": "relationship",
    "enums": "enum",
    "groups": "group",
    "notes": "note",
    "patterns": "access pattern",
    "volumes": "volume",
    "checks": "check",
}


@dataclass(frozen=True)
class ConflictItem:
    label: str  # "field posts.title: name"
    current: str  # the value stored now, for the person to see
    yours: str  # what the person asked for


class Conflict(Exception):
    def __init__(self, items: list[ConflictItem], reason: str = ""):
        self.items, self.reason = items, reason
        lines = [f"{i.label} is now {i.current} (yours: {i.yours})" for i in items[:5]]
        super().__init__(reason or "; ".join(lines))


def rebase(op: ops.Op, *, base: Schema, current: Schema) -> tuple[Schema, ops.Op, ops.Op]:
    """(new document, the op as applied to ``current``, its inverse) or ``Conflict``.
    ``SchemaError`` from the op itself (e.g. its object was deleted) becomes a Conflict."""
    if base == current:
        after, inverse = ops.apply(current, op)
        return after, op, inverse
    try:
        mine, _ = ops.apply(base, op)
    except SchemaError as error:  # it names something that did not exist on the revision the person saw
        raise Conflict([], reason=f"“{ops.describe(op, current)}” does not fit the version you had open") from error
    op = _renamed_ids(op, base=base, mine=mine, current=current)
    mine, _ = ops.apply(base, op)
    rewritten = _rewrite(op, base, current)
    try:
        after, inverse = ops.apply(current, rewritten)
    except SchemaError as error:  # what it edits was deleted meanwhile
        raise Conflict([], reason=f"“{ops.describe(op, base)}”: what it changes was deleted since") from error
    problems = three_way_conflicts(base=base, mine=mine, theirs=current, result=after)
    if problems:
        raise Conflict(problems)
    return after, rewritten, inverse


# --- 1. ids minted twice -----------------------------------------------------------------


def _renamed_ids(op: ops.Op, *, base: Schema, mine: Schema, current: Schema) -> ops.Op:
    """A clash is an id the edit minted that names a different object now. The same
    object under the same id is no clash: forms are built on the stored revision, so
    an edit made on an older one may carry a teammate's new objects along unchanged."""
    candidates = (mine.all_ids() - base.all_ids()) & current.all_ids()
    if not candidates:
        return op
    minted, theirs = _objects_by_id(mine), _objects_by_id(current)
    clashes = {i for i in candidates if theirs[i] != minted[i]}
    if not clashes:
        return op
    taken = current.all_ids() | mine.all_ids()
    renames = {old: fresh_id(old.rsplit("_", 1)[0], taken) for old in sorted(clashes)}
    return ops.op_from_dict(_replace_strings(ops.op_to_dict(op), renames))


def _objects_by_id(value: Any, found: dict | None = None) -> dict[str, Any]:
    found = {} if found is None else found
    for f in dataclasses.fields(value):
        item = getattr(value, f.name)
        if _keyed(item):
            for element in item:
                found[_key(element)] = element
                _objects_by_id(element, found)
    return found


def _replace_strings(data: Any, renames: dict[str, str]) -> Any:
    if isinstance(data, str):
        return renames.get(data, data)
    if isinstance(data, list):
        return [_replace_strings(v, renames) for v in data]
    if isinstance(data, dict):
        return {k: _replace_strings(v, renames) for k, v in data.items()}
    return data


# --- 2. whole-object ops become "what the person changed, on the current object" --------

# op class -> (payload attribute, how to find the object the payload replaces)
_PAYLOADS = {
    ops.UpdateEntity: ("entity", lambda s, op: s.entity(op.entity.id)),
    ops.UpdateField: ("field", lambda s, op: (found := s.find_field(op.field.id)) and found[1]),
    ops.UpdateRelationship: ("relationship", lambda s, op: s.relationship(op.relationship.id)),
    ops.UpdateEnum: ("enum", lambda s, op: s.enum(op.enum.id)),
    ops.UpdateGroup: ("group", lambda s, op: s.group(op.group.id)),
    ops.UpdatePattern: ("pattern", lambda s, op: s.pattern(op.pattern.id)),
    ops.UpdateNote: ("note", lambda s, op: next((n for n in s.notes if n.id == op.note.id), None)),
    ops.UpdateIndex: (
        "index",
        lambda s, op: next((x for e in s.entities for x in e.indexes if x.id == op.index.id), None),
    ),
    ops.SetVolume: ("volume", lambda s, op: s.volume(op.entity_id)),
    ops.SetDiagramSettings: ("settings", lambda s, op: s.diagram),
}


def _rewrite(op: ops.Op, base: Schema, current: Schema) -> ops.Op:
    if isinstance(op, Batch):
        steps = []
        for step in op.ops:
            rewritten = _rewrite(step, base, current)
            steps.append(rewritten)
            try:
                base, _ = ops.apply(base, step)
                current, _ = ops.apply(current, rewritten)
            except SchemaError:
                return Batch(ops=(*steps, *op.ops[len(steps) :]))  # the apply in rebase() reports it
        return Batch(ops=tuple(steps))
    if isinstance(op, ReplaceSchema):  # restore of a past revision, or its undo: ids are the same objects
        return ReplaceSchema(schema=merge(base, op.schema, current))
    if isinstance(op, ops.SetPositions):
        return _positions_not_moved_since(op, base, current)
    spec = _PAYLOADS.get(type(op))
    if spec is None:
        return op
    attribute, find = spec
    old, now, wanted = find(base, op), find(current, op), getattr(op, attribute)
    if old is None or now is None or wanted is None:
        return op
    return replace(op, **{attribute: merge(old, wanted, now)})


def _positions_not_moved_since(op: ops.SetPositions, base: Schema, current: Schema) -> ops.SetPositions:
    """Where a box sits is no design decision worth refusing an edit over: an object a
    teammate placed since keeps their place, the edit places the rest. (Every edit that
    adds an entity also places it, and the first edit of a never-arranged project lays
    out all of them, so concurrent edits would otherwise clash on positions alone.)"""
    before, now = base.diagram.position_index, current.diagram.position_index
    moved = {i for i in {*before, *now} if before.get(i) != now.get(i)}
    kept = tuple(p for p in op.positions if p.id not in moved)
    cleared = tuple(i for i in op.clear if i not in moved)
    return replace(op, positions=kept, clear=cleared)


def merge(base: Any, mine: Any, theirs: Any) -> Any:
    """Three-way merge of one value: the person's changes applied on top of theirs.
    Where both changed the same thing, the person's value is taken and the check
    afterwards reports the conflict."""
    if mine == base:
        return theirs
    if theirs == base:
        return mine
    if dataclasses.is_dataclass(mine) and type(mine) is type(base) is type(theirs):
        merged = {
            f.name: merge(getattr(base, f.name), getattr(mine, f.name), getattr(theirs, f.name))
            for f in dataclasses.fields(mine)
        }
        return replace(theirs, **merged)
    if _keyed(base) and _keyed(mine) and _keyed(theirs):
        return _merge_keyed(base, mine, theirs)
    return mine


def _merge_keyed(base: tuple, mine: tuple, theirs: tuple) -> tuple:
    old, new = {_key(i): i for i in base}, {_key(i): i for i in mine}
    result = []
    for item in theirs:
        key = _key(item)
        if key in old and key not in new:
            continue  # the person removed it
        result.append(merge(old[key], new[key], item) if key in old else item)
    for position, item in enumerate(mine):  # the person's additions, after their predecessor
        if _key(item) in old or any(_key(r) == _key(item) for r in result):
            continue
        before = {_key(i) for i in mine[:position]}
        at = max((n + 1 for n, r in enumerate(result) if _key(r) in before), default=0)
        result.insert(at, item)
    return tuple(result)


# --- 3. the check: flatten, compare three ways -------------------------------------------


def flatten(value: Any, prefix: tuple = ()) -> dict[tuple, Any]:
    """One path per attribute of every object; id-keyed collections by id plus their order."""
    paths: dict[tuple, Any] = {}
    for f in dataclasses.fields(value):
        item = getattr(value, f.name)
        if _keyed(item) and item:
            paths[(*prefix, f.name, ORDER)] = tuple(_key(i) for i in item)
            for element in item:
                paths.update(flatten(element, (*prefix, f.name, _key(element))))
        elif _settings(item):
            paths.update(flatten(item, (*prefix, f.name)))
        else:
            paths[(*prefix, f.name)] = item
    return paths


def _differing(values: tuple, prefix: tuple, dicts: tuple[dict, ...]) -> None:
    """``flatten`` of the four documents, but only where they differ: an edit copies the
    path to what it changed and shares every other object, so identical (``is``)
    subtrees are skipped without a look inside."""
    first = values[0]
    if all(v is first for v in values):
        return
    if _MISSING in values or len({type(v) for v in values}) > 1:  # an object added or removed: all of it
        for value, paths in zip(values, dicts, strict=True):
            if value is not _MISSING:
                paths.update(flatten(value, prefix))
        return
    for f in dataclasses.fields(first):
        items = [getattr(v, f.name) for v in values]
        if all(i is items[0] for i in items):
            continue
        if all(_settings(i) for i in items) and len({type(i) for i in items}) == 1:
            # settings (the diagram's) compared attribute by attribute: two people moving
            # two different tables, or one adding a table beside another's move, is no clash
            _differing(tuple(items), (*prefix, f.name), dicts)
            continue
        by_key = []
        for item, paths in zip(items, dicts, strict=True):
            if _keyed(item) and item:
                paths[(*prefix, f.name, ORDER)] = tuple(_key(x) for x in item)
                by_key.append({_key(x): x for x in item})
            else:
                paths[(*prefix, f.name)] = item
                by_key.append({})
        for key in dict.fromkeys(k for keyed in by_key for k in keyed):
            _differing(tuple(keyed.get(key, _MISSING) for keyed in by_key), (*prefix, f.name, key), dicts)


def three_way_conflicts(*, base: Schema, mine: Schema, theirs: Schema, result: Schema) -> list[ConflictItem]:
    b, m, t, r = dicts = ({}, {}, {}, {})
    _differing((base, mine, theirs, result), (), dicts)
    found = []
    for path in sorted(set(b) | set(m) | set(t) | set(r), key=repr):
        vb, vm, vt, vr = (d.get(path, _MISSING) for d in (b, m, t, r))
        if path[-1] == ORDER:
            clash = not (_same_order(vr, vm) and _same_order(vr, vt))
        elif path[:2] == ("diagram", "positions"):
            clash = False  # places never clash: one a teammate gave stays (_positions_not_moved_since)
        elif vm != vb and vt != vb:
            clash = vm != vt or vr != vm
        else:
            clash = vr != (vm if vm != vb else vt)
        if clash:
            found.append(ConflictItem(_label(path, (theirs, base, mine)), _show(vt), _show(vm)))
    return _one_per_object(found)


def _same_order(a: Any, b: Any) -> bool:
    a = () if a is _MISSING else a
    b = () if b is _MISSING else b
    common = set(a) & set(b)
    return [x for x in a if x in common] == [x for x in b if x in common]


def _one_per_object(items: list[ConflictItem]) -> list[ConflictItem]:
    """A removed object differs in every attribute: say it once."""
    seen, kept = set(), []
    for item in items:
        key = (item.label, item.current == "(deleted)")
        if item.current == "(deleted)" or item.yours == "(deleted)":
            key = (item.label.split(":")[0],)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _label(path: tuple, schemas: tuple[Schema, ...]) -> str:
    """("entities", id, "fields", id, "name") -> "field posts.title: name"."""
    if path[-1] == ORDER:
        owner = _label(path[:-2], schemas).split(":")[0] if len(path) > 2 else ""
        return f"order of {path[-2]}" + (f" in {owner}" if owner else "")
    names, objects, position = [], list(schemas), 0
    while position + 1 < len(path) and path[position] in _NOUNS:
        collection, key = path[position], path[position + 1]
        objects = [c for o in objects if (c := _child(o, collection, key)) is not None]
        names.append(next((o.name for o in objects if getattr(o, "name", None)), key))
        noun = _NOUNS[collection]
        position += 2
    attribute = " ".join(str(p) for p in path[position:])
    if not names:
        return f"project {attribute}"
    return f"{noun} {'.'.join(str(n) for n in names)}" + (f": {attribute}" if attribute else "")


def _child(obj: Any, collection: str, key: str) -> Any:
    items = getattr(obj, collection, ())
    return next((i for i in items if _key(i) == key), None)


def _show(value: Any) -> str:
    if value is _MISSING:
        return "(deleted)"
    if value is None or value == ():
        return "(empty)"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool | int | float):
        return str(value)
    if dataclasses.is_dataclass(value):
        shown = getattr(value, "written", None) or getattr(value, "kind", None) or getattr(value, "value", None)
        return repr(str(shown)) if shown is not None else type(value).__name__
    return str(value)[:80]


def _settings(value: Any) -> bool:
    """The diagram settings: a bag of independent settings (one position per table),
    compared by attribute. Other nested values (a field's type) stay one value: mixing
    the kind of one edit with the length of another would make a type nobody chose."""
    return isinstance(value, DiagramSettings)


def _keyed(value: Any) -> bool:
    return isinstance(value, tuple) and all(dataclasses.is_dataclass(i) and _key(i) is not None for i in value)


def _key(item: Any) -> str | None:
    key = getattr(item, "id", None)
    if isinstance(key, str):
        return key
    if type(item).__name__ == "Volume":  # volumes are keyed by the entity they describe
        return item.entity_id
    return None
