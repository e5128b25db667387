// Build step: caches scales/*.yaml and locales/*.yaml as JSON in dist/data, keyed by content hash
// (see src/read/data-cache.ts). The YAML files stay the source of truth.
// The built-in scales, frameworks and contract table are read as a user's file would be (zod
// schema and checks); a problem fails the build, and the checked value is cached for start-up.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { cachePathOf, checkedPathOf, hashOf } from '../dist/read/data-cache.js';
import { BUILTIN_DIR, BUILTIN_FILES, checkBuiltinFile } from '../dist/read/data-files.js';
import { InputError } from '../dist/shared/problems.js';

for (const dir of ['scales', 'locales']) {
  mkdirSync(new URL(`../dist/data/${dir}/`, import.meta.url), { recursive: true });
  for (const f of readdirSync(new URL(`../${dir}/`, import.meta.url)).filter((x) => /\.ya?ml$/.test(x))) {
    const bytes = readFileSync(new URL(`../${dir}/${f}`, import.meta.url));
    writeFileSync(
      new URL(`../dist/data/${dir}/${f}.json`, import.meta.url),
      JSON.stringify({ sha1: hashOf(bytes), data: parse(bytes.toString('utf8')) }),
    );
  }
}

let failed = false;
for (const id of Object.keys(BUILTIN_FILES)) {
  const file = `${BUILTIN_DIR}${id}.yaml`;
  try {
    const { kind, value } = checkBuiltinFile(id);
    // The value is used as read from JSON: it must survive the round trip unchanged.
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) throw new Error(`${file}: the checked value does not survive JSON`);
    writeFileSync(checkedPathOf(cachePathOf(file)), JSON.stringify({ sha1: hashOf(readFileSync(file)), kind, value }));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    failed = true;
    for (const p of e.problems)
      console.error(`${p.file}:${p.line ?? ''}:${p.column ?? ''}: ${p.severity}: ${p.key} ${JSON.stringify(p.params ?? {})}`);
  }
}
if (failed) {
  console.error('compile-data: the built-in data files above have problems');
  process.exit(1);
}
