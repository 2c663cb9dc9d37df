"""Schema documents in and out: the project's own JSON format, DBML, and SQL DDL in
(PostgreSQL, MySQL/MariaDB, SQLite)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from designer.problems import Problem
from designer.schema import Schema

FORMATS = ("dbml", "json")  # export formats
IMPORT_FORMATS = ("dbml", "json", "postgresql", "mysql", "sqlite", "prisma")


@dataclass(frozen=True)
class Imported:
    schema: Schema
    notices: tuple[Problem, ...] = ()  # warnings: statements skipped, data left out, each with its line


def import_text(text: str, *, fmt: str) -> Imported:
    """Any import format → schema plus notices; bad input raises SchemaError with lines."""
    from designer.formats import dbml, json_doc, prisma, sql_mysql, sql_postgresql

    if fmt == "json":
        return Imported(json_doc.loads(text))
    if fmt == "dbml":
        result = dbml.import_dbml(text)
        return Imported(result.schema, result.notices)
    if fmt == "prisma":
        result = prisma.import_prisma(text)
        return Imported(result.schema, result.notices)
    readers = {
        "postgresql": sql_postgresql.parse_postgresql,
        "mysql": sql_mysql.parse_mysql,
        "sqlite": sql_mysql.parse_sqlite,
    }
    schema, notices = readers[fmt](text)
    return Imported(schema, notices)


def dump_schema(schema: Schema, *, fmt: str) -> str:
    from designer.formats import dbml, json_doc

    return dbml.to_dbml(schema) if fmt == "dbml" else json_doc.dumps(schema)


_DBML_START = re.compile(r"^\s*(table|enum|ref|project|tablegroup|tablepartial|note|records)\b", re.I | re.M)
# A Prisma schema: its blocks (model X {, enum X {, datasource db {, generator client {)
# with Prisma's own words after the name, which SQL and DBML never write.
_PRISMA_BLOCK = re.compile(r"^\s*(model|datasource|generator|enum|view)\s+\w+\s*\{", re.M)
_PRISMA_SIGNS = re.compile(r"^\s*(datasource|generator)\s+\w+\s*\{|@@?(id|map|unique|index|relation|default)\b", re.M)
_SQL_START = re.compile(r"^\s*create\s+(table|unique\s+index|index|type|schema)\b", re.I | re.M)
_MYSQL_SIGNS = re.compile(
    r"(MySQL dump|MariaDB dump|/\*!\d{5}|\bAUTO_INCREMENT\b|\bENGINE\s*=|^\s*CREATE TABLE `)", re.I | re.M
)
_SQLITE_SIGNS = re.compile(r"(\bAUTOINCREMENT\b|sqlite_sequence|\bWITHOUT\s+ROWID\b|\bSTRICT\s*;)", re.I)


# Each sign's plain word: the case-insensitive patterns cost about a second each on a 4 MB
# dump, a substring test a few milliseconds, so a pattern runs only when its word is there.
_MYSQL_WORDS = ("mysql dump", "mariadb dump", "/*!", "auto_increment", "engine", "create table `")
_SQLITE_WORDS = (
    "autoincrement",
    "sqlite_sequence",
    "rowid",
    "strict;",
    "strict ;",
)  # not "strict": pg_dump writes \restrict


def _signs(text: str, lowered: str, pattern: re.Pattern, words: tuple[str, ...]) -> bool:
    return any(word in lowered for word in words) and pattern.search(text) is not None


def detect_format(text: str, *, filename: str = "") -> str:
    """The import format from the file name when it says (.dbml, .json, .prisma), else from
    the content: a JSON object, a Prisma schema's blocks, DBML keywords, or SQL DDL with its
    dialect's tell-tale signs (PostgreSQL when nothing points elsewhere)."""
    name = filename.lower()
    for suffix, fmt in ((".dbml", "dbml"), (".json", "json"), (".prisma", "prisma")):
        if name.endswith(suffix):
            return fmt
    head = text.lstrip()[:1]
    if head in ("{", "["):
        return "json"
    if _PRISMA_BLOCK.search(text) and _PRISMA_SIGNS.search(text) and not _SQL_START.search(text):
        return "prisma"
    sql = _SQL_START.search(text)
    dbml = _DBML_START.search(text)
    if dbml and (not sql or dbml.start() < sql.start()):
        return "dbml"
    lowered = text.lower()
    if _signs(text, lowered, _MYSQL_SIGNS, _MYSQL_WORDS):
        return "mysql"
    if _signs(text, lowered, _SQLITE_SIGNS, _SQLITE_WORDS):
        return "sqlite"
    return "postgresql" if sql or not dbml else "dbml"
