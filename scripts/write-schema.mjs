// Build step: writes schema/score.schema.json and schema/plan.schema.json from the zod contracts
// (src/contract/*.ts), so that the shipped JSON Schemas never lag the JSON the commands write.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { scoreJsonSchema } from '../dist/contract/score-json.js';
import { planJsonSchema } from '../dist/contract/plan-json.js';

for (const [name, schema] of [
  ['score', scoreJsonSchema()],
  ['plan', planJsonSchema()],
]) {
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
