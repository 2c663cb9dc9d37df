"""Version histories for proving migrations: each is a list of schemas (v1..vN) built
with the real edit operations, so ids survive renames exactly as in the editor.

Together they cover what the migration engine must get right: create and drop of
entities and fields; renames of entity, field, index and enum; type widening and
narrowing; nullability and default changes; unique and index changes (composite,
partial, descending); foreign keys (composite, self, actions); enum values added,
renamed and removed; many-to-many with and without a join entity; a second
namespace; reserved-word and mixed-case names; names full of quotes, spaces and unicode;
MariaDB tables with unique keys too long to index whole. Every expression is written so
that PostgreSQL, MariaDB and SQLite all read it.
"""

from __future__ import annotations

from designer.examples.histories import catalog, enums, graph, hashed, hostile, library, shop
from designer.schema import Schema

HISTORIES: dict[str, list[Schema]] = {
    "shop": shop.versions(),
    "library": library.versions(),
    "graph": graph.versions(),
    "enums": enums.versions(),
    "catalog": catalog.versions(),
    "hostile": hostile.versions(),
    "hashed": hashed.versions(),
}
