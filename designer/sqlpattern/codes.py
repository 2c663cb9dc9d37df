"""Problem codes for SQL that cannot become an access pattern."""

SYNTAX = "sql-syntax"
UNMAPPABLE = "sql-unmappable"
UNKNOWN_TABLE = "sql-unknown-table"
UNKNOWN_COLUMN = "sql-unknown-column"
