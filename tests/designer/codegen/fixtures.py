"""The fixture projects every generator is checked on with the real tools."""

from __future__ import annotations

from dataclasses import replace

from designer.examples import blog_schema
from designer.formats.dbml import parse_dbml
from designer.schema import (
    Cardinality,
    Default,
    DefaultKind,
    Entity,
    Enum,
    EnumValue,
    Field,
    FieldType,
    Index,
    IndexColumn,
    Relationship,
    Schema,
    SortOrder,
    TypeKind,
)

RESERVED = """
Project reserved { database_type: 'PostgreSQL' }
Table "user" {
  id integer [pk, increment]
  "select" text [not null]
  "from" text
  class text
  type text
  model text
  "default" integer [default: 0]
}
Table "order" {
  id bigint [pk, increment]
  user_id integer [not null, ref: > "user".id]
  "where" varchar(20) [unique]
  "String" text
  enum text
  constructor text
  updated_at timestamptz [not null, default: `now()`]
}
Table "group" {
  "case" integer [pk]
  "import" text
  "return" boolean [default: false]
}
"""

SELF_RELATIONS = """
Project self { database_type: 'PostgreSQL' }
Table employees {
  id integer [pk, increment]
  name text [not null]
  manager_id integer [ref: > employees.id]
  mentor_id integer [ref: > employees.id, note: 'a second self relation']
}
Table categories {
  id uuid [pk, default: `gen_random_uuid()`]
  parent_id uuid
  title varchar(80) [not null]
}
Ref: categories.parent_id > categories.id [delete: cascade]
"""

COMPOSITE = """
Project composite { database_type: 'PostgreSQL' }
Table shops {
  id integer [pk]
  name text [not null]
}
Table orders {
  shop_id integer [not null, ref: > shops.id]
  number bigint [not null]
  total "numeric(12,2)" [not null, default: 0]
  placed_at timestamp [not null, default: `now()`]
  Indexes {
    (shop_id, number) [pk]
    (placed_at, total) [name: 'orders_recent_idx']
  }
}
Table order_lines {
  shop_id integer [not null]
  order_number bigint [not null]
  line smallint [not null]
  sku char(12) [not null]
  Indexes {
    (shop_id, order_number, line) [pk]
    (shop_id, sku) [unique, name: 'order_lines_sku_key']
  }
}
Ref order_lines_order_fk: order_lines.(shop_id, order_number) > orders.(shop_id, number) [delete: cascade, update: cascade]
"""

TWO_RELATIONS = """
Project pair { database_type: 'PostgreSQL' }
Table accounts {
  id bigint [pk, increment]
  handle varchar(40) [not null, unique]
}
Table messages {
  id bigint [pk, increment]
  sender_id bigint [not null, ref: > accounts.id]
  recipient_id bigint [ref: > accounts.id]
  body text [not null]
  sent_at timestamptz [not null, default: `now()`]
}
Table profiles {
  account_id bigint [pk, ref: - accounts.id]
  bio text
}
"""

ENUMS = """
Project enums { database_type: 'PostgreSQL' }
Enum ticket_state {
  open
  "in progress"
  "2fa-blocked"
  closed
}
Enum priority {
  low
  high
}
Table tickets {
  id integer [pk, increment]
  state ticket_state [not null, default: 'open']
  priority priority [default: 'low']
  title varchar(200) [not null]
  weight real [not null, default: 1.5]
  active boolean [not null, default: true]
  updated_at timestamptz [not null, default: `now()`]
}
"""

NAMESPACES = """
Project spaces { database_type: 'PostgreSQL' }
Enum billing.currency {
  eur
  usd
}
Table customers {
  id integer [pk, increment]
  name text [not null]
}
Table billing.invoices {
  id integer [pk, increment]
  customer_id integer [not null, ref: > customers.id]
  currency billing.currency [not null]
  amount "numeric(10,2)" [not null]
  issued_on date [not null]
}
Table billing.customers {
  id integer [pk, increment]
  vat_number varchar(20)
}
"""


def many_to_many() -> Schema:
    """Students and courses joined by an enrolment entity, the way the editor makes a
    many-to-many (composite key, two one-to-many references, and the many-to-many that
    remembers them); plus tags on courses with no join entity (an implicit join)."""
    schema = parse_dbml(
        """
Project m2m { database_type: 'PostgreSQL' }
Table students {
  id integer [pk, increment]
  name text [not null]
}
Table courses {
  id integer [pk, increment]
  title text [not null]
}
Table students_courses {
  student_id integer [not null, ref: > students.id]
  course_id integer [not null, ref: > courses.id]
  Indexes {
    (student_id, course_id) [pk]
  }
}
Table tags {
  id integer [pk, increment]
  label text [not null, unique]
}
Ref: courses.id <> tags.id
"""
    )
    students, courses, join = (schema.entity_by_name(n) for n in ("students", "courses", "students_courses"))
    marker = Relationship(
        id="rel_m2m",
        cardinality=Cardinality.MANY_TO_MANY,
        from_entity_id=students.id,
        from_field_ids=students.primary_key,
        to_entity_id=courses.id,
        to_field_ids=courses.primary_key,
        join_entity_id=join.id,
    )
    return replace(schema, relationships=(*schema.relationships, marker))


def hostile() -> Schema:
    """Names that break naive generators: quotes, backslashes, comment and template
    markers, HTML, spaces, unicode, other scripts, a leading digit, case-only clashes."""
    text = FieldType(TypeKind.TEXT)
    fields = (
        Field(id="f_id", name="1st id", type=FieldType(TypeKind.INTEGER), nullable=False, identity=True),
        Field(
            id="f_q",
            name='say "hi"',
            type=text,
            nullable=False,
            default=Default(DefaultKind.LITERAL, r"""'it''s "x" \'"""),
        ),
        Field(id="f_c", name="*/ ${x} </script>", type=text),
        Field(id="f_u", name="Ünïcode naïve", type=FieldType(TypeKind.VARCHAR, length=30)),
        Field(id="f_j", name="名前", type=text),
        Field(id="f_k", name="Name", type=text),
        Field(id="f_l", name="name", type=text),
        Field(id="f_b", name="back\\slash", type=FieldType(TypeKind.BOOLEAN)),
        Field(id="f_e", name="mood", type=FieldType(TypeKind.ENUM, enum_id="enum_h")),
    )
    weird = Entity(
        id="ent_h",
        name="Wéird table; DROP TABLE x",
        fields=fields,
        primary_key=("f_id",),
        indexes=(
            Index(
                id="idx_h",
                name='weird "index"',
                columns=(IndexColumn(field_id="f_k", order=SortOrder.DESC), IndexColumn(field_id="f_l")),
            ),
        ),
    )
    other = Entity(
        id="ent_o",
        name="データ",
        fields=(
            Field(id="g_id", name="id", type=FieldType(TypeKind.INTEGER), nullable=False),
            Field(id="g_ref", name="weird ref", type=FieldType(TypeKind.INTEGER)),
        ),
        primary_key=("g_id",),
    )
    ref = Relationship(
        id="rel_h",
        cardinality=Cardinality.ONE_TO_MANY,
        from_entity_id="ent_o",
        from_field_ids=("g_ref",),
        to_entity_id="ent_h",
        to_field_ids=("f_id",),
    )
    mood = Enum(id="enum_h", name="mood 'type'", values=(EnumValue("happy :)"), EnumValue('sad "x"'), EnumValue("ok")))
    return Schema(entities=(weird, other), relationships=(ref,), enums=(mood,), database_type="PostgreSQL")


# What real schemas hold and broke generated code (issue 18): a self-reference whose key column
# reads like the target's key (reports_to → employees.employee_id), tables without a primary key
# (with and without unique not-null columns), array and quoted expression defaults, checks, a
# composite key declared out of order, a bigint identity.
REAL_WORLD_SLIPS = """
Project slips { database_type: 'PostgreSQL' }
Table employees {
  employee_id bigint [pk, increment]
  name text [not null]
  reports_to bigint [ref: > employees.employee_id]
  mentor bigint [ref: > employees.employee_id]
  tags "text[]" [not null, default: '{}']
  motto text [default: `'it''s "so"' || chr(33)`]
  salary numeric(12,2) [not null, default: 0, check: `salary >= 0`]
}
Table audit_log {
  at timestamptz [not null, default: `now()`]
  message text [not null]
}
Table tokens {
  identifier text [not null]
  token text [not null]
  expires timestamptz [not null]
  indexes {
    (identifier, token) [unique]
  }
}
Table shifts {
  day date [not null]
  employee_id bigint [not null, ref: > employees.employee_id]
  hours integer [not null]
  indexes {
    (employee_id, day) [pk]
  }
}
"""


def fixtures() -> dict[str, Schema]:
    return {
        "demo": blog_schema(),
        "reserved": parse_dbml(RESERVED),
        "self_relations": parse_dbml(SELF_RELATIONS),
        "composite_keys": parse_dbml(COMPOSITE),
        "two_relations": parse_dbml(TWO_RELATIONS),
        "enums": parse_dbml(ENUMS),
        "many_to_many": many_to_many(),
        "namespaces": parse_dbml(NAMESPACES),
        "hostile": hostile(),
        "real_world_slips": parse_dbml(REAL_WORLD_SLIPS),
    }


def demo_versions():
    """Two released versions of the demo: the users table alone, then the whole blog."""
    from datetime import UTC, datetime

    from designer.codegen import Version

    blog = blog_schema()
    first = replace(blog, entities=blog.entities[:1], relationships=(), patterns=(), volumes=())
    return (
        Version(number=1, schema=first, released_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), message="first cut"),
        Version(number=2, schema=blog, released_at=datetime(2026, 2, 1, tzinfo=UTC), message="Posts & tags!"),
    )
