"""A Rails-like ``structure.sql`` for ``bench import``: what ``rails db:schema:dump`` writes
for a large application, made on the real server and dumped with pg_dump, then given
Rails' tail (the ``schema_migrations`` versions).

Its shape, taken from what large Rails applications hold: bigint ids with sequences,
bare ``character varying`` (Rails writes no length), timestamps(6), jsonb, a few enums,
partitioned tables (monthly range partitions, as pg_partman or a Rails partitioning gem
makes them), a trigger function per tenth table and a trigger on every other table,
views, a materialized view, comments and indexes (expression, partial, gin with an
operator class), foreign keys, and Rails' own ``schema_migrations`` and
``ar_internal_metadata``.
"""

from __future__ import annotations

import random
from datetime import date

EXTENSIONS = ("pg_trgm", "citext")
PARTITIONED = 5  # parents
PARTITIONS = 50  # monthly partitions per parent


def structure_ddl(*, tables: int, seed: int = 11) -> list[str]:
    """The statements that build the schema (``tables`` plain tables, plus the partitioned
    parents and their partitions), one string each, in an order the server accepts."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible shape, not a secret
    out = [f"CREATE EXTENSION IF NOT EXISTS {name}" for name in EXTENSIONS]
    out += [
        "CREATE TYPE public.state AS ENUM ('draft', 'active', 'archived')",
        "CREATE DOMAIN public.email AS citext CHECK (VALUE ~ '@')",
        "CREATE TABLE public.schema_migrations (version character varying NOT NULL PRIMARY KEY)",
        "CREATE TABLE public.ar_internal_metadata (key character varying NOT NULL PRIMARY KEY, "
        "value character varying, created_at timestamp(6) without time zone NOT NULL, "
        "updated_at timestamp(6) without time zone NOT NULL)",
    ]
    for i in range(tables):
        out += _table(i, rng)
    for p in range(PARTITIONED):
        out += _partitioned(p)
    return out


def _table(i: int, rng: random.Random) -> list[str]:
    name = f"public.t{i:04d}"
    columns = [
        "id bigserial PRIMARY KEY",
        "name character varying NOT NULL",
        f"code character varying({rng.choice([32, 64, 255])})",
        "state public.state DEFAULT 'draft'::public.state NOT NULL",
        "settings jsonb DEFAULT '{}'::jsonb NOT NULL",
        "amount numeric(12,2) DEFAULT 0.0",
        "contact public.email",
        "tags character varying[] DEFAULT '{}'::character varying[]",
        "deleted_at timestamp(6) without time zone",
        "created_at timestamp(6) without time zone NOT NULL",
        "updated_at timestamp(6) without time zone NOT NULL",
    ]
    if i:
        columns.append(f"parent_id bigint REFERENCES public.t{rng.randrange(0, i):04d}(id) ON DELETE CASCADE")
    out = [f"CREATE TABLE {name} (" + ", ".join(columns) + ")"]
    out.append(f"CREATE UNIQUE INDEX index_t{i:04d}_on_code ON {name} (code) WHERE deleted_at IS NULL")
    out.append(f"CREATE INDEX index_t{i:04d}_on_lower_name ON {name} (lower((name)::text))")
    if i % 3 == 0:
        out.append(f"CREATE INDEX index_t{i:04d}_on_name_trgm ON {name} USING gin (name gin_trgm_ops)")
    if i:
        out.append(f"CREATE INDEX index_t{i:04d}_on_parent_id ON {name} (parent_id)")
    out.append(f"COMMENT ON TABLE {name} IS 'table number {i}'")
    out.append(f"COMMENT ON COLUMN {name}.state IS 'where the row is in its life'")
    if i % 10 == 0:
        out.append(
            f"CREATE FUNCTION public.t{i:04d}_touch() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$"
        )
    if i % 2 == 0:
        function = f"public.t{i - i % 10:04d}_touch()"
        out.append(f"CREATE TRIGGER t{i:04d}_touch BEFORE UPDATE ON {name} FOR EACH ROW EXECUTE FUNCTION {function}")
    if i % 50 == 0:
        out.append(f"CREATE VIEW public.v{i:04d} AS SELECT id, name FROM {name} WHERE deleted_at IS NULL")  # noqa: S608
    if i % 200 == 0:
        out.append(f"CREATE MATERIALIZED VIEW public.mv{i:04d} AS SELECT state, count(*) FROM {name} GROUP BY state")  # noqa: S608
    return out


def _partitioned(p: int) -> list[str]:
    name = f"public.events_{p}"
    out = [
        f"CREATE TABLE {name} (id bigint NOT NULL, account_id bigint NOT NULL, kind character varying NOT NULL, "
        "payload jsonb, created_at timestamp(6) without time zone NOT NULL, PRIMARY KEY (id, created_at)) "
        "PARTITION BY RANGE (created_at)",
        f"CREATE INDEX index_events_{p}_on_account_id ON {name} (account_id, created_at DESC)",
        f"COMMENT ON TABLE {name} IS 'events, one partition a month'",
    ]
    for month in range(PARTITIONS):
        start, end = _month(month), _month(month + 1)
        out.append(
            f"CREATE TABLE public.events_{p}_{start:%Y_%m} PARTITION OF {name} FOR VALUES FROM ('{start}') TO ('{end}')"
        )
    return out


def _month(offset: int) -> date:
    year, month = divmod(2021 * 12 + offset, 12)
    return date(year, month + 1, 1)


def rails_tail(*, tables: int) -> str:
    """What Rails appends after pg_dump's output: the search path and every migration's version."""
    versions = ",\n".join(f"('2020{(n // 100) % 12 + 1:02d}{n % 28 + 1:02d}{n:06d}')" for n in range(tables))
    return f'\nSET search_path TO "$user", public;\n\nINSERT INTO "schema_migrations" (version) VALUES\n{versions};\n\n'
