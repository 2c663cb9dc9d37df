"""PostgreSQL DDL (``pg_dump --schema-only`` output, or hand-written) → schema, through
pglast (PostgreSQL's own parser).

Tables, columns with their types as written, defaults (a ``nextval`` default is a serial:
identity, unless its sequence is a standalone one the script creates: see ``_nextval``), identity and generated columns, primary/unique/foreign keys and checks inline
or added later by ALTER TABLE, indexes (partial, expression, INCLUDE, method, DESC),
enums (CREATE TYPE … AS ENUM), domains, extensions, COMMENT ON, and partitioned tables
(one entity with its partitions, see ``sql_pg_objects``). Views, materialized views,
functions, triggers and sequences are kept as written (``schema.DatabaseObject``). Every
other statement is a notice "skipped … (line N)".

Why JSON: pglast builds its Python syntax tree about 20 times slower than it parses; the
parse tree as JSON (plain dicts) keeps a 1,400-table dump within a few seconds. Every
expression is taken from the source text, as written, so nothing is deparsed.
"""

from __future__ import annotations

import json
import re

from pglast.parser import ParseError, parse_sql_json

from designer.allocation import collector_paused
from designer.db_objects import ObjectDraft, postgresql_references, statement_sql
from designer.formats import sql_pg_objects as pg_objects
from designer.formats.sql_builder import (
    ACTIONS,
    ColumnDraft,
    ForeignKeyDraft,
    IndexDraft,
    KeyOptions,
    SchemaBuilder,
    TableDraft,
)
from designer.formats.sql_text import (
    ByteOffsets,
    Lines,
    clause_at,
    default_text_after,
    parenthesized_after,
    parenthesized_from,
    split_top_level,
    type_text_at,
    unwrap,
)
from designer.naming import postgresql_name
from designer.problems import Problem, SchemaError
from designer.schema import Default, DefaultKind, NullsOrder, ObjectKind, Schema, SortOrder
from designer.sql.base import STORAGE_NAME, STORAGE_VALUE
from designer.types import POSTGRESQL

_FK_ACTIONS = {"r": "restrict", "c": "cascade", "n": "set null", "d": "set default"}
_SKIPPED = {
    "VariableSetStmt": "SET",
    "SelectStmt": "SELECT",
    "AlterSeqStmt": "ALTER SEQUENCE",
    "GrantStmt": "GRANT",
    "AlterOwnerStmt": "ALTER … OWNER",
    "RuleStmt": "CREATE RULE",
    "CreatePolicyStmt": "CREATE POLICY",
    "AlterDefaultPrivilegesStmt": "ALTER DEFAULT PRIVILEGES",
}
_NUMERIC_TYPES = frozenset(
    ["int2", "int4", "int8", "smallint", "integer", "bigint", "numeric", "decimal", "real", "float4", "float8"]
)
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_WHERE = re.compile(r"(\)|\bdistinct)\s*where\s", re.IGNORECASE)  # after the keys, INCLUDE, WITH or NULLS NOT DISTINCT
_ORDERING = re.compile(r"\s+(asc|desc)?(\s*nulls\s+(first|last))?\s*$", re.IGNORECASE)
_META_COMMAND = re.compile(r"^\\[^\n]*", re.MULTILINE)
_COLLATE_AT_END = re.compile(r"\s+collate\s+((\"[^\"]*\"|\w+)\.)?(\"[^\"]*\"|\w+)\s*$", re.IGNORECASE)
_EXCLUDE = re.compile(r"\bexclude\s+", re.IGNORECASE)


def parse_postgresql(text: str) -> tuple[Schema, tuple[Problem, ...]]:
    with collector_paused():  # millions of acyclic parse-tree dicts: see designer.allocation
        return _parse_postgresql(text)


def _parse_postgresql(text: str) -> tuple[Schema, tuple[Problem, ...]]:
    # psql meta-commands (pg_dump writes \restrict and \unrestrict) are not SQL: blank them
    # out, keeping every offset, and list them.
    meta = [(m.start(), m[0].split()[0]) for m in _META_COMMAND.finditer(text)]
    sql = _META_COMMAND.sub(lambda m: " " * len(m[0]), text) if meta else text
    try:
        statements = json.loads(parse_sql_json(sql)).get("stmts", [])
    except ParseError as error:
        message, offset = (*error.args, None)[:2]
        line = Lines(text).of(ByteOffsets(sql).char(offset)) if isinstance(offset, int) else None
        problem = Problem(code="sql-syntax", message=f"PostgreSQL syntax error: {message}", line=line)
        raise SchemaError([problem]) from None
    reader = _Reader(text, parsed=sql)
    for offset, command in meta:
        reader.builder.skipped(f"psql command {command}", reader.lines.of(offset))
    return reader.read(statements)


class _Reader:
    def __init__(self, text: str, *, parsed: str):
        self.text = text
        self.lines = Lines(text)
        # Every location in the parse tree counts bytes of what was parsed (same characters).
        self.at = ByteOffsets(parsed).char
        self.builder = SchemaBuilder(dialect=POSTGRESQL, database_type="PostgreSQL")
        self.sequences: set[tuple[str | None, str]] = set()  # sequences a serial column took
        self.declared_sequences: set[tuple[str | None, str]] = set()  # CREATE SEQUENCE (folded)
        self.owned_sequences: set[tuple[str | None, str]] = set()  # OWNED BY a column (folded)
        # nextval defaults, settled once every statement is read (OWNED BY may come later)
        self.nextval_defaults: list[tuple[TableDraft, ColumnDraft, dict, str]] = []

    def read(self, statements: list[dict]) -> tuple[Schema, tuple[Problem, ...]]:
        for raw in statements:
            start = raw.get("stmt_location", 0)
            end = self.at(start + raw["stmt_len"]) if raw.get("stmt_len") else len(self.text)  # 0: to the end
            start = self.at(start)
            self.span = (start, end)
            self.line = self.lines.of(start)
            kind, body = _only(raw["stmt"])
            handler = getattr(self, f"_on_{kind}", None)
            if handler is not None:
                handler(body)
            else:
                self.builder.skipped(_SKIPPED.get(kind, self._first_words()), self.line)
        for table, column, call, written in self.nextval_defaults:
            self._nextval(table, column, call, written)
        return self.builder.build()

    def _first_words(self) -> str:
        start = self.lines.skip_blanks(self.span[0])
        return " ".join(self.text[start : start + 60].split()[:3]).rstrip(";")

    # --- statements (named after pglast's nodes) ----------------------------------------

    def _on_CreateSchemaStmt(self, stmt: dict) -> None:
        pass  # namespaces come with their tables

    def _on_CreateEnumStmt(self, stmt: dict) -> None:
        self.builder.enum(_names_key(_strings(stmt["typeName"])), _strings(stmt.get("vals", [])))

    def _on_CreateStmt(self, stmt: dict) -> None:
        key = _table_key(stmt["relation"])
        table = self.builder.table(key, line=self.line)
        table.unlogged = stmt["relation"].get("relpersistence") == "u"
        table.storage = self._storage(stmt.get("options", []), what=f"table {key[1]}")
        for element in stmt.get("tableElts", []):
            kind, body = _only(element)
            if kind == "ColumnDef":
                self._column(table, body)
            elif kind == "Constraint":
                self._table_constraint(table, body)
        if "partspec" in stmt or "partbound" in stmt:
            pg_objects.record_partition_table(self, stmt, key)

    def _on_AlterTableStmt(self, stmt: dict) -> None:
        if _attaches_index_partitions(stmt):
            return  # a partition's index attached to its parent's: the parent's index says it all
        if stmt.get("objtype") != "OBJECT_TABLE":
            self.builder.skipped(f"ALTER {stmt.get('objtype', '').removeprefix('OBJECT_')}", self.line)
            return
        key = _table_key(stmt["relation"])
        for command in stmt.get("cmds", []):
            self._alter(key, _only(command)[1])

    def _on_IndexStmt(self, stmt: dict) -> None:
        name = stmt.get("idxname")
        table = self.builder.known_table(_table_key(stmt["relation"]), line=self.line, what=f"index {name}")
        if table is None:
            return
        written = split_top_level(parenthesized_from(self.text, self.at(stmt["relation"]["location"])) or "")
        keys, options = [], []
        for position, element in enumerate(stmt.get("indexParams", [])):
            element = _only(element)[1]
            order = SortOrder.DESC if element.get("ordering") == "SORTBY_DESC" else SortOrder.ASC
            if "name" in element:
                keys.append((element["name"], None, order))
            else:
                keys.append((None, self._key_expression(written, position, element), order))
            options.append(self._key_options(element))
        method = stmt.get("accessMethod")
        table.indexes.append(
            IndexDraft(
                keys=keys,
                name=name,
                unique=bool(stmt.get("unique")),
                method=method if method != "btree" else None,
                predicate=self._predicate() if "whereClause" in stmt else None,
                include=[_only(e)[1]["name"] for e in stmt.get("indexIncludingParams", []) if "name" in _only(e)[1]],
                line=self.line,
                options=options,
                nulls_not_distinct=bool(stmt.get("nulls_not_distinct")),
                storage=self._storage(stmt.get("options", []), what=f"index {name}"),
            )
        )

    def _key_options(self, element: dict) -> KeyOptions:
        """Operator class, collation and NULLS placement of one index key, as written."""
        if element.get("opclassopts"):
            self.builder.notice("sql-not-kept", "an operator class's own parameters are not kept", self.line)
        nulls = {"SORTBY_NULLS_FIRST": NullsOrder.FIRST, "SORTBY_NULLS_LAST": NullsOrder.LAST}
        return KeyOptions(
            nulls=nulls.get(element.get("nulls_ordering")),
            opclass=_dotted(element.get("opclass")),
            collation=_collation(element.get("collation")),
        )

    def _storage(self, options: list[dict], *, what: str) -> list[tuple[str, str]]:
        """``WITH (fillfactor = 70, m = 16)``: each a name and a plain value (a number or a
        word), or a notice."""
        kept = []
        for option in options:
            option = _only(option)[1]
            name, value = option.get("defname", ""), _option_value(option.get("arg"))
            if value is None or not STORAGE_NAME.fullmatch(name):
                self.builder.notice("sql-not-kept", f"{what}: storage parameter {name} is not kept", self.line)
            else:
                kept.append((name, value))
        return kept

    def _on_CreateDomainStmt(self, stmt: dict) -> None:
        pg_objects.record_domain(self, stmt, _names_key(_strings(stmt["domainname"])))

    def _on_AlterDomainStmt(self, stmt: dict) -> None:
        if not pg_objects.record_domain_constraint(self, _names_key(_strings(stmt["typeName"])), stmt):
            self.builder.skipped("ALTER DOMAIN", self.line)

    def _on_CreateExtensionStmt(self, stmt: dict) -> None:
        pg_objects.record_extension(self, stmt)

    # what the partition, domain and extension readers (sql_pg_objects) ask of this reader

    @staticmethod
    def table_key(range_var: dict) -> tuple[str | None, str]:
        return _table_key(range_var)

    def type_text(self, type_name: dict) -> str:
        return type_text_at(self.text, self.at(type_name["location"]))

    def default_of(self, constraint: dict) -> Default:
        written = default_text_after(self.text, self.at(constraint["location"]))
        kind, body = _only(constraint["raw_expr"])
        return _literal(kind, body) or Default(DefaultKind.EXPRESSION, unwrap(written or ""))

    def _on_CommentStmt(self, stmt: dict) -> None:
        objtype, comment = stmt.get("objtype"), stmt.get("comment")
        kind, body = _only(stmt["object"])
        names = _strings(body.get("items", [])) if kind == "List" else []
        if objtype == "OBJECT_TABLE" and names:
            table = self.builder.known_table(_names_key(names), line=self.line, what="COMMENT ON TABLE")
            if table is not None:
                table.comment = comment
        elif objtype == "OBJECT_COLUMN" and len(names) >= 2:
            table = self.builder.known_table(_names_key(names[:-1]), line=self.line, what="COMMENT ON COLUMN")
            column = table.column(names[-1]) if table is not None else None
            if column is not None:
                column.comment = comment
        elif (
            objtype == "OBJECT_TYPE"
            and kind == "TypeName"
            and _names_key(_strings(body["names"])) in self.builder.enums
        ):
            key = _names_key(_strings(body["names"]))
            self.builder.enum(key, self.builder.enums[key][0], comment=comment)
        else:
            self.builder.skipped(f"COMMENT ON {(objtype or '').removeprefix('OBJECT_')}", self.line)

    # --- views, functions, triggers, sequences: kept as written (designer.db_objects) ------

    def _on_ViewStmt(self, stmt: dict) -> None:
        self._database_object(ObjectKind.VIEW, _table_key(stmt["view"]), stmt["query"])

    def _on_CreateTableAsStmt(self, stmt: dict) -> None:
        if stmt.get("objtype") != "OBJECT_MATVIEW":
            self.builder.skipped("CREATE TABLE … AS", self.line)
            return
        self._database_object(ObjectKind.MATERIALIZED_VIEW, _table_key(stmt["into"]["rel"]), stmt["query"])

    def _on_CreateFunctionStmt(self, stmt: dict) -> None:
        # Its parameter and return types may be a table's row type: a dependency on that table.
        self._database_object(ObjectKind.FUNCTION, _names_key(_strings(stmt["funcname"])), stmt)

    def _on_CreateTrigStmt(self, stmt: dict) -> None:
        # A trigger lives in its table's namespace; its function is a dependency too.
        key = (_namespace(stmt["relation"].get("schemaname")), stmt["trigname"])
        self._database_object(
            ObjectKind.TRIGGER,
            key,
            [stmt, {"RangeVar": stmt["relation"]}, {"FuncCall": {"funcname": stmt["funcname"]}}],
        )

    def _on_CreateSeqStmt(self, stmt: dict) -> None:
        key = _table_key(stmt["sequence"])
        self.declared_sequences.add(_folded(key))
        if _owned(stmt):
            self._owned(key)
        self._database_object(ObjectKind.SEQUENCE, key, {})

    def _on_AlterSeqStmt(self, stmt: dict) -> None:
        if _owned(stmt):
            self._owned(_table_key(stmt["sequence"]))
        else:
            self.builder.skipped("ALTER SEQUENCE", self.line)

    def _owned(self, key) -> None:
        """pg_dump's serial: the sequence belongs to its column (made and dropped with it)."""
        self.owned_sequences.add(_folded(key))
        self.builder.serial_sequences.add(_folded(key))

    def _database_object(self, kind: ObjectKind, key, tree) -> None:
        tables, columns, functions = postgresql_references(tree)
        self.builder.database_object(
            ObjectDraft(
                kind=kind,
                key=key,
                sql=statement_sql(self.text[self.span[0] : self.span[1]]),
                dialect=POSTGRESQL,
                tables=tables,
                columns=columns,
                functions=functions,
                line=self.line,
            )
        )

    # --- pieces -------------------------------------------------------------------------

    def _column(self, table: TableDraft, element: dict) -> None:
        type_text = type_text_at(self.text, self.at(element["typeName"]["location"]))
        column = ColumnDraft(name=element["colname"], type_text=type_text)
        table.columns[column.name] = column
        for constraint in element.get("constraints", []):
            self._column_constraint(table, column, _only(constraint)[1])
        self._options_not_kept(table, column, element)

    def _options_not_kept(self, table: TableDraft, column: ColumnDraft, element: dict) -> None:
        """Column options the design has no place for: said with their line, not lost silently."""
        options = []
        if "collClause" in element:
            options.append("COLLATE " + ".".join(_strings(element["collClause"]["collname"])))
        if element.get("storage_name"):
            options.append(f"STORAGE {element['storage_name'].upper()}")
        if element.get("compression"):
            options.append(f"COMPRESSION {element['compression']}")
        line = self.lines.of(self.at(element["location"]))
        for option in options:
            self.builder.notice(
                "sql-not-kept",
                f"{table.name}.{column.name}: {option} is not kept (the design has no place for it)",
                line,
            )

    def _column_constraint(self, table: TableDraft, column: ColumnDraft, constraint: dict) -> None:
        kind = constraint["contype"]
        if kind == "CONSTR_NOTNULL":
            column.nullable = False
        elif kind == "CONSTR_DEFAULT":
            self._default(
                table, column, constraint["raw_expr"], default_text_after(self.text, self.at(constraint["location"]))
            )
        elif kind == "CONSTR_IDENTITY":
            _identity(column, constraint)
        elif kind == "CONSTR_GENERATED":
            column.generated = parenthesized_after(self.text, self.at(constraint["location"]), "as")
        elif kind == "CONSTR_PRIMARY":
            table.primary_key = [column.name]
            table.primary_key_name = constraint.get("conname")
            column.nullable = False
        elif kind == "CONSTR_UNIQUE" and constraint.get("nulls_not_distinct"):
            table.indexes.append(self._unique_nulls_not_distinct([column.name], constraint.get("conname")))
        elif kind == "CONSTR_UNIQUE":
            table.uniques.append(([column.name], constraint.get("conname")))
        elif kind == "CONSTR_CHECK":
            if not column.checks:
                column.check_name = constraint.get("conname")
            column.checks.append(parenthesized_after(self.text, self.at(constraint["location"]), "check"))
        elif kind == "CONSTR_FOREIGN":
            table.foreign_keys.append(self._foreign_key(constraint, [column.name]))

    def _table_constraint(self, table: TableDraft, constraint: dict) -> None:
        kind, name = constraint["contype"], constraint.get("conname")
        columns = _strings(constraint.get("keys", []))
        if kind == "CONSTR_PRIMARY":
            table.primary_key = columns
            table.primary_key_name = name
            for column_name in columns:
                if table.column(column_name) is not None:
                    table.column(column_name).nullable = False
        elif kind == "CONSTR_UNIQUE" and constraint.get("nulls_not_distinct"):
            table.indexes.append(self._unique_nulls_not_distinct(columns, name))
        elif kind == "CONSTR_UNIQUE":
            table.uniques.append((columns, name))
        elif kind == "CONSTR_CHECK":
            expression = parenthesized_after(self.text, self.at(constraint["location"]), "check")
            table.checks.append((expression, name))
            if constraint.get("skip_validation"):
                table.not_valid_checks.add(expression)
        elif kind == "CONSTR_FOREIGN":
            table.foreign_keys.append(self._foreign_key(constraint, _strings(constraint.get("fk_attrs", []))))
        elif kind == "CONSTR_EXCLUSION":
            self._exclusion(table, constraint)
        else:
            self.builder.skipped(f"constraint {name or kind}", self.line)

    def _foreign_key(self, constraint: dict, columns: list[str]) -> ForeignKeyDraft:
        written = clause_at(self.text, self.at(constraint["location"])).lower()
        return ForeignKeyDraft(
            columns=columns,
            target=_table_key(constraint["pktable"]),
            target_columns=_strings(constraint.get("pk_attrs", [])),
            name=constraint.get("conname"),
            on_delete=_action(constraint.get("fk_del_action"), written, "delete"),
            on_update=_action(constraint.get("fk_upd_action"), written, "update"),
            line=self.line,
            deferrable=bool(constraint.get("deferrable")),
            initially_deferred=bool(constraint.get("initdeferred")),
            not_valid=bool(constraint.get("skip_validation")),
            match_full=constraint.get("fk_matchtype") == "f",
        )

    def _unique_nulls_not_distinct(self, columns: list[str], name: str | None) -> IndexDraft:
        """UNIQUE NULLS NOT DISTINCT (…): kept as the unique index that says it."""
        keys = [(column, None, SortOrder.ASC) for column in columns]
        return IndexDraft(keys=keys, name=name, unique=True, nulls_not_distinct=True, line=self.line)

    def _exclusion(self, table: TableDraft, constraint: dict) -> None:
        """EXCLUDE …: kept as the text after EXCLUDE (printed again through pglast on the way out)."""
        written = clause_at(self.text, self.at(constraint["location"]))
        found = _EXCLUDE.search(written)
        table.exclusions.append((" ".join(written[found.end() :].split()) if found else "", constraint.get("conname")))

    def _default(self, table: TableDraft, column: ColumnDraft, expression: dict, written: str | None) -> None:
        kind, body = _only(expression)
        if kind == "FuncCall" and _strings(body["funcname"])[-1] == "nextval":
            self.nextval_defaults.append((table, column, body, unwrap(written or "")))
            return
        column.default = _literal(kind, body) or Default(DefaultKind.EXPRESSION, unwrap(written or ""))

    def _alter(self, key, command: dict) -> None:
        kind = command["subtype"]
        if kind == "AT_AttachPartition":
            pg_objects.record_attach(self, key, command)
            return
        if kind not in ("AT_AddConstraint", "AT_AddColumn", "AT_ColumnDefault", "AT_AddIdentity", "AT_SetNotNull"):
            self.builder.skipped(f"ALTER TABLE … {kind.removeprefix('AT_')}", self.line)
            return
        table = self.builder.known_table(key, line=self.line, what="ALTER TABLE")
        if table is None:
            return
        if kind == "AT_AddConstraint":
            self._table_constraint(table, _only(command["def"])[1])
        elif kind == "AT_AddColumn":
            self._column(table, _only(command["def"])[1])
        else:
            column = table.column(command.get("name"))
            if column is None:
                self.builder.notice("sql-unknown-column", f"ALTER TABLE: no column {command.get('name')!r}", self.line)
            elif kind == "AT_ColumnDefault":
                self._default(table, column, command["def"], default_text_after(self.text, self.span[0]))
            elif kind == "AT_AddIdentity":
                _identity(column, _only(command["def"])[1])
            else:
                column.nullable = False

    def _nextval(self, table: TableDraft, column: ColumnDraft, call: dict, written: str) -> None:
        """A standalone sequence (CREATE SEQUENCE without OWNED BY: dolphinscheduler's
        *_id_sequence) stays what it was written as: a sequence of its own, created before
        the tables, and the column's default an expression drawing from it. Any other
        sequence default is a serial."""
        sequence = _sequence_name(call)
        if sequence is not None and written:
            folded = _folded(sequence)
            if folded in self.declared_sequences and folded not in self.owned_sequences:
                column.default = Default(DefaultKind.EXPRESSION, written)
                return
        self._serial(table, column, call)

    def _serial(self, table: TableDraft, column: ColumnDraft, call: dict) -> None:
        """A sequence default (a dump's serial: integer + CREATE SEQUENCE + nextval) is the
        serial it was written as, with its sequence's name when that is not the one the
        serial would make. A sequence another column took already, or one in another schema,
        leaves the column an identity (a second serial cannot share it)."""
        column.identity, column.default = True, None
        sequence = _sequence_name(call)
        serial = _SERIAL_OF.get(column.type_text.strip().lower())
        if serial is None or sequence is None or sequence[0] != table.namespace:
            return
        if sequence in self.sequences or self._another_serials_own(sequence[1], table, column):
            return
        self.sequences.add(sequence)
        self.builder.serial_sequences.add(_folded(sequence))  # it comes with the column, not as an object
        column.type_text = serial
        if sequence[1] != postgresql_name(table.name, [column.name], "seq"):
            column.sequence = sequence[1]

    def _another_serials_own(self, name: str, table: TableDraft, column: ColumnDraft) -> bool:
        """``name`` is what another table's serial column makes for itself (panoptes'
        recents_old draws from recents_id_seq): that column's, so this one stays an identity
        (taking it would make the DDL create recents_id_seq twice)."""
        if name == postgresql_name(table.name, [column.name], "seq"):
            return False
        return any(
            other is not table
            and other.namespace == table.namespace
            and name.startswith(other.name)
            and any(name == postgresql_name(other.name, [each], "seq") for each in other.columns)
            for other in self.builder.tables.values()
        )

    def _key_expression(self, written: list[str], position: int, element: dict) -> str:
        text = written[position] if position < len(written) else ""
        text = _ORDERING.sub("", text).strip()
        if element.get("opclass"):
            text = text.rsplit(None, 1)[0]
        if element.get("collation"):
            text = _COLLATE_AT_END.sub("", text)
        return unwrap(text.strip())

    def _predicate(self) -> str:
        statement = self.text[self.span[0] : self.span[1]]
        found = list(_WHERE.finditer(statement))
        return unwrap(statement[found[-1].end() :].strip().rstrip(";").strip()) if found else ""


def _action(code: str | None, written: str, event: str):
    """PostgreSQL stores "no action" both when it was said and when nothing was: only
    the text tells them apart."""
    if code in (None, "a"):
        said = re.search(rf"on\s+{event}\s+no\s+action", written)
        return ACTIONS["no action"] if said else None
    return ACTIONS[_FK_ACTIONS[code]]


def _identity(column: ColumnDraft, constraint: dict) -> None:
    """GENERATED ALWAYS / BY DEFAULT AS IDENTITY: an identity column is NOT NULL too."""
    column.identity, column.nullable = True, False
    column.identity_always = constraint.get("generated_when") == "a"


_SERIAL_OF = {"integer": "serial", "int": "serial", "int4": "serial", "bigint": "bigserial", "int8": "bigserial"}
_SERIAL_OF |= {"smallint": "smallserial", "int2": "smallserial"}


def _owned(stmt: dict) -> bool:
    """CREATE/ALTER SEQUENCE … OWNED BY a column (OWNED BY NONE says it belongs to none)."""
    for option in stmt.get("options", []):
        body = _only(option)[1]
        if body.get("defname") == "owned_by":
            return [s.lower() for s in _strings(body.get("arg", {}).get("List", {}).get("items", []))] != ["none"]
    return False


def _sequence_name(call: dict) -> tuple[str | None, str] | None:
    """The sequence of ``nextval('schema.name'::regclass)``: (namespace, name), or None."""
    argument = (call.get("args") or [{}])[0]
    kind, body = _only(argument) if argument else ("", {})
    if kind == "TypeCast":
        kind, body = _only(body["arg"])
    text = body.get("sval", {}).get("sval") if kind == "A_Const" else None
    if not text:
        return None
    parts = [p.strip('"') for p in text.split(".")]
    return (_namespace(parts[-2]) if len(parts) > 1 else None), parts[-1]


def _dotted(nodes: list[dict] | None) -> str | None:
    """A possibly qualified name (``public.gin_trgm_ops``) as dotted text; None when absent."""
    return ".".join(_strings(nodes)) if nodes else None


def _collation(nodes: list[dict] | None) -> str | None:
    """A collation's name; ``pg_catalog`` (where "C" and "default" live) is left out."""
    names = _strings(nodes or [])
    if names[:1] == ["pg_catalog"]:
        names = names[1:]
    return ".".join(names) if names else None


def _option_value(arg: dict | None) -> str | None:
    if arg is None:
        return "true"  # WITH (deduplicate_items) alone: on
    kind, body = _only(arg)
    value = {
        "Integer": lambda: str(body.get("ival", 0)),
        "Float": lambda: body.get("fval"),
        "String": lambda: body.get("sval"),
        "Boolean": lambda: "true" if body.get("boolval") else "false",
        "TypeName": lambda: ".".join(_strings(body.get("names", []))),
    }.get(kind, lambda: None)()
    return value if value and STORAGE_VALUE.fullmatch(value) else None


def _folded(key: tuple[str | None, str]) -> tuple[str | None, str]:
    return (key[0].lower() if key[0] else None, key[1].lower())


def _attaches_index_partitions(stmt: dict) -> bool:
    commands = [_only(c)[1].get("subtype") for c in stmt.get("cmds", [])]
    return stmt.get("objtype") == "OBJECT_INDEX" and bool(commands) and set(commands) == {"AT_AttachPartition"}


def _only(node: dict) -> tuple[str, dict]:
    """pglast's JSON wraps every node as ``{"Kind": {...}}``."""
    return next(iter(node.items()))


def _strings(nodes: list[dict]) -> list[str]:
    return [n["String"]["sval"] for n in nodes if "String" in n]


def _literal(kind: str, body: dict) -> Default | None:
    """A constant default (optionally cast, as pg_dump writes ``'draft'::text``) as the
    literal it is; None for a real expression."""
    cast_to = None
    if kind == "TypeCast":
        cast_to = _strings(body["typeName"]["names"])[-1]
        kind, body = _only(body["arg"])
    if kind != "A_Const":
        return None
    if body.get("isnull"):
        return Default(DefaultKind.LITERAL, "null")
    if "sval" in body:
        value = body["sval"].get("sval", "")
        if cast_to in _NUMERIC_TYPES and _NUMBER.match(value):  # pg_dump: '-1'::integer
            return Default(DefaultKind.LITERAL, value)
        return Default(DefaultKind.LITERAL, "'" + value.replace("'", "''") + "'")
    if "boolval" in body:
        return Default(DefaultKind.LITERAL, "true" if body["boolval"].get("boolval") else "false")
    if "ival" in body:
        return Default(DefaultKind.LITERAL, str(body["ival"].get("ival", 0)))
    if "fval" in body:
        return Default(DefaultKind.LITERAL, body["fval"]["fval"])
    return None


def _namespace(schema: str | None) -> str | None:
    return None if schema in (None, "", "public") else schema


def _table_key(range_var: dict) -> tuple[str | None, str]:
    return _namespace(range_var.get("schemaname")), range_var["relname"]


def _names_key(names: list[str]) -> tuple[str | None, str]:
    return (_namespace(names[-2]) if len(names) >= 2 else None), names[-1]
