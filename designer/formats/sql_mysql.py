"""MySQL / MariaDB DDL (``mysqldump --no-data``) and SQLite ``.schema`` output → schema,
through sqlglot.

sqlglot's tokenizer splits the statements (strings, quoted names and comments handled),
its parser gives the structure; the type, default, check and generated texts are taken
from the source as written (sqlglot would respell them). MySQL's inline
``enum('a','b')`` becomes a named enum (``<table>_<column>``). Statements that are not
schema, including mysqldump's ``/*!40101 SET … */`` lines, are notices with their line.
"""

from __future__ import annotations

import re

import sqlglot
from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ParseError, TokenError
from sqlglot.tokens import TokenType

from designer.db_objects import ObjectDraft, statement_sql
from designer.formats import mysql_partitions
from designer.formats.mysql_delimiters import without_client_delimiters
from designer.formats.sql_builder import (
    ACTIONS,
    ColumnDraft,
    ForeignKeyDraft,
    IndexDraft,
    KeyOptions,
    SchemaBuilder,
    TableDraft,
)
from designer.formats.sql_text import default_text_after, parenthesized_after, type_text_at, unwrap
from designer.problems import Problem, SchemaError
from designer.schema import Default, DefaultKind, ObjectKind, Schema, SortOrder
from designer.types import MYSQL, SQLITE

_NOT_COLUMNS = frozenset(
    {
        "primary",
        "key",
        "unique",
        "index",
        "fulltext",
        "spatial",
        "constraint",
        "check",
        "foreign",
        "period",
        "exclude",
        "like",
    }
)
_CONDITIONAL = re.compile(r"/\*M?!\d*(?:\\-)?\s*(.*?)\*/", re.DOTALL)
_SPECIAL_INDEX = re.compile(r"\s*create\s+(or\s+replace\s+)?(fulltext|spatial)\s+index\b", re.IGNORECASE)
_MARIADB_ONLY = re.compile(r"(foreign\s+key)\s+if\s+not\s+exists", re.IGNORECASE)
_PERSISTENT = re.compile(r"\bpersistent\b", re.IGNORECASE)  # MariaDB's word for STORED
_ON_UPDATE = re.compile(r"\bon\s+update\s+(\w+(?:\s*\(\s*\d*\s*\))?)", re.IGNORECASE)
_OPTION_WORD = re.compile(r"\w+")
_WHERE = re.compile(r"\bwhere\b", re.IGNORECASE)
_ACTION = re.compile(r"on\s+(delete|update)\s+(set\s+null|set\s+default|no\s+action|cascade|restrict)", re.I)


def parse_mysql(text: str) -> tuple[Schema, tuple[Problem, ...]]:
    return _Reader(text, dialect=MYSQL).read()


def parse_sqlite(text: str) -> tuple[Schema, tuple[Problem, ...]]:
    return _Reader(text, dialect=SQLITE).read()


class _Reader:
    def __init__(self, text: str, *, dialect: str):
        self.dialect = dialect
        self.glot = "mysql" if dialect == MYSQL else "sqlite"
        self.builder = SchemaBuilder(dialect=dialect, database_type="MySQL" if dialect == MYSQL else "SQLite")
        self.text = without_client_delimiters(text, self.builder.skipped) if dialect == MYSQL else text
        self.unnamed_foreign_keys: set[int] = set()  # the server names them, and their indexes
        if dialect == MYSQL:
            self.text = mysql_partitions.unwrap_versioned(self.text)

    def read(self) -> tuple[Schema, tuple[Problem, ...]]:
        try:
            tokens = Dialect.get_or_raise(self.glot).tokenize(self.text)
        except TokenError as error:
            raise SchemaError([Problem(code="sql-syntax", message=f"cannot read the SQL: {error}")]) from None
        for match in _CONDITIONAL.finditer(self.text):  # mysqldump's /*!40101 SET … */ statements
            words = " ".join(match[1].split()[:3]) or "version-conditional comment"
            self.builder.skipped(words, self.text.count("\n", 0, match.start()) + 1)
        for statement in _with_trigger_bodies(_statements(tokens)):
            self._statement(statement)
        self._drop_foreign_key_indexes()
        self._add_implicit_foreign_key_indexes()
        if not self.builder.tables:
            first = next(iter(_statements(tokens)), None)
            raise SchemaError(
                [
                    Problem(
                        code="sql-no-tables",
                        message=f"no CREATE TABLE statement was found in this {self.builder.database_type} DDL",
                        line=first[0].line if first else 1,
                    )
                ]
            )
        return self.builder.build()

    def _statement(self, tokens) -> None:
        self.line = tokens[0].line
        tokens = [t for t in tokens if t.token_type is not TokenType.SEMICOLON]
        if not tokens:
            return
        kind = _object_kind(tokens, self.dialect)
        if kind is not None:
            self._database_object(kind, tokens)
            return
        # MariaDB's FOREIGN KEY IF NOT EXISTS is beyond sqlglot: blanked out, offsets kept.
        source = _MARIADB_ONLY.sub(
            lambda m: m[1] + " " * (len(m[0]) - len(m[1])), self.text[tokens[0].start : tokens[-1].end + 1]
        )
        source = _PERSISTENT.sub("STORED    ", source) if self.dialect == MYSQL else source
        # CREATE FULLTEXT/SPATIAL INDEX is beyond sqlglot: read as CREATE INDEX, the kind kept.
        special = _SPECIAL_INDEX.match(source)
        self.index_kind = special[2].lower() if special else None
        if special:
            source = source[: special.start(2)] + " " * len(special[2]) + source[special.end(2) :]
        source, partition_clause = self._partition_clause(source, tokens)
        try:
            tree = sqlglot.parse_one(source, read=self.glot)
        except ParseError as error:
            detail = error.errors[0] if error.errors else {}
            line = self.line + (detail.get("line") or 1) - 1
            raise SchemaError(
                [Problem(code="sql-syntax", message=f"syntax error: {detail.get('description', error)}", line=line)]
            ) from None
        if isinstance(tree, exp.Create) and tree.kind == "TABLE" and isinstance(tree.this, exp.Schema):
            self._create_table(tree, tokens)
            if partition_clause:
                self._partitioned(_table_key(tree.this.this), partition_clause)
        elif isinstance(tree, exp.Create) and tree.kind == "INDEX":
            self._create_index(tree, source)
        elif isinstance(tree, exp.Alter) and tree.kind == "TABLE":
            self._alter_table(tree)
        else:
            self.builder.skipped(" ".join(t.text.upper() for t in tokens[:2]), self.line)

    def _database_object(self, kind: ObjectKind, tokens) -> None:
        """A view, trigger or virtual table, kept as written (``designer.db_objects``): the
        names it uses are its dependencies where they name a table or a column of one."""
        keyword = next(i for i, t in enumerate(tokens) if t.text.upper() in _OBJECT_WORDS)
        at = keyword + (2 if kind is ObjectKind.VIRTUAL_TABLE else 1)
        while at < len(tokens) and tokens[at].text.upper() in ("IF", "NOT", "EXISTS"):
            at += 1
        name, namespace = tokens[at].text, None
        if at + 2 < len(tokens) and tokens[at + 1].token_type is TokenType.DOT:
            namespace, name = name, tokens[at + 2].text
        words = [t.text for t in tokens[at + 1 :] if t.token_type is not TokenType.STRING]
        self.builder.database_object(
            ObjectDraft(
                kind=kind,
                key=(namespace, name),
                sql=statement_sql(self.text[tokens[0].start : tokens[-1].end + 1]),
                dialect=self.dialect,
                tables=[(None, word) for word in words],
                columns=set(words),
                line=self.line,
            )
        )

    def _virtual_table_owning(self, name: str) -> str | None:
        """The virtual table whose storage ``name`` is (FTS keeps ``<name>_data``,
        ``_content``…, which ``.schema`` prints): the virtual table makes them again."""
        for draft in self.builder.objects:
            if draft.kind is ObjectKind.VIRTUAL_TABLE and name.lower() in _shadow_names(draft.key[1]):
                return draft.key[1]
        return None

    def _partition_clause(self, source: str, tokens) -> tuple[str, str | None]:
        is_table = len(tokens) > 1 and tokens[0].text.upper() == "CREATE" and tokens[1].text.upper() == "TABLE"
        if self.dialect != MYSQL or not is_table:
            return source, None
        return mysql_partitions.split_off(source)

    def _partitioned(self, key, clause: str) -> None:
        table = self.builder.tables.get(key)
        if table is None:
            return
        strategy, written_key, partitions, lost = mysql_partitions.read_clause(clause)
        table.partition_strategy, table.partition_key, table.partitions = strategy, written_key, partitions
        if lost:
            self.builder.notice(
                "sql-not-kept", f"{table.name}: {lost} is not kept (the design has no place for it)", self.line
            )

    def _drop_foreign_key_indexes(self) -> None:
        """MySQL gives every foreign key an index named after it (mysqldump lists it, DDL
        writers create it first): it belongs to the key, not to the design."""
        for table in self.builder.tables.values():
            own = {(fk.name, tuple(fk.columns)) for fk in table.foreign_keys if fk.name}
            table.indexes = [
                index
                for index in table.indexes
                if index.unique or (index.name, tuple(c for c, _, _ in index.keys)) not in own
            ]

    def _add_implicit_foreign_key_indexes(self) -> None:
        """A foreign key no key of its table starts with gets an index from MySQL, named after
        the key's name when the DDL gave one (the renderer writes that), else after its first
        column: that one is written here, as the server names it."""
        for table in self.builder.tables.values():
            for fk in table.foreign_keys:
                if id(fk) not in self.unnamed_foreign_keys or _covered(table, fk.columns):
                    continue
                name = self._key_name(table, None, fk.columns[0])
                keys = [(c, None, SortOrder.ASC) for c in fk.columns]
                table.indexes.append(IndexDraft(keys=keys, name=name, line=fk.line))

    # --- CREATE TABLE -------------------------------------------------------------------

    def _create_table(self, tree: exp.Create, tokens) -> None:
        key = _table_key(tree.this.this)
        if self.dialect == SQLITE and key[1].lower().startswith("sqlite_"):
            self.builder.skipped(f"SQLite's internal table {key[1]}", self.line)
            return
        if self.dialect == SQLITE and (owner := self._virtual_table_owning(key[1])):
            self.builder.skipped(f"shadow table {key[1]} of virtual table {owner}", self.line)
            return
        table = self.builder.table(key, line=self.line)
        items = _column_items(self.text, tokens)
        for element in tree.this.expressions:
            if isinstance(element, exp.ColumnDef):
                self._column(table, element, items.get(element.name))
            else:
                self._table_constraint(table, element, items.get(_constraint_item_key(element)))
        comment = tree.find(exp.SchemaCommentProperty)
        if comment is not None:
            table.comment = comment.this.name
        if self.dialect == MYSQL:
            self._table_options(table, tree)

    def _table_options(self, table: TableDraft, tree: exp.Create) -> None:
        """DEFAULT CHARSET and COLLATE, kept as written (a name, nothing else)."""
        for option, attribute in ((exp.CharacterSetProperty, "charset"), (exp.CollateProperty, "collation")):
            found = tree.find(option)
            value = found.this.name if found is not None else None
            if value and _OPTION_WORD.fullmatch(value):
                setattr(table, attribute, value)

    def _column(self, table: TableDraft, element: exp.ColumnDef, item: tuple[str, int, int] | None) -> None:
        item_text, type_at, line = item if item else ("", 0, self.line)
        kind = element.args.get("kind")
        type_text = type_text_at(item_text, type_at) if item else (kind.sql(self.glot) if kind else "")
        # SQLite allows a column without a type: it has BLOB affinity, which is what it holds.
        column = ColumnDraft(name=element.name, type_text=type_text or "blob")
        if isinstance(kind, exp.DataType) and kind.this is exp.DataType.Type.ENUM and self.dialect == MYSQL:
            enum_key = (table.namespace, f"{table.name}_{column.name}")
            self.builder.enum(enum_key, [v.name for v in kind.expressions])
            column.enum = enum_key
        table.columns[column.name] = column
        for constraint in element.constraints:
            if isinstance(constraint, exp.ColumnConstraint):
                self._column_constraint(table, column, constraint.kind, item_text, line=line)

    def _column_constraint(self, table: TableDraft, column: ColumnDraft, kind, item_text: str, *, line: int) -> None:
        if isinstance(kind, exp.NotNullColumnConstraint):
            column.nullable = bool(kind.args.get("allow_null"))
        elif isinstance(kind, exp.AutoIncrementColumnConstraint | exp.GeneratedAsIdentityColumnConstraint):
            column.identity = True
        elif isinstance(kind, exp.PrimaryKeyColumnConstraint):
            table.primary_key = [column.name]
            column.nullable = False
        elif isinstance(kind, exp.UniqueColumnConstraint):
            table.uniques.append(([column.name], self._key_name(table, None, column.name)))
        elif isinstance(kind, exp.DefaultColumnConstraint):
            column.default = _default(kind.this, default_text_after(item_text, 0), self.glot)
        elif isinstance(kind, exp.CheckColumnConstraint):
            if not column.checks and self.dialect == MYSQL:
                column.check_name = column.name  # MariaDB names a column's check after the column
            column.checks.append(parenthesized_after(item_text, 0, "check") or kind.this.sql(self.glot))
        elif isinstance(kind, exp.ComputedColumnConstraint):
            column.generated = parenthesized_after(item_text, 0, "as") or kind.this.sql(self.glot)
            # MySQL's default is VIRTUAL; SQLite's too
            column.generated_virtual = not kind.args.get("persisted")
        elif isinstance(kind, exp.OnUpdateColumnConstraint) and self.dialect == MYSQL:
            found = _ON_UPDATE.search(item_text)
            column.on_update = found[1] if found else kind.this.sql(self.glot)
        elif isinstance(kind, exp.CommentColumnConstraint):
            column.comment = kind.this.name
        elif isinstance(kind, exp.Reference):
            table.foreign_keys.append(self._foreign_key([column.name], kind, None))
        else:  # ON UPDATE CURRENT_TIMESTAMP, CHARACTER SET, COLLATE, INVISIBLE…: said, not silently lost
            written = f"{table.name}.{column.name}: {kind.sql(self.glot)}"
            self.builder.notice("sql-not-kept", f"{written} is not kept (the design has no place for it)", line)

    def _table_constraint(self, table: TableDraft, element, item: tuple[str, int, int] | None) -> None:
        item_text = item[0] if item else ""
        name = element.name if isinstance(element, exp.Constraint) else None
        parts = element.expressions if isinstance(element, exp.Constraint) else [element]
        for part in parts:
            if isinstance(part, exp.PrimaryKey):
                table.primary_key = [_name(e) for e in part.expressions]
                for column_name in table.primary_key:
                    if table.column(column_name) is not None:
                        table.column(column_name).nullable = False
            elif isinstance(part, exp.UniqueColumnConstraint):
                schema = part.this
                index_name = schema.this.name if isinstance(schema, exp.Schema) and schema.this else name
                if any(_prefix_length(e) for e in schema.expressions):  # a unique index on prefixes
                    table.indexes.append(self._unique_prefix_index(schema.expressions, index_name))
                else:
                    columns = [_name(e) for e in schema.expressions]
                    table.uniques.append((columns, self._key_name(table, index_name, columns[0] if columns else "")))
            elif isinstance(part, exp.ForeignKey):
                columns = [_name(e) for e in part.expressions]
                fk_name = name or self._foreign_key_name(table)
                table.foreign_keys.append(self._foreign_key(columns, part.args["reference"], fk_name))
                if name is None and self.dialect == MYSQL:  # SQLite makes no index for a foreign key
                    self.unnamed_foreign_keys.add(id(table.foreign_keys[-1]))
            elif isinstance(part, exp.CheckColumnConstraint):
                expression = parenthesized_after(item_text, 0, "check") or part.this.sql(self.glot)
                table.checks.append((expression, name))
            elif isinstance(part, exp.IndexColumnConstraint):
                draft = self._index_draft(part)
                first = draft.keys[0][0] if draft.keys and draft.keys[0][0] else ""
                draft.name = self._key_name(table, draft.name, first)
                table.indexes.append(draft)
            else:
                self.builder.skipped(f"table element {part.sql(self.glot)[:40]}", self.line)

    def _index_draft(self, part: exp.IndexColumnConstraint) -> IndexDraft:
        kind = (part.args.get("kind") or "").lower() or None
        using = part.args.get("index_type")
        method = kind or (using.name.lower() if isinstance(using, exp.Expression) else None)
        return IndexDraft(
            keys=self._keys(part.expressions),
            name=part.name or None,
            method=method,
            line=self.line,
            options=self._key_options(part.expressions),
        )

    def _keys(self, expressions) -> list[tuple[str | None, str | None, SortOrder]]:
        keys = []
        for key in expressions:
            order = SortOrder.DESC if isinstance(key, exp.Ordered) and key.args.get("desc") else SortOrder.ASC
            inner = _without_collation(key.this if isinstance(key, exp.Ordered) else key)
            if _prefix_length(inner) is not None or isinstance(inner, exp.Column | exp.Identifier):
                keys.append((inner.name, None, order))
            else:
                keys.append((None, inner.sql(self.glot), order))
        return keys

    def _unique_prefix_index(self, expressions, name: str | None) -> IndexDraft:
        keys, options = self._keys(expressions), self._key_options(expressions)
        return IndexDraft(keys=keys, name=name, unique=True, line=self.line, options=options)

    def _key_options(self, expressions) -> list[KeyOptions]:
        """The prefix length of each key (`title`(255), which MySQL needs to index text) and
        its collation (SQLite's ``name COLLATE NOCASE``)."""
        keys = [key.this if isinstance(key, exp.Ordered) else key for key in expressions]
        return [KeyOptions(length=_prefix_length(key), collation=_key_collation(key)) for key in keys]

    def _foreign_key(self, columns: list[str], reference: exp.Reference | None, name: str | None) -> ForeignKeyDraft:
        target = reference.this if reference is not None else None
        if target is None:
            problem = Problem(
                code="sql-syntax", message="a foreign key without the table it references", line=self.line
            )
            raise SchemaError([problem])
        actions = {
            m[1].lower(): ACTIONS.get(" ".join(m[2].lower().split()))
            for o in reference.args.get("options") or ()
            for m in _ACTION.finditer(str(o))
        }
        return ForeignKeyDraft(
            columns=columns,
            target=_table_key(target.this if isinstance(target, exp.Schema) else target),
            target_columns=[_name(e) for e in target.expressions] if isinstance(target, exp.Schema) else [],
            name=name,
            on_delete=actions.get("delete"),
            on_update=actions.get("update"),
            line=self.line,
        )

    # --- names the server gives what the DDL leaves unnamed --------------------------------

    def _key_name(self, table: TableDraft, name: str | None, first_column: str) -> str | None:
        """MySQL names an unnamed key after its first column (``role``, then ``role_2``…)."""
        if self.dialect != MYSQL:
            return name
        taken = {n.lower() for _, n in table.uniques if n} | {i.name.lower() for i in table.indexes if i.name}
        if name or not first_column:
            return name
        candidate, n = first_column, 1
        while candidate.lower() in taken or candidate.lower() == "primary":
            n += 1
            candidate = f"{first_column}_{n}"
        return candidate

    def _foreign_key_name(self, table: TableDraft) -> str | None:
        """MySQL names an unnamed foreign key ``<table>_ibfk_<n>``, n one more than the highest so far."""
        if self.dialect != MYSQL:
            return None
        prefix = f"{table.name}_ibfk_".lower()
        numbers = [int(fk.name[len(prefix) :]) for fk in table.foreign_keys if _numbered(fk.name, prefix)]
        return f"{table.name}_ibfk_{max(numbers, default=0) + 1}"

    # --- CREATE INDEX, ALTER TABLE ------------------------------------------------------

    def _create_index(self, tree: exp.Create, source: str) -> None:
        index = tree.this
        table = self.builder.known_table(_table_key(index.args["table"]), line=self.line, what=f"index {index.name}")
        if table is None:
            return
        params = index.args.get("params")
        where = params.args.get("where") if params else None
        using = params.args.get("using") if params else None
        columns = params.args.get("columns") or [] if params else []
        table.indexes.append(
            IndexDraft(
                keys=self._keys(columns),
                name=index.name or None,
                unique=bool(tree.args.get("unique")),
                method=self.index_kind or (using.name.lower() if isinstance(using, exp.Expression) else None),
                predicate=_predicate(source, where, self.glot),
                line=self.line,
                options=self._key_options(columns),
            )
        )

    def _alter_table(self, tree: exp.Alter) -> None:
        table = self.builder.known_table(_table_key(tree.this), line=self.line, what="ALTER TABLE")
        if table is None:
            return
        for action in tree.args.get("actions") or ():
            if isinstance(action, exp.AddConstraint):
                for constraint in action.expressions:
                    self._table_constraint(table, constraint, None)
            elif isinstance(action, exp.ColumnDef):
                self._column(table, action, None)
            else:
                self.builder.skipped(f"ALTER TABLE {type(action).__name__}", self.line)


def _covered(table: TableDraft, columns: list[str]) -> bool:
    """A key or index of the table starts with these columns (MySQL uses it for a foreign key)."""
    keys = [table.primary_key, *(c for c, _ in table.uniques)]
    keys += [[c for c, _, _ in index.keys] for index in table.indexes]
    return any(list(key[: len(columns)]) == list(columns) for key in keys)


def _numbered(name: str | None, prefix: str) -> bool:
    return bool(name) and name.lower().startswith(prefix) and name[len(prefix) :].isdigit()


def _without_collation(node):
    """SQLite's ``name COLLATE NOCASE`` key: the column (its collation is a key option)."""
    return node.this if _key_collation(node) else node


def _key_collation(node) -> str | None:
    if isinstance(node, exp.Collate) and isinstance(node.this, exp.Column | exp.Identifier):
        name = node.expression.this if isinstance(node.expression.this, str) else node.expression.name
        return name.strip('"`') or None
    return None


def _prefix_length(node) -> int | None:
    """``name(191)``: the length of a prefix key (sqlglot reads it as a prefix, or as a call
    with one number); None for anything else."""
    if isinstance(node, exp.ColumnPrefix) and isinstance(node.expression, exp.Literal):
        length = node.expression.name
    elif (
        isinstance(node, exp.Anonymous)
        and len(node.expressions) == 1
        and isinstance(node.expressions[0], exp.Literal)
        and not node.expressions[0].is_string
    ):
        length = node.expressions[0].name
    else:
        return None
    return int(length) if length.isdigit() and int(length) > 0 else None


def _predicate(source: str, where, glot: str) -> str | None:
    if where is None:
        return None
    found = list(_WHERE.finditer(source))
    return unwrap(source[found[-1].end() :].strip()) if found else where.this.sql(glot)


_OBJECT_WORDS = frozenset({"VIEW", "TRIGGER", "VIRTUAL"})
# What FTS3/4/5 and R*Tree virtual tables keep their rows in (sqlite.org/fts5.html, fts3.html, rtree.html).
_SHADOW_SUFFIXES = (
    "data",
    "idx",
    "content",
    "docsize",
    "config",
    "segments",
    "segdir",
    "stat",
    "node",
    "parent",
    "rowid",
)


def _shadow_names(virtual: str) -> set[str]:
    return {f"{virtual}_{suffix}".lower() for suffix in _SHADOW_SUFFIXES}


def _object_kind(tokens, dialect: str) -> ObjectKind | None:
    """CREATE [TEMP] VIEW / TRIGGER / VIRTUAL TABLE (and MySQL's ALGORITHM=… DEFINER=…
    before VIEW): the objects kept as written."""
    if not tokens or tokens[0].text.upper() != "CREATE":
        return None
    for token in tokens[1:20]:  # past ALGORITHM=… DEFINER=`u`@`h` SQL SECURITY …
        word = token.text.upper()
        if word in ("TABLE", "INDEX", "AS", "ON", "USING", "(") or token.token_type is TokenType.L_PAREN:
            return None
        if word == "VIEW":
            return ObjectKind.VIEW
        if word == "TRIGGER":
            return ObjectKind.TRIGGER
        if word == "VIRTUAL" and dialect == SQLITE:
            return ObjectKind.VIRTUAL_TABLE
    return None


def _with_trigger_bodies(statements):
    """A trigger's BEGIN … END holds statements of its own: the trigger is everything up
    to the END that closes it, as one statement."""
    pending: list = []
    for statement in statements:
        if not pending and _object_kind(statement, SQLITE) is not ObjectKind.TRIGGER:
            yield statement
            continue
        pending += statement
        words = [t.text.upper() for t in pending if t.token_type is not TokenType.SEMICOLON]
        if "BEGIN" not in words or words[-1] == "END":
            yield pending
            pending = []
    if pending:
        yield pending


def _statements(tokens):
    current = []
    for token in tokens:
        current.append(token)
        if token.token_type is TokenType.SEMICOLON:
            yield current
            current = []
    if current:
        yield current


def _column_items(text: str, tokens) -> dict[str, tuple[str, int, int]]:
    """Each column definition of a CREATE TABLE, by column name: (its text, where its type
    starts in that text, its line). Read from the tokens, so quoting and nesting are sqlglot's."""
    items, depth, current = {}, 0, []
    start = next((i for i, t in enumerate(tokens) if t.token_type is TokenType.L_PAREN), None)
    if start is None:
        return items
    for token in tokens[start + 1 :]:
        if token.token_type is TokenType.L_PAREN:
            depth += 1
        elif token.token_type is TokenType.R_PAREN:
            if depth == 0:
                _add_item(text, current, items)
                break
            depth -= 1
        elif token.token_type is TokenType.COMMA and depth == 0:
            _add_item(text, current, items)
            current = []
            continue
        current.append(token)
    return items


def _add_item(text: str, tokens, items: dict) -> None:
    if len(tokens) < 1:
        return
    first = tokens[0]
    item_text = text[first.start : tokens[-1].end + 1]
    quoted = first.token_type is TokenType.IDENTIFIER
    if not quoted and first.text.lower() in _NOT_COLUMNS:
        if first.text.lower() == "constraint" and len(tokens) > 1:
            items[("constraint", tokens[1].text)] = (item_text, 0, first.line)
        return
    type_at = tokens[1].start - first.start if len(tokens) > 1 else len(item_text)
    items[first.text] = (item_text, type_at, first.line)


def _constraint_item_key(element):
    return ("constraint", element.name) if isinstance(element, exp.Constraint) else None


def _default(node, written: str | None, glot: str) -> Default:
    if isinstance(node, exp.Null):
        return Default(DefaultKind.LITERAL, "null")
    if isinstance(node, exp.Boolean):
        return Default(DefaultKind.LITERAL, "true" if node.this else "false")
    if isinstance(node, exp.Literal) and node.is_string:
        return Default(DefaultKind.LITERAL, "'" + node.this.replace("'", "''") + "'")
    if isinstance(node, exp.Literal) or (isinstance(node, exp.Neg) and isinstance(node.this, exp.Literal)):
        return Default(DefaultKind.LITERAL, node.sql(glot))
    # MySQL 8 wants expression defaults in parentheses: the expression is what is inside.
    return Default(DefaultKind.EXPRESSION, unwrap(written) if written else node.sql(glot))


def _name(node) -> str:
    return node.name


def _table_key(table) -> tuple[str | None, str]:
    namespace = table.args.get("db")
    return (namespace.name if namespace is not None else None), table.name
