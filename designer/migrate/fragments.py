"""The one door a migration's SQL fragments pass through: before a renderer sees a model,
every default, generated column, check expression, index key expression and partial-index predicate in it
is replaced by the text ``designer.sql`` prints from the target dialect's parse (types are
printed the same way by ``designer.types.sql_type``). A fragment that is not exactly one
expression or literal is a MigrationError naming its object, never SQL.

A column's ``default.value`` here is exactly what follows DEFAULT: PostgreSQL expressions
as printed (in parentheses where DEFAULT's restricted grammar needs them); elsewhere the
usual defaults' spelling in that dialect, or the carried-over expression in parentheses.
"""

from __future__ import annotations

from dataclasses import replace

from designer.domains import column_check, domain_names, domain_of
from designer.migrate.model import Column, Constraint, IndexDef, Model, Table
from designer.migrate.steps import Step
from designer.naming import fit_identifier
from designer.schema import Default, DefaultKind
from designer.sql import FragmentError, default_needs_parentheses, expression_sql, literal_sql
from designer.sql.pg import pg_exclusion
from designer.types import MYSQL, POSTGRESQL, SQLITE

# PostgreSQL's spelling of the everyday defaults → the other dialects'.
_NOW = {MYSQL: "CURRENT_TIMESTAMP", SQLITE: "CURRENT_TIMESTAMP"}
PORTABLE_DEFAULTS = {
    "now()": _NOW,
    "current_timestamp": _NOW,
    "localtimestamp": _NOW,
    "current_timestamp()": _NOW,
    "current_date": {MYSQL: "(curdate())", SQLITE: "CURRENT_DATE"},
    "gen_random_uuid()": {MYSQL: "(uuid())", SQLITE: "(lower(hex(randomblob(16))))"},
}


class _Fragments:
    """Rewrites the objects of one render for one dialect; each object once (steps and
    both models share them)."""

    def __init__(self, dialect: str, source: str | None, fail, domains=()):
        self.dialect, self.source, self.fail = dialect, source or POSTGRESQL, fail
        # Elsewhere than PostgreSQL a domain is its base type (and its checks on each column).
        self.domains = domain_names(domains) if dialect != POSTGRESQL else {}
        self.done: dict[int, object] = {}
        self.keep: list[object] = []  # the originals stay alive while their ids key ``done``

    def any(self, thing):
        if not isinstance(thing, Table | Column | Constraint | IndexDef):
            return thing
        key = id(thing)
        if key not in self.done:
            self.keep.append(thing)
            self.done[key] = self._rewrite(thing)
        return self.done[key]

    def _rewrite(self, thing):
        if isinstance(thing, Table):
            return replace(
                thing,
                columns=tuple(self.any(c) for c in thing.columns),
                constraints=tuple(self.any(c) for c in (*thing.constraints, *self._domain_checks(thing))),
                indexes=tuple(self.any(i) for i in thing.indexes),
            )
        if isinstance(thing, Column):
            return self._column(self._without_domain(thing))
        if isinstance(thing, Constraint):
            if thing.expression is None:
                return thing
            if thing.kind == "exclude":
                return replace(thing, expression=self._exclusion(thing))
            return replace(thing, expression=self._expression(thing.expression, f"check {thing.name}"))
        columns = tuple(
            replace(c, expression=self._expression(c.expression, f"index {thing.name}")) if c.expression else c
            for c in thing.columns
        )
        predicate = self._expression(thing.predicate, f"index {thing.name}") if thing.predicate else None
        return replace(thing, columns=columns, predicate=predicate)

    def _column(self, column: Column) -> Column:
        changes = {}
        if column.default is not None:
            changes["default"] = self._default(column)
        if column.generated:
            changes["generated"] = self._expression(column.generated, f"field {column.label} (generated)")
        if column.on_update:  # MySQL's alone: the other dialects have no ON UPDATE
            on_update = self._expression(column.on_update, f"field {column.label} (on update)")
            changes["on_update"] = on_update if self.dialect == MYSQL else None
        return replace(column, **changes) if changes else column

    def _exclusion(self, constraint: Constraint) -> str | None:
        """PostgreSQL prints it from its parse; no other dialect has EXCLUDE, so nothing of
        it reaches their SQL (their renderers leave the constraint out with a warning)."""
        if self.dialect != POSTGRESQL:
            return None
        try:
            return pg_exclusion(constraint.expression)
        except FragmentError as error:
            raise self.fail(f"exclusion constraint {constraint.name}: {constraint.expression!r} {error}") from None

    def _without_domain(self, column: Column) -> Column:
        domain = domain_of(column.type, self.domains)
        if domain is None:
            return column
        return replace(
            column,
            type=domain.base,
            nullable=column.nullable and domain.nullable,
            default=column.default or domain.default,
        )

    def _domain_checks(self, table: Table) -> list[Constraint]:
        checks = []
        for column in table.columns:
            domain = domain_of(column.type, self.domains)
            expression = column_check(domain, column.name) if domain else None
            if expression:
                name = fit_identifier(f"{table.name}_{column.name}_{domain.name}_check")
                checks.append(Constraint(f"{column.id}#domain", name, "check", (column.id,), expression=expression))
        return checks

    def _expression(self, text: str, owner: str) -> str:
        try:
            return expression_sql(text, dialect=self.dialect, source=self.source)
        except FragmentError as error:
            raise self.fail(f"{owner}: the expression {text!r} {error}") from None

    def _default(self, column: Column) -> Default:
        default = column.default
        try:
            if default.kind is DefaultKind.LITERAL:
                return Default(default.kind, literal_sql(default.value, dialect=self.dialect))
            printed = expression_sql(default.value, dialect=self.dialect, source=self.source)
        except FragmentError as error:
            raise self.fail(f"field {column.label}: the default {default.value!r} {error}") from None
        if self.dialect == POSTGRESQL:
            return Default(default.kind, f"({printed})" if default_needs_parentheses(printed) else printed)
        portable = PORTABLE_DEFAULTS.get(default.value.strip().lower(), {}).get(self.dialect)
        return Default(default.kind, portable or f"({printed})")


def for_dialect(steps, old: Model, new: Model, *, dialect: str, fail) -> tuple[list[Step], Model, Model]:
    """``steps`` and both models with every fragment printed for ``dialect``; ``fail(message)``
    makes the exception raised for a fragment that does not parse."""
    fragments = _Fragments(dialect, new.source_dialect or old.source_dialect, fail, (*old.domains, *new.domains))

    def model(m: Model) -> Model:
        return replace(m, tables=tuple(fragments.any(t) for t in m.tables))

    rewritten = [
        replace(
            s,
            old=fragments.any(s.old),
            new=fragments.any(s.new),
            table=fragments.any(s.table),
            old_table=fragments.any(s.old_table),
            new_table=fragments.any(s.new_table),
            ref_table=fragments.any(s.ref_table),
        )
        for s in steps
    ]
    return rewritten, model(old), model(new)
