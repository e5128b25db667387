import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';

const keys = (t: unknown, prefix = ''): string[] =>
  typeof t === 'object' && t !== null ? Object.entries(t).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)) : [prefix];
const load = (lang: string) => parse(readFileSync(join(ROOT, 'locales', `${lang}.yaml`), 'utf8'));
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|, *plural,)/g)].map((m) => m[1]))].sort();

describe('locale files', () => {
  const en = load('en');
  const fr = load('fr');
  it('French has every English key and no other', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });
  it('each French string uses the same placeholders as the English one', () => {
    const get = (t: any, k: string) => k.split('.').reduce((n, p) => n[p], t);
    for (const k of keys(en)) expect(placeholders(String(get(fr, k))), k).toEqual(placeholders(String(get(en, k))));
  });
  it('every message key used in the source exists in the English file', () => {
    const files = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const sources = files('src');
    expect(sources.length).toBeGreaterThan(40);
    const all = new Set(keys(en));
    const missing: string[] = [];
    for (const f of sources) {
      const src = readFileSync(join(ROOT, f), 'utf8');
      // m.t('key'), t('key') and problem keys ({ key: 'a.b' }, .error(at, 'x'), .warn(at, 'x')) under problem.
      for (const [, k] of src.matchAll(/\bt\('([a-zA-Z][\w.]*)'/g)) if (!all.has(k!)) missing.push(`${f}: ${k}`);
      const problemKeys = [
        ...src.matchAll(/\bkey: '([a-zA-Z]\w*\.[\w.]+)'/g),
        ...src.matchAll(/\.(?:error|warn)\((?:\{[^{}]*\}|\w+), '([a-zA-Z][\w.]*)'/g),
      ].map((m) => m[1]!);
      for (const k of problemKeys) if (!all.has(`problem.${k}`) && !all.has(k)) missing.push(`${f}: problem.${k}`);
    }
    expect(missing).toEqual([]);
  });
});
