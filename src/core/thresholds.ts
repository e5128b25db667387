// CI thresholds on scored reviews: --min-total and --min-level.
import type { ScoredReview } from './score-review.js';

export interface Thresholds {
  minTotal?: number;
  /** A band id; the review's band must be this one or a higher one. */
  minLevel?: string;
}

export interface ThresholdFailure {
  review: ScoredReview;
  key: 'threshold.incomplete' | 'threshold.total' | 'threshold.level';
  params: Record<string, string | number>;
}

/** Every way the reviews miss the thresholds; an incomplete review fails any threshold. */
export function checkThresholds(reviews: ScoredReview[], t: Thresholds): ThresholdFailure[] {
  if (t.minTotal === undefined && t.minLevel === undefined) return [];
  const failures: ThresholdFailure[] = [];
  for (const r of reviews) {
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
