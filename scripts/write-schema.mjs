// Build step: writes schema/score.schema.json from the zod contract (src/contract/score-json.ts),
// so that the shipped JSON Schema never lags the JSON that `score --format json` writes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { scoreJsonSchema } from '../dist/contract/score-json.js';

const file = new URL('../schema/score.schema.json', import.meta.url);
const text = JSON.stringify(scoreJsonSchema(), null, 2) + '\n';
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
