// TypeORM's synchronize for each compiled entities.js, each into its own (empty) PostgreSQL
// database: argv[2] is JSON [[entitiesFile, url], ...]. Prints JSON {url: null | error}.
"use strict";
require("reflect-metadata");
const { DataSource } = require("typeorm");

async function one(file, url) {
  const entities = Object.values(require(file)).filter((value) => typeof value === "function");
  const source = new DataSource({
    type: "postgres",
    url,
    entities,
    logging: false,
  });
  await source.initialize();
  try {
    await source.synchronize();
  } finally {
    await source.destroy();
  }
}

(async () => {
  const out = {};
  for (const [file, url] of JSON.parse(process.argv[2])) {
    try {
      await one(file, url);
      out[url] = null;
    } catch (error) {
      out[url] = String((error && error.message) || error);
    }
  }
  process.stdout.write(JSON.stringify(out));
})();
