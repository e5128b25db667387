// Build step: writes schema/NAME.schema.json for every zod contract src/contract/NAME-json.ts
// (its exported `…JsonSchema()`), so that the shipped JSON Schemas never lag the JSON the commands write.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const contracts = new URL('../dist/contract/', import.meta.url);
const schemas = [];
for (const file of readdirSync(contracts).filter((f) => f.endsWith('-json.js')).sort()) {
  const module = await import(new URL(file, contracts).href);
  const make = Object.entries(module).find(([key, value]) => key.endsWith('JsonSchema') && typeof value === 'function');
  if (make) schemas.push([file.replace(/-json\.js$/, ''), make[1]()]);
}

for (const [name, schema] of schemas) {
  const file = new URL(`../schema/${name}.schema.json`, import.meta.url);
  const text = JSON.stringify(schema, null, 2) + '\n';
  let old = null;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    // no schema file yet: it is written below
  }
  // Written only when it changes: a build leaves an unchanged file (and its time stamp) alone.
  if (old !== text) {
    mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
    writeFileSync(file, text);
  }
}
