"""The migration engine without a database: what diff() finds and what each renderer
writes. The proof that the SQL runs and reaches the right schema is in
tests/integration/test_migrations_proof.py."""

from __future__ import annotations

import pytest

from designer import ops
from designer.examples.histories import HISTORIES
from designer.examples.histories.build import K, apply, entity, expr, f, key, lit, ref, t, update_entity, update_field
from designer.migrate import Migration, MigrationError, Step, diff, full_ddl, render
from designer.schema import Cardinality, Check, Enum, EnumValue, Index, IndexColumn, Schema, SortOrder

EMPTY = Schema(database_type="PostgreSQL")


def users() -> Schema:
    return apply(
        EMPTY,
        ops.AddEntity(
            entity=entity(
                "u", "users", key("u_id"), f("u_email", "email", K.TEXT, nullable=False), f("u_name", "name", K.TEXT)
            )
        ),
        ops.AddEntity(entity=entity("p", "posts", key("p_id"), f("p_author", "author_id", K.BIGINT, nullable=False))),
        ops.AddRelationship(relationship=ref("r", "p", ["p_author"], "u", ["u_id"])),
    )


def migrate(old: Schema, new: Schema, dialect: str = "postgresql", **options) -> Migration:
    return render(diff(old, new), dialect=dialect, old=old, new=new, **options)


def actions(old: Schema, new: Schema) -> list[str]:
    return [step.action for step in diff(old, new)]


# --- renames are renames -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (update_entity("u", name="people"), "rename_table"),
        (update_field("u_name", name="full_name"), "rename_column"),
    ],
)
def test_a_rename_is_a_rename_never_a_drop_and_an_add(edit, expected):
    old = users()
    found = actions(old, apply(old, edit))
    assert expected in found
    assert not {"drop_table", "create_table", "drop_column", "add_column"} & set(found)


def test_renaming_an_index_and_an_enum_renames_them():
    old = apply(
        users(),
        ops.AddIndex(entity_id="u", index=Index("ix", (IndexColumn("u_name"),), name="by_name")),
        ops.AddEnum(enum=Enum("e", "mood", (EnumValue("ok"),))),
    )
    new = apply(
        old,
        ops.UpdateIndex(entity_id="u", index=Index("ix", (IndexColumn("u_name"),), name="by_full_name")),
        ops.UpdateEnum(enum=Enum("e", "feeling", (EnumValue("ok"),))),
    )
    assert actions(old, new) == ["rename_enum", "rename_index"]
    up = migrate(old, new).up
    assert 'ALTER INDEX "by_name" RENAME TO "by_full_name";' in up
    assert 'ALTER TYPE "mood" RENAME TO "feeling";' in up


def test_renaming_a_table_renames_the_names_derived_from_it():
    old = users()
    up = migrate(old, apply(old, update_entity("u", name="people"))).up
    assert 'ALTER TABLE "people" RENAME CONSTRAINT "users_pkey" TO "people_pkey";' in up


def test_an_enum_value_renamed_in_place_is_a_rename_and_a_removed_one_rebuilds_the_type():
    old = apply(EMPTY, ops.AddEnum(enum=Enum("e", "state", tuple(EnumValue(v) for v in ("a", "b", "c")))))
    renamed = apply(old, ops.RenameEnumValue(enum_id="e", old="b", new="bee"))
    assert actions(old, renamed) == ["rename_enum_value"]
    assert "ALTER TYPE \"state\" RENAME VALUE 'b' TO 'bee';" in migrate(old, renamed).up
    removed = apply(old, ops.UpdateEnum(enum=Enum("e", "state", (EnumValue("a"), EnumValue("c")))))
    assert actions(old, removed) == ["replace_enum"]
    added = apply(old, ops.UpdateEnum(enum=Enum("e", "state", tuple(EnumValue(v) for v in ("a", "a2", "b", "c")))))
    assert "ADD VALUE IF NOT EXISTS 'a2' AFTER 'a'" in migrate(old, added).up


# --- order -------------------------------------------------------------------------------


def test_steps_come_in_dependency_order():
    found = actions(
        EMPTY,
        apply(
            users(),
            ops.AddEnum(enum=Enum("e", "mood", (EnumValue("ok"),), namespace="app")),
            update_entity("u", namespace="app"),
        ),
    )
    assert found.index("create_schema") < found.index("create_enum") < found.index("create_table")
    assert found.index("create_table") < found.index("add_foreign_key")
    dropping = actions(users(), EMPTY)
    assert dropping.index("drop_foreign_key") < dropping.index("drop_table")


# --- down is the way back ----------------------------------------------------------------


@pytest.mark.parametrize("dialect", ["postgresql", "mysql", "sqlite"])
def test_down_is_the_migration_from_new_back_to_old(dialect):
    versions = HISTORIES["shop"]
    old, new = versions[1], versions[2]
    assert migrate(old, new, dialect).down == migrate(new, old, dialect).up


def test_full_ddl_is_the_diff_from_the_empty_schema_without_zero_downtime_ceremony():
    schema = users()
    assert (
        full_ddl(schema, dialect="postgresql")
        == migrate(Schema(database_type="PostgreSQL"), schema, zero_downtime=False).up
    )
    assert "CONCURRENTLY" not in full_ddl(schema, dialect="postgresql")


def test_data_losing_steps_are_announced_at_the_top_and_listed():
    old = users()
    new = apply(
        old, ops.RemoveField(entity_id="u", field_id="u_name"), update_field("u_email", type=t(K.VARCHAR, length=20))
    )
    migration = migrate(old, new)
    assert len(migration.irreversible) == 2
    header = migration.up.split("SET lock_timeout")[0]
    assert "IRREVERSIBLE: column users.name is dropped" in header
    assert "IRREVERSIBLE: column users.email is narrowed" in header
    assert migrate(new, old).irreversible == []  # widening back and adding a column lose nothing


# --- PostgreSQL zero-downtime ------------------------------------------------------------


def test_zero_downtime_sets_timeouts_and_builds_indexes_concurrently_outside_transactions():
    old = users()
    new = apply(
        old,
        ops.AddIndex(
            entity_id="u",
            index=Index("ix", (IndexColumn("u_name", order=SortOrder.DESC),), predicate="name IS NOT NULL"),
        ),
    )
    up = migrate(old, new).up
    lines = up.splitlines()
    assert lines[lines.index("SET lock_timeout = '2s';") + 1].startswith("SET statement_timeout")
    create = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_name_idx" ON "users" ("name" DESC) WHERE name IS NOT NULL;'
    assert create in lines
    assert lines[lines.index(create) - 1] != "BEGIN;"  # never inside a transaction
    assert "DROP INDEX CONCURRENTLY IF EXISTS" in migrate(new, old).up
    plain = migrate(old, new, zero_downtime=False).up
    assert "CONCURRENTLY" not in plain and "lock_timeout" not in plain


def test_foreign_keys_and_checks_are_added_not_valid_then_validated_in_another_transaction():
    old = users()
    new = apply(old, update_entity("u", checks=(Check("c", "length(email) > 3", name="email_long_enough"),)))
    lines = migrate(old, new).up.splitlines()
    add = 'ALTER TABLE "users" ADD CONSTRAINT "email_long_enough" CHECK (length(email) > 3) NOT VALID;'
    validate = 'ALTER TABLE "users" VALIDATE CONSTRAINT "email_long_enough";'
    assert lines.index(add) < lines.index("COMMIT;", lines.index(add)) < lines.index(validate)
    assert (
        "NOT VALID" in migrate(EMPTY, users()).up
        and 'VALIDATE CONSTRAINT "posts_author_id_fkey"' in migrate(EMPTY, users()).up
    )


def test_set_not_null_goes_through_a_validated_check():
    old = users()
    up = migrate(old, apply(old, update_field("u_name", nullable=False))).up
    steps = [line for line in up.splitlines() if line.startswith("ALTER")]
    assert steps == [
        'ALTER TABLE "users" ADD CONSTRAINT "users_name_not_null" CHECK ("name" IS NOT NULL) NOT VALID;',
        'ALTER TABLE "users" VALIDATE CONSTRAINT "users_name_not_null";',
        'ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;',
        'ALTER TABLE "users" DROP CONSTRAINT "users_name_not_null";',
    ]


def test_unique_on_an_existing_table_comes_from_a_concurrent_unique_index():
    old = users()
    up = migrate(old, apply(old, update_field("u_email", unique=True))).up
    assert 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "users_email_key" ON "users" ("email");' in up
    assert 'ALTER TABLE "users" ADD CONSTRAINT "users_email_key" UNIQUE USING INDEX "users_email_key";' in up


def test_a_volatile_default_is_added_empty_then_set_then_backfilled_in_batches():
    old = users()
    new = apply(
        old,
        ops.AddField(
            entity_id="u", field=f("u_token", "token", K.UUID, nullable=False, default=expr("gen_random_uuid()"))
        ),
    )
    migration = migrate(old, new)
    up = migration.up
    add = up.index('ALTER TABLE "users" ADD COLUMN "token" uuid;')
    set_default = up.index('ALTER COLUMN "token" SET DEFAULT gen_random_uuid();')
    backfill = up.index("DO $backfill$")
    not_null = up.index('ALTER COLUMN "token" SET NOT NULL;')
    assert add < set_default < backfill < not_null
    assert "LIMIT 5000" in up and "COMMIT;\n  END LOOP" in up
    assert "adding-field-with-default" in {w.code for w in migration.warnings}
    constant = apply(old, ops.AddField(entity_id="u", field=f("u_n", "n", K.BIGINT, nullable=False, default=lit("0"))))
    assert 'ADD COLUMN "n" bigint DEFAULT 0 NOT NULL;' in migrate(old, constant).up  # no rewrite since PostgreSQL 11


def test_risky_steps_carry_the_squawk_rule_name_and_the_step_number():
    old = users()
    new = apply(old, ops.RemoveEntity(entity_id="p"), update_field("u_name", name="display_name"))
    migration = migrate(old, new)
    codes = {w.code for w in migration.warnings}
    assert {"ban-drop-table", "renaming-column", "ban-drop-constraint"} <= codes
    steps = diff(old, new)
    for warning in migration.warnings:
        assert 0 <= warning.step < len(steps)
    assert isinstance(steps[0], Step) and steps[0].subject


# --- names, types, many-to-many ----------------------------------------------------------


def test_every_identifier_is_quoted_for_its_dialect_even_hostile_ones():
    hostile = 'we"ird`name'
    schema = apply(EMPTY, ops.AddEntity(entity=entity("x", hostile, key("x_id", name="select"))))
    assert 'CREATE TABLE "we""ird`name"' in full_ddl(schema, dialect="postgresql")
    assert 'CREATE TABLE IF NOT EXISTS `we"ird``name`' in full_ddl(schema, dialect="mysql")
    assert '"select" integer NOT NULL PRIMARY KEY AUTOINCREMENT' in full_ddl(schema, dialect="sqlite")


def test_a_name_too_long_for_the_dialect_stops_generation_with_a_message_naming_it():
    long_name = "t" * 64
    schema = apply(EMPTY, ops.AddEntity(entity=entity("x", long_name, key("x_id"))))
    with pytest.raises(MigrationError, match=f"table name '{long_name}' is 64 bytes; postgresql allows at most 63"):
        full_ddl(schema, dialect="postgresql")
    assert f"`{long_name}`" in full_ddl(schema, dialect="mysql")  # 64 is MySQL's limit
    accented = apply(schema, update_entity("x", name="things"), update_field("x_id", name="é" * 33))  # 66 bytes
    with pytest.raises(MigrationError, match=r"field name 'é+' in things is 66 bytes"):
        full_ddl(accented, dialect="postgresql")
    assert "é" * 33 in full_ddl(accented, dialect="mysql")  # 33 characters


def test_generated_names_are_shortened_to_fit_while_given_ones_are_refused():
    schema = apply(
        EMPTY, ops.AddEntity(entity=entity("x", "a" * 60, key("x_id"), f("x_b", "b" * 20, K.TEXT, unique=True)))
    )
    ddl = full_ddl(schema, dialect="postgresql")
    assert all(len(name.encode()) <= 63 for name in _quoted(ddl))


def _quoted(sql: str) -> list[str]:
    return [part for i, part in enumerate(sql.split('"')) if i % 2]


def test_types_are_written_as_written_for_their_dialect_and_translated_or_refused_elsewhere():
    schema = apply(
        EMPTY,
        ops.AddEntity(
            entity=entity(
                "x",
                "things",
                key("x_id"),
                f("x_doc", "doc", t(K.JSON, written="jsonb")),
                f("x_geo", "place", t(K.OTHER, written="geometry(Point,4326)")),
            )
        ),
    )
    assert '"place" geometry(point, 4326)' in full_ddl(schema, dialect="postgresql")  # printed from its parse
    with pytest.raises(MigrationError, match=r"field things\.place: type 'geometry\(Point,4326\)'"):
        full_ddl(schema, dialect="mysql")
    portable = apply(schema, ops.RemoveField(entity_id="x", field_id="x_geo"))
    assert "`doc` json" in full_ddl(portable, dialect="mysql")


def test_many_to_many_without_a_join_entity_becomes_one_join_table_and_with_one_is_not_made_twice():
    schema = apply(
        users(),
        ops.AddRelationship(relationship=ref("m", "u", ["u_id"], "p", ["p_id"], cardinality=Cardinality.MANY_TO_MANY)),
    )
    ddl = full_ddl(schema, dialect="postgresql")
    assert ddl.count('CREATE TABLE "users_posts"') == 1
    assert 'PRIMARY KEY ("users_id", "posts_id")' in ddl
    assert ddl.count('FOREIGN KEY ("users_id") REFERENCES "users" ("id") ON DELETE CASCADE') == 1
    catalog = full_ddl(HISTORIES["catalog"][3], dialect="postgresql")
    assert catalog.count('CREATE TABLE "Product_tag"') == 1 and "Product_tag_link" not in catalog
    renamed = apply(schema, update_entity("p", name="articles"))
    assert 'ALTER TABLE "users_posts" RENAME TO "users_articles";' in migrate(schema, renamed).up


# --- MySQL/MariaDB and SQLite -------------------------------------------------------------


def test_mysql_asks_for_online_algorithms_and_writes_re_runnable_statements():
    old = users()
    new = apply(
        old,
        ops.AddField(entity_id="u", field=f("u_bio", "bio", t(K.VARCHAR, length=200))),
        ops.AddIndex(entity_id="u", index=Index("ix", (IndexColumn("u_name"),))),
    )
    up = migrate(old, new, "mysql").up
    assert (
        "ALTER TABLE IF EXISTS `users` ADD COLUMN IF NOT EXISTS `bio` varchar(200) AFTER `name`, ALGORITHM=INSTANT;"
        in up
    )
    assert "CREATE INDEX IF NOT EXISTS `users_name_idx` ON `users` (`name`(255)) ALGORITHM=INPLACE LOCK=NONE;" in up
    assert "DROP COLUMN IF EXISTS `bio`" in migrate(new, old, "mysql").up


def test_mysql_drops_a_foreign_key_before_its_index_and_asks_no_algorithm_where_mariadb_must_copy():
    # A unique text column is a hidden hash column in MariaDB: no index or column of that
    # table changes in place (ERROR 1846), so only tables without one keep the hints.
    old = apply(
        users(),
        ops.AddField(entity_id="p", field=f("p_slug", "slug", K.TEXT, unique=True)),
        ops.AddEntity(entity=entity("c", "comments", key("c_id"), f("c_author", "author_id", K.BIGINT))),
        ops.AddRelationship(relationship=ref("rc", "c", ["c_author"], "u", ["u_id"])),
    )
    new = apply(old, ops.RemoveRelationship(relationship_id="r"), ops.RemoveRelationship(relationship_id="rc"))
    migration = migrate(old, new, "mysql")
    posts = [
        "ALTER TABLE IF EXISTS `posts` DROP FOREIGN KEY IF EXISTS `posts_author_id_fkey`;",
        "ALTER TABLE IF EXISTS `posts` DROP INDEX IF EXISTS `posts_author_id_fkey`;",
    ]
    lines = migration.up.splitlines()
    assert lines.index(posts[0]) < lines.index(posts[1])
    assert (
        "ALTER TABLE IF EXISTS `comments` DROP INDEX IF EXISTS `comments_author_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;"
        in lines
    )
    assert [(w.code, w.step) for w in migration.warnings] == [("mysql-table-copy", 0)]
    assert "CREATE INDEX IF NOT EXISTS `posts_author_id_fkey` ON `posts` (`author_id`);" in migration.down
    added = migrate(
        old, apply(old, ops.AddIndex(entity_id="p", index=Index("ix", (IndexColumn("p_author"),)))), "mysql"
    )
    assert "CREATE INDEX IF NOT EXISTS `posts_author_id_idx` ON `posts` (`author_id`);" in added.up
    # Down to empty: only the keys go before the tables, their indexes go with them.
    emptied = migrate(old, EMPTY, "mysql").up
    assert "DROP INDEX" not in emptied and emptied.index("DROP FOREIGN KEY") < emptied.index("DROP TABLE")


def test_mysql_counts_a_unique_key_longer_than_innodb_indexes_as_a_hash_key():
    wide = apply(
        users(),
        ops.AddField(entity_id="p", field=f("p_a", "a", t(K.VARCHAR, length=767))),
        ops.AddField(entity_id="p", field=f("p_b", "b", K.INTEGER)),
        ops.AddField(entity_id="p", field=f("p_c", "c", K.BIGINT)),
    )
    fits = apply(
        wide, ops.AddIndex(entity_id="p", index=Index("ab", (IndexColumn("p_a"), IndexColumn("p_b")), unique=True))
    )
    too_long = apply(
        wide, ops.AddIndex(entity_id="p", index=Index("ac", (IndexColumn("p_a"), IndexColumn("p_c")), unique=True))
    )
    column = ops.AddField(entity_id="p", field=f("p_d", "d", K.DATE))
    assert ", ALGORITHM=INSTANT;" in migrate(fits, apply(fits, column), "mysql").up  # 3068 + 4 bytes: a real index
    assert ", ALGORITHM=INSTANT;" not in migrate(too_long, apply(too_long, column), "mysql").up  # 3068 + 8: hashed


def test_mysql_refuses_what_it_cannot_express_faithfully():
    old = users()
    partial_unique = apply(
        old,
        ops.AddIndex(
            entity_id="u", index=Index("ix", (IndexColumn("u_email"),), unique=True, predicate="name IS NOT NULL")
        ),
    )
    with pytest.raises(MigrationError, match="unique index users_email_key on users is partial"):
        migrate(old, partial_unique, "mysql")


def test_sqlite_rebuilds_a_table_for_what_alter_table_cannot_do_and_checks_foreign_keys():
    old = users()
    up = migrate(old, apply(old, update_field("u_name", nullable=False)), "sqlite").up
    assert 'CREATE TABLE "_rebuild_users"' in up
    assert 'INSERT INTO "_rebuild_users" ("id", "email", "name") SELECT "id", "email", "name" FROM "users";' in up
    assert up.index('DROP TABLE "users";') < up.index('ALTER TABLE "_rebuild_users" RENAME TO "users";')
    assert up.startswith("-- sqlite") and "PRAGMA foreign_keys = OFF;" in up
    assert up.index("pragma_foreign_key_check") < up.index("COMMIT;")
    renamed = migrate(old, apply(old, update_field("u_name", name="nick")), "sqlite").up
    assert 'ALTER TABLE "users" RENAME COLUMN "name" TO "nick";' in renamed and "_rebuild_" not in renamed


def test_unknown_dialect_is_refused():
    with pytest.raises(MigrationError, match="unknown dialect"):
        full_ddl(users(), dialect="oracle")


def test_expand_contract_expands_plain_columns_and_changes_keyed_ones_in_place():
    old = apply(users(), ops.AddIndex(entity_id="u", index=Index("ix", (IndexColumn("u_email"),))))
    new = apply(old, update_field("u_name", name="full_name"), update_field("u_email", name="mail"))
    migration = migrate(old, new, expand_contract=True)
    assert 'ALTER TABLE "users" ADD COLUMN "full_name" text;' in migration.up
    assert 'CREATE TRIGGER "users_full_name_expand" BEFORE INSERT OR UPDATE ON "users"' in migration.up
    assert 'ALTER TABLE "users" RENAME COLUMN "email" TO "mail";' in migration.up  # indexed: renamed in place
    assert 'ALTER TABLE "users" DROP COLUMN IF EXISTS "name";' in migration.contract
    assert migrate(old, new).contract == "" and "TRIGGER" not in migrate(old, new).up
    assert migrate(old, new, expand_contract=True, zero_downtime=False).contract == ""


def test_a_foreign_key_to_fields_that_are_not_a_key_is_refused_before_any_sql():
    schema = apply(users(), ops.AddRelationship(relationship=ref("bad", "p", ["p_author"], "u", ["u_name"])))
    with pytest.raises(MigrationError, match=r"refers to users \(name\), which is not its primary key or a unique key"):
        full_ddl(schema, dialect="postgresql")
    fixed = apply(schema, update_field("u_name", unique=True))
    assert 'REFERENCES "users" ("name")' in full_ddl(fixed, dialect="postgresql")


def test_each_step_is_labelled_in_the_sql_with_the_number_its_warnings_carry():
    old = users()
    migration = migrate(old, apply(old, update_field("u_name", name="full_name")))
    assert "-- step 0: rename column users.full_name (was name)" in migration.up
    assert "-- WARNING [renaming-column] step 0: column users.name is renamed to full_name" in migration.up


def test_mysql_refuses_a_foreign_key_from_a_namespace_into_the_default_database():
    schema = apply(users(), update_entity("p", namespace="blog"))
    with pytest.raises(MigrationError, match=r"foreign key posts_author_id_fkey from blog\.posts to users"):
        full_ddl(schema, dialect="mysql")
    assert '"blog"."posts"' in full_ddl(schema, dialect="postgresql")
    assert 'CREATE TABLE "blog.posts"' in full_ddl(schema, dialect="sqlite")


def test_comments_are_written_per_dialect():
    schema = apply(users(), update_entity("u", comment="people's accounts"), update_field("u_name", comment="shown"))
    assert "COMMENT ON TABLE \"users\" IS 'people''s accounts';" in full_ddl(schema, dialect="postgresql")
    assert "`name` text COMMENT 'shown'" in full_ddl(schema, dialect="mysql")
    assert "COMMENT" not in full_ddl(schema, dialect="sqlite")
    assert actions(users(), schema) == ["set_comment", "set_comment"]


def test_enum_values_renamed_and_added_in_one_version_are_still_renames():
    old = apply(EMPTY, ops.AddEnum(enum=Enum("e", "state", tuple(EnumValue(v) for v in ("a", "b", "c", "d")))))
    new = apply(old, ops.UpdateEnum(enum=Enum("e", "state", tuple(EnumValue(v) for v in ("A", "b", "x", "c", "D")))))
    steps = diff(old, new)
    assert [(s.action, s.detail[:2]) for s in steps] == [
        ("rename_enum_value", ("a", "A")),
        ("rename_enum_value", ("d", "D")),
        ("add_enum_value", ("x", "b")),
    ]
    up = migrate(old, new).up
    assert up.index("RENAME VALUE 'a' TO 'A'") < up.index("ADD VALUE IF NOT EXISTS 'x' AFTER 'b'")
    front = apply(old, ops.UpdateEnum(enum=Enum("e", "state", tuple(EnumValue(v) for v in ("z", "A", "b", "c", "d")))))
    assert "ADD VALUE IF NOT EXISTS 'z' BEFORE 'a'" in migrate(old, front).up  # 'a' → 'A' is not a rename here


def test_a_step_kind_a_dialect_cannot_render_is_a_clear_error():
    from designer.migrate.base import MigrationError, handler_for
    from designer.migrate.steps import Step

    with pytest.raises(MigrationError, match="SQLite has no renderer for a step of kind 'reticulate_splines'"):
        handler_for({}, Step(action="reticulate_splines"), "SQLite")
