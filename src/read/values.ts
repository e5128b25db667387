// Cell values as evaluators write them: dates, decimals, booleans, header names.

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

function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` or `DD/MM/YYYY` (also `DD.MM.YYYY`) to ISO `YYYY-MM-DD`; never the US order. */
export function parseDate(raw: string): Parsed<string> {
  const s = raw.trim();
  let m = ISO.exec(s);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { ok: true, value: iso } : { ok: false, expected: 'date.impossible' };
  }
  m = DMY.exec(s);
  if (m) {
    const iso = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
    if (iso) return { ok: true, value: iso };
    return { ok: false, expected: Number(m[2]) > 12 && Number(m[1]) <= 12 ? 'date.usOrder' : 'date.impossible' };
  }
  return { ok: false, expected: 'date.format' };
}

/** A decimal number with a point or a comma (`12,5`), optional spaces as thousands separators. */
export function parseNumber(raw: string | number): Parsed<number> {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, expected: 'number' };
  const s = raw.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return { ok: false, expected: 'number' };
  return { ok: true, value: Number(s.replace(',', '.')) };
}

const TRUE = new Set(['yes', 'y', 'true', '1', 'oui', 'o', 'vrai']);
const FALSE = new Set(['no', 'n', 'false', '0', 'non', 'faux']);

/** yes/no, true/false, 1/0, oui/non, o/n (any case). */
export function parseBoolean(raw: string | boolean): Parsed<boolean> {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const s = normalizeName(raw);
  if (TRUE.has(s)) return { ok: true, value: true };
  if (FALSE.has(s)) return { ok: true, value: false };
  return { ok: false, expected: 'boolean' };
}

/** Day number of an ISO date (days since 1970-01-01), without parsing a date string. */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/** Days from one ISO date to another. */
export function daysBetween(fromIso: string, toIso: string): number {
  return dayNumber(toIso) - dayNumber(fromIso);
}
