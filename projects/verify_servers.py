"""The servers Verify runs on besides PostgreSQL, behind one small interface
(``projects.verify_dialects`` drives them): SQLite in-process on a throwaway file, and
MariaDB, where a scratch database ``verify_<random>`` is made and dropped. Also how the
pattern SQL (written for psycopg) is spelled for their drivers."""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pymysql
from pymysql.constants import CLIENT

from designer.migrate.model import build_model
from designer.schema import Schema
from designer.verify import data as datagen
from designer.verify.dialect_plans import mariadb_plan, sqlite_plan
from projects.verification import STATEMENT_TIMEOUT_MS, VerifyError, error_message

MYSQL_SCHEMES = ("mysql://", "mariadb://")
_LIST_PARAMETER = re.compile(r"= ANY\(%s\)|%s")
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"((?:[^\"]|\"\")*)\"")


def mariadb_url() -> str | None:
    for name in ("VERIFY_MARIADB_URL", "VERIFY_DATABASE_URL"):
        url = os.environ.get(name) or ""
        if url.startswith(MYSQL_SCHEMES):
            return url
    return None


def spell_parameters(sql: str, params: list, *, marker: str) -> tuple[str, list]:
    """psycopg's ``%s`` SQL for a DB-API driver: a list parameter becomes ``IN (?, ?)``,
    each ``%s`` the driver's marker, ``%%`` back to ``%`` where the marker is not ``%s``."""
    values = iter(params)
    spelled: list = []

    def one(match: re.Match) -> str:
        value = next(values)
        if match.group(0) == "%s":
            spelled.append(value)
            return marker
        items = list(value) if isinstance(value, list | tuple) else [value]
        spelled.extend(items)
        return "IN (" + ", ".join([marker] * len(items)) + ")"

    text = _LIST_PARAMETER.sub(one, sql)
    return (text if marker == "%s" else text.replace("%%", "%")), spelled


def backticked(sql: str) -> str:
    """Double-quoted names as MariaDB writes them; string literals left alone."""

    def one(match: re.Match) -> str:
        if match.group(1) is None:
            return match.group(0)
        return "`" + match.group(1).replace('""', '"').replace("`", "``") + "`"

    return _TOKENS.sub(one, sql)


class SQLiteServer:
    label = "SQLite"
    errors = (sqlite3.Error,)

    @contextmanager
    def database(self):
        with tempfile.TemporaryDirectory(prefix="verify_") as folder:
            self.connection = sqlite3.connect(Path(folder) / "verify.sqlite3", isolation_level=None)
            try:
                yield
            finally:
                self.connection.close()

    def server_name(self) -> str:
        return f"SQLite {sqlite3.sqlite_version} (in-process)"

    def apply(self, sql: str, *, what: str) -> None:
        try:
            self.connection.executescript(sql)
        except sqlite3.Error as error:
            raise VerifyError(f"{what} does not apply on SQLite: {error_message(error)}") from error

    @contextmanager
    def loading(self):
        self.connection.execute("PRAGMA foreign_keys = OFF")  # parents may come after their children
        self.connection.execute("PRAGMA journal_mode = OFF")
        self.connection.execute("BEGIN")
        yield
        self.connection.execute("COMMIT")
        self.connection.execute("PRAGMA foreign_keys = ON")

    def insert(self, table_plan, rows: list[list]) -> None:
        marks = ", ".join("?" * len(table_plan.columns))
        try:
            columns = ", ".join(table_plan.columns)  # quoted names
            self.connection.executemany(f"INSERT INTO {table_plan.sql_name} ({columns}) VALUES ({marks})", rows)  # noqa: S608
        except sqlite3.Error as error:
            raise VerifyError(f"Loading {table_plan.name} failed: {error_message(error)}") from error

    def analyze(self, schema: Schema) -> None:
        self.connection.execute("ANALYZE")

    def statement(self, sql: str, params: list) -> tuple[str, list]:
        return spell_parameters(sql, params, marker="?")

    def fetch(self, sql: str, params: list):
        return self.connection.execute(sql, params).fetchall()

    @contextmanager
    def rolled_back(self, writes: bool):
        if writes:
            self.connection.execute("BEGIN")
        try:
            yield
        finally:
            if writes:
                self.connection.execute("ROLLBACK")

    def explain(self, sql: str, params: list) -> dict:
        return sqlite_plan(self.connection.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall())

    def script(self, sql: str) -> None:
        self.connection.executescript(sql)

    def index_exists(self, name: str) -> bool:
        query = "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?"
        return self.connection.execute(query, [name]).fetchone() is not None


class MariaDBServer:
    label = "MariaDB"
    errors = (pymysql.MySQLError,)

    def __init__(self, url: str | None) -> None:
        if url is None:
            raise VerifyError(
                "This design targets MySQL/MariaDB: set VERIFY_MARIADB_URL (e.g. mysql://root@127.0.0.1:3306/), "
                "a server where Verify may create and drop its own databases."
            )
        parts = urlparse(url)
        self.params = {
            "host": parts.hostname or "127.0.0.1",
            "port": parts.port or 3306,
            "user": parts.username or "root",
            "password": parts.password or "",
            "autocommit": True,
            "client_flag": CLIENT.MULTI_STATEMENTS,
            "read_timeout": STATEMENT_TIMEOUT_MS // 1000,
        }

    @contextmanager
    def database(self):
        self.name = f"verify_{secrets.token_hex(6)}"
        try:
            self.connection = pymysql.connect(**self.params)
        except pymysql.MySQLError as error:
            raise VerifyError(f"Cannot reach the verification server: {error_message(error)}") from error
        try:
            with self.connection.cursor() as cursor:
                cursor.execute(f"CREATE DATABASE `{self.name}`")
                cursor.execute(f"USE `{self.name}`")
                # PostgreSQL's || is concatenation in the pattern SQL
                cursor.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',PIPES_AS_CONCAT')")
            yield
        finally:
            with self.connection.cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS `{self.name}`")
            self.connection.close()

    def server_name(self) -> str:
        return f"MariaDB {self.fetch('SELECT VERSION()', [])[0][0].split('-')[0]}"  # 10.11.6-MariaDB-0+deb12u1

    def apply(self, sql: str, *, what: str) -> None:
        try:
            self.script(sql)
        except pymysql.MySQLError as error:
            raise VerifyError(f"{what} does not apply on MariaDB: {error_message(error)}") from error

    @contextmanager
    def loading(self):
        self.fetch("SET foreign_key_checks = 0", [])  # parents may come after their children
        yield
        self.fetch("SET foreign_key_checks = 1", [])

    def insert(self, table_plan, rows: list[list]) -> None:
        marks = ", ".join(["%s"] * len(table_plan.columns))
        columns = ", ".join(table_plan.columns)  # quoted names
        statement = backticked(f"INSERT INTO {table_plan.sql_name} ({columns}) VALUES ({marks})")  # noqa: S608
        try:
            with self.connection.cursor() as cursor:
                cursor.executemany(statement, rows)
        except pymysql.MySQLError as error:
            raise VerifyError(f"Loading {table_plan.name} failed: {error_message(error)}") from error

    def analyze(self, schema: Schema) -> None:
        for table in build_model(schema).tables:
            self.fetch(backticked(f"ANALYZE TABLE {datagen.sql_table(table)} PERSISTENT FOR ALL"), [])

    def statement(self, sql: str, params: list) -> tuple[str, list]:
        text, values = spell_parameters(backticked(sql), params, marker="%s")
        return text, values

    def fetch(self, sql: str, params: list):
        """``params`` always given, even empty: pymysql then reads ``%%`` as ``%``."""
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    @contextmanager
    def rolled_back(self, writes: bool):
        if writes:
            self.connection.begin()
        try:
            yield
        finally:
            if writes:
                self.connection.rollback()

    def explain(self, sql: str, params: list) -> dict:
        [(explained,)] = self.fetch("EXPLAIN FORMAT=JSON " + sql, params)
        return mariadb_plan(explained)

    def script(self, sql: str) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(sql)
            while cursor.nextset():
                pass

    def index_exists(self, name: str) -> bool:
        query = "SELECT 1 FROM information_schema.statistics WHERE table_schema = %s AND index_name = %s LIMIT 1"
        return bool(self.fetch(query, [self.name, name]))
