// User-facing strings come from locales/<lang>.yaml; numbers and dates are formatted per language.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cachedYaml } from '../read/data-cache.js';
import { formatNumber, NUMBER_STYLES } from './number.js';

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

export const LOCALE_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

type Tree = { [k: string]: string | Tree };
const cache = new Map<string, Tree>();

function tree(lang: string): Tree {
  let t = cache.get(lang);
  if (!t) {
    const file = `${LOCALE_DIR}${lang}.yaml`;
    const bytes = readFileSync(file);
    // The yaml package only when the build's JSON cache does not match (an edited locale file).
    t = (cachedYaml(file, bytes) ?? (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(bytes.toString('utf8'))) as Tree;
    cache.set(lang, t);
  }
  return t;
}

function lookup(t: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = t;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export interface Messages {
  lang: Lang;
  /** The message for `key`, with `{name}` placeholders filled; English when the language lacks it. */
  t(key: string, params?: Record<string, string | number>): string;
  has(key: string): boolean;
  /** A number with the language's decimal mark (and thousands separator). */
  num(n: number, decimals?: number): string;
  /** A fraction (0.545) as a percentage with one decimal (54.5 %). */
  pct(fraction: number, decimals?: number): string;
}

/** Number parameters that are labels (places in a file, years), written without a thousands separator. */
const UNGROUPED = new Set(['line', 'column', 'row', 'year', 'y', 'page', 'epoch']);

export function messages(lang: Lang): Messages {
  const own = tree(lang);
  const en = tree('en');
  // As Intl.NumberFormat('fr-FR' or 'en-GB') formats them (see number.ts).
  const style = NUMBER_STYLES[lang];
  const nf = (d: number) => ({ format: (n: number) => formatNumber(n, style, { min: d, max: d, grouping: true }) });
  /** Numbers inside messages: the language's decimal mark, at most two decimals, thousands grouped as everywhere else. */
  const plain = { format: (n: number) => formatNumber(n, style, { min: 0, max: 2, grouping: true }) };
  const m: Messages = {
    lang,
    t(key, params = {}) {
      const s = plurals(lookup(own, key) ?? lookup(en, key) ?? key, lang, params);
      return s.replace(/\{(\w+)\}/g, (all, name: string) => {
        if (!(name in params)) return all;
        const v = params[name];
        // A place (line, column, row) or a year is a label, not a quantity: never grouped.
        if (typeof v === 'number') return UNGROUPED.has(name) ? String(v) : plain.format(v);
        // ISO dates read in the language's date format; the value as typed is shown as typed.
        const d = name !== 'value' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v!) : null;
        return d ? m.t('format.date', { y: d[1]!, m: d[2]!, d: d[3]! }) : String(v);
      });
    },
    has: (key) => lookup(own, key) !== undefined || lookup(en, key) !== undefined,
    num: (n, decimals) => nf(decimals ?? (Number.isInteger(n) ? 0 : 2)).format(n),
    pct: (fraction, decimals = 1) => m.t('format.percent', { n: nf(decimals).format(fraction * 100) }),
  };
  return m;
}

/**
 * ICU-style plural choices, `{n, plural, one {# day} other {# days}}`: the form the language's rules
 * (Intl.PluralRules) pick for the number `n`, with `#` replaced by `{n}` (filled in like any placeholder).
 * Left as written when `n` is not a number given.
 */
export function plurals(s: string, lang: string, params: Record<string, string | number>): string {
  let out = '';
  let at = 0;
  for (let m: RegExpExecArray | null; (m = /\{(\w+), *plural, */g.exec(s.slice(at)));) {
    const start = at + m.index;
    const forms = new Map<string, string>();
    let i = start + m[0].length;
    for (;;) {
      const head = /^ *(=?\w+) *\{/.exec(s.slice(i));
      if (!head) break;
      let depth = 1;
      let j = i + head[0].length;
      for (; j < s.length && depth > 0; j++) depth += s[j] === '{' ? 1 : s[j] === '}' ? -1 : 0;
      forms.set(head[1]!, s.slice(i + head[0].length, j - 1));
      i = j;
    }
    const close = s.indexOf('}', i);
    const v = params[m[1]!];
    if (close < 0 || typeof v !== 'number') {
      out += s.slice(at, start + m[0].length);
      at = start + m[0].length;
      continue;
    }
    const form = forms.get(`=${v}`) ?? forms.get(new Intl.PluralRules(lang).select(v)) ?? forms.get('other') ?? '';
    out += s.slice(at, start) + form.replace(/#/g, `{${m[1]}}`);
    at = close + 1;
  }
  return out + s.slice(at);
}

/** The output language: explicit option, else the data's language, else LANG, else English. */
export function chooseLang(option: string | undefined, dataLang: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  for (const c of [option, dataLang]) if (c && (LANGS as readonly string[]).includes(c)) return c as Lang;
  const envLang = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  return envLang.startsWith('fr') ? 'fr' : 'en';
}
