import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cachePathOf, hashOf } from '../../src/read/data-cache.js';
import { ROOT, cli, tempDir } from '../helpers.js';

describe('the build-time cache of the package data', () => {
  it('covers the package scales and locales only', () => {
    expect(cachePathOf(join(ROOT, 'scales', 'ips-25.yaml'))).toMatch(/data\/scales\/ips-25\.yaml\.json$/);
    expect(cachePathOf(join(ROOT, 'locales', 'fr.yaml'))).toMatch(/data\/locales\/fr\.yaml\.json$/);
    expect(cachePathOf(join(ROOT, 'fixtures', 'reviews', 'riverside-2026.yaml'))).toBeNull();
    expect(cachePathOf('/elsewhere/my-grid.yaml')).toBeNull();
  });
  it('the built cache holds exactly the YAML it was made from, keyed by its hash', () => {
    for (const f of ['scales/ips-25.yaml', 'scales/contracts.yaml', 'locales/en.yaml']) {
      const bytes = readFileSync(join(ROOT, f));
      const entry = JSON.parse(readFileSync(join(ROOT, 'dist', 'data', `${f}.json`), 'utf8'));
      expect(entry.sha1).toBe(hashOf(bytes));
      expect(entry.data).toEqual(parse(bytes.toString('utf8')));
    }
  });
  it('an edited package file no longer matches its cache and is read as YAML again', async () => {
    const built = (await import(join(ROOT, 'dist', 'read', 'data-cache.js'))) as typeof import('../../src/read/data-cache.js');
    const file = join(ROOT, 'scales', 'ips-25.yaml');
    const bytes = readFileSync(file);
    expect(built.cachedYaml(file, bytes)).toEqual(parse(bytes.toString('utf8')));
    const edited = Buffer.from(bytes.toString('utf8').replace('{ max: 20, score: 5 }', '{ max: 18, score: 5 }'));
    expect(built.cachedYaml(file, edited)).toBeUndefined();
  });
  it('a copy of the scale with an edited threshold is read as YAML, not from the cache', () => {
    const dir = tempDir();
    const edited = readFileSync(join(ROOT, 'scales', 'ips-25.yaml'), 'utf8').replace('{ max: 20, score: 5 }', '{ max: 18, score: 5 }');
    const file = join(dir, 'ips-25-edited.yaml');
    writeFileSync(file, edited);
    const review = join(dir, 'r.yaml');
    writeFileSync(review, 'program: {name: P}\nreview: {date: 2026-01-01}\nitems: {S1: {value: 19}}\n');
    const out = JSON.parse(cli(['score', review, '--scale', file, '--format', 'json']).stdout).reviews[0];
    expect(out.items[0]).toMatchObject({ code: 'S1', score: 4 });
  });
  it('the built-in scales are checked at build time: the cached value is what zod gives', async () => {
    const { checkBuiltinFile, BUILTIN_FILES } = await import('../../src/read/data-files.js');
    for (const id of Object.keys(BUILTIN_FILES)) {
      const file = join(ROOT, 'scales', `${id}.yaml`);
      const entry = JSON.parse(readFileSync(join(ROOT, 'dist', 'data', 'scales', `${id}.yaml.checked.json`), 'utf8'));
      expect(entry.sha1).toBe(hashOf(readFileSync(file)));
      expect(entry).toMatchObject(checkBuiltinFile(id));
    }
  });
  it('a user scale that breaks the schema still gets the zod message at its line', () => {
    const dir = tempDir();
    const file = join(dir, 'my-grid.yaml');
    writeFileSync(file, readFileSync(join(ROOT, 'scales', 'ips-25.yaml'), 'utf8').replace('{ max: 20, score: 5 }', '{ max: "twenty", score: 5 }'));
    const r = cli(['score', join(ROOT, 'fixtures', 'reviews', 'riverside-2026.yaml'), '--scale', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/my-grid\.yaml:\d+:\d+: error: items\.0\.rules\.0\.max: Invalid input: expected number, received string/);
  });
  it('an edited built-in scale no longer matches its checked value, which has the right kind only', async () => {
    const built = (await import(join(ROOT, 'dist', 'read', 'data-cache.js'))) as typeof import('../../src/read/data-cache.js');
    const file = join(ROOT, 'scales', 'ips-25.yaml');
    const bytes = readFileSync(file);
    expect(built.checkedData(file, bytes, 'scale')).toMatchObject({ id: 'ips-25' });
    expect(built.checkedData(file, bytes, 'framework')).toBeUndefined();
    expect(
      built.checkedData(file, Buffer.from(bytes.toString('utf8').replace('{ max: 20, score: 5 }', '{ max: 18, score: 5 }')), 'scale'),
    ).toBeUndefined();
  });
});
