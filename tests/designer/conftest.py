from pathlib import Path

import pytest

from designer.formats.dbml import parse_dbml

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parents[2] / "designer" / "examples"


@pytest.fixture
def rich_text() -> str:
    return (FIXTURES / "rich.dbml").read_text()


@pytest.fixture
def rich(rich_text):
    return parse_dbml(rich_text)


@pytest.fixture
def blog():
    return parse_dbml((EXAMPLES / "blog.dbml").read_text())
