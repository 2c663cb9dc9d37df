"""SQL fragments the design holds, parsed and printed again, never spliced.

A design carries a few pieces of SQL as text: a column type as written, a default (a
literal value or an expression), column and table checks, generated-column expressions,
index key expressions and partial-index predicates. The model keeps them as the person
wrote them (DBML and JSON exports say them back unchanged); whatever is written into
DDL comes from here: the fragment parsed by the dialect's parser as exactly one type
name, one expression or one literal, and printed from the parse tree. A fragment that is
not exactly that raises ``FragmentError`` with the parser's reason.

PostgreSQL goes through pglast (``designer.sql.pg``), MySQL/MariaDB and SQLite through
sqlglot (``designer.sql.glot``). An expression written for one dialect and emitted for
another is carried over by sqlglot and read again by the target's parser. Everything is
cached by text: the same fragment is parsed once per process.
"""

from __future__ import annotations

from designer.sql.base import DIALECT_NAMES, MYSQL, POSTGRESQL, SQLITE, FragmentError
from designer.sql.glot import glot_elsewhere, glot_expression, mysql_type, sqlite_type, transpile
from designer.sql.pg import needs_parentheses_as_default, pg_expression, pg_function_names, pg_literal, pg_type

__all__ = [
    "DIALECT_NAMES",
    "FragmentError",
    "called_functions",
    "default_needs_parentheses",
    "expression_sql",
    "literal_sql",
    "literal_value",
    "parses_as_type_somewhere",
    "read_elsewhere",
    "type_sql",
]


def type_sql(text: str, *, dialect: str) -> str:
    """A column type as ``dialect`` reads it, printed from its parse. FragmentError."""
    if dialect == POSTGRESQL:
        return pg_type(text)
    return mysql_type(text) if dialect == MYSQL else sqlite_type(text)


def expression_sql(text: str, *, dialect: str, source: str | None = None) -> str:
    """One expression written for ``source`` (None: the same as ``dialect``), as ``dialect``
    writes it. FragmentError when it is not one expression in either."""
    source = source or dialect
    if source == POSTGRESQL:
        printed = pg_expression(text)  # PostgreSQL's own parser has the last word on PostgreSQL text
        return printed if dialect == POSTGRESQL else transpile(printed, POSTGRESQL, dialect)
    if dialect == source:
        return glot_expression(text, dialect)
    carried = transpile(text, source, dialect)
    return pg_expression(carried) if dialect == POSTGRESQL else carried


def called_functions(text: str) -> frozenset[str]:
    """The functions a PostgreSQL expression calls, from its parse. FragmentError."""
    return pg_function_names(text)


def default_needs_parentheses(text: str) -> bool:
    """PostgreSQL's DEFAULT takes a restricted expression: whether this one needs (...)."""
    return needs_parentheses_as_default(text)


def literal_value(text: str) -> tuple[str, object]:
    """A stored literal default → ("string" | "number" | "boolean" | "null", value)."""
    return pg_literal(text)


def literal_sql(text: str, *, dialect: str) -> str:
    """A stored literal default (standard SQL: ``'it''s'``, ``-1.5``, ``true``, ``null``)
    spelled for ``dialect`` from its value. FragmentError when it is not one literal."""
    kind, value = pg_literal(text)
    if kind == "string":
        quoted = value.replace("'", "''")
        if dialect == MYSQL:  # MySQL reads backslashes in strings as escapes
            quoted = quoted.replace("\\", "\\\\")
        return f"'{quoted}'"
    if kind == "boolean":
        return "true" if value else "false"
    return "null" if kind == "null" else value


def parses_as_type_somewhere(text: str) -> FragmentError | None:
    """For a design written for no dialect in particular: None when some dialect reads the
    type, else PostgreSQL's reason."""
    first = None
    for dialect in (POSTGRESQL, MYSQL, SQLITE):
        try:
            type_sql(text, dialect=dialect)
            return None
        except FragmentError as error:
            first = first or error
    return first


def read_elsewhere(text: str, *, kind: str) -> str | None:
    """For a design that names none of our databases: the other database whose parser reads
    ``text`` as one type (``kind`` TYPE) or one expression, or None. Such text is kept (an
    import from SQL Server or Oracle says ``[status] IN (…)``) and flagged; it never reaches
    DDL, which is printed from a parse in the target dialect."""
    return glot_elsewhere(text, kind=kind)
