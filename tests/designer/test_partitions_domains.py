"""Partitions, domains and extensions: read from PostgreSQL and MySQL DDL, kept by the
document formats, emitted by each dialect's full DDL, judged by the deploy check (the
real servers apply it in tests/integration/test_partitions_domains.py)."""

from designer.deploy import deploy_check
from designer.formats import import_text
from designer.formats.dbml import parse_dbml, to_dbml
from designer.formats.json_doc import dumps, loads
from designer.labels import partitioning_label
from designer.migrate import full_ddl
from designer.schema import Domain, DomainCheck, Extension, FieldType, Partition, PartitionStrategy, TypeKind
from designer.type_catalog import catalogue, known

PG = """
CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;
CREATE DOMAIN public.email AS character varying(255) CONSTRAINT email_at CHECK (((VALUE)::text ~ '@'::text))
  DEFAULT 'nobody@example.com'::character varying NOT NULL;
CREATE DOMAIN public.positive AS integer;
ALTER DOMAIN public.positive ADD CONSTRAINT positive_check CHECK (VALUE > 0) NOT VALID;
CREATE TABLE public.users (id bigint PRIMARY KEY, mail public.email, n positive);
CREATE TABLE public.ev (id bigint NOT NULL, at timestamp NOT NULL, k integer) PARTITION BY RANGE (at);
CREATE TABLE public.ev_2024 (id bigint NOT NULL, at timestamp NOT NULL, k integer);
CREATE TABLE public.ev_2025 PARTITION OF public.ev FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY HASH (k);
CREATE TABLE public.ev_2025_0 PARTITION OF public.ev_2025 FOR VALUES WITH (modulus 2, remainder 0);
ALTER TABLE ONLY public.ev ATTACH PARTITION public.ev_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX ev_k_idx ON ONLY public.ev USING btree (k);
CREATE INDEX ev_2024_k_idx ON public.ev_2024 USING btree (k);
ALTER INDEX public.ev_k_idx ATTACH PARTITION public.ev_2024_k_idx;
"""


def _pg():
    return import_text(PG, fmt="postgresql")


def test_a_partitioned_table_is_one_entity_with_its_partitions_as_written():
    result = _pg()
    assert [e.name for e in result.schema.entities] == ["users", "ev"]
    partitioning = result.schema.entity_by_name("ev").partitioning
    assert (partitioning.strategy, partitioning.key) == (PartitionStrategy.RANGE, "at")
    assert partitioning.partitions == (
        Partition(name="ev_2025", bound="FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')", partitioned_by="HASH (k)"),
        Partition(name="ev_2025_0", bound="FOR VALUES WITH (modulus 2, remainder 0)", parent="ev_2025"),
        Partition(name="ev_2024", bound="FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"),
    )
    assert not [n for n in result.notices if "ALTER INDEX" in n.message]  # the attach is the parent index's
    assert partitioning_label(result.schema.entity_by_name("ev")) == "partitioned by range (at), 3 partitions"


def test_domains_and_extensions_are_kept_with_what_they_say():
    schema = _pg().schema
    assert schema.extensions == (Extension(name="pg_trgm", namespace="extensions"),)  # plpgsql is built in
    email, positive = schema.domains
    assert (email.name, email.base.kind, email.base.length, email.nullable) == ("email", TypeKind.VARCHAR, 255, False)
    assert email.checks == (DomainCheck(expression="(VALUE)::text ~ '@'::text", name="email_at"),)
    assert email.default.value == "'nobody@example.com'"
    assert positive.checks == (DomainCheck(expression="VALUE > 0", name="positive_check"),)
    assert schema.entity_by_name("users").field_by_name("mail").type.written == "public.email"


def test_the_postgresql_ddl_creates_extensions_then_domains_then_tables_then_partitions():
    ddl = full_ddl(_pg().schema, dialect="postgresql")
    order = [
        'CREATE SCHEMA IF NOT EXISTS "extensions";',
        'CREATE EXTENSION IF NOT EXISTS "pg_trgm" WITH SCHEMA "extensions";',
        'CREATE DOMAIN "email" AS varchar(255) DEFAULT \'nobody@example.com\' NOT NULL CONSTRAINT "email_at" CHECK',
        'CREATE DOMAIN "positive" AS integer CONSTRAINT "positive_check" CHECK (value > 0);',
        'CREATE TABLE "users"',
        ") PARTITION BY RANGE (at);",
        "CREATE TABLE \"ev_2025\" PARTITION OF \"ev\" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY HASH (k);",
        'CREATE TABLE "ev_2024" PARTITION OF "ev" FOR VALUES FROM',
        'CREATE TABLE "ev_2025_0" PARTITION OF "ev_2025" FOR VALUES WITH (modulus 2, remainder 0);',
        'CREATE INDEX "ev_k_idx" ON "ev"',
    ]
    positions = [ddl.index(piece) for piece in order]
    assert positions == sorted(positions)
    assert "pg_catalog" not in ddl


def test_mysql_and_sqlite_get_a_domains_base_type_and_check_and_a_plain_table():
    schema = _pg().schema
    mysql = full_ddl(schema, dialect="mysql")
    assert "`mail` varchar(255) NOT NULL DEFAULT 'nobody@example.com'" in mysql
    assert "CONSTRAINT `users_n_positive_check` CHECK (n > 0)" in mysql
    assert "PARTITION" not in mysql and "DOMAIN" not in mysql and "EXTENSION" not in mysql
    sqlite = full_ddl(schema, dialect="sqlite")
    assert '"n" integer' in sqlite and "PARTITION" not in sqlite
    check = deploy_check(schema, dialects=["postgresql", "mysql", "sqlite"])
    assert not check.failing
    partitioned = [f for f in check.findings if f.object == "ev"]
    assert [(f.dialect, f.severity) for f in partitioned] == [("mysql", "warning"), ("sqlite", "warning")]
    assert "SQLite has no partitioning" in partitioned[1].message


def test_the_documents_keep_them():
    schema = _pg().schema
    assert loads(dumps(schema)) == schema
    assert parse_dbml(to_dbml(schema)) == schema


def test_a_domain_is_a_known_type_offered_by_the_picker():
    schema = _pg().schema
    assert known("public.email", "postgresql", schema) and known("positive", "mysql", schema)
    assert catalogue("postgresql", schema)[:2] == ["email", "positive"]


MYSQL = """
CREATE TABLE `m` (`id` int NOT NULL, `d` date NOT NULL, PRIMARY KEY (`id`,`d`)) ENGINE=InnoDB
/*!50100 PARTITION BY RANGE (year(`d`))
(PARTITION p0 VALUES LESS THAN (1990) ENGINE = InnoDB,
 PARTITION p1 VALUES LESS THAN MAXVALUE ENGINE = InnoDB) */;
CREATE TABLE `h` (`id` int NOT NULL PRIMARY KEY) ENGINE=InnoDB PARTITION BY LINEAR KEY (id) PARTITIONS 3;
CREATE TABLE `s` (`id` int NOT NULL, `d` date NOT NULL) PARTITION BY RANGE (year(d))
  SUBPARTITION BY HASH (id) SUBPARTITIONS 2 (PARTITION a VALUES LESS THAN (2000), PARTITION b VALUES LESS THAN MAXVALUE);
"""


def test_mysql_partitioning_is_read_and_written_back():
    result = import_text(MYSQL, fmt="mysql")
    m, h, s = (result.schema.entity_by_name(n).partitioning for n in ("m", "h", "s"))
    assert (m.strategy, m.key, [p.bound for p in m.partitions]) == (
        PartitionStrategy.RANGE,
        "year(`d`)",
        ["VALUES LESS THAN (1990)", "VALUES LESS THAN MAXVALUE"],
    )
    assert (h.strategy, len(h.partitions)) == (PartitionStrategy.LINEAR_KEY, 3)
    assert [p.name for p in s.partitions] == ["a", "b"]
    assert any("SUBPARTITION BY is not kept" in n.message for n in result.notices)
    assert not any("PARTITION" in n.message and "skipped" in n.message for n in result.notices)
    ddl = full_ddl(result.schema, dialect="mysql")
    assert (
        "PARTITION BY RANGE (year(`d`))\n(PARTITION `p0` VALUES LESS THAN (1990),\n PARTITION `p1` VALUES LESS THAN MAXVALUE);"
        in ddl
    )
    assert "PARTITION BY LINEAR KEY (id)\nPARTITIONS 3;" in ddl
    assert "PARTITION BY" not in full_ddl(result.schema, dialect="postgresql")


def test_a_domain_over_a_type_no_database_has_is_a_deploy_finding():
    from designer.schema import Schema, replace

    odd = Domain(id="dom_1", name="d", base=FieldType(TypeKind.OTHER, written="ltree2"))
    schema = replace(Schema(database_type="PostgreSQL"), domains=(odd,))
    assert [f.object for f in deploy_check(schema, dialects=["postgresql"], rendered=False).findings] == ["domain d"]


def test_a_changed_partitioning_is_a_warning_in_postgresql_and_a_rebuild_in_mysql():
    from designer.migrate import diff, render
    from designer.schema import replace

    for ddl, dialect in ((PG, "postgresql"), (MYSQL, "mysql")):
        schema = import_text(ddl, fmt=dialect).schema
        entity = next(e for e in schema.entities if e.partitioning)
        plain = replace(
            schema, entities=tuple(replace(e, partitioning=None) if e is entity else e for e in schema.entities)
        )
        migration = render(diff(schema, plain), dialect=dialect, old=schema, new=plain)
        if dialect == "postgresql":
            assert [w.code for w in migration.warnings] == ["partitioning-changed"]
        else:
            assert f"ALTER TABLE `{entity.name}` REMOVE PARTITIONING;" in migration.up
            assert "PARTITION BY RANGE (year(`d`))" in migration.down
