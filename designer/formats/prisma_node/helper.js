// Prisma's own schema parser (@prisma/prisma-schema-wasm, the prisma-fmt build the CLI
// uses) as a long-lived helper for designer/formats/prisma_reader.py. Runs offline.
// Protocol: one JSON request per line on stdin, one JSON answer per line on stdout
// carrying the request's id (designer/formats/node_helper.py drops late replies by it):
//   {"id": n, "text": "..."} → {"id": n, "ok": true, "reading": {"datamodel", "datasources"}}
//                              or {"id": n, "ok": false, "errors": [{"message", "line"}]}
'use strict';
const readline = require('readline');
const wasm = require('@prisma/prisma-schema-wasm');

// Prisma's messages read "error: <message>\n  -->  schema.prisma:<line>".
const ERROR = /error: ([^\n]*)\n\s*-->\s*[^\n]*?:(\d+)/g;

function errors(error) {
  let text = String((error && error.message) || error);
  try {
    text = JSON.parse(text).message || text;
  } catch (_) {
    // not JSON: the plain message
  }
  const found = [...text.matchAll(ERROR)].map((m) => ({ message: m[1], line: Number(m[2]) }));
  return found.length ? found : [{ message: text.split('\n')[0], line: null }];
}

function answer(request) {
  const params = JSON.stringify({ prismaSchema: request.text, noColor: true });
  try {
    wasm.validate(params);
    const datamodel = JSON.parse(wasm.get_datamodel(params));
    const config = JSON.parse(wasm.get_config(JSON.stringify({ prismaSchema: request.text, datasourceOverrides: {}, ignoreEnvVarErrors: true, env: {} })));
    const datasources = (config.config && config.config.datasources) || [];
    return { ok: true, reading: { datamodel, datasources: datasources.map((d) => ({ provider: d.activeProvider || d.provider, schemas: d.schemas || [] })) } };
  } catch (error) {
    return { ok: false, errors: errors(error) };
  }
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
lines.on('line', (line) => {
  let id = null;
  let reply;
  try {
    const request = JSON.parse(line);
    id = request.id;
    reply = answer(request);
  } catch (error) {
    reply = { ok: false, errors: [{ message: `helper failure: ${error && error.message}`, line: null }] };
  }
  process.stdout.write(JSON.stringify({ id, ...reply }) + '\n');
});
process.stdout.write(JSON.stringify({ ready: true }) + '\n');
