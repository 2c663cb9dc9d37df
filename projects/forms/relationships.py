"""The relationship form: pick the two entities (or let it create the foreign-key
field with the referenced key's type), the cardinality and the actions. Many-to-many
creates the join entity and its two references in the same edit."""

from __future__ import annotations

from django import forms

from designer import edits, ops
from designer.keys import is_unique_key
from designer.schema import Cardinality, RefAction
from projects.forms.editor import SchemaForm
from projects.forms.widgets import QuickSelect, TableSelect

ACTIONS = [("", "database default"), *[(a.value, a.value.replace("_", " ")) for a in RefAction]]


class TableChoiceField(forms.ChoiceField):
    """A table of the schema, by id. Its thousands of choices go to the widget as they
    are (a ChoiceField normalises every choice again for each form made: each editor
    answer makes one) and a value is checked by looking the table up."""

    widget = TableSelect

    def offer(self, schema) -> None:
        self.schema = schema
        self.widget.tables = [(e.id, e.qualified_name) for e in schema.entities]

    def valid_value(self, value) -> bool:
        return self.schema.entity(str(value)) is not None


class RelationshipForm(SchemaForm):
    from_entity = TableChoiceField(label="from (holds the key)")
    from_field = forms.ChoiceField(
        required=False, label="field", help_text="empty: create the foreign key field", widget=QuickSelect
    )
    to_entity = TableChoiceField(label="to (referenced)")
    to_field = forms.CharField(
        required=False, max_length=200, label="referenced field", help_text="empty: its primary key"
    )
    cardinality = forms.ChoiceField(
        choices=[(c.value, c.value.replace("_", "-")) for c in Cardinality], initial=Cardinality.ONE_TO_MANY.value
    )
    optional = forms.BooleanField(required=False, help_text="the reference may be empty (nullable key)")
    on_delete = forms.ChoiceField(choices=ACTIONS, required=False)
    on_update = forms.ChoiceField(choices=ACTIONS, required=False)
    name = forms.CharField(required=False, max_length=63)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_entity"].offer(self.schema)
        self.fields["to_entity"].offer(self.schema)
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
        if data.get("to_field"):
            data["to_field"] = self._referenced_field(target, data["to_field"])
        elif not target.primary_key:
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

    def _referenced_field(self, target, name: str) -> str:
        """The field's id; a foreign key to a column that is not unique is refused by every
        database, so it is refused here with the two ways out."""
        field = target.field_by_name(name.strip())
        if field is None:
            self.add_error("to_field", f"{target.name} has no field “{name.strip()}”.")
            return ""
        if not is_unique_key(target, (field.id,)):
            self.add_error(
                "to_field",
                f"{target.name}.{field.name} is not unique, so no foreign key can point at it: "
                f"add a unique key on {target.name} ({field.name}) or pick another column "
                "(empty: the primary key).",
            )
        return field.id

    def to_op(self) -> ops.Op:
        data = self.cleaned_data
        return edits.add_relationship(
            self.schema,
            from_entity_id=data["from_entity"],
            to_entity_id=data["to_entity"],
            cardinality=data["cardinality"],
            from_field_id=data["from_field"],
            optional=data["optional"],
            on_delete=data["on_delete"],
            on_update=data["on_update"],
            name=data["name"],
            to_field_id=data["to_field"],
        )
