"""What every migration renderer shares: the Migration and its warnings, one statement
(Stmt), the rendering Context (names quoted, types spelled, defaults printed per dialect),
the per-dialect handler lookup and the step comment. The dialects (``postgresql``,
``mysql``, ``sqlite``) import this module; ``render`` imports them, so nothing circles."""

from __future__ import annotations

from dataclasses import dataclass, field

from designer.migrate.model import Column, Model, Table
from designer.schema import TypeKind
from designer.types import MYSQL, POSTGRESQL, SQLITE, UnportableType, sql_type

MAX_NAME = {POSTGRESQL: 63, MYSQL: 64}
LOCK_TIMEOUT = "2s"  # a DDL statement queued behind a long lock blocks every later query: give up fast, retry
STATEMENT_TIMEOUT = "30min"  # VALIDATE and concurrent builds on big tables need time; a runaway statement does not


class MigrationError(ValueError):
    """The migration cannot be written for this dialect; the message names the object."""


def handler_for(handlers: dict, step, dialect: str):
    """The dialect's renderer of ``step``'s action (its explicit table), or a clear error."""
    handler = handlers.get(step.action)
    if handler is None:
        raise MigrationError(f"{dialect} has no renderer for a step of kind {step.action!r}")
    return handler


@dataclass(frozen=True)
class Warning:  # the manifest's word for it; a record, never raised
    code: str  # the squawk rule name (or a dialect's own, e.g. "mysql-table-copy")
    message: str
    step: int  # index into the steps this migration was rendered from


@dataclass(frozen=True)
class Migration:
    dialect: str
    up: str
    down: str
    warnings: list[Warning] = field(default_factory=list)
    irreversible: list[str] = field(default_factory=list)
    down_warnings: list[Warning] = field(default_factory=list)
    # expand_contract=True: what the next release runs once no code uses the old columns
    # ("" when nothing was expanded); down assumes it ran.
    contract: str = ""
    contract_warnings: list[Warning] = field(default_factory=list)


@dataclass(frozen=True)
class Stmt:
    """One statement. ``mode``: ``tx`` joins the step's transaction; ``own`` starts a new
    transaction (VALIDATE after its NOT VALID committed); ``bare`` runs outside any
    transaction (CONCURRENTLY, ALTER TYPE ADD VALUE)."""

    sql: str
    mode: str = "tx"


@dataclass
class Context:
    dialect: str
    old: Model
    new: Model
    zero_downtime: bool
    warnings: list[Warning] = field(default_factory=list)
    irreversible: list[str] = field(default_factory=list)
    step_number: int = 0
    expand_contract: bool = False
    contract: list = field(default_factory=list)  # PostgreSQL expand/contract: statements for the later release
    contract_warnings: list[Warning] = field(default_factory=list)
    steps: list = field(default_factory=list)  # all the steps being rendered (SQLite plans rebuilds from them)
    plans: dict = field(default_factory=dict)  # what a renderer worked out once from all the steps, by name

    def warn(self, code: str, message: str) -> None:
        self.warnings.append(Warning(code, message, self.step_number))

    # --- names and types, the same for every renderer -----------------------------------

    def quote(self, name: str) -> str:
        if self.dialect == MYSQL:
            return "`" + name.replace("`", "``") + "`"
        return '"' + name.replace('"', '""') + '"'

    def qualified(self, name: str, namespace: str | None) -> str:
        if namespace is None:
            return self.quote(name)
        if self.dialect == SQLITE:  # one file, one namespace: the schema name becomes part of the table's
            return self.quote(f"{namespace}.{name}")
        return f"{self.quote(namespace)}.{self.quote(name)}"

    def table_name(self, table) -> str:
        return self.qualified(table.name, table.namespace)

    def column_type(self, column: Column, model: Model | None = None) -> str:
        model = model or self.new
        enum = model.enum(column.type.enum_id) if column.type.kind is TypeKind.ENUM and column.type.enum_id else None
        try:
            return sql_type(
                column.type,
                dialect=self.dialect,
                source_dialect=model.source_dialect,
                enum_name=self.qualified(enum.name, enum.namespace) if enum else None,
                enum_values=enum.values if enum else (),
            )
        except UnportableType as error:
            raise MigrationError(f"field {column.label}: {error}") from error

    def default_sql(self, column: Column) -> str | None:
        """What follows DEFAULT: the models were printed for this dialect (``fragments``)."""
        return None if column.default is None else column.default.value


def postgresql_options_ignored(ctx: Context, table: Table, label: str) -> None:
    """PostgreSQL's table options (storage parameters, UNLOGGED) another dialect has no
    word for: said, never silently dropped."""
    said = [f"storage parameters ({', '.join(p.name for p in table.storage)})"] if table.storage else []
    said += ["unlogged tables"] if table.unlogged else []
    if said:
        ctx.warn("table-option-ignored", f"table {table.label}: {label} has no {' or '.join(said)}; left out")


def step_comment(number: int, step) -> str:
    """The line before a step's statements; the number is the one warnings carry."""
    return f"-- step {number}: {_comment(step.description)}"


def _comment(text: str) -> str:
    return " ".join(text.split())  # a newline in a name must not end the comment
