// Cell values as evaluators write them: dates, decimals, booleans, header names.
import { dayNumber, dayOf, daysInMonth } from './days.js';

const normalized = new Map<string, string>();

/** Lower case, no accents, no spaces, `_` or `-`: how header names and item names are matched. */
export function normalizeName(s: string): string {
  let out = normalized.get(s);
  if (out === undefined) {
    out = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[\s_\-'’.]+/g, '');
    if (normalized.size > 100_000) normalized.clear(); // names repeat (contracts, specialists): keep the cache bounded
    normalized.set(s, out);
  }
  return out;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

/** The years a date may have: before 1900 is an empty or zero spreadsheet cell read as a date (Excel counts from 1900). */
export const FIRST_YEAR = 1900;
/** Year 9999 (9999-12-31) is the "no end" placeholder of HR exports, not a date. */
export const PLACEHOLDER_YEAR = 9999;
/** Why a date of the year 9999 is refused (readers that accept an open end check for it). */
export const PLACEHOLDER = 'readers.placeholder';

function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date that exists, but not in the years a record can hold. */
function yearProblem(y: number): Parsed<never> | null {
  if (y < FIRST_YEAR) return { ok: false, expected: 'readers.before1900' };
  if (y >= PLACEHOLDER_YEAR) return { ok: false, expected: PLACEHOLDER };
  return null;
}

/** `YYYY-MM-DD` or `DD/MM/YYYY` (also `DD.MM.YYYY`) to ISO `YYYY-MM-DD`; never the US order. Years 1900 to 9998. */
export function parseDate(raw: string): Parsed<string> {
  const s = raw.trim();
  let m = ISO.exec(s);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? (yearProblem(Number(m[1])) ?? { ok: true, value: iso }) : { ok: false, expected: 'date.impossible' };
  }
  m = DMY.exec(s);
  if (m) {
    const iso = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
    if (iso) return yearProblem(Number(m[3])) ?? { ok: true, value: iso };
    return { ok: false, expected: Number(m[2]) > 12 && Number(m[1]) <= 12 ? 'date.usOrder' : 'date.impossible' };
  }
  return { ok: false, expected: 'date.format' };
}

/** Digits with at most one inner point, and an optional leading minus: what Number() reads exactly as written. */
function isPlainDecimal(s: string): boolean {
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= s.length) return false;
  let point = false;
  for (const start = i; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && !point && i > start && i < s.length - 1) point = true;
    else if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A decimal number with a point or a comma (`12,5`), optional spaces as thousands separators. */
export function parseNumber(raw: string | number): Parsed<number> {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, expected: 'number' };
  if (isPlainDecimal(raw)) return { ok: true, value: Number(raw) };
  const s = raw
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '');
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return { ok: false, expected: 'number' };
  return { ok: true, value: Number(s.replace(',', '.')) };
}

const TRUE = new Set(['yes', 'y', 'true', '1', 'oui', 'o', 'vrai']);
const FALSE = new Set(['no', 'n', 'false', '0', 'non', 'faux']);

/** The usual spellings, looked up as written before any normalisation. */
const PLAIN_BOOLEANS = new Map<string, Parsed<boolean>>([
  ...[...TRUE].map((v): [string, Parsed<boolean>] => [v, { ok: true, value: true }]),
  ...[...FALSE].map((v): [string, Parsed<boolean>] => [v, { ok: true, value: false }]),
]);

/** yes/no, true/false, 1/0, oui/non, o/n (any case). */
export function parseBoolean(raw: string | boolean): Parsed<boolean> {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const plain = PLAIN_BOOLEANS.get(raw);
  if (plain !== undefined) return plain;
  const s = normalizeName(raw);
  if (TRUE.has(s)) return { ok: true, value: true };
  if (FALSE.has(s)) return { ok: true, value: false };
  return { ok: false, expected: 'boolean' };
}

export { dayNumber, daysBetween } from './days.js';

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const digits = (s: string, i: number, n: number) => {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = digit(s, k);
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
};

/**
 * A date cell as a day number: the same dates and the same problems as `parseDate`, faster on the
 * usual `YYYY-MM-DD` and `DD/MM/YYYY` (a program's records hold millions of them).
 */
export function parseDay(raw: string): Parsed<number> {
  if (raw.length === 10) {
    let y = -1,
      m = -1,
      d = -1;
    const c4 = raw[4],
      c2 = raw[2];
    if (c4 === '-' && raw[7] === '-') ((y = digits(raw, 0, 4)), (m = digits(raw, 5, 2)), (d = digits(raw, 8, 2)));
    else if ((c2 === '/' || c2 === '.') && raw[5] === c2) ((d = digits(raw, 0, 2)), (m = digits(raw, 3, 2)), (y = digits(raw, 6, 4)));
    if (y >= FIRST_YEAR && y < PLACEHOLDER_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return { ok: true, value: dayOf(y, m, d) };
  }
  const iso = parseDate(raw);
  return iso.ok ? { ok: true, value: dayNumber(iso.value) } : iso;
}
