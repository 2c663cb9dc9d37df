"""The relationship form: pick the two entities (or let it create the foreign-key
field with the referenced key's type), the cardinality and the actions. Many-to-many
creates the join entity and its two references in the same edit."""

from __future__ import annotations

from django import forms

from designer import ops
from designer.schema import Cardinality, Entity, Field, RefAction, Relationship, Schema, fresh_id
from designer.types import reference_type
from projects.forms.editor import SchemaForm
from projects.forms.widgets import QuickSelect

ACTIONS = [("", "database default"), *[(a.value, a.value.replace("_", " ")) for a in RefAction]]


class RelationshipForm(SchemaForm):
    from_entity = forms.ChoiceField(label="from (holds the key)", widget=QuickSelect)
    from_field = forms.ChoiceField(required=False, label="field", help_text="empty: create the foreign key field",
                                   widget=QuickSelect)  # fmt: skip
    to_entity = forms.ChoiceField(label="to (referenced)", widget=QuickSelect)
    cardinality = forms.ChoiceField(choices=[(c.value, c.value.replace("_", "-")) for c in Cardinality],
                                    initial=Cardinality.ONE_TO_MANY.value)  # fmt: skip
    optional = forms.BooleanField(required=False, help_text="the reference may be empty (nullable key)")
    on_delete = forms.ChoiceField(choices=ACTIONS, required=False)
    on_update = forms.ChoiceField(choices=ACTIONS, required=False)
    name = forms.CharField(required=False, max_length=63)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        entity_choices = [(e.id, e.qualified_name) for e in self.schema.entities]
        self.fields["from_entity"].choices = entity_choices
        self.fields["to_entity"].choices = entity_choices
        # The form lives in the from-entity's editor: offer that entity's fields only.
        source = self.schema.entity(self["from_entity"].value() or "")
        own_fields = [(f.id, f.name) for f in source.fields] if source else []
        self.fields["from_field"].choices = [("", "— create it —"), *own_fields]

    def clean(self):
        data = super().clean()
        source = self.schema.entity(data.get("from_entity", ""))
        target = self.schema.entity(data.get("to_entity", ""))
        if source is None or target is None:
            return data
        if not target.primary_key:
            raise forms.ValidationError(f"{target.name} has no primary key to refer to; give it one first.")
        if data.get("from_field") and source.field(data["from_field"]) is None:
            self.add_error("from_field", f"Pick a field of {source.name}.")
        if (
            data.get("cardinality") == Cardinality.MANY_TO_MANY
            and len(target.primary_key) + len(source.primary_key) > 2
        ):
            raise forms.ValidationError("Many-to-many needs single-column keys on both sides.")
        if data.get("cardinality") == Cardinality.MANY_TO_MANY and not source.primary_key:
            raise forms.ValidationError(f"{source.name} has no primary key; give it one first.")
        return data

    def to_op(self) -> ops.Op:
        data = self.cleaned_data
        source, target = self.schema.entity(data["from_entity"]), self.schema.entity(data["to_entity"])
        taken = self.schema.all_ids()
        actions = {"on_delete": RefAction(data["on_delete"]) if data["on_delete"] else None,
                   "on_update": RefAction(data["on_update"]) if data["on_update"] else None}  # fmt: skip
        if data["cardinality"] == Cardinality.MANY_TO_MANY:
            return many_to_many(self.schema, source, target, taken=taken, name=data["name"] or None, **actions)
        steps: list[ops.Op] = []
        if data["from_field"]:
            from_ids = (data["from_field"],)
        else:
            fk_fields = foreign_key_fields(source, target, taken=taken, optional=data["optional"])
            steps += [ops.AddField(entity_id=source.id, field=f) for f in fk_fields]
            from_ids = tuple(f.id for f in fk_fields)
        relationship = Relationship(id=fresh_id("rel", taken), cardinality=Cardinality(data["cardinality"]),
                                    from_entity_id=source.id, from_field_ids=from_ids, to_entity_id=target.id,
                                    to_field_ids=target.primary_key, name=data["name"] or None, **actions)  # fmt: skip
        steps.append(ops.AddRelationship(relationship=relationship))
        return steps[0] if len(steps) == 1 else ops.Batch(ops=tuple(steps))


def foreign_key_fields(source: Entity, target: Entity, *, taken: set[str], optional: bool) -> list[Field]:
    """New key fields on ``source`` matching ``target``'s key types: ``<target>_<key>``."""
    fields = []
    for key_id in target.primary_key:
        key = target.field(key_id)
        name = f"{singular(target.name)}_{key.name}"
        while source.field_by_name(name) is not None or any(f.name == name for f in fields):
            name += "_2"
        fields.append(Field(id=fresh_id("fld", taken), name=name, type=reference_type(key.type),
                            nullable=optional))  # fmt: skip
    return fields


def singular(name: str) -> str:
    return name[:-1] if name.endswith("s") and not name.endswith("ss") and len(name) > 1 else name


def many_to_many(schema: Schema, a: Entity, b: Entity, *, taken: set[str], name, on_delete, on_update) -> ops.Op:
    """The join entity with a composite key, its two one-to-many references, and the
    many-to-many relationship that remembers them: one edit, one undo."""
    join_name = f"{a.name}_{b.name}"
    while schema.entity_by_name(join_name, a.namespace) is not None:
        join_name += "_link"
    left = foreign_key_fields(Entity(id="", name=join_name), a, taken=taken, optional=False)
    right = foreign_key_fields(Entity(id="", name=join_name, fields=tuple(left)), b, taken=taken, optional=False)
    join = Entity(id=fresh_id("ent", taken), name=join_name, namespace=a.namespace, fields=(*left, *right),
                  primary_key=tuple(f.id for f in (*left, *right)))  # fmt: skip
    cascade = RefAction.CASCADE
    return ops.Batch(ops=(
        ops.AddEntity(entity=join),
        ops.AddRelationship(relationship=Relationship(
            id=fresh_id("rel", taken), cardinality=Cardinality.ONE_TO_MANY, from_entity_id=join.id,
            from_field_ids=tuple(f.id for f in left), to_entity_id=a.id, to_field_ids=a.primary_key, on_delete=cascade)),
        ops.AddRelationship(relationship=Relationship(
            id=fresh_id("rel", taken), cardinality=Cardinality.ONE_TO_MANY, from_entity_id=join.id,
            from_field_ids=tuple(f.id for f in right), to_entity_id=b.id, to_field_ids=b.primary_key, on_delete=cascade)),
        ops.AddRelationship(relationship=Relationship(
            id=fresh_id("rel", taken), cardinality=Cardinality.MANY_TO_MANY, from_entity_id=a.id,
            from_field_ids=a.primary_key, to_entity_id=b.id, to_field_ids=b.primary_key, join_entity_id=join.id,
            name=name, on_delete=on_delete, on_update=on_update)),
    ))  # fmt: skip
