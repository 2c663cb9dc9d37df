"""PostgreSQL fragments through pglast (PostgreSQL's own parser): a type is parsed inside
``SELECT CAST(NULL AS <type>)``, an expression inside ``SELECT <expression>``; either
must come back as exactly that statement and nothing more, and what is written is
printed from the parse tree (so no comment, ``;`` or stray parenthesis survives)."""

from __future__ import annotations

import functools

from pglast import ast, parse_sql
from pglast.enums import ConstrType
from pglast.parser import ParseError
from pglast.stream import RawStream

from designer.sql.base import EXPRESSION, LITERAL, POSTGRESQL, TYPE, FragmentError, first_line

# Types whose first modifier is a size or precision, which must be at least 1.
_SIZED = frozenset(
    {
        "numeric",
        "decimal",
        "varchar",
        "bpchar",
        "char",
        "character",
        "bit",
        "varbit",
        "character varying",
        "bit varying",
    }
)
_MAX_NUMERIC_PRECISION = 1000


def _refuse(kind: str, reason: str) -> FragmentError:
    return FragmentError(kind=kind, dialect=POSTGRESQL, reason=reason)


def _only_statement(sql: str, kind: str) -> ast.SelectStmt:
    try:
        statements = parse_sql(sql)
    except ParseError as error:
        raise _refuse(kind, first_line(error.args[0] if error.args else error)) from None
    if len(statements) != 1:
        raise _refuse(kind, f"it makes {len(statements)} statements, not one")
    statement = statements[0].stmt
    if not isinstance(statement, ast.SelectStmt) or not statement.targetList or len(statement.targetList) != 1:
        raise _refuse(kind, "it is more than one value")
    return statement


def _walk(node):
    if isinstance(node, tuple):
        for item in node:
            yield from _walk(item)
    elif isinstance(node, ast.Node):
        yield node
        for attribute in type(node).__slots__:
            yield from _walk(getattr(node, attribute, None))


def _print(node) -> str:
    return RawStream()(node)


@functools.lru_cache(maxsize=4096)
def pg_type(text: str) -> str:
    """``text`` as one PostgreSQL type name, printed from its parse; FragmentError else."""
    statement = _only_statement(f"SELECT CAST(NULL AS {text})", TYPE)
    cast = statement.targetList[0].val
    if not (isinstance(cast, ast.TypeCast) and isinstance(cast.arg, ast.A_Const) and cast.arg.isnull):
        raise _refuse(TYPE, "it is more than a type name")
    type_name = cast.typeName
    if type_name.setof or type_name.pct_type:
        raise _refuse(TYPE, "SETOF and %TYPE are not column types")
    _check_modifiers(type_name)
    printed = _print(type_name)
    if _print(statement) != f"SELECT CAST(NULL AS {printed})":
        raise _refuse(TYPE, "it is more than a type name")
    return printed


def _check_modifiers(type_name: ast.TypeName) -> None:
    name = type_name.names[-1].sval.lower()
    for position, modifier in enumerate(type_name.typmods or ()):
        if isinstance(modifier, ast.ColumnRef) and len(modifier.fields) == 1:
            continue  # a word, as in geometry(Point, 4326)
        if not isinstance(modifier, ast.A_Const) or modifier.isnull:
            raise _refuse(TYPE, "a type's parameters are numbers or words")
        value = getattr(modifier.val, "ival", None)
        if value is None:
            if isinstance(modifier.val, ast.String):
                continue
            raise _refuse(TYPE, "a type's parameters are whole numbers or words")
        if value < 0:
            raise _refuse(TYPE, f"the parameter {value} is negative")
        if position == 0 and name in _SIZED and value < 1:
            raise _refuse(TYPE, f"{name} needs a size of at least 1")
        if position == 0 and name in ("numeric", "decimal") and value > _MAX_NUMERIC_PRECISION:
            raise _refuse(TYPE, f"numeric precision is at most {_MAX_NUMERIC_PRECISION}")
    for bound in type_name.arrayBounds or ():
        if getattr(bound, "ival", 0) < -1:
            raise _refuse(TYPE, "an array bound is negative")


@functools.lru_cache(maxsize=4096)
def pg_expression(text: str) -> str:
    """``text`` as one PostgreSQL expression (no subquery: no default, check or index may
    hold one), printed from its parse; FragmentError else."""
    value = _expression_node(text, EXPRESSION)
    return _print(value)


def _expression_node(text: str, kind: str):
    if not text.strip():
        raise _refuse(kind, "it is empty")
    statement = _only_statement(f"SELECT {text}", kind)
    target = statement.targetList[0]
    if target.name is not None:
        raise _refuse(kind, "it is more than one expression (an alias follows it)")
    value = target.val
    if _print(statement) != f"SELECT {_print(value)}":
        raise _refuse(kind, "it is more than one expression")
    if any(isinstance(node, ast.SubLink | ast.SelectStmt | ast.RangeSubselect) for node in _walk(value)):
        raise _refuse(kind, "a subquery is not allowed here")
    if any(isinstance(node, ast.ColumnRef) and isinstance(node.fields[-1], ast.A_Star) for node in _walk(value)):
        raise _refuse(kind, "* is not an expression here")
    return value


def needs_parentheses_as_default(text: str) -> bool:
    """Whether the printed expression must be parenthesised after DEFAULT, whose grammar
    takes only a restricted expression: constants, function calls, casts and words do not."""
    value = _expression_node(text, EXPRESSION)
    simple = ast.A_Const | ast.FuncCall | ast.TypeCast | ast.SQLValueFunction | ast.ColumnRef
    return not isinstance(value, simple) or (isinstance(value, ast.A_Const) and _negative(value))


def _negative(value: ast.A_Const) -> bool:
    number = getattr(value.val, "ival", None)
    if number is None:
        number = float(getattr(value.val, "fval", "0") or 0)
    return number < 0


@functools.lru_cache(maxsize=4096)
def pg_literal(text: str) -> tuple[str, object]:
    """A literal default as stored (``'draft'``, ``-1.5``, ``true``, ``null``) → (kind,
    value): ("string", str), ("number", its text), ("boolean", bool) or ("null", None);
    FragmentError for anything else."""
    value = _expression_node(text, LITERAL)
    inner = getattr(value, "val", None)
    if not isinstance(value, ast.A_Const):
        raise _refuse(LITERAL, "a literal default is a quoted string, a number, true, false or null")
    if value.isnull:
        return "null", None
    if isinstance(inner, ast.Boolean):
        return "boolean", bool(inner.boolval)
    if isinstance(inner, ast.Integer):
        return "number", str(inner.ival)
    if isinstance(inner, ast.Float):
        return "number", inner.fval
    if isinstance(inner, ast.String):
        return "string", inner.sval
    raise _refuse(LITERAL, "a literal default is a quoted string, a number, true, false or null")


@functools.lru_cache(maxsize=4096)
def pg_function_names(text: str) -> frozenset[str]:
    """The names of the functions an expression calls (lower-cased, unqualified): read from
    the parse, so a name inside a string literal is not a call."""
    value = _expression_node(text, EXPRESSION)
    return frozenset(
        node.funcname[-1].sval.lower() for node in _walk(value) if isinstance(node, ast.FuncCall) and node.funcname
    )


EXCLUSION = "EXCLUDE constraint"


@functools.lru_cache(maxsize=1024)
def pg_exclusion(definition: str) -> str:
    """What follows EXCLUDE in an exclusion constraint (``USING gist (room WITH =, during
    WITH &&) WHERE (...)``), parsed inside ``ALTER TABLE t ADD EXCLUDE …`` and printed from
    its parse: exactly one exclusion constraint, no subquery, or FragmentError."""
    try:
        statements = parse_sql(f"ALTER TABLE t ADD EXCLUDE {definition}")
    except ParseError as error:
        raise _refuse(EXCLUSION, first_line(error.args[0] if error.args else error)) from None
    commands = (
        statements[0].stmt.cmds if len(statements) == 1 and isinstance(statements[0].stmt, ast.AlterTableStmt) else ()
    )
    constraint = commands[0].def_ if len(commands) == 1 else None
    if not isinstance(constraint, ast.Constraint) or constraint.contype != ConstrType.CONSTR_EXCLUSION:
        raise _refuse(EXCLUSION, "it is more than one exclusion constraint")
    if any(isinstance(node, ast.SubLink | ast.SelectStmt | ast.RangeSubselect) for node in _walk(constraint)):
        raise _refuse(EXCLUSION, "a subquery is not allowed here")
    printed = _print(constraint)
    if _print(statements[0].stmt) != f"ALTER TABLE t ADD {printed}":
        raise _refuse(EXCLUSION, "it is more than one exclusion constraint")
    return printed.removeprefix("EXCLUDE ")
