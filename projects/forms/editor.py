"""Editor forms: each validates what a person typed and turns it into one edit op.

Forms know the current schema (to resolve names and check references); the op then
goes through services.apply_op, where validation of the whole schema has the last word.
"""

from __future__ import annotations

import re

from django import forms

from designer import ops
from designer.formats.dbml_types import field_type_from_text
from designer.naming import index_name
from designer.schema import (
    Default,
    DefaultKind,
    Entity,
    EnumValue,
    Field,
    FieldType,
    Index,
    IndexColumn,
    IndexMethod,
    Schema,
    SortOrder,
    TypeKind,
    fresh_id,
    replace,
)
from designer.schema import Enum as SchemaEnum
from designer.types import dialect_of

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
        taken = self.schema.all_ids()
        entity = Entity(id=fresh_id("ent", taken), name=self.cleaned_data["name"],
                        namespace=self.cleaned_data["namespace"] or None)  # fmt: skip
        if self.cleaned_data["with_key"]:
            key = Field(id=fresh_id("fld", taken), name="id", type=FieldType(TypeKind.BIGINT), nullable=False,
                        identity=True)  # fmt: skip
            entity = replace(entity, fields=(key,), primary_key=(key.id,))
        return ops.AddEntity(entity=entity)


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
            self.initial = {"name": entity.name, "namespace": entity.namespace or "", "comment": entity.comment or "",
                            "color": entity.color or "", "group": current}  # fmt: skip

    def clean_color(self):
        color = self.cleaned_data["color"].strip()
        if color and not COLOUR.match(color):
            raise forms.ValidationError("Use a colour like #2563eb.")
        return color

    def to_op(self) -> ops.Op:
        data = self.cleaned_data
        updated = replace(self.entity, name=data["name"], namespace=data["namespace"] or None,
                          comment=data["comment"] or None, color=data["color"] or None)  # fmt: skip
        steps: list[ops.Op] = [ops.UpdateEntity(entity=updated)]
        for group in self.schema.groups:
            member = self.entity.id in group.entity_ids
            wanted = group.id == data["group"]
            if member != wanted:
                ids = (
                    (*group.entity_ids, self.entity.id)
                    if wanted
                    else tuple(i for i in group.entity_ids if i != self.entity.id)
                )
                steps.append(ops.UpdateGroup(group=replace(group, entity_ids=ids)))
        return steps[0] if len(steps) == 1 else ops.Batch(ops=tuple(steps))


class FieldForm(SchemaForm):
    name = forms.CharField(max_length=200)
    type = forms.CharField(
        max_length=80, initial="text", help_text="e.g. bigint, varchar(120), decimal(10,2), text[], an enum"
    )
    nullable = forms.BooleanField(required=False, initial=True)
    primary_key = forms.BooleanField(required=False, label="PK")
    unique = forms.BooleanField(required=False)
    identity = forms.BooleanField(required=False, label="auto-increment")
    default = forms.CharField(required=False, max_length=200, help_text="a value, or an expression like now()")
    default_is_expression = forms.BooleanField(required=False, label="expression")
    check = forms.CharField(required=False, max_length=500, help_text="SQL condition, e.g. price >= 0")
    comment = forms.CharField(required=False, max_length=1000)

    def __init__(self, *args, entity: Entity, field: Field | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.entity, self.field = entity, field
        if field is not None and not self.is_bound:
            self.initial = initial_for_field(self.schema, entity, field)

    def clean_type(self):
        text = self.cleaned_data["type"]
        field_type = field_type_from_text(text, self.schema.enums, dialect=dialect_of(self.schema.database_type))
        if field_type is None:
            raise forms.ValidationError(
                f"Unknown type “{text}”. Try text, bigint, varchar(120), decimal(10,2) or an enum."
            )
        return field_type

    def build_field(self, field_id: str) -> Field:
        data = self.cleaned_data
        default = None
        if data["default"].strip():
            kind = DefaultKind.EXPRESSION if data["default_is_expression"] else DefaultKind.LITERAL
            default = Default(
                kind, data["default"].strip() if kind is DefaultKind.EXPRESSION else sql_literal(data["default"])
            )
        return Field(id=field_id, name=data["name"], type=data["type"], nullable=data["nullable"] and not data["primary_key"],
                     default=default, unique=data["unique"], identity=data["identity"], check=data["check"] or None,
                     comment=data["comment"] or None)  # fmt: skip

    def to_op(self) -> ops.Op:
        if self.field is None:
            field = self.build_field(fresh_id("fld", self.schema.all_ids()))
            steps: list[ops.Op] = [ops.AddField(entity_id=self.entity.id, field=field)]
        else:
            field = self.build_field(self.field.id)
            steps = [ops.UpdateField(entity_id=self.entity.id, field=field)]
        in_key = field.id in self.entity.primary_key
        if self.cleaned_data["primary_key"] != in_key:
            key = tuple(i for i in self.entity.primary_key if i != field.id)
            key = (*key, field.id) if self.cleaned_data["primary_key"] else key
            steps.append(ops.SetPrimaryKey(entity_id=self.entity.id, field_ids=key))
        return steps[0] if len(steps) == 1 else ops.Batch(ops=tuple(steps))


def initial_for_field(schema: Schema, entity: Entity, field: Field) -> dict:
    from designer.types import display_type

    enum = schema.enum(field.type.enum_id) if field.type.enum_id else None
    default = field.default
    return {
        "name": field.name, "type": display_type(field.type, enum_name=enum.name if enum else None),
        "nullable": field.nullable, "primary_key": field.id in entity.primary_key, "unique": field.unique,
        "identity": field.identity, "check": field.check or "", "comment": field.comment or "",
        "default": "" if default is None else (default.value if default.kind is DefaultKind.EXPRESSION else unquote(default.value)),
        "default_is_expression": default is not None and default.kind is DefaultKind.EXPRESSION,
    }  # fmt: skip


def sql_literal(text: str) -> str:
    """Numbers, booleans and null stay bare; anything else becomes a quoted string."""
    value = text.strip()
    if re.fullmatch(r"-?\d+(\.\d+)?", value) or value.lower() in {"true", "false", "null"}:
        return value.lower() if value.lower() in {"true", "false", "null"} else value
    return "'" + value.replace("'", "''") + "'"


def unquote(literal: str) -> str:
    if len(literal) >= 2 and literal[0] == literal[-1] == "'":
        return literal[1:-1].replace("''", "'")
    return literal


class IndexForm(SchemaForm):
    columns = forms.CharField(max_length=500, help_text="in order, e.g. author_id, published_at desc")
    include = forms.CharField(required=False, max_length=500, help_text="covering columns (INCLUDE)")
    unique = forms.BooleanField(required=False)
    method = forms.ChoiceField(choices=[(m.value, m.value) for m in IndexMethod], initial="btree")
    predicate = forms.CharField(required=False, max_length=500, help_text="partial index: WHERE …")
    name = forms.CharField(required=False, max_length=63, help_text="empty: generated")

    def __init__(self, *args, entity: Entity, **kwargs):
        super().__init__(*args, **kwargs)
        self.entity = entity

    def clean_columns(self):
        columns = []
        for part in [p.strip() for p in self.cleaned_data["columns"].split(",") if p.strip()]:
            words = part.split()
            order = SortOrder.DESC if len(words) > 1 and words[-1].lower() == "desc" else SortOrder.ASC
            name = " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in ("asc", "desc") else part
            field = self.entity.field_by_name(name)
            if field is None:
                raise forms.ValidationError(f"{self.entity.name} has no field “{name}”.")
            columns.append(IndexColumn(field_id=field.id, order=order))
        if not columns:
            raise forms.ValidationError("Name at least one column.")
        return tuple(columns)

    def clean_include(self):
        names = [p.strip() for p in self.cleaned_data["include"].split(",") if p.strip()]
        missing = [n for n in names if self.entity.field_by_name(n) is None]
        if missing:
            raise forms.ValidationError(f"{self.entity.name} has no field “{missing[0]}”.")
        return tuple(self.entity.field_by_name(n).id for n in names)

    def to_op(self) -> ops.Op:
        data = self.cleaned_data
        names = [self.entity.field(c.field_id).name for c in data["columns"]]
        index = Index(id=fresh_id("idx", self.schema.all_ids()), columns=data["columns"], unique=data["unique"],
                      method=IndexMethod(data["method"]), predicate=data["predicate"] or None, include=data["include"],
                      name=data["name"] or index_name(self.entity.name, names, unique=data["unique"]))  # fmt: skip
        return ops.AddIndex(entity_id=self.entity.id, index=index)


class EnumForm(SchemaForm):
    name = forms.CharField(max_length=63)
    values = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), help_text="one value per line")

    def clean_values(self):
        values = [v.strip() for v in self.cleaned_data["values"].splitlines() if v.strip()]
        if len(set(values)) != len(values):
            raise forms.ValidationError("Each value may appear once.")
        return values

    def to_op(self) -> ops.Op:
        enum = SchemaEnum(id=fresh_id("enum", self.schema.all_ids()), name=self.cleaned_data["name"],
                          values=tuple(EnumValue(v) for v in self.cleaned_data["values"]))  # fmt: skip
        return ops.AddEnum(enum=enum)


class EnumValueForm(forms.Form):
    value = forms.CharField(max_length=63)
