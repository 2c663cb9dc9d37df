"""Django models (``models.py``) for Django 5.2.

Field and class names are Python identifiers; the real names stay in ``db_table`` and
``db_column``. Composite primary keys use ``CompositePrimaryKey`` (new in 5.2);
composite foreign keys a ``ForeignObject`` over the key fields. Django 5.2 enforces
``on_delete`` in Python, not in the database: NO ACTION becomes ``DO_NOTHING`` and the
database-level action stays in the SQL migrations. A type Django has no field for is a
small ``Field`` subclass whose ``db_type`` is our DDL's type, so nothing is dropped.
"""

from __future__ import annotations

import keyword

from designer.codegen.names import Scope, comment_text, is_number, model_name, pascal, snake, string_literal
from designer.codegen.plan import Join, Link, Plan, key_of, unquoted
from designer.naming import index_name
from designer.schema import DefaultKind, Entity, Field, Index, RefAction, SortOrder, TypeKind
from designer.types import POSTGRESQL

_RESERVED = frozenset(keyword.kwlist) | frozenset(
    {
        "pk",
        "objects",
        "models",
        "check",
        "save",
        "delete",
        "clean",
        "Meta",
        "DoesNotExist",
        "MultipleObjectsReturned",
        "id_",
    }
)
_FIELDS = {
    TypeKind.SMALLINT: "SmallIntegerField",
    TypeKind.INTEGER: "IntegerField",
    TypeKind.BIGINT: "BigIntegerField",
    TypeKind.DECIMAL: "DecimalField",
    TypeKind.REAL: "FloatField",
    TypeKind.DOUBLE: "FloatField",
    TypeKind.TEXT: "TextField",
    TypeKind.VARCHAR: "CharField",
    TypeKind.CHAR: "CharField",
    TypeKind.BOOLEAN: "BooleanField",
    TypeKind.DATE: "DateField",
    TypeKind.TIME: "TimeField",
    TypeKind.TIMESTAMP: "DateTimeField",
    TypeKind.TIMESTAMPTZ: "DateTimeField",
    TypeKind.UUID: "UUIDField",
    TypeKind.JSON: "JSONField",
    TypeKind.BYTES: "BinaryField",
    TypeKind.ENUM: "CharField",
}
_AUTO = {TypeKind.SMALLINT: "SmallAutoField", TypeKind.INTEGER: "AutoField", TypeKind.BIGINT: "BigAutoField"}
_ON_DELETE = {
    RefAction.NO_ACTION: "DO_NOTHING",
    RefAction.RESTRICT: "RESTRICT",
    RefAction.CASCADE: "CASCADE",
    RefAction.SET_NULL: "SET_NULL",
    RefAction.SET_DEFAULT: "SET_DEFAULT",
}
_NOW = frozenset({"now()", "current_timestamp", "current_timestamp()", "localtimestamp"})
_UUID = frozenset({"gen_random_uuid()", "uuid_generate_v4()"})
_INDEX_NAME_LIMIT = 30  # Django's check (models.E034)


def generate(plan: Plan) -> dict[str, str]:
    return {"models.py": DjangoWriter(plan).write()}


class DjangoWriter:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.schema = plan.schema
        classes = Scope(reserved=_RESERVED, fallback="Table", suffix="Model")
        self.enum_classes = {e.id: classes.take(pascal(e.name) + "Choices") for e in self.schema.enums}
        self.class_names = {e.id: classes.take(model_name(e.name)) for e in self.schema.entities}
        self.custom_fields: dict[str, str] = {}  # db type → class name
        self.classes = classes
        self.attrs: dict[str, str] = {}
        self.relation_attrs: dict[tuple[str, str], str] = {}
        # reverse accessors live on the target; they must not clash with its fields
        self.member_scopes: dict[str, Scope] = {}
        self.shared_names = _names_in_several_tables(plan)
        for entity in self.schema.entities:
            self._name_members(entity)
        self.uses_uuid = False

    def _links_from(self, entity: Entity) -> list[Link]:
        """Foreign keys Django can relate: to a key of the target (fields.E311 otherwise);
        the others stay plain columns, their foreign key in the SQL migrations."""
        return [link for link in self.plan.links_from(entity) if link.references_unique]

    def _scope(self) -> Scope:
        # Django refuses field names that end with "_" or hold "__" (fields.E001/E002).
        return Scope(reserved=_RESERVED, fallback="field", suffix="_field")

    def _name_members(self, entity: Entity) -> None:
        scope = self._scope()
        fk_single = {
            link.source_fields[0].id: link for link in self._links_from(entity) if len(link.source_fields) == 1
        }
        for f in entity.fields:
            if f.id in fk_single:  # the relation takes the field's place: author_id → author
                continue
            self.attrs[f.id] = scope.take(_python_name(f.name))
        for link in self._links_from(entity):
            self.relation_attrs[(link.relationship.id, "forward")] = scope.take(_python_name(link.forward))
            if len(link.source_fields) == 1:
                self.attrs[link.source_fields[0].id] = self.relation_attrs[(link.relationship.id, "forward")] + "_id"
        for join in self.plan.joins:
            if join.left.id == entity.id:
                self.relation_attrs[(join.relationship.id, "left")] = scope.take(_python_name(join.right.name))
        self.member_scopes[entity.id] = scope

    def _reverse_name(self, link_id: str, entity: Entity, words: str) -> str:
        key = (link_id, "backward")
        if key not in self.relation_attrs:
            self.relation_attrs[key] = self.member_scopes[entity.id].take(_python_name(words) or "related")
        return self.relation_attrs[key]

    # --- the file ---------------------------------------------------------------------------

    def write(self) -> str:
        enums = [self._enum(e) for e in self.schema.enums]
        models = [self._model(e) for e in self.schema.entities]
        customs = [self._custom_field(db_type, name) for db_type, name in self.custom_fields.items()]
        title = f"# Generated by Schema Designer from {comment_text(self.schema.name or 'a schema')}."
        imports = ["import uuid", ""] if self.uses_uuid else []
        imports += ["from django.db import models"]
        if any("ArrayField(" in m for m in models):
            imports.append("from django.contrib.postgres.fields import ArrayField")
        if any("Now()" in m for m in models):
            imports.append("from django.db.models.functions import Now")
        return "\n\n\n".join([title + "\n" + "\n".join(imports), *customs, *enums, *models]) + "\n"

    def _custom_field(self, db_type: str, name: str) -> str:
        return (
            f"class {name}(models.Field):\n"
            f'    """A column of type {comment_text(db_type).replace(chr(92), "/")}, which Django has no field for."""\n\n'
            f"    def db_type(self, connection):\n        return {string_literal(db_type)}"
        )

    def _enum(self, enum) -> str:
        scope = Scope(reserved=_RESERVED | {"choices", "labels", "values", "names"}, fallback="VALUE", suffix="_VALUE")
        lines = [f"class {self.enum_classes[enum.id]}(models.TextChoices):"]
        if enum.comment:
            lines.append(f"    # {comment_text(enum.comment)}")
        for value in enum.values:
            member = scope.take((snake(value.name) or "value").upper())
            lines.append(f"    {member} = {string_literal(value.name)}, {string_literal(value.name)}")
        if not enum.values:
            lines.append("    pass")
        return "\n".join(lines)

    # --- models -----------------------------------------------------------------------------

    def _model(self, entity: Entity) -> str:
        lines = [f"class {self.class_names[entity.id]}(models.Model):"]
        if entity.comment:
            lines.append(f"    # {comment_text(entity.comment)}")
        if not entity.primary_key:
            columns = ", ".join(entity.field(i).name for i in key_of(entity))
            lines.append(
                f"    # {comment_text(entity.qualified_name)} has no primary key; Django needs one: "
                + (
                    f"its unique, not-null {comment_text(columns)} stands in for it."
                    if columns
                    else "Django adds an id column this table does not have (see Meta.managed)."
                )
            )
        if len(key_of(entity)) > 1:
            keys = ", ".join(string_literal(self.attrs[i]) for i in key_of(entity))
            lines.append(f"    pk = models.CompositePrimaryKey({keys})")
        links = {link.source_fields[0].id: link for link in self._links_from(entity) if len(link.source_fields) == 1}
        for f in entity.fields:
            if f.id in links:
                lines.append(
                    f"    {self.relation_attrs[(links[f.id].relationship.id, 'forward')]} = "
                    f"{self._relation(entity, links[f.id])}"
                )
            else:
                lines.append(f"    {self.attrs[f.id]} = {self._field(entity, f)}")
        for link in self._links_from(entity):
            if len(link.source_fields) > 1:
                lines.append(f"    {self.relation_attrs[(link.relationship.id, 'forward')]} = {self._composite(link)}")
        for join in self.plan.joins:
            if join.left.id == entity.id:
                lines.append(f"    {self.relation_attrs[(join.relationship.id, 'left')]} = {self._many(join)}")
        return "\n".join([*lines, "", *self._meta(entity)])

    def _field(self, entity: Entity, f: Field) -> str:
        args, comment = self._type_args(entity, f)
        kind = f.type.kind
        single_key = key_of(entity) == (f.id,)
        if single_key and f.identity and kind in _AUTO and not f.type.array:
            return f"models.{_AUTO[kind]}(primary_key=True, db_column={string_literal(f.name)})"
        options = [f"db_column={string_literal(f.name)}"]
        if single_key:
            options.append("primary_key=True")
        if f.nullable and f.id not in key_of(entity):
            options += ["null=True", "blank=True"]
        if f.unique and not single_key:
            options.append("unique=True")
        options += self._default(f)
        if f.comment:
            options.append(f"db_comment={string_literal(f.comment)}")
        if f.type.array and self.plan.dialect == POSTGRESQL:
            text = f"ArrayField({self._field_class(f)}({', '.join(args)}), {', '.join(options)})"
        else:
            text = f"{self._field_class(f)}({', '.join([*args, *options])})"
        return text + (f"  # {comment}" if comment else "")

    def _field_class(self, f: Field) -> str:
        if f.type.array and self.plan.dialect != POSTGRESQL:
            return "models.JSONField"
        if f.type.kind is TypeKind.OTHER or (f.type.kind is TypeKind.ENUM and self.plan.dialect == POSTGRESQL):
            db_type = self.plan.native(f).removesuffix("[]") if f.type.array else self.plan.native(f)
            if f.type.kind is TypeKind.ENUM:
                db_type = self._enum_db_type(f)
            if db_type not in self.custom_fields:
                self.custom_fields[db_type] = self.classes.take(pascal(db_type) + "Field")
            return self.custom_fields[db_type]
        if f.type.kind is TypeKind.VARCHAR and f.type.length is None:
            return "models.TextField"  # Django's CharField needs a length on every database but PostgreSQL
        return f"models.{_FIELDS[f.type.kind]}"

    def _enum_db_type(self, f: Field) -> str:
        enum = self.schema.enum(f.type.enum_id)
        qualified = f"{enum.namespace}.{enum.name}" if enum.namespace else enum.name
        return ".".join(
            '"' + part.replace('"', '""') + '"' for part in qualified.split(".", 1 if enum.namespace else 0)
        )

    def _type_args(self, entity: Entity, f: Field) -> tuple[list[str], str]:
        t = f.type
        if t.array and self.plan.dialect != POSTGRESQL:
            return [], ""
        if t.kind in (TypeKind.VARCHAR, TypeKind.CHAR) and t.length is not None:
            return [f"max_length={t.length}"], ""
        if t.kind is TypeKind.CHAR:
            return ["max_length=1"], ""
        if t.kind is TypeKind.DECIMAL:
            if t.precision is None:
                return ["max_digits=65, decimal_places=30"], "unbounded numeric: Django needs digits; pick yours"
            return [f"max_digits={t.precision}", f"decimal_places={t.scale or 0}"], ""
        if t.kind is TypeKind.ENUM:
            values = self.plan.enum_values(t.enum_id)
            choices = [f"choices={self.enum_classes[t.enum_id]}.choices"] if t.enum_id in self.enum_classes else []
            if self.plan.dialect == POSTGRESQL:
                return choices, ""
            return [f"max_length={max((len(v) for v in values), default=1)}", *choices], ""
        return [], ""

    def _default(self, f: Field) -> list[str]:
        default = f.default
        if default is None or default.value.strip().lower() == "null":
            return []
        value = default.value.strip()
        if default.kind is DefaultKind.EXPRESSION:
            if value.lower() in _NOW:
                return ["db_default=Now()"]
            if value.lower() in _UUID:
                self.uses_uuid = True
                return ["default=uuid.uuid4"]
            return []
        if f.type.array:  # a shared list would be every row's list: Django wants a callable
            return ["default=list"] if value.strip("'") == "{}" else []
        text = unquoted(value)
        kind = f.type.kind
        if kind is TypeKind.BOOLEAN:
            return [f"default={'True' if text.lower() in ('true', '1', 't') else 'False'}"]
        if kind in (TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT, TypeKind.REAL, TypeKind.DOUBLE):
            return [f"default={text}"] if is_number(text) else []
        if kind is TypeKind.DECIMAL:
            return [f"default={string_literal(text)}"] if is_number(text) else []
        if kind in (TypeKind.TEXT, TypeKind.VARCHAR, TypeKind.CHAR, TypeKind.ENUM, TypeKind.UUID):
            return [f"default={string_literal(text)}"]
        return []

    # --- relations ----------------------------------------------------------------------------

    def _relation(self, entity: Entity, link: Link) -> str:
        f = link.source_fields[0]
        target = self.class_names[link.target.id]
        target_ref = "self" if link.target.id == entity.id else target
        single_key = key_of(entity) == (f.id,)
        cls = "OneToOneField" if link.one_to_one or single_key else "ForeignKey"
        on_delete = _ON_DELETE[link.relationship.on_delete or RefAction.NO_ACTION]
        options = [string_literal(target_ref), f"on_delete=models.{on_delete}", f"db_column={string_literal(f.name)}"]
        target_field = link.target_fields[0]
        if key_of(link.target) != (target_field.id,):
            options.append(f"to_field={string_literal(self.attrs[target_field.id])}")
        if single_key:
            options.append("primary_key=True")
        if f.nullable and not single_key:
            options += ["null=True", "blank=True"]
        if f.unique and cls == "ForeignKey":
            options.append("unique=True")
        related = self._reverse_name(link.relationship.id, link.target, link.backward)
        options.append(f"related_name={string_literal(related)}")
        if link.relationship.name:
            options.append(f"db_comment={string_literal('constraint ' + link.relationship.name)}")
        return f"models.{cls}({', '.join(options)})"

    def _composite(self, link: Link) -> str:
        """A foreign key over several columns: the key fields stay plain fields."""
        on_delete = _ON_DELETE[link.relationship.on_delete or RefAction.NO_ACTION]
        from_fields = ", ".join(string_literal(self.attrs[f.id]) for f in link.source_fields)
        to_fields = ", ".join(string_literal(self.attrs[f.id]) for f in link.target_fields)
        related = self._reverse_name(link.relationship.id, link.target, link.backward)
        target = "self" if link.source.id == link.target.id else self.class_names[link.target.id]
        return (
            f"models.ForeignObject({string_literal(target)}, on_delete=models.{on_delete}, "
            f"from_fields=[{from_fields}], to_fields=[{to_fields}], related_name={string_literal(related)})"
        )

    def _many(self, join: Join) -> str:
        related = self._reverse_name(join.relationship.id, join.right, join.left.name)
        return (
            f"models.ManyToManyField({string_literal(self.class_names[join.right.id])}, "
            f"db_table={string_literal(join.table)}, related_name={string_literal(related)})"
        )

    # --- Meta -----------------------------------------------------------------------------------

    def _meta(self, entity: Entity) -> list[str]:
        table = self.plan.table_name(entity)
        if self.plan.namespace(entity):
            # Django has no schema option; the backend quotes db_table as one name, so this
            # pair reads as schema.table (PostgreSQL) or database.table (MySQL).
            quote = '"' if self.plan.dialect == POSTGRESQL else "`"
            table = f"{entity.namespace}{quote}.{quote}{table}"
        lines = ["    class Meta:", f"        db_table = {string_literal(table)}"]
        if not key_of(entity):
            lines.append("        managed = False  # no key Django could use: its migrations leave this table alone")
        indexes, constraints, notes = [], [], []
        for index in entity.indexes:
            kind, text = self._index(entity, index)
            {"index": indexes, "constraint": constraints, "note": notes}[kind].append(text)
        if indexes:
            lines += ["        indexes = [", *(f"            {i}," for i in indexes), "        ]"]
        if constraints:
            lines += ["        constraints = [", *(f"            {c}," for c in constraints), "        ]"]
        lines += [f"        # {n}" for n in notes]
        return lines

    def _index(self, entity: Entity, index: Index) -> tuple[str, str]:
        names = [entity.field(c.field_id).name if c.field_id else "expr" for c in index.columns]
        name = index.name or index_name(entity.name, names, unique=index.unique)
        if any(c.field_id is None for c in index.columns):
            return "note", f"index {comment_text(name)} is on an SQL expression: kept in the SQL migrations."
        if index.predicate:
            return (
                "note",
                f"index {comment_text(name)} is partial (WHERE {comment_text(index.predicate)}): kept in the SQL.",
            )
        if tuple(c.field_id for c in index.columns) == key_of(entity):
            return "note", f"index {comment_text(name)} is the primary key."
        if name in self.shared_names:
            return "note", (
                f"index {comment_text(name)}: other tables have an index of this name too (MySQL names them "
                "per table), and Django needs each name once; it is in the SQL migrations."
            )
        keys = [("-" if c.order is SortOrder.DESC else "") + self.attrs[c.field_id] for c in index.columns]
        fields = ", ".join(string_literal(k) for k in keys)
        if index.unique:
            return "constraint", f"models.UniqueConstraint(fields=[{fields}], name={string_literal(name)})"
        if len(name) > _INDEX_NAME_LIMIT or not name[:1].isalpha():
            return "note", (
                f"index {comment_text(name)}: Django allows index names of at most 30 characters "
                f"starting with a letter; it is in the SQL migrations."
            )
        return "index", f"models.Index(fields=[{fields}], name={string_literal(name)})"


def _names_in_several_tables(plan: Plan) -> frozenset[str]:
    """Index and unique constraint names more than one table uses (models.E030/E032)."""
    tables: dict[str, set[str]] = {}
    for entity in plan.schema.entities:
        for index in entity.indexes:
            if index.name:
                tables.setdefault(index.name, set()).add(entity.id)
    return frozenset(name for name, ids in tables.items() if len(ids) > 1)


def _python_name(name: str) -> str:
    return snake(name).replace("__", "_")
