"""Human-readable text about ops: history lines and removal confirmations."""

from __future__ import annotations

from designer.labels import field_label, index_label, pattern_label, relationship_label
from designer.ops.base import Op, _ends, _field_ids
from designer.ops.entities import UpdateEntity
from designer.ops.fields import RenameEnumValue, UpdateField
from designer.ops.settings import Batch, SetPositions
from designer.schema import AccessPattern, Schema


def describe(op: Op, before: Schema | None = None) -> str:
    """One line for the history list. With ``before`` it can name renames."""
    if isinstance(op, Batch):
        if not op.ops:
            return "No change"
        # Placing a new table beside its neighbours is part of adding it, not news.
        shown = [o for o in op.ops if not (isinstance(o, SetPositions) and not o.label)] or list(op.ops)
        return "; ".join(describe(o, before) for o in shown) if len(shown) <= 3 else f"{len(shown)} changes"
    if isinstance(op, SetPositions):
        return op.label or f"Place {len(op.positions)} object{'s' if len(op.positions) != 1 else ''}"
    verb, _, noun = _split_name(type(op).__name__)
    subject = _subject(op) or _target_name(op, noun, before)
    rename = _rename_text(op, before)
    return f"{verb} {noun}{' ' + subject if subject else ''}{rename}".strip()


def _split_name(name: str) -> tuple[str, str, str]:
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in name).split()
    return words[0].capitalize(), " ", " ".join(words[1:])


def _subject(op: Op) -> str:
    if (pattern := getattr(op, "pattern", None)) is not None:
        return pattern_label(pattern)
    for attr in ("entity", "field", "relationship", "index", "enum", "group", "note", "area"):
        value = getattr(op, attr, None)
        if value is not None and hasattr(value, "name") and value.name:
            return value.name
    if isinstance(op, RenameEnumValue):
        return f"{op.old} → {op.new}"
    return ""


# Ops that name their target by id: the schema before the edit still knows its name.
_TARGETS = (
    ("field_id", lambda s, i: (found := s.find_field(i)) and found[1].name),
    ("index_id", lambda s, i: next((index_label(e, x) for e in s.entities for x in e.indexes if x.id == i), None)),
    ("relationship_id", lambda s, i: (r := s.relationship(i)) and relationship_label(s, r)),
    ("enum_id", lambda s, i: (x := s.enum(i)) and x.name),
    ("group_id", lambda s, i: (x := s.group(i)) and x.name),
    ("note_id", lambda s, i: next((x.name for x in s.notes if x.id == i), None)),
    ("pattern_id", lambda s, i: (x := s.pattern(i)) and pattern_label(x)),
    ("entity_id", lambda s, i: (x := s.entity(i)) and x.name),
)


def _target_name(op: Op, noun: str, before: Schema | None) -> str:
    """Names for ops that carry only ids: "Remove entity users", "Set volume of posts"."""
    if before is None:
        return ""
    # A field is looked up in the table the op names: an index of every field of the
    # schema would be built for each new revision (10,000 tables' worth).
    table = before.entity(getattr(op, "entity_id", None) or "")
    for attr, lookup in _TARGETS:
        object_id = getattr(op, attr, None)
        if object_id is None:
            continue
        found = table.field(object_id) if attr == "field_id" and table is not None else None
        name = found.name if found is not None else lookup(before, object_id)
        if name:
            return name if attr == f"{noun.replace(' ', '_')}_id" else f"of {name}"
    return ""


def _rename_text(op: Op, before: Schema | None) -> str:
    if before is None:
        return ""
    old_name = None
    if isinstance(op, UpdateEntity) and (old := before.entity(op.entity.id)):
        old_name = old.name
    elif isinstance(op, UpdateField) and (found := _field_before(before, op)):
        old_name = found[1].name
    current = getattr(op, "entity", None) or getattr(op, "field", None)
    if old_name is not None and current is not None and old_name != current.name:
        return f" (renamed from {old_name})"
    return ""


def _field_before(before: Schema, op: UpdateField):
    """(table, field) of the field ``op`` changes, as it was: looked up in the table the
    op names first (an index of every field of the schema would be built for each new
    revision, 10,000 tables' worth)."""
    entity = before.entity(op.entity_id)
    if entity is not None and (field := entity.field(op.field.id)) is not None:
        return entity, field
    return before.find_field(op.field.id)


def removal_impact(schema: Schema, *, entity_id: str | None = None, field_id: str | None = None) -> list[str]:
    """What else goes (or breaks) with a removal, for the confirmation dialog."""
    lines = []
    for relationship in schema.relationships:
        by_entity = entity_id and entity_id in _ends(relationship)
        if by_entity or (field_id and field_id in _field_ids(relationship)):
            lines.append(f"relationship {relationship_label(schema, relationship)}")
    if field_id and (found := schema.find_field(field_id)):
        entity = found[0]
        for index in entity.indexes:
            label = index_label(entity, index)
            if all(c.field_id == field_id for c in index.columns):  # no key left: the index goes
                lines.append(f"index {label}")
            elif field_id in index.include or any(c.field_id == field_id for c in index.columns):
                lines.append(f"index {label} loses this column")
        if field_id in entity.primary_key:
            lines.append(f"the primary key of {entity.name} loses this column")
    if entity_id and (entity := schema.entity(entity_id)):
        lines += [f"index {index_label(entity, i)}" for i in entity.indexes]
        lines += [f"its place in group {g.name}" for g in schema.groups if entity_id in g.entity_ids]
        if schema.volume(entity_id) is not None:
            lines.append(f"the declared volume of {entity.name}")
    for pattern in schema.patterns:
        if _pattern_touches(pattern, entity_id=entity_id, field_id=field_id, schema=schema):
            lines.append(f"access pattern {pattern_label(pattern)} will be flagged")
    return lines


def _pattern_touches(pattern: AccessPattern, *, entity_id, field_id, schema: Schema) -> bool:
    if entity_id and pattern.entity_id == entity_id:
        return True
    named = {f.field_id for f in pattern.filters} | {s.field_id for s in pattern.sort}
    named |= set(pattern.returns) | set(pattern.changes)
    if field_id and field_id in named:
        return True
    joined = [schema.relationship(r) for r in pattern.joins]
    return any(
        r is not None and ((entity_id and entity_id in _ends(r)) or (field_id and field_id in _field_ids(r)))
        for r in joined
    )


# --- the history timeline: past tense, with the object's full name ---------------------

_PAST = {
    "Add": "added",
    "Update": "changed",
    "Remove": "removed",
    "Set": "set",
    "Move": "moved",
    "Rename": "renamed",
    "Replace": "replaced",
}


def narrate(op: Op, before: Schema | None = None) -> str:
    """What the person did, for "<who> <narrate>": "renamed field posts.title to headline"."""
    if isinstance(op, Batch):
        # Placing what an edit adds is part of adding it, not news (as in ``describe``).
        shown = [o for o in op.ops if not (isinstance(o, SetPositions) and not o.label)] or list(op.ops)
        parts = [narrate(o, before) for o in shown]
        return "; ".join(parts) if len(parts) <= 3 else f"made {len(parts)} changes: {'; '.join(parts[:2])}; …"
    if before is not None and isinstance(op, UpdateField) and (found := _field_before(before, op)):
        return _changed("field", field_label(*found), found[1], op.field)
    if before is not None and isinstance(op, UpdateEntity) and (old := before.entity(op.entity.id)):
        return _changed("entity", old.name, old, op.entity, skip=("fields", "indexes", "checks"))
    if before is not None and (entity := before.entity(getattr(op, "entity_id", "") or "")):
        if (new_field := getattr(op, "field", None)) is not None:
            return f"added field {field_label(entity, new_field)}"
        if (field_id := getattr(op, "field_id", None)) and (old_field := entity.field(field_id)):
            verb = _PAST.get(_split_name(type(op).__name__)[0], "changed")
            return f"{verb} field {field_label(entity, old_field)}"
    text = describe(op, before)
    verb, _, rest = text.partition(" ")
    return f"{_PAST.get(verb, verb.lower())} {rest}".strip()


def _changed(noun: str, label: str, old, new, *, skip: tuple[str, ...] = ()) -> str:
    changed = [
        f for f in old.__dataclass_fields__ if f not in (*skip, "name", "id") and getattr(old, f) != getattr(new, f)
    ]
    what = ", ".join(name.replace("_", " ") for name in changed)
    if old.name != new.name:
        return f"renamed {noun} {label} to {new.name}" + (f" and changed its {what}" if what else "")
    return f"changed the {what} of {noun} {label}" if what else f"saved {noun} {label} unchanged"
