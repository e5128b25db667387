// Build step: caches scales/*.yaml and locales/*.yaml as JSON in dist/data, keyed by content hash
// (see src/read/data-cache.ts). The YAML files stay the source of truth.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { hashOf } from '../dist/read/data-cache.js';

for (const dir of ['scales', 'locales']) {
  mkdirSync(new URL(`../dist/data/${dir}/`, import.meta.url), { recursive: true });
  for (const f of readdirSync(new URL(`../${dir}/`, import.meta.url)).filter((x) => /\.ya?ml$/.test(x))) {
    const bytes = readFileSync(new URL(`../${dir}/${f}`, import.meta.url));
    writeFileSync(new URL(`../dist/data/${dir}/${f}.json`, import.meta.url), JSON.stringify({ sha1: hashOf(bytes), data: parse(bytes.toString('utf8')) }));
  }
}
