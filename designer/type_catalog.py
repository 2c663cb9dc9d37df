"""The types each dialect knows, as data, and whether a typed type is one of them.

``known(text, dialect, schema)`` answers whether a server of ``dialect`` would accept
the type NAME (parameters, array brackets and modifiers are read past: whether
``varchar(abc)`` is well formed is the SQL fragment parser's business). ``suggest``
proposes the closest catalogue name, keeping what followed the name: ``varchr(20)`` →
``varchar(20)``. ``dialect=None`` (a schema written for no database in particular)
accepts a name any dialect knows, since the renderers translate portable names.

SQLite accepts any sequence of words as a type (it derives an affinity from it), so
only text that is not a type name at all (punctuation, a stray quote) is unknown there.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from designer.domains import domain_names
from designer.schema import Schema
from designer.types import MYSQL, PORTABLE_NAMES, POSTGRESQL, SQLITE


def names_of(text: str) -> frozenset[str]:
    """Type names written as data: comma-separated, blanks inside a name folded."""
    return frozenset(" ".join(name.split()) for name in text.split(",") if name.strip())


def pairs_of(text: str) -> dict[str, str]:
    """``type:extension`` pairs written as data, separated by blanks."""
    return dict(pair.split(":") for pair in text.split())


# PostgreSQL's built-in types: pg_type names and the SQL spellings the grammar maps to them.
POSTGRESQL_TYPES = names_of(
    """
    smallint, int2, integer, int, int4, bigint, int8, smallserial, serial2, serial, serial4,
    bigserial, serial8, decimal, numeric, real, float4, double precision, float8, float, money,
    text, varchar, character varying, char, character, bpchar, name, bytea, boolean, bool, date,
    time, time without time zone, time with time zone, timetz, timestamp, timestamp without time
    zone, timestamp with time zone, timestamptz, interval, uuid, json, jsonb, jsonpath, xml, bit,
    bit varying, varbit, inet, cidr, macaddr, macaddr8, point, line, lseg, box, path, polygon,
    circle, tsvector, tsquery, oid, regclass, regtype, regproc, regprocedure, regoper, regoperator,
    regconfig, regdictionary, regnamespace, regrole, regcollation, pg_lsn, pg_snapshot,
    txid_snapshot, tid, xid, xid8, cid, int4range, int8range, numrange, tsrange, tstzrange,
    daterange, int4multirange, int8multirange, nummultirange, tsmultirange, tstzmultirange,
    datemultirange
    """
)

# Types that extensions commonly seen in real schemas add (PostgreSQL), by extension.
EXTENSION_TYPES = pairs_of(
    """
    citext:citext hstore:hstore ltree:ltree lquery:ltree ltxtquery:ltree geometry:postgis
    geography:postgis box2d:postgis box3d:postgis raster:postgis_raster vector:vector halfvec:vector
    sparsevec:vector cube:cube earth:earthdistance seg:seg isbn:isn issn:isn ean13:isn upc:isn
    """
)

# Extensions that need another one installed first (CREATE EXTENSION without CASCADE).
EXTENSION_REQUIRES = {"earthdistance": ("cube",), "postgis_raster": ("postgis",)}

# MySQL 8 and MariaDB 10.5+ (the MariaDB-only ones: uuid, inet4, inet6).
MYSQL_TYPES = names_of(
    """
    tinyint, smallint, mediumint, middleint, int, integer, bigint, int1, int2, int3, int4, int8,
    serial, decimal, dec, numeric, fixed, float, float4, float8, double, double precision, real,
    bit, bool, boolean, date, datetime, timestamp, time, year, char, character, nchar, national
    char, varchar, character varying, nvarchar, national varchar, binary, varbinary, tinyblob, blob,
    mediumblob, longblob, tinytext, text, mediumtext, longtext, long, long varchar, long varbinary,
    enum, set, json, geometry, point, linestring, polygon, multipoint, multilinestring,
    multipolygon, geometrycollection, uuid, inet4, inet6
    """
)

# SQLite's own spellings, offered by the picker (any name is accepted, see _SQLITE_NAME).
SQLITE_TYPES = names_of(
    """
    integer, int, bigint, smallint, tinyint, real, double, float, numeric, decimal, boolean, text,
    varchar, char, clob, blob, date, datetime, timestamp, time, json
    """
)

CATALOGUE = {POSTGRESQL: POSTGRESQL_TYPES | frozenset(EXTENSION_TYPES), MYSQL: MYSQL_TYPES, SQLITE: SQLITE_TYPES}

_ARRAY = re.compile(r"(\s*\[\s*\d*\s*\])+\s*$")
_PARAMETERS = re.compile(r"\s*\((?:[^()'\"]|'[^']*'|\"[^\"]*\")*\)")
_MODIFIERS = re.compile(
    r"\s+(?:unsigned|signed|zerofill|(?:character\s+set|charset|collate)\s+\S+)\b.*$", re.IGNORECASE
)
_QUALIFIER = re.compile(r'^\s*(?P<schema>"[^"]+"|[A-Za-z_][\w$]*)\s*\.\s*(?P<rest>.+)$')
_WORDS = re.compile(r"^[A-Za-z_][\w$]*(?:\s+[A-Za-z_][\w$]*)*$")
_SQLITE_NAME = re.compile(r"^[A-Za-z_][\w$]*(?:\s+[A-Za-z_][\w$]*)*$")
_FIRST_WORD = re.compile(r"^\s*([A-Za-z_][\w$]*)")
_INTERVAL_FIELDS = re.compile(r"^interval\s+(?:year|month|day|hour|minute|second)\b.*$")


@dataclass(frozen=True)
class TypeName:
    """What a type text names: the name (lower-case, blanks folded) and its qualifier."""

    name: str
    namespace: str | None


def type_name(text: str) -> TypeName | None:
    """``varchar(20)[]`` → varchar; ``timestamp(3) with time zone`` → timestamp with time
    zone; ``public.citext`` → citext in public. None: not a type name at all."""
    bare = _ARRAY.sub("", text.strip())
    namespace = None
    qualified = _QUALIFIER.match(bare)
    if qualified and "(" not in qualified["schema"]:
        namespace, bare = qualified["schema"].strip('"'), qualified["rest"]
    previous = None
    while previous != bare:  # nested parentheses: innermost first
        previous, bare = bare, _PARAMETERS.sub("", bare)
    bare = _MODIFIERS.sub("", bare)
    name = " ".join(bare.split()).lower().strip('"')
    if _INTERVAL_FIELDS.match(name):
        name = "interval"
    if not name or not _WORDS.match(name):
        return None
    return TypeName(name=name, namespace=namespace)


def _enum_names(schema: Schema | None) -> set[str]:
    if schema is None:
        return set()
    return {e.name.lower() for e in schema.enums} | {e.qualified_name.lower() for e in schema.enums}


def known(text: str, dialect: str | None, schema: Schema | None = None) -> bool:
    """Would ``dialect`` (None: any) accept this type name? Enums and domains of ``schema`` count
    (a domain in every dialect: the others get its base type)."""
    if _is_enum(text, schema) or _is_domain(text, schema):
        return True
    if dialect == SQLITE:  # any words are a type there, but not a qualified name
        found = type_name(text)
        return found is not None and found.namespace is None and bool(_SQLITE_NAME.match(found.name))
    found = type_name(text)
    if found is None:
        return False
    if found.namespace and found.namespace.lower() not in ("pg_catalog", "public"):
        return False  # a type of another schema that this design does not declare
    if dialect is None:
        return found.name in PORTABLE_NAMES or any(found.name in names for names in CATALOGUE.values())
    return found.name in CATALOGUE.get(dialect, frozenset())


def _is_enum(text: str, schema: Schema | None) -> bool:
    bare = _ARRAY.sub("", text.strip()).strip('"').lower()
    return bool(bare) and bare in _enum_names(schema)


def _is_domain(text: str, schema: Schema | None) -> bool:
    if schema is None or not schema.domains:
        return False
    return text.strip().lower() in domain_names(schema.domains)


def needs_extension(text: str) -> str | None:
    """The PostgreSQL extension a type comes from (citext → citext), None for built-ins."""
    found = type_name(text)
    return EXTENSION_TYPES.get(found.name) if found else None


def needed_extensions(type_texts) -> list[str]:
    """The extensions these PostgreSQL types come from, each after the ones it requires, in
    the order the types first name them."""
    needed: list[str] = []
    for text in type_texts:
        extension = needs_extension(text)
        if extension is None:
            continue
        for name in (*EXTENSION_REQUIRES.get(extension, ()), extension):
            if name not in needed:
                needed.append(name)
    return needed


def catalogue(dialect: str | None, schema: Schema | None = None) -> list[str]:
    """The names a type picker offers for ``dialect`` (None: every dialect's), the schema's
    enums and domains first."""
    names = set().union(*CATALOGUE.values()) if dialect is None else set(CATALOGUE.get(dialect, ()))
    enums = sorted(e.name for e in schema.enums) if schema is not None else []
    domains = sorted(d.qualified_name for d in schema.domains) if schema is not None else []
    declared = enums + [d for d in domains if d not in enums]
    return declared + sorted(names - {e.lower() for e in declared})


def suggest(text: str, dialect: str | None, schema: Schema | None = None) -> str | None:
    """The closest known type, parameters and array brackets kept; None when nothing is close."""
    candidates = catalogue(dialect, schema)
    first = _FIRST_WORD.match(text)
    found = type_name(text)
    if first is None:
        return None
    # The usual typo is in the first word: replace it, keep everything after it.
    for match in difflib.get_close_matches(first[1].lower(), candidates, n=3, cutoff=0.75):
        proposal = match + text[first.end() :].rstrip()
        if known(proposal, dialect, schema):
            return proposal
    if found is not None:  # a word further on: the whole name, with the first parameters and brackets
        for match in difflib.get_close_matches(found.name, candidates, n=1, cutoff=0.75):
            parameters = _PARAMETERS.search(text)
            dims = _ARRAY.search(text)
            return match + (parameters[0].strip() if parameters else "") + (dims[0].strip() if dims else "")
    return None


def unknown_message(text: str, dialect: str | None, schema: Schema | None = None) -> str:
    """“Unknown type …, did you mean …?”: the sentence the field form and imports show."""
    where = {POSTGRESQL: "PostgreSQL", MYSQL: "MySQL/MariaDB", SQLITE: "SQLite"}.get(dialect or "", "any database")
    hint = suggest(text, dialect, schema)
    advice = f" Did you mean {hint}?" if hint else " Pick one from the list or declare an enum."
    return f"Unknown type “{text.strip()}” for {where}.{advice}"
