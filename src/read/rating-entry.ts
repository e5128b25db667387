// One item's raw input (from YAML or a table row) checked against the scale and turned into an ItemRating.
import type { Item } from '../scale/schema.js';
import { scoreElements } from '../core/score-item.js';
import type { ItemRating, Observation, SpecialistRating } from '../core/review.js';
import type { Scale } from '../scale/scale.js';
import type { Place, ProblemList } from '../shared/problems.js';
import { todayIso } from './clock.js';
import { normalizeName, parseBoolean, parseDate, parseNumber } from '../shared/values.js';

export interface RawEntry {
  score?: unknown;
  value?: unknown;
  n?: unknown;
  elements?: unknown[];
  specialists?: { name?: unknown; score?: unknown; value?: unknown }[];
  flags?: Record<string, unknown>;
  note?: unknown;
  finding?: unknown;
  recommendation?: unknown;
}

/** Reports a problem about a field of the entry (a path such as ['specialists', 0, 'value']). */
export type Report = (
  field: (string | number)[],
  key: string,
  params?: Record<string, string | number>,
  value?: string,
  severity?: 'error' | 'warning',
) => void;

const NUMERIC = new Set(['ratio', 'percent', 'days', 'count']);

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const shown = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** A whole score within the scale's range. */
export function parseScore(raw: unknown, scale: Scale, field: (string | number)[], report: Report): number | undefined {
  // Whole as written: 3.9999999999999999 is 4 as a double, but not a whole score.
  const n =
    typeof raw === 'string' && /[.,]\d*[1-9]/.test(raw)
      ? { ok: false as const }
      : typeof raw === 'number' || typeof raw === 'string'
        ? parseNumber(raw)
        : { ok: false as const };
  const { min, max } = scale.scoreRange;
  if (!n.ok || !Number.isInteger(n.value) || n.value < min || n.value > max) {
    report(field, 'rating.score', { min, max }, shown(raw));
    return undefined;
  }
  return n.value;
}

function parseValue(raw: unknown, item: Item, field: (string | number)[], report: Report): number | undefined {
  const n = typeof raw === 'number' || typeof raw === 'string' ? parseNumber(raw) : { ok: false as const };
  if (!n.ok) {
    report(field, 'rating.value', { item: item.code }, shown(raw));
    return undefined;
  }
  if (n.value < 0 || Object.is(n.value, -0) || (item.kind === 'percent' && n.value > 100)) {
    report(field, item.kind === 'percent' ? 'rating.percentRange' : 'rating.negative', { item: item.code }, shown(raw));
    return undefined;
  }
  return n.value;
}

/** Check a raw entry against its item and build the rating; problems go to `report`, null when unusable. */
export function toRating(item: Item, scale: Scale, raw: RawEntry, report: Report, at?: Place): ItemRating | null {
  const before = { errors: 0 };
  const rep: Report = (f, k, p, v, s) => {
    if (s !== 'warning') before.errors++;
    report(f, k, p, v, s);
  };
  const numeric = NUMERIC.has(item.kind);
  let score: number | undefined;
  let observation: Observation | undefined;

  if (!isBlank(raw.score)) score = parseScore(raw.score, scale, ['score'], rep);

  if (!isBlank(raw.value)) {
    if (!numeric) rep(['value'], 'rating.valueNotNumeric', { item: item.code }, shown(raw.value));
    else {
      const value = parseValue(raw.value, item, ['value'], rep);
      let n: number | undefined;
      if (!isBlank(raw.n)) {
        const p = parseNumber(raw.n as string);
        if (!p.ok || !Number.isInteger(p.value) || p.value < 0) rep(['n'], 'rating.n', {}, shown(raw.n));
        else n = p.value;
      }
      if (value !== undefined) observation = { kind: 'value', value, ...(n !== undefined ? { n } : {}) };
    }
  }

  if (raw.elements !== undefined) {
    if (item.kind !== 'elements') rep(['elements'], 'rating.elementsNotChecklist', { item: item.code });
    else {
      const known = (item.elements ?? []).map((e) => e.id);
      const present: string[] = [];
      raw.elements.forEach((e, i) => {
        const id = String(e).trim().toLowerCase();
        if (!known.includes(id)) rep(['elements', i], 'rating.elementUnknown', { item: item.code, known: known.join(', ') }, shown(e));
        else if (present.includes(id)) rep(['elements', i], 'rating.elementDuplicate', { item: item.code }, shown(e));
        else present.push(id);
      });
      present.sort((a, b) => known.indexOf(a) - known.indexOf(b));
      observation = { kind: 'elements', present };
      if (score === undefined && scoreElements(item, present) === null) {
        rep(['elements'], 'rating.elementsAmbiguous', { item: item.code, count: present.length });
      }
    }
  }

  if (raw.specialists !== undefined) {
    if (!item.perSpecialist) rep(['specialists'], 'rating.notPerSpecialist', { item: item.code });
    else if (raw.specialists.length === 0) rep(['specialists'], 'rating.specialistsEmpty', { item: item.code });
    else {
      const list: SpecialistRating[] = [];
      raw.specialists.forEach((s, i) => {
        const name = isBlank(s.name) ? `#${i + 1}` : String(s.name);
        if (!isBlank(s.score)) {
          const sc = parseScore(s.score, scale, ['specialists', i, 'score'], rep);
          if (sc !== undefined) list.push({ name, score: sc });
        } else if (!isBlank(s.value)) {
          if (!numeric) rep(['specialists', i, 'value'], 'rating.valueNotNumeric', { item: item.code }, shown(s.value));
          else {
            const v = parseValue(s.value, item, ['specialists', i, 'value'], rep);
            if (v !== undefined) list.push({ name, value: v });
          }
        } else rep(['specialists', i], 'rating.specialistEmpty', { item: item.code, name });
      });
      observation = { kind: 'specialists', specialists: list };
    }
  }

  const flags: Record<string, boolean> = {};
  for (const [flag, v] of Object.entries(raw.flags ?? {})) {
    const known = item.caps.map((c) => c.flag);
    if (!known.includes(flag)) {
      rep(['flags', flag], 'rating.flagUnknown', { item: item.code, known: known.join(', ') || '-' }, flag, 'warning');
      continue;
    }
    const b = typeof v === 'boolean' || typeof v === 'string' ? parseBoolean(v) : { ok: false as const };
    if (!b.ok) rep(['flags', flag], 'rating.flag', {}, shown(v));
    else flags[flag] = b.value;
  }

  const finding = isBlank(raw.finding) ? undefined : String(raw.finding).trim();
  const recommendation = isBlank(raw.recommendation) ? undefined : String(raw.recommendation).trim();
  // A finding or recommendation alone is not a rating, but it is not an empty entry either.
  if (score === undefined && observation === undefined && before.errors === 0 && !finding && !recommendation) {
    rep([], 'rating.empty', { item: item.code });
  }
  if (before.errors > 0) return null;
  const note = isBlank(raw.note) ? undefined : String(raw.note).trim();
  return {
    itemId: item.id,
    ...(score !== undefined ? { score } : {}),
    ...(observation ? { observation } : {}),
    flags,
    ...(note ? { note } : {}),
    ...(finding ? { finding } : {}),
    ...(recommendation ? { recommendation } : {}),
    origin: 'review',
    ...(at ? { at } : {}),
  };
}

const REVIEW_TYPES: Record<string, 'self' | 'external'> = {
  self: 'self',
  selfassessment: 'self',
  auto: 'self',
  autoevaluation: 'self',
  interne: 'self',
  internal: 'self',
  external: 'external',
  externe: 'external',
  independent: 'external',
  independante: 'external',
};

/** The review type a table cell names, in English or French (`self`, `externe`...); undefined if none. */
export function reviewTypeOf(text: string): 'self' | 'external' | undefined {
  return REVIEW_TYPES[normalizeName(text)];
}

/**
 * A review's date as written: its ISO form, or null with an error at `at` when it is not a date; a date
 * after today is kept with a warning (unless `warnFuture` says this one was warned about already).
 */
export function reviewDateOf(
  raw: string,
  at: Omit<Place, 'file'>,
  problems: ProblemList,
  field?: string,
  warnFuture: (iso: string) => boolean = () => true,
): string | null {
  const d = parseDate(raw);
  if (!d.ok) {
    problems.error(at, `expected.${d.expected}`, {}, field, raw);
    return null;
  }
  if (d.value > todayIso() && warnFuture(d.value)) problems.warn(at, 'date.future', {}, field, raw);
  return d.value;
}
