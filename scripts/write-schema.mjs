// Writes schema/score.schema.json from the zod contract (run after `npm run build`).
import { writeFileSync, mkdirSync } from 'node:fs';
import { scoreJsonSchema } from '../dist/contract/score-json.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/score.schema.json', import.meta.url), JSON.stringify(scoreJsonSchema(), null, 2) + '\n');
console.log('wrote schema/score.schema.json');
