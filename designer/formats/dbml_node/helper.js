// The DBML reference parser (@dbml/core) as a long-lived helper for
// designer/formats/dbml_reader.py. Protocol: one JSON request per line on stdin
// ({"id": n, "text": "..."}), one JSON answer per line on stdout carrying the same id:
//   {"id": n, "ok": true, "reading": {...}}  or  {"id": n, "ok": false, "errors": [{"message", "line", "column"}]}
// The id lets the Python side drop a late reply to a request it gave up on.
// The reading is the parser's normalized model, flattened into plain lists in source
// order, with the line of each object so the Python side can point at it.
'use strict';
const readline = require('readline');
const { Parser } = require('@dbml/core');

const lineOf = (token) => (token && token.start ? token.start.line : null);

function rawObjects(db) {
  // The normalized model drops source positions; the raw one keeps them by the same ids.
  const raw = { tables: {}, indexes: {}, fields: {}, refs: {}, enums: {}, groups: {} };
  for (const schema of db.schemas) {
    for (const table of schema.tables) {
      raw.tables[table.id] = table;
      for (const field of table.fields) raw.fields[field.id] = field;
      for (const index of table.indexes) raw.indexes[index.id] = index;
    }
    for (const ref of schema.refs) raw.refs[ref.id] = ref;
    for (const e of schema.enums) raw.enums[e.id] = e;
    for (const g of schema.tableGroups) raw.groups[g.id] = g;
  }
  return raw;
}

function indexColumns(n, raw, index) {
  // The parser lists expression keys before column keys; the source order is the key order.
  const rawIndex = raw.indexes[index.id];
  if (rawIndex && rawIndex.columns.every((c) => c.token)) {
    return [...rawIndex.columns]
      .sort((a, b) => a.token.start.offset - b.token.start.offset)
      .map((c) => [c.type, c.value]);
  }
  return index.columnIds.map((id) => [n.indexColumns[id].type, n.indexColumns[id].value]);
}

function reading(db) {
  const n = db.normalize();
  const raw = rawObjects(db);
  const schemaName = (id) => (id ? n.schemas[id].name : null);
  const check = (id) => ({ expression: n.checks[id].expression, name: n.checks[id].name || null });
  const tables = Object.values(n.tables).map((t) => ({
    schema: schemaName(t.schemaId),
    name: t.name,
    note: t.note || null,
    color: t.headerColor || null,
    line: lineOf(raw.tables[t.id] && raw.tables[t.id].token),
    records: (t.recordIds || []).reduce((rows, id) => rows + n.records[id].values.length, 0),
    checks: (t.checkIds || []).map(check),
    fields: t.fieldIds.map((id) => {
      const f = n.fields[id];
      return {
        name: f.name,
        type_schema: f.type.schemaName || null,
        type_name: f.type.type_name,
        enum: f.enumId ? { schema: schemaName(n.enums[f.enumId].schemaId), name: n.enums[f.enumId].name } : null,
        pk: !!f.pk,
        unique: !!f.unique,
        not_null: !!f.not_null,
        increment: !!f.increment,
        default: f.dbdefault ? [f.dbdefault.type, String(f.dbdefault.value)] : null,
        note: f.note || null,
        checks: (f.checkIds || []).map(check),
        line: lineOf(raw.fields[id] && raw.fields[id].token),
      };
    }),
    indexes: t.indexIds.map((id) => {
      const ix = n.indexes[id];
      return {
        cols: indexColumns(n, raw, ix),
        pk: !!ix.pk,
        unique: !!ix.unique,
        type: ix.type || null,
        name: ix.name || null,
        note: ix.note || null,
        line: lineOf(raw.indexes[id] && raw.indexes[id].token),
      };
    }),
  }));
  const refs = Object.values(n.refs).map((r) => ({
    name: r.name || null,
    color: r.color || null,
    onDelete: r.onDelete ? r.onDelete.toLowerCase() : null,
    onUpdate: r.onUpdate ? r.onUpdate.toLowerCase() : null,
    line: lineOf(raw.refs[r.id] && raw.refs[r.id].token),
    endpoints: r.endpointIds.map((id) => {
      const e = n.endpoints[id];
      return { schema: e.schemaName || null, table: e.tableName, fields: e.fieldNames, relation: e.relation };
    }),
  }));
  const enums = Object.values(n.enums).map((e) => ({
    schema: schemaName(e.schemaId),
    name: e.name,
    note: e.note || null,
    values: e.valueIds.map((id) => ({ name: n.enumValues[id].name, note: n.enumValues[id].note || null })),
  }));
  const groups = Object.values(n.tableGroups).map((g) => ({
    schema: schemaName(g.schemaId),
    name: g.name,
    color: g.color || null,
    note: g.note || null,
    tables: g.tableIds.map((id) => ({ schema: schemaName(n.tables[id].schemaId), name: n.tables[id].name })),
  }));
  const notes = Object.values(n.notes).map((s) => ({ name: s.name, content: s.content }));
  return {
    project: { name: db.name || null, database_type: db.databaseType || null, note: db.note || null },
    tables, refs, enums, groups, notes,
    partials: Object.keys(n.tablePartials || {}).length,
  };
}

function errors(error) {
  if (error && Array.isArray(error.diags)) {
    return error.diags.map((d) => ({
      message: d.message,
      line: d.location ? d.location.start.line : null,
      column: d.location ? d.location.start.column : null,
    }));
  }
  return [{ message: String((error && error.message) || error).split('\n')[0], line: null, column: null }];
}

function answer(request) {
  try {
    const db = new Parser().parse(request.text, 'dbmlv2');
    return { ok: true, reading: reading(db) };
  } catch (error) {
    return { ok: false, errors: errors(error) };
  }
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
lines.on('line', (line) => {
  let reply;
  let id = null;
  try {
    const request = JSON.parse(line);
    id = request.id;
    reply = answer(request);
  } catch (error) {
    reply = { ok: false, errors: [{ message: `helper failure: ${error && error.message}`, line: null, column: null }] };
  }
  process.stdout.write(JSON.stringify({ id, ...reply }) + '\n');
});
process.stdout.write(JSON.stringify({ ready: true }) + '\n');
