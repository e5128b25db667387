// Today's date, used only to warn about dates in the future; outputs never depend on the clock.
// IPS_FIDELITY_TODAY=YYYY-MM-DD pins it, for reproducible runs and tests. Read once per run.
import { dayNumber } from '../core/days.js';

let today: string | undefined;
export const todayIso = (): string => {
  if (today === undefined) {
    const pinned = process.env.IPS_FIDELITY_TODAY;
    today = pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : new Date().toISOString().slice(0, 10);
  }
  return today;
};

let todayNumber: number | undefined;
/** Today as a day number (see core/days.ts). */
export const todayDay = (): number => (todayNumber ??= dayNumber(todayIso()));
