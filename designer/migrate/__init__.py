"""The migration engine: schema versions → SQL migrations for PostgreSQL, MySQL/MariaDB
and SQLite. Pure: no Django, no I/O.

API (stable; the Versions UI, the commands and the bundle use exactly this)::

    from designer.migrate import diff, render, full_ddl, Migration, Step, MigrationError

    steps = diff(old, new)                 # list[Step], dependency-ordered; old/new are Schema
    m = render(steps, dialect="postgresql", old=old, new=new, zero_downtime=True)
    m.up, m.down                           # SQL text; applies as printed with
                                           #   psql -v ON_ERROR_STOP=1 -f  /  mariadb  /  sqlite3
    m.warnings                             # list[Warning(code, message, step)] for up;
                                           #   code = the squawk rule name (PostgreSQL) or
                                           #   "mysql-table-copy" / "sqlite-table-rebuild"
    m.down_warnings                        # the same for down
    m.irreversible                         # list[str]: data that up destroys (also at the top of up)
    full_ddl(schema, dialect="mysql")      # == render(diff(Schema(), schema), ..., zero_downtime=False).up

    m = render(steps, dialect="postgresql", old=old, new=new, expand_contract=True)
    m.up                                   # expand: renamed/retyped plain columns added beside the old ones,
                                           #   kept in step by a trigger, backfilled in batches
    m.contract, m.contract_warnings        # the later release's half ("" when nothing was expanded);
                                           #   m.down assumes the contract ran

``dialect`` is "postgresql", "mysql" (MariaDB 10.5+ syntax: IF [NOT] EXISTS everywhere so
each statement can be re-run) or "sqlite". ``zero_downtime`` applies to PostgreSQL only.
``MigrationError(ValueError)``: the message names the object (a name too long for the
dialect, a type written for another database with no equivalent, an unknown dialect).

Steps (``Step.action``, see ``steps.ACTIONS`` for the order) carry the physical objects
(``model.Table``/``Column``/``Constraint``/``IndexDef``/``EnumType``) before (``old``) and
after (``new``); ``Step.subject`` is a short human description and ``Step.loses_data``
says whether running it destroys data. ``down`` is the reverse diff rendered the same
way, so applying ``up`` then ``down`` gives back the old schema.

Namespaces: PostgreSQL schemas; MySQL databases (``CREATE DATABASE IF NOT EXISTS``);
SQLite has one namespace per file, so a table ``sales.orders`` is named "sales.orders".
"""

from __future__ import annotations

from designer.migrate.base import Migration, MigrationError, Warning
from designer.migrate.diff import diff
from designer.migrate.render import render
from designer.migrate.steps import Step
from designer.schema import Schema

__all__ = ["Migration", "MigrationError", "Step", "Warning", "diff", "full_ddl", "render"]


def full_ddl(schema: Schema, *, dialect: str) -> str:
    """The whole schema as DDL for an empty database (no zero-downtime ceremony: nothing
    is running against tables that do not exist yet)."""
    empty = Schema(database_type=schema.database_type)
    return render(diff(empty, schema), dialect=dialect, old=empty, new=schema, zero_downtime=False).up
