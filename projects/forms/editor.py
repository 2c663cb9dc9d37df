"""Editor forms: each cleans what a person typed and asks ``designer.edits`` for the op.

Forms know the current schema (to resolve names and check references); the op then
goes through services.apply_op, where validation of the whole schema has the last word.
"""

from __future__ import annotations

import re

from django import forms

from designer import edits, field_rows, ops, type_catalog
from designer.formats.dbml_types import field_type_from_text
from designer.index_keys import parse_index_keys, parse_storage
from designer.keys import non_unique_references
from designer.problems import SchemaError
from designer.schema import (
    DefaultKind,
    Entity,
    Field,
    IndexMethod,
    Schema,
    TypeKind,
)
from designer.types import dialect_of
from designer.validate.fragments import type_error

COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class SchemaForm(forms.Form):
    def __init__(self, *args, schema: Schema, **kwargs):
        self.schema = schema
        super().__init__(*args, **kwargs)


class NewEntityForm(SchemaForm):
    name = forms.CharField(max_length=200)
    namespace = forms.CharField(max_length=63, required=False)
    with_key = forms.BooleanField(required=False, initial=True, label="with an id key")

    def to_op(self) -> ops.Op:
        data = self.cleaned_data
        return edits.add_entity(self.schema, name=data["name"], namespace=data["namespace"], with_key=data["with_key"])


class EntityForm(SchemaForm):
    name = forms.CharField(max_length=200)
    namespace = forms.CharField(max_length=63, required=False)
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    color = forms.CharField(required=False, max_length=7, help_text="#rrggbb")
    group = forms.ChoiceField(required=False)

    def __init__(self, *args, entity: Entity, **kwargs):
        super().__init__(*args, **kwargs)
        self.entity = entity
        self.fields["group"].choices = [("", "no group")] + [(g.id, g.name) for g in self.schema.groups]
        if not self.is_bound:
            current = next((g.id for g in self.schema.groups if entity.id in g.entity_ids), "")
            self.initial = {
                "name": entity.name,
                "namespace": entity.namespace or "",
                "comment": entity.comment or "",
                "color": entity.color or "",
                "group": current,
            }

    def clean_color(self):
        color = self.cleaned_data["color"].strip()
        if color and not COLOUR.match(color):
            raise forms.ValidationError("Use a colour like #2563eb.")
        return color

    def to_op(self) -> ops.Op:
        data = self.cleaned_data
        return edits.update_entity(
            self.schema,
            self.entity,
            name=data["name"],
            namespace=data["namespace"],
            comment=data["comment"],
            color=data["color"],
            group_id=data["group"],
        )


class FieldForm(SchemaForm):
    name = forms.CharField(max_length=200)
    type = forms.CharField(
        max_length=80,
        initial="text",
        help_text="e.g. bigint, varchar(120), decimal(10,2), text[], an enum",
        widget=forms.TextInput(attrs={"list": "type-catalogue", "autocomplete": "off"}),
    )
    nullable = forms.BooleanField(required=False, initial=True)
    primary_key = forms.BooleanField(required=False, label="PK")
    unique = forms.BooleanField(required=False)
    identity = forms.BooleanField(required=False, label="auto-increment")
    default = forms.CharField(required=False, max_length=200, help_text="a value, or an expression like now()")
    default_is_expression = forms.BooleanField(required=False, label="expression")
    check = forms.CharField(required=False, max_length=500, help_text="SQL condition, e.g. price >= 0")
    comment = forms.CharField(required=False, max_length=1000)
    # The grid row's key column and "Link to…" (a table's name). Without ``key`` in the
    # request (the full field form) the PK and unique boxes say, and indexes stay.
    key = forms.ChoiceField(
        required=False, choices=[("", "—"), ("pk", "primary key"), ("unique", "unique"), ("index", "indexed")]
    )
    link_to = forms.CharField(
        required=False, max_length=200, widget=forms.TextInput(attrs={"list": "table-names", "autocomplete": "off"})
    )

    def __init__(self, *args, entity: Entity, field: Field | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.entity, self.field = entity, field
        if field is not None and not self.is_bound:
            self.initial = initial_for_field(self.schema, entity, field)
            self.initial["key"] = field_rows.row_key(entity, field)

    def clean_key(self):
        return self.cleaned_data["key"] if "key" in self.data else None

    def clean_link_to(self):
        name = self.cleaned_data["link_to"].strip()
        if not name:
            return ""
        target = self.schema.entity_by_name(name) or next(
            (e for e in self.schema.entities if e.qualified_name == name), None
        )
        if target is None:
            raise forms.ValidationError(f"No table named “{name}” to link to.")
        if not target.primary_key:
            raise forms.ValidationError(f"{target.name} has no primary key to refer to; give it one first.")
        return target.id

    def clean_type(self):
        text = self.cleaned_data["type"]
        field_type = field_type_from_text(text, self.schema.enums, dialect=dialect_of(self.schema.database_type))
        if field_type is None:
            raise forms.ValidationError(
                f"Unknown type “{text}”. Try text, bigint, varchar(120), decimal(10,2) or an enum."
            )
        if field_type.kind is not TypeKind.ENUM and not self._type_unchanged(text):
            dialect = dialect_of(self.schema.database_type)
            # First whether it is one type name at all (the parser's reason), then whether it is known.
            if (error := type_error(text, dialect)) is not None:
                raise forms.ValidationError(f"The type “{text}” {error}")
            if not type_catalog.known(text, dialect, self.schema):
                raise forms.ValidationError(type_catalog.unknown_message(text, dialect, self.schema))
        return field_type

    def clean(self):
        data = super().clean()
        if self.field is not None and not self.errors:
            self._keep_references_unique()
        return data

    def _keep_references_unique(self) -> None:
        """A field a foreign key points at must stay a key: dropping its unique or primary
        key flag is refused here, with the reference named, rather than failing on the server."""
        try:
            after, _ = ops.apply(self.schema, self.to_op())
        except SchemaError:
            return  # the service says what is wrong with the edit itself
        # Only references to or from this table can change (not every one of 10,000 tables').
        before = {r.id for r in non_unique_references(self.schema, touching=self.entity.id)}
        broken = [r for r in non_unique_references(after, touching=self.entity.id) if r.id not in before]
        if broken:
            target = (
                self.entity.name
                + " ("
                + ", ".join(f.name for f in self.entity.fields if f.id in broken[0].to_field_ids)
                + ")"
            )
            holders = ", ".join(sorted({after.entity(r.from_entity_id).qualified_name for r in broken}))
            raise forms.ValidationError(
                f"{target} is referenced by {holders} and would no longer be unique: keep it a key, or change "
                "those references first."
            )

    def _type_unchanged(self, text: str) -> bool:
        # A field imported with a type we do not know keeps it (flagged in the warnings)
        # while the rest of the field is edited; a newly typed type must be known.
        return self.field is not None and initial_for_field(self.schema, self.entity, self.field)["type"] == text

    def to_op(self) -> ops.Op:
        return field_rows.save_row(self.schema, self.entity, self.field, **self.cleaned_data)


def initial_for_field(schema: Schema, entity: Entity, field: Field) -> dict:
    from designer.types import display_type

    enum = schema.enum(field.type.enum_id) if field.type.enum_id else None
    default = field.default
    return {
        "name": field.name,
        "type": display_type(field.type, enum_name=enum.name if enum else None),
        "nullable": field.nullable,
        "primary_key": field.id in entity.primary_key,
        "unique": field.unique,
        "identity": field.identity,
        "check": field.check or "",
        "comment": field.comment or "",
        "default": ""
        if default is None
        else (default.value if default.kind is DefaultKind.EXPRESSION else edits.unquote(default.value)),
        "default_is_expression": default is not None and default.kind is DefaultKind.EXPRESSION,
    }


class IndexForm(SchemaForm):
    columns = forms.CharField(
        max_length=500,
        help_text='in order, e.g. author_id, published_at desc nulls last, title(191), name collate "C" text_pattern_ops',
    )
    include = forms.CharField(required=False, max_length=500, help_text="covering columns (INCLUDE)")
    unique = forms.BooleanField(required=False)
    nulls_not_distinct = forms.BooleanField(required=False)
    method = forms.ChoiceField(choices=[(m.value, m.value) for m in IndexMethod], initial="btree")
    predicate = forms.CharField(required=False, max_length=500, help_text="partial index: WHERE …")
    storage = forms.CharField(required=False, max_length=200, help_text="storage parameters, e.g. fillfactor = 70")
    name = forms.CharField(required=False, max_length=63, help_text="empty: generated")

    def __init__(self, *args, entity: Entity, **kwargs):
        super().__init__(*args, **kwargs)
        self.entity = entity

    def clean_columns(self):
        try:
            return parse_index_keys(self.entity, self.cleaned_data["columns"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_storage(self):
        try:
            return parse_storage(self.cleaned_data["storage"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_include(self):
        names = [p.strip() for p in self.cleaned_data["include"].split(",") if p.strip()]
        missing = [n for n in names if self.entity.field_by_name(n) is None]
        if missing:
            raise forms.ValidationError(f"{self.entity.name} has no field “{missing[0]}”.")
        return tuple(self.entity.field_by_name(n).id for n in names)

    def to_op(self) -> ops.Op:
        return edits.add_index(self.schema, self.entity, **self.cleaned_data)


class EnumForm(SchemaForm):
    name = forms.CharField(max_length=63)
    values = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), help_text="one value per line")

    def clean_values(self):
        values = [v.strip() for v in self.cleaned_data["values"].splitlines() if v.strip()]
        if len(set(values)) != len(values):
            raise forms.ValidationError("Each value may appear once.")
        return values

    def to_op(self) -> ops.Op:
        return edits.add_enum(self.schema, **self.cleaned_data)


class EnumValueForm(forms.Form):
    value = forms.CharField(max_length=63)
