// A loaded fidelity scale: its items, how names map to them, and the semantic rules a file must follow.
import type { Band, Item, PrincipleFramework, Rule, ScaleFile } from './schema.js';
import { normalizeName } from '../shared/values.js';

export interface Scale extends ScaleFile {
  /** Path of the file it was loaded from, or `builtin:ID`. */
  source: string;
  maxTotal: number;
  minTotal: number;
}

/** A problem found in a scale or framework file: where (a path into the file) and what. */
export interface DataIssue {
  path: (string | number)[];
  key: string;
  params?: Record<string, string | number>;
  severity?: 'error' | 'warning';
}

export function scaleScores(scale: Pick<ScaleFile, 'scoreRange'>): number[] {
  const out: number[] = [];
  for (let s = scale.scoreRange.min; s <= scale.scoreRange.max; s++) out.push(s);
  return out;
}

function hasCondition(r: Rule): boolean {
  return r.min !== undefined || r.max !== undefined || r.above !== undefined || r.below !== undefined;
}

/** The invariants zod cannot express: unique ids, complete anchors, rule and element tables. */
export function checkScale(file: ScaleFile): DataIssue[] {
  const issues: DataIssue[] = [];
  const scores = scaleScores(file);
  const inRange = (s: number) => s >= file.scoreRange.min && s <= file.scoreRange.max;
  const seen = new Map<string, string>();
  const sections = new Set(file.sections.map((s) => s.id));
  file.items.forEach((item, i) => {
    const at = (...p: (string | number)[]) => ['items', i, ...p];
    for (const [what, key] of [
      ['id', item.id],
      ['code', item.code],
    ] as const) {
      const k = normalizeName(key);
      if (seen.has(k)) issues.push({ path: at(what), key: 'scale.duplicate', params: { what, value: key } });
      seen.set(k, item.id);
    }
    if (!sections.has(item.section)) issues.push({ path: at('section'), key: 'scale.unknownSection', params: { value: item.section } });
    for (const s of scores) {
      if (!item.anchors[String(s)]) issues.push({ path: at('anchors'), key: 'scale.missingAnchor', params: { item: item.code, score: s } });
    }
    const numeric = ['ratio', 'percent', 'days', 'count'].includes(item.kind);
    if (numeric) {
      const rules = item.rules ?? [];
      if (rules.length === 0) issues.push({ path: at('kind'), key: 'scale.rulesMissing', params: { item: item.code } });
      else if (hasCondition(rules[rules.length - 1]!)) issues.push({ path: at('rules'), key: 'scale.rulesOpen', params: { item: item.code } });
      rules.forEach((r, j) => {
        if (!inRange(r.score)) issues.push({ path: at('rules', j, 'score'), key: 'scale.scoreRange', params: { score: r.score } });
      });
    }
    if (item.kind === 'elements') {
      const n = item.elements?.length ?? 0;
      if (n === 0) issues.push({ path: at('kind'), key: 'scale.elementsMissing', params: { item: item.code } });
      const table = item.elementScores ?? [];
      if (table.length !== n + 1)
        issues.push({ path: at('elementScores'), key: 'scale.elementTable', params: { item: item.code, expected: n + 1, actual: table.length } });
      table.forEach((s, j) => {
        if (s !== null && !inRange(s)) issues.push({ path: at('elementScores', j), key: 'scale.scoreRange', params: { score: s } });
      });
    }
  });
  // Interview roles of the toolkits: known roles of this scale (a scale taking its toolkit from another gets that scale's roles too).
  const roles = new Set(file.roles.map((r) => r.id));
  file.items.forEach((item, i) => {
    item.toolkit?.interviews.forEach((iv, j) => {
      if (!roles.has(iv.role) && !file.toolkitFrom)
        issues.push({
          path: ['items', i, 'toolkit', 'interviews', j, 'role'],
          key: 'policy.problem.unknownRole',
          params: { role: iv.role, roles: [...roles].join(', ') || '—' },
        });
    });
  });
  let previous = Infinity;
  file.bands.forEach((b, i) => {
    if (b.min >= previous) issues.push({ path: ['bands', i, 'min'], key: 'scale.bandOrder', params: { band: b.id } });
    previous = b.min;
  });
  return issues;
}

/** Checks a principle framework against a scale: duplicates are errors, unmapped items warnings. */
export function checkFramework(framework: PrincipleFramework, scale: Scale): DataIssue[] {
  const issues: DataIssue[] = [];
  const where = new Map<string, string>();
  framework.principles.forEach((p, i) => {
    p.items.forEach((id, j) => {
      if (where.has(id))
        issues.push({ path: ['principles', i, 'items', j], key: 'principles.duplicate', params: { item: id, principle: where.get(id)! } });
      where.set(id, p.id);
    });
  });
  for (const item of scale.items) {
    if (!where.has(item.id))
      issues.push({ path: ['principles'], key: 'principles.unmapped', params: { item: `${item.code} ${item.id}` }, severity: 'warning' });
  }
  return issues;
}

export function toScale(file: ScaleFile, source: string): Scale {
  const max = file.items.length * file.scoreRange.max;
  const min = file.items.length * file.scoreRange.min;
  return { ...file, source, maxTotal: max, minTotal: min };
}

/** Find an item by id, code, or name in any language (case, accents and spacing ignored). */
export function findItem(scale: ScaleFile, name: string): Item | undefined {
  const key = normalizeName(name);
  return scale.items.find(
    (it) => normalizeName(it.id) === key || normalizeName(it.code) === key || Object.values(it.name).some((n) => normalizeName(n) === key),
  );
}

/** The band a complete total falls in: the first (highest) band whose minimum it reaches. */
export function bandOf(scale: ScaleFile, total: number): Band {
  return scale.bands.find((b) => total >= b.min) ?? scale.bands[scale.bands.length - 1]!;
}

/** Text in the wanted language, else English. */
export function localize(text: { en: string; [lang: string]: string } | string | undefined, lang: string): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en;
}
