// Build step: writes schema/NAME.schema.json for every command's JSON from its zod contract (src/contract/),
// so that the shipped JSON Schemas never lag the JSON the commands write.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { CONTRACTS, jsonSchemaOf } from '../dist/contract/index.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
for (const name of Object.keys(CONTRACTS)) {
  const file = new URL(`../schema/${name}.schema.json`, import.meta.url);
  const text = JSON.stringify(jsonSchemaOf(name), null, 2) + '\n';
  let old = null;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    // no schema file yet: it is written below
  }
  // Written only when it changes: a build leaves an unchanged file (and its time stamp) alone.
  if (old !== text) writeFileSync(file, text);
}
