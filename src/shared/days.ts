// Calendar days as numbers (days since 1970-01-01): cheap to compare, subtract and store.

/** Day number of a calendar date (proleptic Gregorian), without building a Date. */
export function dayOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day number of an ISO date `YYYY-MM-DD`. */
export function dayNumber(iso: string): number {
  return dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** ISO date `YYYY-MM-DD` of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Days from one ISO date to another. */
export function daysBetween(fromIso: string, toIso: string): number {
  return dayNumber(toIso) - dayNumber(fromIso);
}

/** The ISO date `n` days after (or, negative, before) an ISO date. */
export function addDays(iso: string, n: number): string {
  return isoOfDay(dayNumber(iso) + n);
}

export type CalendarUnit = 'year' | 'semester' | 'quarter' | 'month';

/**
 * The calendar quarter, month or year that holds an ISO date: its label (`2026-Q1`, `2026-03`, `2026`),
 * its first and its last day (ISO dates).
 */
export function calendarPeriod(iso: string, unit: CalendarUnit): { label: string; start: string; last: string } {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const first = unit === 'year' ? 1 : unit === 'semester' ? (m <= 6 ? 1 : 7) : unit === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : m;
  const lastMonth = first + (unit === 'year' ? 11 : unit === 'semester' ? 5 : unit === 'quarter' ? 2 : 0);
  const date = (month: number, day: number) => `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const label =
    unit === 'year'
      ? String(y)
      : unit === 'semester'
        ? `${y}-H${first === 1 ? 1 : 2}`
        : unit === 'quarter'
          ? `${y}-Q${(first - 1) / 3 + 1}`
          : `${y}-${String(m).padStart(2, '0')}`;
  return { label, start: date(first, 1), last: date(lastMonth, daysInMonth(y, lastMonth)) };
}
