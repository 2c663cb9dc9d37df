"""The bounds every schema stays within, wherever it comes from (editor, import, JSON).

One number per input, documented in the README (Limits). They are generous for real
schemas and keep a hostile document from costing minutes of CPU or breaking a page:
names a person can read, counts a diagram can draw, numbers a float can hold exactly.
"""

from __future__ import annotations

# 10,000 tables end to end (issue 20; docs/diagram-large.md has each step's time), with room.
MAX_ENTITIES = 12_000
# Fields and indexes: what the most generous target accepts (MySQL: 4096 columns); what a
# project's own database refuses below that is judged by validate/targets.py.
MAX_FIELDS_PER_ENTITY = 4096
MAX_INDEXES_PER_ENTITY = 1000
MAX_RELATIONSHIPS = 30_000  # about 1.3 a table in large real schemas
MAX_ENUMS = 500
MAX_ENUM_VALUES = 1000
MAX_GROUPS = 200
MAX_NOTES = 200
MAX_PATTERNS = 1000
MAX_NAME_CHARS = 200  # entity, field, enum, value, group, note, pattern, index names
MAX_TEXT_CHARS = 20_000  # comments, note contents, descriptions, SQL expressions
MAX_COUNT = 10**15  # rows, growth per month, a pattern's limit
MAX_FREQUENCY = 1e12  # per second, minute, hour or day
MAX_ROW_BYTES = 10**9
MAX_RETENTION_DAYS = 100_000
MAX_LATENCY_MS = 24 * 3600 * 1000
MAX_TYPE_LENGTH = 4_294_967_295  # MySQL's longest (LONGTEXT); PostgreSQL's 10,485,760: validate/targets.py
# The Node process that reads DBML (designer/formats/dbml_reader.py): its heap, and how
# long one read may take (the same as an import job's soft limit, JOB_TIME_LIMITS). The
# parser is memory-hungry: a 1.4 MB file of 20,000 tables peaks at 1.25 GB and reads in
# 13 s with this cap; with 1 GB it spends 220 s collecting garbage.
DBML_HELPER_MEMORY_MB = 2048
DBML_READ_SECONDS = 60.0
