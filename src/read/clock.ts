// Today's date, used only to warn about dates in the future; outputs never depend on the clock.
// IPS_FIDELITY_TODAY=YYYY-MM-DD pins it, for reproducible runs and tests. Read once per run.
import { dayNumber } from '../shared/days.js';

let today: string | undefined;
export const todayIso = (): string => {
  if (today === undefined) {
    const pinned = process.env.IPS_FIDELITY_TODAY;
    today = pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : new Date().toISOString().slice(0, 10);
  }
  return today;
};

let todayNumber: number | undefined;
/** Today as a day number (see shared/days.ts). */
export const todayDay = (): number => (todayNumber ??= dayNumber(todayIso()));

/** The latest second a PDF date (D:YYYY...) can hold: 9999-12-31T23:59:59Z. */
const MAX_EPOCH = 253402300799;

/**
 * SOURCE_DATE_EPOCH (reproducible builds): whole seconds since 1970-01-01 UTC. Unset or empty: null.
 * Anything else that is not a date from 1970 to 9999 is an error (the caller names the variable).
 */
export function sourceDateEpoch(
  env: Record<string, string | undefined> = process.env,
): { ok: true; date: Date | null } | { ok: false; value: string } {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw.trim() === '') return { ok: true, date: null };
  const text = raw.trim();
  if (!/^\d{1,12}$/.test(text) || Number(text) > MAX_EPOCH) return { ok: false, value: raw };
  return { ok: true, date: new Date(Number(text) * 1000) };
}
