"""Import notices grouped by kind with counts, what was lost first, every line kept."""

from __future__ import annotations

from designer.formats import import_text
from designer.notices import group_notices, statement_kind, summary
from designer.problems import Problem, Severity


def _notice(code: str, message: str, line: int | None = None) -> Problem:
    return Problem(code=code, message=message, line=line, severity=Severity.WARNING)


def _skipped(what: str, line: int) -> Problem:
    return _notice("sql-skipped", f"skipped {what} (not part of a schema)", line)


def test_a_large_dump_reads_as_a_few_groups_lossy_first():
    notices = [
        *(_skipped("CREATE FUNCTION", n) for n in range(2100)),
        *(_skipped("CREATE TRIGGER", n) for n in range(1900)),
        *(_skipped("SET", n) for n in range(163)),
        _notice("sql-not-kept", 'users.name: COLLATE "C" is not kept (the design has no place for it)', 7),
        _notice("sql-not-kept", "posts.body: STORAGE EXTERNAL is not kept (the design has no place for it)", 9),
        _skipped("constraint no_overlap", 11),
        _notice("missing-primary-key", "logs has no primary key"),
    ]
    groups = group_notices(notices)
    assert [g.key for g in groups] == ["not-kept", "warnings", "not-schema"]
    lost, warnings, statements = groups
    assert lost.lossy and lost.count == 3
    assert (
        lost.summary() == "3 parts of the schema not kept (lost on import): 1 COLLATE, 1 STORAGE EXTERNAL, 1 constraint"
    )
    assert [n.line for n in lost.notices] == [7, 9, 11]  # each keeps its line, in file order
    assert warnings.summary() == "1 warning to fix in the editor: 1 table without a primary key"
    assert statements.summary() == (
        "4,163 statements that are not schema: 2,100 functions, 1,900 triggers, 163 settings (SET)"
    )
    assert summary(notices).startswith("3 parts of the schema not kept")


def test_statement_kinds_from_every_reader():
    assert statement_kind("skipped CREATE MATERIALIZED VIEW (not part of a schema)") == "CREATE MATERIALIZED VIEW"
    assert statement_kind("skipped ALTER … OWNER (not part of a schema)") == "ALTER … OWNER"
    assert statement_kind("skipped psql command \\connect (not part of a schema)") == "psql command"
    assert statement_kind("skipped LOCK TABLES (not part of a schema)") == "LOCK"
    assert statement_kind("skipped CREATE TYPE (not part of a schema)") == "CREATE TYPE"
    assert statement_kind("users.name: COLLATE is not kept") is None


MYSQLDUMP = """-- MySQL dump 10.13
CREATE TABLE `a` (
  `id` int NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `a_bi` BEFORE INSERT ON `a` FOR EACH ROW BEGIN
  SET NEW.id = NEW.id;
END */;;
DELIMITER ;
DELIMITER //
CREATE DEFINER=`root`@`%` PROCEDURE `p`()
BEGIN
  SELECT 'http://example.com/a//b'; -- it's not a delimiter // here
  /* nor // here */ SELECT "x//y";
END //
CREATE TABLE `b` (`id` int PRIMARY KEY) //
DELIMITER ;
CREATE TABLE `c` (`id` int PRIMARY KEY);
"""


def test_mysqldump_delimiter_blocks_are_skipped_routines_with_their_lines():
    imported = import_text(MYSQLDUMP, fmt="mysql")
    assert [e.name for e in imported.schema.entities] == ["a", "b", "c"]  # a table in a block is kept
    skipped = {n.message: n.line for n in imported.notices if n.code == "sql-skipped"}
    assert skipped["skipped CREATE TRIGGER a_bi (not part of a schema)"] == 7
    assert skipped["skipped CREATE PROCEDURE p (not part of a schema)"] == 12
    [statements] = [g for g in group_notices(imported.notices) if g.key == "not-schema"]
    assert "1 trigger" in statements.summary() and "1 procedure" in statements.summary()
