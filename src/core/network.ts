// Outcomes of several programs at once: the network total (docs/outcomes.md, "Several programs"). Pure: no I/O.
import { periodOutcome, type By, type Convention, type OutcomeOptions, type Outcomes, type PeriodOutcome } from './outcomes.js';
import type { Period } from './records.js';
import type { OutcomeRules } from '../scale/outcome-rules.js';
import { isSmall } from './suppression.js';
import { isOverdue } from './next-review.js';

/**
 * The network total: the programs' people together. A participant is a person of one program (ids are
 * the program's own), so the people served or working in the network in a period are the union of the
 * programs' and their counts add up; the rate is working / served over the network, never an average
 * of the programs' rates. Totals, like a program's: not suppressed (they are the sums of the programs'
 * own totals, which each program's output prints as they are).
 */
export interface NetworkOutcomes {
  /** Programs whose outcomes are in the total. */
  programs: number;
  window: Period;
  by: By;
  convention: Convention;
  minCell: number;
  periods: PeriodOutcome[];
  measures: { served: number; working: number; rate: number | null; jobStarts: number; firstJobStarts: number };
}

/** The network total of programs computed over the same window, periods and convention. */
export function networkOutcomes(
  list: Outcomes[],
  opts: Pick<OutcomeOptions, 'window' | 'by' | 'convention' | 'minCell'> & { rules: OutcomeRules },
): NetworkOutcomes {
  const first = list[0];
  const periods = (first?.periods ?? []).map((p, k) => {
    let served = 0;
    let working = 0;
    let jobStarts = 0;
    let firstJobStarts = 0;
    for (const o of list) {
      const q = o.periods[k]!;
      if (q.label !== p.label || q.from !== p.from || q.to !== p.to) throw new Error(`programs' periods differ: ${q.label} and ${p.label}`);
      served += q.served;
      working += q.working;
      jobStarts += q.jobStarts;
      firstJobStarts += q.firstJobStarts;
    }
    return periodOutcome(p, served, working, served === 0 ? null : working / served, jobStarts, firstJobStarts, opts);
  });
  const sum = (f: (o: Outcomes) => number) => list.reduce((s, o) => s + f(o), 0);
  const served = sum((o) => o.measures.served);
  const working = sum((o) => o.measures.working);
  return {
    programs: list.length,
    window: opts.window,
    by: opts.by,
    convention: opts.convention,
    minCell: opts.minCell,
    periods,
    measures: {
      served,
      working,
      rate: served === 0 ? null : working / served,
      jobStarts: sum((o) => o.measures.jobStarts),
      firstJobStarts: sum((o) => o.measures.firstJobStarts),
    },
  };
}

/** A program's latest whole period with people served, and the whole period before it (the trend). */
export function latestWhole(periods: PeriodOutcome[]): { latest: PeriodOutcome | null; previous: PeriodOutcome | null } {
  const whole = periods.filter((p) => !p.partial && p.served > 0);
  return { latest: whole.at(-1) ?? null, previous: whole.at(-2) ?? null };
}

/**
 * A period's rate as a network report may show it beside other programs: withheld (null) when it is
 * over fewer than `minCell` people (1 to minCell−1 served: `isSmall`), the small-cell rule.
 */
export const shownRate = (p: PeriodOutcome | null, minCell: number): number | null =>
  p === null || p.rate === null || isSmall(p.served, minCell) ? null : p.rate;

/** Reviewed on time: the latest review's next review is due on or after `asOf` (not overdue). */
export const reviewedOnTime = (nextDue: string | null | undefined, asOf: string): boolean => Boolean(nextDue) && !isOverdue(nextDue!, asOf);
