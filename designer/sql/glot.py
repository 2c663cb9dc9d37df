"""MySQL/MariaDB and SQLite fragments through sqlglot: one expression (a condition, not a
statement, alias or subquery), printed from the parse without comments and proven to
read back as the same tree; MySQL types inside ``SELECT CAST(NULL AS <type>)``; and
PostgreSQL text carried to another dialect (``transpile``), re-read in the target.

SQLite's type names follow SQLite's own grammar (words, then at most two numbers in
parentheses), because sqlglot's SQLite printer swaps types for others of another affinity
(``decimal`` → ``REAL``)."""

from __future__ import annotations

import functools
import re

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from designer.sql.base import EXPRESSION, MYSQL, POSTGRESQL, SQLITE, TYPE, FragmentError, first_line

_READ = {POSTGRESQL: "postgres", MYSQL: "mysql", SQLITE: "sqlite"}
_FORBIDDEN = (exp.Query, exp.Subquery, exp.Command, exp.DDL, exp.DML, exp.Alias, exp.Star, exp.Placeholder)
_SQLITE_TYPE = re.compile(
    r"\s*(?P<words>[A-Za-z_][A-Za-z0-9_]*(?:\s+[A-Za-z_][A-Za-z0-9_]*)*)"
    r"\s*(?:\(\s*(?P<first>[+-]?\d+(?:\.\d+)?)\s*(?:,\s*(?P<second>[+-]?\d+(?:\.\d+)?)\s*)?\))?\s*"
)


def _parse(text: str, *, dialect: str, kind: str) -> list:
    try:
        return sqlglot.parse(text, read=_READ[dialect])
    except (ParseError, TokenError) as error:
        raise FragmentError(kind=kind, dialect=dialect, reason=first_line(error)) from None


@functools.lru_cache(maxsize=4096)
def glot_expression(text: str, dialect: str) -> str:
    """``text`` as one expression of ``dialect`` (MySQL or SQLite), printed from its parse."""
    return _print(_expression_tree(text, dialect=dialect), dialect)


def _expression_tree(text: str, *, dialect: str) -> exp.Expression:
    if not text.strip():
        raise FragmentError(kind=EXPRESSION, dialect=dialect, reason="it is empty")
    trees = [t for t in _parse(text, dialect=dialect, kind=EXPRESSION) if t is not None]
    if len(trees) != 1:
        raise FragmentError(kind=EXPRESSION, dialect=dialect, reason=f"it makes {len(trees)} statements, not one")
    tree = trees[0]
    if not isinstance(tree, exp.Condition) or any(isinstance(n, _FORBIDDEN) for n in tree.walk()):
        raise FragmentError(
            kind=EXPRESSION, dialect=dialect, reason="it is not one expression (a statement, an alias or a subquery)"
        )
    return tree


def _print(tree: exp.Expression, dialect: str) -> str:
    printed = tree.sql(dialect=_READ[dialect], comments=False)
    again = _parse(printed, dialect=dialect, kind=EXPRESSION)
    if len(again) != 1 or again[0] != tree:
        raise FragmentError(kind=EXPRESSION, dialect=dialect, reason="it does not read back the same once printed")
    return printed


@functools.lru_cache(maxsize=4096)
def transpile(text: str, source: str, target: str) -> str:
    """An expression written for ``source`` as ``target`` writes it, re-read in the target."""
    tree = _expression_tree(text, dialect=source)
    if source == POSTGRESQL:
        tree = tree.transform(functools.partial(_byte_collation, target=target))
    try:
        printed = tree.sql(dialect=_READ[target], comments=False, unsupported_level=sqlglot.ErrorLevel.RAISE)
    except sqlglot.errors.UnsupportedError as error:
        raise FragmentError(kind=EXPRESSION, dialect=target, reason=first_line(error)) from None
    return glot_expression(printed, target)


# Each dialect's name for comparing by bytes, PostgreSQL's "C" (the key of a prefix-search
# index, designer.advice.index.prefix_expression): other names are carried as written.
_BYTE_COLLATIONS = {MYSQL: "utf8mb4_bin", SQLITE: "BINARY"}


def _byte_collation(node: exp.Expression, *, target: str) -> exp.Expression:
    collation = node.expression if isinstance(node, exp.Collate) else None
    if isinstance(collation, exp.Identifier) and collation.this in ("C", "POSIX") and target in _BYTE_COLLATIONS:
        return exp.Collate(this=node.this, expression=exp.Identifier(this=_BYTE_COLLATIONS[target], quoted=False))
    return node


@functools.lru_cache(maxsize=4096)
def mysql_type(text: str) -> str:
    """``text`` as one MySQL/MariaDB column type, printed from its parse."""
    trees = _parse(f"SELECT CAST(NULL AS {text})", dialect=MYSQL, kind=TYPE)
    select = trees[0] if len(trees) == 1 else None
    ok = isinstance(select, exp.Select) and [k for k, v in select.args.items() if v] == ["expressions"]
    cast = select.expressions[0] if ok and len(select.expressions) == 1 else None
    if not (isinstance(cast, exp.Cast) and isinstance(cast.this, exp.Null) and isinstance(cast.to, exp.DataType)):
        raise FragmentError(kind=TYPE, dialect=MYSQL, reason="it is more than a type name")
    data_type = cast.to
    if data_type.is_type(exp.DataType.Type.ARRAY) or data_type.args.get("nested"):
        raise FragmentError(kind=TYPE, dialect=MYSQL, reason="MySQL has no array types")
    for size in data_type.find_all(exp.DataTypeParam):
        if size.this.is_number and size.this.to_py() < 0:
            raise FragmentError(kind=TYPE, dialect=MYSQL, reason=f"the parameter {size.this.to_py()} is negative")
    printed = data_type.sql(dialect="mysql", comments=False)
    if exp.DataType.build(printed, dialect="mysql") != data_type:
        raise FragmentError(kind=TYPE, dialect=MYSQL, reason="it does not read back the same once printed")
    return printed


@functools.lru_cache(maxsize=4096)
def sqlite_type(text: str) -> str:
    """``text`` as one SQLite type name (its grammar: words, then one or two signed numbers
    in parentheses, which SQLite reads and ignores), re-spelled from the parts."""
    match = _SQLITE_TYPE.fullmatch(text)
    if not match:
        raise FragmentError(
            kind=TYPE, dialect=SQLITE, reason="a type is words, then at most two numbers in parentheses"
        )
    words = " ".join(match["words"].split())
    numbers = [n for n in (match["first"], match["second"]) if n is not None]
    return f"{words}({', '.join(numbers)})" if numbers else words


# Databases we import from but do not write DDL for, by sqlglot's name and ours.
_ELSEWHERE = {"tsql": "SQL Server", "oracle": "Oracle", "snowflake": "Snowflake", "bigquery": "BigQuery"}
_NEVER_ELSEWHERE = (exp.Command, exp.DDL, exp.DML, exp.Alias, exp.Star)


# Oracle's interval types with their fields' precision (INTERVAL YEAR(2) TO MONTH,
# INTERVAL DAY(2) TO SECOND(6)): sqlglot reads them only without the precision. The whole
# text must be this grammar of keywords and digits, so nothing else can come along.
_ORACLE_INTERVAL = re.compile(
    r"INTERVAL\s+(YEAR|DAY)(\s*\(\s*\d+\s*\))?\s+TO\s+(MONTH|SECOND)(\s*\(\s*\d+\s*\))?", re.IGNORECASE
)


@functools.lru_cache(maxsize=4096)
def glot_elsewhere(text: str, *, kind: str) -> str | None:
    if kind == TYPE and _ORACLE_INTERVAL.fullmatch(text.strip()):
        return "Oracle"
    source = f"SELECT CAST(NULL AS {text})" if kind == TYPE else text
    for read, name in _ELSEWHERE.items():
        try:
            trees = [t for t in sqlglot.parse(source, read=read) if t is not None]
        except (ParseError, TokenError):
            continue
        if len(trees) == 1 and _one_of_kind(trees[0], kind):
            return name
    return None


def _one_of_kind(tree: exp.Expression, kind: str) -> bool:
    if kind == TYPE:
        casts = tree.expressions if isinstance(tree, exp.Select) else []
        return (
            len(casts) == 1
            and isinstance(casts[0], exp.Cast)
            and not any(isinstance(n, _NEVER_ELSEWHERE) for n in casts[0].to.walk())
        )
    return isinstance(tree, exp.Condition) and not any(isinstance(n, _NEVER_ELSEWHERE) for n in tree.walk())
