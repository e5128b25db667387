import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';

const keys = (t: unknown, prefix = ''): string[] =>
  typeof t === 'object' && t !== null ? Object.entries(t).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)) : [prefix];
const load = (lang: string) => parse(readFileSync(join(ROOT, 'locales', `${lang}.yaml`), 'utf8'));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
    const src = ['src/cli/commands/score.ts', 'src/render/score-view.ts', 'src/render/outcomes-view.ts', 'src/render/evidence.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    const used = [...src.matchAll(/m\.t\('([a-zA-Z.]+)'/g)].map((m) => m[1]!);
    const all = new Set(keys(en));
    for (const k of used) expect(all.has(k), k).toBe(true);
  });
});
