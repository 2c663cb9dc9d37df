"""What each generator writes, read back from its text (no tools: fast). The real tools
judge the same outputs in test_external_tools.py."""

from __future__ import annotations

from dataclasses import replace

import pytest

from designer.codegen import TARGETS, CodegenError, generate
from designer.schema import FieldType, TypeKind
from tests.designer.codegen.fixtures import fixtures

ALL = fixtures()


def text(name: str, target: str, dialect: str = "postgresql", **kwargs) -> str:
    return "".join(generate(ALL[name], target=target, dialect=dialect, **kwargs).values())


@pytest.mark.parametrize("target", TARGETS)
def test_same_schema_same_text(target):
    assert generate(fixtures()["demo"], target=target) == generate(ALL["demo"], target=target)


def test_unknown_target_and_dialect_are_refused_with_a_message():
    with pytest.raises(CodegenError, match="choose one of: prisma, drizzle"):
        generate(ALL["demo"], target="hibernate")
    with pytest.raises(CodegenError, match="unknown dialect 'oracle'"):
        generate(ALL["demo"], target="prisma", dialect="oracle")


def test_a_type_written_for_another_dialect_is_refused_with_the_field_named():
    schema = ALL["demo"]
    users = schema.entities[0]
    bio = replace(users.fields[3], type=FieldType(TypeKind.OTHER, written="tsvector"))
    odd = replace(
        schema, entities=(replace(users, fields=(*users.fields[:3], bio, *users.fields[4:])), *schema.entities[1:])
    )
    with pytest.raises(CodegenError, match=r"bio: type 'tsvector'.*no mysql equivalent"):
        generate(odd, target="drizzle", dialect="mysql")
    assert 'Unsupported("tsvector")' in generate(odd, target="prisma")["schema.prisma"]


# --- names no target can express are mapped, never dropped -------------------------------------

HOSTILE_NAMES = ('say "hi"', "*/ ${x} </script>", "Ünïcode naïve", "名前", "Name", "name", "back\\slash", "1st id")


def test_prisma_maps_every_hostile_name():
    out = text("hostile", "prisma")
    assert '@@map("Wéird table; DROP TABLE x")' in out and '@@map("データ")' in out
    for name in HOSTILE_NAMES:
        assert "@map(" + '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '")' in out, name
    assert '@map("in progress")' in text("enums", "prisma") and '@map("2fa-blocked")' in text("enums", "prisma")
    assert '@@map("user")' in text("reserved", "prisma")


def test_typescript_targets_keep_a_name_without_identifier_as_a_quoted_key():
    drizzle, typeorm = text("hostile", "drizzle"), text("hostile", "typeorm")
    assert '"名前": text("名前")' in drizzle
    assert '"名前"!: string | null;' in typeorm
    # the comment and template markers, and HTML, are inert inside the strings
    assert "*/ \\u0024{x} \\u003c/script\\u003e" in drizzle and "</script>" not in drizzle
    assert "${" not in typeorm and "</script>" not in typeorm


def test_mongoose_keys_are_the_real_names_quoted():
    out = text("hostile", "mongoose")
    assert '"say \\"hi\\"": { type: String, default: "it\'s \\"x\\" \\\\" },' in out
    assert '"名前": { type: String }' in out and "Name: { type: String }" in out and "name: { type: String }" in out


def test_django_maps_names_to_identifiers_and_keeps_the_real_ones_in_db_column():
    out = text("hostile", "django")
    assert 'db_table = "Wéird table; DROP TABLE x"' in out
    assert 'field = models.TextField(db_column="名前"' in out
    assert 'name = models.TextField(db_column="Name"' in out and 'name2 = models.TextField(db_column="name"' in out
    reserved = text("reserved", "django")
    assert 'from_field = models.TextField(db_column="from"' in reserved  # a Python keyword
    assert 'class_field = models.TextField(db_column="class"' in reserved


def test_reserved_words_become_other_identifiers_everywhere():
    assert "model User {" in text("reserved", "prisma") and "model Order {" in text("reserved", "prisma")
    assert "export class Group {" in text("reserved", "typeorm")
    assert "constructor!" not in text("reserved", "typeorm") and "constructor_!: string | null;" in text(
        "reserved", "typeorm"
    )
    assert 'export const user = pgTable(\n  "user",' in text("reserved", "drizzle")


# --- Prisma ---------------------------------------------------------------------------------------


def test_prisma_relations_named_when_two_join_the_same_models():
    out = text("two_relations", "prisma")
    assert 'sender      Account  @relation("messages_sender", fields: [senderId], references: [id]' in out
    assert 'recipient   Account? @relation("messages_recipient"' in out
    assert 'messagesSender    Message[] @relation("messages_sender")' in out
    assert "profile           Profile?" in out  # one-to-one back side
    assert "model Account {" in out and '@@map("accounts")' in out  # singular model, the table mapped


def test_prisma_self_relations_keys_indexes_defaults_and_native_types():
    self_out = text("self_relations", "prisma")
    assert '@relation("employees_manager", fields: [managerId], references: [id]' in self_out
    assert 'String     @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid' in self_out
    composite = text("composite_keys", "prisma")
    assert "@@id([shopId, number])" in composite
    assert '@@unique([shopId, sku], map: "order_lines_sku_key")' in composite
    assert 'map: "order_lines_order_fk")' in composite and "onDelete: Cascade, onUpdate: Cascade" in composite
    assert "@db.Decimal(12, 2)" in composite and "@db.Timestamp(6)" in composite and "@db.Char(12)" in composite
    assert '@@index([name(sort: Desc), name2], map: "weird \\"index\\"")' in text("hostile", "prisma")
    enums = text("enums", "prisma")
    assert "@default(open)" in enums and "@default(1.5)" in enums and "@default(true)" in enums
    assert "@default(now()) @updatedAt" in enums
    assert "onDelete: NoAction, onUpdate: NoAction" in text("demo", "prisma")


def test_prisma_many_to_many_explicit_and_implicit():
    out = text("many_to_many", "prisma")
    assert "studentsCourses StudentsCourse[]" in out and "@@id([studentId, courseId])" in out
    assert 'tags            Tag[]            @relation("courses_tags")' in out


def test_prisma_multiple_schemas():
    out = text("namespaces", "prisma")
    assert 'schemas  = ["billing", "public"]' in out
    assert '@@schema("billing")' in out and '@@schema("public")' in out
    assert "model Customer2 {" in out  # billing.customers next to public.customers
    mysql = text("namespaces", "prisma", "mysql")
    assert '@@map("billing_customers")' in mysql and "@@schema" not in mysql


# --- Drizzle ----------------------------------------------------------------------------------------


def test_drizzle_per_dialect_core_and_features():
    pg = text("composite_keys", "drizzle")
    assert 'from "drizzle-orm/pg-core"' in pg
    assert 'primaryKey({ name: "orders_pkey", columns: [table.shopId, table.number] })' in pg
    assert (
        'foreignKey({ name: "order_lines_order_fk", columns: [table.shopId, table.orderNumber], '
        'foreignColumns: [orders.shopId, orders.number] }).onDelete("cascade").onUpdate("cascade")'
    ) in pg
    assert 'numeric("total", { precision: 12, scale: 2 })' in pg
    assert 'from "drizzle-orm/mysql-core"' in text("demo", "drizzle", "mysql")
    assert 'from "drizzle-orm/sqlite-core"' in text("demo", "drizzle", "sqlite")
    assert 'mysqlEnum("status", ["draft", "published", "archived"])' in text("demo", "drizzle", "mysql")
    # drizzle-kit writes NULLS LAST unless told: a descending key says PostgreSQL's NULLS FIRST
    assert 'index("weird \\"index\\"").on(table.name.desc().nullsFirst(), table.name2)' in text("hostile", "drizzle")
    assert "sql`${table.name} desc`" in text("hostile", "drizzle", "mysql")
    namespaces = text("namespaces", "drizzle")
    assert 'export const billingSchema = pgSchema("billing");' in namespaces
    assert 'billingSchema.enum("currency", ["eur", "usd"])' in namespaces


def test_drizzle_relations_name_ambiguous_pairs():
    out = text("two_relations", "drizzle")
    assert (
        'sender: one(accounts, { fields: [messages.senderId], references: [accounts.id], relationName: "messages_sender" })'
        in out
    )
    assert 'messagesSender: many(messages, { relationName: "messages_sender" })' in out
    assert "profile: one(profiles)," in out


def test_drizzle_partial_index_predicate_goes_through_sql_raw(rich):
    out = "".join(generate(rich, target="drizzle").values())
    # an expression index key, printed from its parse, parenthesised: drizzle-kit writes it as given
    assert 'sql.raw("(lower(CAST(state AS text)))")' in out
    assert '.using("hash", ' in out and '.using("brin", table.placedAt)' in out


SPELLINGS = """
CREATE TABLE teams (id serial CONSTRAINT teams_pk PRIMARY KEY, name varchar(40) NOT NULL,
  region varchar(20) DEFAULT NULL, budget bigint DEFAULT '-1', seats integer DEFAULT 0, tags jsonb,
  score double precision DEFAULT 0.0, checked_at timestamp(0),
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT teams_name_region_key UNIQUE (name, region));
CREATE UNIQUE INDEX teams_region_budget_idx ON teams (region, budget);
CREATE INDEX teams_tags_idx ON teams USING gin (tags jsonb_path_ops);
CREATE INDEX teams_lower_name ON teams ((lower(name)) text_pattern_ops DESC);
CREATE TABLE events (team_id integer NOT NULL REFERENCES teams (id), id bigserial NOT NULL, at timestamp NOT NULL,
  PRIMARY KEY (team_id, id));
CREATE INDEX events_team_at ON events (team_id, at DESC);
"""


def _spellings(target: str) -> str:
    from designer.formats import import_text

    return "".join(generate(import_text(SPELLINGS, fmt="postgresql").schema, target=target).values())


def test_drizzle_writes_constraints_defaults_and_index_keys_as_the_source_did():
    """What tests/integration/test_orm_catalogs.py builds with drizzle-kit, as text."""
    out = _spellings("drizzle")
    assert 'unique("teams_name_region_key").on(table.name, table.region)' in out  # a constraint, not an index
    assert 'uniqueIndex("teams_region_budget_idx").on(table.region, table.budget)' in out
    assert 'region: varchar("region", { length: 20 }).default(sql.raw("NULL"))' in out
    assert ".default(sql.raw(\"'-1'\"))" in out and 'integer("seats").default(0)' in out
    assert '.notNull().default(sql.raw("CURRENT_TIMESTAMP"))' in out and ".notNull().defaultNow()" in out
    assert 'index("teams_tags_idx").using("gin", table.tags.op("jsonb_path_ops"))' in out
    assert 'index("events_team_at").on(table.teamId, table.at.desc().nullsFirst())' in out
    # an expression key is parenthesised (drizzle-kit writes it as given) with its class and order
    assert 'index("teams_lower_name").on(sql.raw("(lower(name)) text_pattern_ops DESC"))' in out
    # a column's .primaryKey() takes no name: one not drizzle-kit's teams_pkey is said on the table
    assert 'id: serial("id").notNull(),' in out and 'primaryKey({ name: "teams_pk", columns: [table.id] })' in out
    assert 'timestamp("checked_at", { precision: 0 })' in out
    assert 'doublePrecision("score").default(sql.raw("0.0"))' in out  # a JS 0.0 would print 0


# --- TypeORM ----------------------------------------------------------------------------------------


def test_typeorm_writes_constraints_defaults_and_index_types_as_the_source_did():
    """What tests/integration/test_orm_catalogs.py builds with synchronize, as text."""
    out = _spellings("typeorm")
    assert '@Unique("teams_name_region_key", ["name", "region"])' in out  # a constraint on PostgreSQL
    assert '@Index("teams_region_budget_idx", ["region", "budget"], { unique: true })' in out
    # DEFAULT NULL is no default; spelled out, TypeORM would re-set it on every synchronize
    assert "length: 20, nullable: true })" in out
    assert "default: () => \"'-1'\"" in out and 'default: () => "0"' in out
    # TypeORM writes a bare CURRENT_TIMESTAMP as now() and compares it so: stable, the same function
    assert 'default: () => "CURRENT_TIMESTAMP"' in out and 'default: () => "now()"' in out
    assert '@Index("teams_tags_idx", ["tags"], { type: "gin" })' in out
    assert "// index teams_lower_name is on an expression, which TypeORM cannot declare" in out
    assert "// index teams_tags_idx: TypeORM has no operator classes" in out
    assert "// index events_team_at: TypeORM has no per-column order" in out
    # a bigserial inside a composite key: "increment" keeps the serial, where identity would not
    assert '@PrimaryColumn({ name: "id", type: "bigint", generated: "increment", primaryKeyConstraintName' in out


def test_typeorm_entities_columns_keys_relations_and_indexes():
    out = text("composite_keys", "typeorm")
    assert '@Entity({ name: "order_lines" })' in out
    assert '@PrimaryColumn({ name: "shop_id", type: "integer", primaryKeyConstraintName: "order_lines_pkey" })' in out
    assert '@Index("order_lines_sku_key", ["shopId", "sku"], { unique: true })' in out
    assert (
        '@JoinColumn([{ name: "shop_id", referencedColumnName: "shopId", foreignKeyConstraintName: "order_lines_order_fk" }, '
        '{ name: "order_number", referencedColumnName: "number", foreignKeyConstraintName: "order_lines_order_fk" }])'
    ) in out
    assert 'onDelete: "CASCADE", onUpdate: "CASCADE"' in out
    demo = text("demo", "typeorm")
    assert (
        '@PrimaryGeneratedColumn("identity", { name: "id", type: "bigint", generatedIdentity: "BY DEFAULT", '
        'primaryKeyConstraintName: "users_pkey" })' in demo
    )
    assert (
        '{ name: "status", type: "enum", enum: ["draft", "published", "archived"], enumName: "post_status", default: "draft" }'
        in demo
    )
    assert "posts!: Relation<Post[]>;" in demo and "export class User {" in demo
    assert '@Unique("users_email_key", ["email"])' in demo  # names as our DDL gives them
    assert 'foreignKeyConstraintName: "posts_author_id_fkey"' in demo
    m2m = text("many_to_many", "typeorm")
    assert '@JoinTable({ name: "courses_tags", joinColumns: [{ name: "courses_id", referencedColumnName: "id" }]' in m2m
    assert '@Entity({ name: "invoices", schema: "billing" })' in text("namespaces", "typeorm")


# --- Mongoose ---------------------------------------------------------------------------------------


def test_mongoose_validators_indexes_and_refs():
    out = text("enums", "mongoose")
    assert 'state: { type: String, enum: ["open", "in progress", "2fa-blocked", "closed"], default: "open" }' in out
    assert "title: { type: String, maxlength: 200, required: true }" in out
    demo = text("demo", "mongoose")
    assert 'author_id: { type: Schema.Types.ObjectId, ref: "User", required: true }' in demo
    assert 'postSchema.index({ author_id: 1, published_at: 1 }, { name: "posts_author_published_idx" });' in demo
    assert "postTagSchema.index({ post_id: 1, tag_id: 1 }, { unique: true });" in demo
    composite = text("composite_keys", "mongoose")
    assert "min: -2147483648, max: 2147483647" in composite and "min: -32768, max: 32767" in composite


def test_mongoose_embeds_the_children_the_advisor_says_to_embed():
    schema = ALL["demo"]
    comments_fk = next(r for r in schema.relationships if r.name == "comments_post_fk")
    out = "".join(generate(schema, target="mongoose", embed=frozenset({comments_fk.id})).values())
    assert "comments: { type: [commentSchema], default: [] }," in out
    assert "post_id" not in out.split("const commentSchema")[1].split(");")[0]  # the parent is the container
    assert "Comment: connection.model" not in out  # an aggregate: no collection of its own
    assert 'Comment: connection.model("Comment", commentSchema)' in text("demo", "mongoose")


def test_mongoose_follows_the_advisors_embed_decisions_by_default():
    from designer.advice.base import Context
    from designer.advice.mongo import mongo_rules
    from designer.codegen.mongoose import advised_embeds

    schema = ALL["composite_keys"]  # no declared reads: children are read only through their parent
    embeds = [r for r in mongo_rules(Context(schema)) if r.code == "mongo.embed"]
    assert embeds and len(advised_embeds(schema)) == len(embeds)
    default = text("composite_keys", "mongoose")
    assert default == "".join(generate(schema, target="mongoose", embed=advised_embeds(schema)).values())
    assert (
        "orderLines: { type: [orderLineSchema], default: [] }" in default
        or "order_lines: { type: [orderLineSchema]" in default
    )
    assert default != "".join(generate(schema, target="mongoose", embed=frozenset()).values())


def test_mongoose_partial_index_when_expressible(rich):
    from designer.schema import Index, IndexColumn

    out = "".join(generate(rich, target="mongoose", embed=frozenset()).values())
    assert "is on an SQL expression: MongoDB has no equivalent." in out
    schema = ALL["demo"]
    posts = schema.entity_by_name("posts")
    slug, status = posts.field_by_name("slug"), posts.field_by_name("status")
    published = Index(
        id="idx_pub",
        name="posts_published_slug",
        columns=(IndexColumn(field_id=slug.id),),
        predicate="status = 'published'",
    )
    odd = Index(
        id="idx_odd", name="posts_odd", columns=(IndexColumn(field_id=status.id),), predicate="length(slug) > 3"
    )
    posts = replace(posts, indexes=(*posts.indexes, published, odd))
    schema = replace(schema, entities=tuple(posts if e.id == posts.id else e for e in schema.entities))
    out = "".join(generate(schema, target="mongoose").values())
    assert (
        'postSchema.index({ slug: 1 }, { name: "posts_published_slug", partialFilterExpression: { status: "published" } });'
        in out
    )
    assert "// index posts_odd is partial on SQL (WHERE length(slug) > 3): not expressible here." in out


# --- Django -----------------------------------------------------------------------------------------


def test_django_fields_meta_and_foreign_keys():
    demo = text("demo", "django")
    assert (
        'author = models.ForeignKey("User", on_delete=models.DO_NOTHING, db_column="author_id", related_name="posts")'
        in demo
    )
    assert (
        'post = models.ForeignKey("Post", on_delete=models.CASCADE, db_column="post_id", related_name="comments", db_comment="constraint comments_post_fk")'
        in demo
    )
    assert 'models.Index(fields=["author_id", "published_at"], name="posts_author_published_idx")' in demo
    assert 'pk = models.CompositePrimaryKey("post_id", "tag_id")' in demo
    assert 'status = PostStatusField(choices=PostStatusChoices.choices, db_column="status", default="draft")' in demo
    assert "models.BigAutoField(primary_key=True" in demo and "db_default=Now()" in demo
    pair = text("two_relations", "django")
    assert 'related_name="messages_sender"' in pair and 'related_name="messages_recipient"' in pair
    assert (
        'account = models.OneToOneField("Account", on_delete=models.DO_NOTHING, db_column="account_id", primary_key=True'
        in pair
    )
    assert 'manager = models.ForeignKey("self"' in text("self_relations", "django")
    assert 'db_table = "billing\\".\\"invoices"' in text("namespaces", "django")
    assert (
        'models.ForeignObject("Order", on_delete=models.CASCADE, from_fields=["shop_id", "order_number"], to_fields=["shop_id", "number"]'
        in text("composite_keys", "django")
    )
    assert 'tags = models.ManyToManyField("Tag", db_table="courses_tags"' in text("many_to_many", "django")


# --- the ORM's migration files, from our SQL ---------------------------------------------------


def test_prisma_migrations_in_prismas_layout_carry_our_sql():
    from designer.migrate import diff, render
    from designer.schema import Schema
    from tests.designer.codegen.fixtures import demo_versions

    first, second = demo_versions()
    files = generate(second.schema, target="prisma", versions=(second, first))  # any order in
    assert list(files) == [
        "schema.prisma",
        "migrations/20260102030405_v1_first_cut/migration.sql",
        "migrations/20260201000000_v2_posts_tags/migration.sql",
        "migrations/migration_lock.toml",
    ]
    empty = Schema(database_type=first.schema.database_type)
    assert (
        files["migrations/20260102030405_v1_first_cut/migration.sql"]
        == render(diff(empty, first.schema), dialect="postgresql", old=empty, new=first.schema).up
    )
    assert (
        files["migrations/20260201000000_v2_posts_tags/migration.sql"]
        == render(diff(first.schema, second.schema), dialect="postgresql", old=first.schema, new=second.schema).up
    )
    assert 'provider = "postgresql"' in files["migrations/migration_lock.toml"]
    assert (
        'provider = "mysql"'
        in generate(second.schema, target="prisma", dialect="mysql", versions=(first,))[
            "migrations/migration_lock.toml"
        ]
    )


def test_typeorm_migration_class_per_version_step_with_up_and_down():
    import json

    from designer.migrate import diff, render
    from tests.designer.codegen.fixtures import demo_versions

    first, second = demo_versions()
    files = generate(second.schema, target="typeorm", versions=(first, second))
    step = files["migrations/1769904000000-V2PostsTags.ts"]
    assert "export class V2PostsTags1769904000000 implements MigrationInterface {" in step
    assert "transaction = false as const;" in step
    migration = render(diff(first.schema, second.schema), dialect="postgresql", old=first.schema, new=second.schema)
    up, down = (
        line.strip().removeprefix("await queryRunner.query(").removesuffix(");")
        for line in step.splitlines()
        if "queryRunner.query(" in line
    )
    assert json.loads(up) == migration.up and json.loads(down) == migration.down


def test_namespaces_follow_our_ddl_per_dialect():
    """A schema in PostgreSQL, a database in MySQL, part of the table's name in SQLite."""
    assert 'mysqlSchema("billing")' in text("namespaces", "drizzle", "mysql")
    assert '@Entity({ name: "customers", database: "billing" })' in text("namespaces", "typeorm", "mysql")
    assert 'sqliteTable(\n  "billing.customers",' in text("namespaces", "drizzle", "sqlite")
    assert r'db_table = "billing\u0060.\u0060invoices"' in text("namespaces", "django", "mysql")  # \u0060 is `
    assert 'collection: "billing.customers"' in text("namespaces", "mongoose")


def test_prisma_says_what_it_cannot_relate_instead_of_failing(rich):
    out = generate(rich, target="prisma")["schema.prisma"]
    assert "// label_order: many-to-many with a key Prisma cannot join on" in out
    # SET NULL on a required key (core.user.id holds the one-to-one's key, as the reference
    # DBML parser reads `profile.user_id - core.user.id`): Prisma refuses it; NO ACTION is
    # what the database does in effect
    assert "references: [userId], onDelete: NoAction, onUpdate: NoAction)" in out.split("model User {")[1]


def test_typeorm_says_checks_key_order_and_identity_as_our_ddl_does():
    from designer.formats import import_text

    schema = import_text(
        "CREATE TABLE accounts (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
        " balance numeric(12,2) NOT NULL CHECK (balance >= 0), code text NOT NULL,"
        " CONSTRAINT code_len CHECK (char_length(code) > 2));\n"
        "CREATE TABLE lines (b int NOT NULL, a int NOT NULL, n int GENERATED BY DEFAULT AS IDENTITY,"
        " PRIMARY KEY (a, b));\n",
        fmt="postgresql",
    ).schema
    out = generate(schema, target="typeorm")["entities.ts"]
    assert '@Check("accounts_balance_check", "balance \\u003e= 0")' in out
    assert '@Check("code_len", "char_length(code) \\u003e 2")' in out
    assert out.index('@PrimaryColumn({ name: "a"') < out.index('@PrimaryColumn({ name: "b"')  # the key's order
    assert 'generated: "identity", generatedIdentity: "BY DEFAULT"' in out
    assert 'type: "bigint", generatedIdentity' in out


def test_orm_models_are_singular_with_the_table_mapped():
    from designer.codegen.names import model_name

    tables = ("users", "order_lines", "categories", "address", "Status", "statuses", "boxes", "news")
    assert [model_name(n) for n in tables] == [
        "User",
        "OrderLine",
        "Category",
        "Address",
        "Status",
        "Status",
        "Box",
        "News",
    ]
    assert "class Post(models.Model)" in text("demo", "django") and 'db_table = "posts"' in text("demo", "django")
    assert '@Entity({ name: "posts" })\nexport class Post {' in text("demo", "typeorm")


def test_real_world_slips_self_references_keyless_tables_and_defaults():
    prisma = text("real_world_slips", "prisma")
    assert '@relation("employees_reports_to_employee", fields: [reportsTo]' in prisma  # never "employee"
    assert "tags                       String[]   @default([])" in prisma
    assert "@default(dbgenerated(\"'it''s \\\"so\\\"' || chr(33)\"))" in prisma
    assert "@@ignore" in prisma.split("model AuditLog")[1].split("}")[0]
    django = text("real_world_slips", "django")
    assert 'reports_to_employee = models.ForeignKey("self"' in django and "default=list" in django
    assert 'pk = models.CompositePrimaryKey("identifier", "token")' in django
    assert "managed = False" in django.split("class AuditLog")[1].split("class Token")[0]
    typeorm = text("real_world_slips", "typeorm")
    assert '@PrimaryColumn({ name: "identifier"' in typeorm and "default: () => \"'{}'\"" in typeorm
    drizzle = text("real_world_slips", "drizzle")
    assert 'tags: text("tags").array().notNull().default([])' in drizzle
