"""Service-backed tests: each marker names a real service. Locally a missing service
skips its tests with a message saying how to start it; in CI (CI=true) it fails them."""

from __future__ import annotations

import functools
import os
import shutil
import socket
from urllib.parse import urlparse

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"
HOW_TO_START = {
    "postgres": (
        "start PostgreSQL and set DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/designer "
        "for a user that may CREATE DATABASE (default: postgres without a password)"
    ),
    "redis": "set REDIS_URL=redis://127.0.0.1:6379/15 and start Redis",
    "celery": "set REDIS_URL and start Redis (the test starts its own worker)",
    "mariadb": "start MariaDB on 127.0.0.1:3306 with root allowed in without a password",
    "graphviz": "apt-get install graphviz",
    "e2e": "apt-get install chromium and pip install playwright",
    "external": "install the external validators (see Makefile)",
}
DB_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server", "django_db_serialized_rollback"}


def _port_open(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=2):
            return True
    except OSError:
        return False


@functools.cache
def service_available(name: str) -> bool:
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    checks = {
        "postgres": lambda: database_url.startswith("postgres") and _postgres_accepts(database_url),
        "redis": lambda: bool(redis_url) and _port_open(redis_url, 6379),
        "celery": lambda: bool(redis_url) and _port_open(redis_url, 6379) and service_available("postgres"),
        "mariadb": _mariadb_accepts,
        "graphviz": lambda: shutil.which("dot") is not None,
        "e2e": lambda: os.path.exists("/usr/bin/chromium") and _importable("playwright"),
        "external": lambda: True,
    }
    return checks[name]()


def _postgres_accepts(url: str) -> bool:
    """A stock PostgreSQL listens but may refuse the user (password auth) or deny CREATE
    DATABASE, which every database test needs: both count as "not available", so the
    tests skip with the message instead of erroring."""
    import psycopg

    try:
        with psycopg.connect(url, dbname="postgres", connect_timeout=3) as connection:
            row = connection.execute("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")
            return bool(row.fetchone()[0])
    except psycopg.Error:
        return False


def _mariadb_accepts() -> bool:
    """MariaDB on 127.0.0.1:3306 that lets root in without a password, as the tests use it."""
    if not _port_open("mysql://127.0.0.1:3306", 3306) or shutil.which("mariadb") is None:
        return False
    import subprocess

    probe = subprocess.run(
        ["mariadb", "-h", "127.0.0.1", "-uroot", "-e", "SELECT 1"], capture_output=True, timeout=10, check=False
    )
    return probe.returncode == 0


def _importable(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def pytest_configure(config):
    from django.conf import settings

    # The web tests create many users: the real hasher (PBKDF2, ~0.3 s a password on
    # this machine) would spend most of the run hashing. Production keeps the default.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_rate_limits(request, settings):
    """Login and sign-up limits count per address in a shared cache: every test comes
    from 127.0.0.1, so they would add up across tests and runs. The tests of the limits
    (marked ``ratelimit``) turn them on with their own clean counters."""
    if request.node.get_closest_marker("ratelimit") is None:
        settings.RATELIMIT_ENABLE = False


@pytest.fixture(autouse=True)
def _fresh_process_memory():
    """Each test starts with empty memos (projects.memo): what one test parsed or drew
    never answers another's question."""
    from projects import memo

    memo.clear_all()


def pytest_collection_modifyitems(config, items):
    for item in items:
        # Every database test runs on the real PostgreSQL, never silently on SQLite.
        if DB_FIXTURES & set(getattr(item, "fixturenames", ())) or item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.postgres)


def pytest_runtest_setup(item):
    for name in HOW_TO_START:
        if item.get_closest_marker(name) and not service_available(name):
            message = f"needs {name}: {HOW_TO_START[name]}"
            if IN_CI:
                pytest.fail(f"CI=true and a required service is missing — {message}", pytrace=False)
            pytest.skip(message)
