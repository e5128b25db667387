// CI gates: --min-total, --min-level and --min-item on scored reviews (all of them, or each program's
// latest with --latest); --min-rate on outcome periods (optionally only whole periods with enough people).
import type { PeriodOutcome } from './outcomes.js';
import type { ScoredReview } from './score-review.js';
import { findItem } from '../scale/scale.js';

/** A minimum score for one item: --min-item CODE=N. */
export interface ItemMinimum {
  /** As typed (a code such as V1, or an item id). */
  code: string;
  min: number;
}

export interface Thresholds {
  minTotal?: number;
  /** A band id; the review's band must be this one or a higher one. */
  minLevel?: string;
  minItems?: ItemMinimum[];
}

export interface ThresholdFailure {
  review: ScoredReview;
  key: 'threshold.incomplete' | 'threshold.total' | 'threshold.level' | 'machine.threshold.item' | 'machine.threshold.itemUnrated';
  params: Record<string, string | number>;
}

/** CODE=N (N a whole number), or null when the text is not of that form. */
export function parseItemMinimum(raw: string): ItemMinimum | null {
  const m = /^\s*([^=\s]+)\s*=\s*(\d+)\s*$/.exec(raw);
  return m ? { code: m[1]!, min: Number(m[2]) } : null;
}

/**
 * Each program's most recent review, from reviews in output order (each program's reviews together, oldest
 * first: groupByProgram in core/identity.ts): the positions of the last review of each group.
 */
export function latestPositions(groupSizes: number[]): Set<number> {
  const out = new Set<number>();
  let at = 0;
  for (const n of groupSizes) {
    at += n;
    if (n > 0) out.add(at - 1);
  }
  return out;
}

/** Every way the reviews miss the thresholds; an incomplete review fails --min-total and --min-level. */
export function checkThresholds(reviews: ScoredReview[], t: Thresholds): ThresholdFailure[] {
  const minItems = t.minItems ?? [];
  if (t.minTotal === undefined && t.minLevel === undefined && minItems.length === 0) return [];
  const failures: ThresholdFailure[] = [];
  for (const r of reviews) {
    for (const want of minItems) {
      const item = findItem(r.scale, want.code);
      const scored = item && r.items.find((i) => i.id === item.id);
      if (!item || !scored) continue; // an item of another scale: checked where it exists
      if (scored.score === null) failures.push({ review: r, key: 'machine.threshold.itemUnrated', params: { item: item.code, min: want.min } });
      else if (scored.score < want.min)
        failures.push({ review: r, key: 'machine.threshold.item', params: { item: item.code, score: scored.score, min: want.min } });
    }
    if (t.minTotal === undefined && t.minLevel === undefined) continue;
    if (r.total === null) {
      failures.push({ review: r, key: 'threshold.incomplete', params: { rated: r.rated, items: r.itemCount } });
      continue;
    }
    if (t.minTotal !== undefined && r.total < t.minTotal) {
      failures.push({ review: r, key: 'threshold.total', params: { total: r.total, min: t.minTotal } });
    }
    if (t.minLevel !== undefined) {
      const bands = r.scale.bands.map((b) => b.id);
      const want = bands.indexOf(t.minLevel);
      const got = bands.indexOf(r.band!.id);
      if (want >= 0 && got > want) failures.push({ review: r, key: 'threshold.level', params: { band: r.band!.id, level: t.minLevel } });
    }
  }
  return failures;
}

export interface RateGate {
  /** Minimum employment rate in percent. */
  minRate: number;
  /** Leave out periods the window starts or ends inside. */
  skipPartial?: boolean;
  /** Leave out periods with fewer people served than this. */
  minServed?: number;
}

/** The periods whose rate, as printed (one decimal of a percent), is below the minimum; and those left out. */
export function checkRate(
  periods: PeriodOutcome[],
  gate: RateGate,
  printed: (rate: number) => number,
): { failing: PeriodOutcome[]; skipped: PeriodOutcome[] } {
  const failing: PeriodOutcome[] = [];
  const skipped: PeriodOutcome[] = [];
  for (const p of periods) {
    if ((gate.skipPartial && p.partial) || (gate.minServed !== undefined && p.served < gate.minServed)) {
      skipped.push(p);
      continue;
    }
    // Compared as printed, like the benchmark classes: "31.0%" never fails a 31% minimum.
    if (p.rate !== null && printed(p.rate) * 100 < gate.minRate - 1e-9) failing.push(p);
  }
  return { failing, skipped };
}
