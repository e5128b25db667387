// When the next fidelity review is due: calendar months after a review, by the review's band
// (a review-interval policy: scales/review-policies.yaml), and whether it is overdue on a date.
import type { ReviewPolicy } from '../scale/review-policies.js';
import type { Band } from '../scale/schema.js';
import { daysInMonth } from '../shared/days.js';

/**
 * The ISO date `months` calendar months after an ISO date. A day the target month lacks is clamped
 * to that month's last day: 2026-08-31 + 6 months is 2027-02-28, 2027-08-31 + 6 is 2028-02-29,
 * 2024-02-29 + 12 is 2025-02-28.
 */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  const td = Math.min(d, daysInMonth(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
}

export interface NextReview {
  /** ISO date the next review is due. */
  date: string;
  /** Calendar months after the review. */
  months: number;
  /** Id of the policy that gave the interval. */
  policy: string;
  /** The band the interval was chosen by (`atLeast`), or null for the policy's last interval. */
  atLeast: string | null;
}

/**
 * Months until the next review after a review in `band`, by the first interval of the policy whose
 * `atLeast` band is the review's band or a higher one (`bands` is the scale's list, highest first).
 * An interval naming a band the scale lacks never applies.
 */
export function intervalFor(policy: ReviewPolicy, band: Band, bands: readonly Band[]): { months: number; atLeast: string | null } {
  const rank = bands.findIndex((b) => b.id === band.id);
  for (const iv of policy.intervals) {
    if (iv.atLeast === undefined) return { months: iv.months, atLeast: null };
    const needed = bands.findIndex((b) => b.id === iv.atLeast);
    if (needed >= 0 && rank >= 0 && rank <= needed) return { months: iv.months, atLeast: iv.atLeast };
  }
  // checkPolicies makes the last interval unconditional; a policy built in code may not.
  return { months: policy.intervals[policy.intervals.length - 1]!.months, atLeast: null };
}

/**
 * The next review after one dated `date` in `band`: null when the review has no date or no band
 * (a band needs every item rated: an incomplete review says nothing about the interval).
 */
export function nextReviewOf(review: { date: string | null; band: Band | null }, bands: readonly Band[], policy: ReviewPolicy): NextReview | null {
  if (!review.date || !review.band) return null;
  const { months, atLeast } = intervalFor(policy, review.band, bands);
  return { date: addMonths(review.date, months), months, policy: policy.id, atLeast };
}

/** Whether a review due on `due` is overdue on `asOf` (both ISO dates): due strictly before it. */
export const isOverdue = (due: string, asOf: string): boolean => due < asOf;

/** The default "as of" date of a set of reviews: the latest review date in the data (never the clock). */
export function latestDate(dates: Iterable<string | null>): string | null {
  let latest: string | null = null;
  for (const d of dates) if (d && (latest === null || d > latest)) latest = d;
  return latest;
}
