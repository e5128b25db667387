// Scoring a whole review: items, section subtotals, total and band (only when complete), principle profile.
import type { Band, PrincipleFramework } from '../scale/schema.js';
import { bandOf, type Scale } from '../scale/scale.js';
import type { Place } from '../shared/problems.js';
import type { PlannedAction, ProgramRef, Review } from './review.js';
import { agreementOf, type Agreement } from './agreement.js';
import type { Change } from './history.js';
import type { NextReview } from './next-review.js';
import { mergeScored, scoreItem, type ScoredItem } from './score-item.js';

export interface SectionScore {
  id: string;
  code: string;
  /** Sum of the section's items; null unless every item of the section is rated. */
  score: number | null;
  max: number;
  rated: number;
  items: number;
  /** Mean item score over the rated items; null when none is rated. */
  mean: number | null;
}

export interface PrincipleScore {
  id: string;
  /** Mean item score over the principle's rated items; null when none is rated. */
  mean: number | null;
  rated: number;
  /** Codes of the scale's items that belong to the principle. */
  items: string[];
}

export interface ScoredReview {
  program: ProgramRef;
  date: string | null;
  type?: 'self' | 'external';
  reviewers: string[];
  period?: { from: string; to: string };
  lang?: string;
  /** The reporting period of the records behind computed items. */
  recordsPeriod?: { from: string; to: string };
  /** Where the review came from, for messages. */
  at: Place;
  scale: Scale;
  framework: PrincipleFramework;
  complete: boolean;
  rated: number;
  itemCount: number;
  total: number | null;
  max: number;
  /** Sum of the rated items, whether or not the review is complete. */
  ratedSum: number;
  mean: number | null;
  band: Band | null;
  sections: SectionScore[];
  principles: PrincipleScore[];
  items: ScoredItem[];
  /** Agreement of the reviewers' independent ratings; null when none were given. */
  agreement: Agreement | null;
  /** Change since the previous review of the same program, when the input holds one. */
  change: Change | null;
  /** The action plan given with the review (YAML `actions`, or an actions table). */
  actions?: PlannedAction[];
  /** When the next review is due under the chosen review-interval policy (set by the caller that has one). */
  nextReview?: NextReview | null;
}

function mean(xs: number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * Score a review against a scale and a principle framework. `computed` holds items scored from
 * program records; the review's own rating of an item wins over them.
 */
export function scoreReview(review: Review, scale: Scale, framework: PrincipleFramework): ScoredReview {
  const ratingOf = new Map(review.ratings.map((r) => [r.itemId, r]));
  const computedOf = new Map((review.fromRecords?.ratings ?? []).map((r) => [r.itemId, r]));
  const skipped = review.fromRecords?.skipped ?? new Map();
  const items = scale.items.map((item) => {
    const fromRecords = computedOf.has(item.id) ? scoreItem(item, computedOf.get(item.id)) : undefined;
    const merged = mergeScored(scoreItem(item, ratingOf.get(item.id)), fromRecords);
    if (merged.score === null && skipped.has(item.id)) return { ...merged, evidence: { records: skipped.get(item.id)! } };
    return merged;
  });
  const scores = items.flatMap((i) => (i.score === null ? [] : [i.score]));
  const complete = scores.length === items.length;
  const ratedSum = scores.reduce((a, b) => a + b, 0);
  const total = complete ? ratedSum : null;

  const sections: SectionScore[] = scale.sections.map((sec) => {
    const its = items.filter((i) => i.section === sec.id);
    const rated = its.flatMap((i) => (i.score === null ? [] : [i.score]));
    return {
      id: sec.id,
      code: sec.code,
      score: rated.length === its.length ? rated.reduce((a, b) => a + b, 0) : null,
      max: its.length * scale.scoreRange.max,
      rated: rated.length,
      items: its.length,
      mean: mean(rated),
    };
  });

  const byId = new Map(items.map((i) => [i.id, i]));
  const principles: PrincipleScore[] = framework.principles.map((p) => {
    const its = p.items.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    const rated = its.flatMap((i) => (i.score === null ? [] : [i.score]));
    return { id: p.id, mean: mean(rated), rated: rated.length, items: its.map((i) => i.code) };
  });

  const agreement = review.raters?.length
    ? agreementOf(
        review.raters.map((rater) => {
          const own = new Map(rater.ratings.map((x) => [x.itemId, x]));
          const scores = new Map<string, number>();
          for (const item of scale.items) {
            const s = own.has(item.id) ? scoreItem(item, own.get(item.id)).score : null;
            if (s !== null) scores.set(item.id, s);
          }
          return { name: rater.name, scores };
        }),
        items,
        scale.scoreRange.min,
        scale.scoreRange.max,
      )
    : null;

  return {
    program: review.program,
    date: review.date,
    type: review.type,
    reviewers: review.reviewers,
    period: review.period,
    lang: review.lang,
    at: review.at,
    ...(review.fromRecords ? { recordsPeriod: review.fromRecords.period } : {}),
    scale,
    framework,
    complete,
    rated: scores.length,
    itemCount: items.length,
    total,
    max: scale.maxTotal,
    ratedSum,
    mean: mean(scores),
    band: total === null ? null : bandOf(scale, total),
    sections,
    principles,
    items,
    agreement,
    change: null,
    ...(review.actions?.length ? { actions: review.actions } : {}),
  };
}
