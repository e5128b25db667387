// Agreement between reviewers who rated the same items alone, before their consensus.
// Weighted kappa uses quadratic disagreement weights: w(i, j) = (i − j)² / (max − min)².
import { ratio, type Ratio } from './ratio.js';

export interface RaterScores {
  name: string;
  /** Item id → score, for the items this reviewer rated. */
  scores: Map<string, number>;
}

export type { Ratio } from './ratio.js';

export interface PairAgreement {
  a: string;
  b: string;
  /** Items both reviewers rated. */
  items: number;
  exact: Ratio;
  withinOne: Ratio;
  /** Quadratic-weighted kappa; null when undefined (no variation in the ratings, or no item). */
  kappa: number | null;
}

/**
 * Cohen's weighted kappa with quadratic weights over paired ratings on the scale min..max.
 * κw = 1 − Σ w·O / Σ w·E, with O the observed and E the chance-expected joint proportions.
 * Returns null when Σ w·E is 0 (both reviewers gave one and the same score throughout).
 */
export function weightedKappa(pairs: [number, number][], min: number, max: number): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const k = max - min + 1;
  const rowA = new Array<number>(k).fill(0);
  const colB = new Array<number>(k).fill(0);
  let observed = 0;
  const w = (i: number, j: number) => ((i - j) * (i - j)) / ((k - 1) * (k - 1));
  for (const [a, b] of pairs) {
    rowA[a - min]!++;
    colB[b - min]!++;
    observed += w(a - min, b - min);
  }
  let expected = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) expected += (rowA[i]! / n) * (colB[j]! / n) * w(i, j);
  if (expected === 0) return null;
  return 1 - observed / n / expected;
}

export function pairAgreement(a: RaterScores, b: RaterScores, min: number, max: number): PairAgreement {
  const pairs: [number, number][] = [];
  for (const [id, sa] of a.scores) {
    const sb = b.scores.get(id);
    if (sb !== undefined) pairs.push([sa, sb]);
  }
  return {
    a: a.name,
    b: b.name,
    items: pairs.length,
    exact: ratio(pairs.filter(([x, y]) => x === y).length, pairs.length),
    withinOne: ratio(pairs.filter(([x, y]) => Math.abs(x - y) <= 1).length, pairs.length),
    kappa: weightedKappa(pairs, min, max),
  };
}

export interface ToReconcile {
  id: string;
  code: string;
  ratings: { name: string; score: number | null }[];
  /** Highest minus lowest score among the reviewers who rated it. */
  spread: number;
}

export interface Agreement {
  weights: 'quadratic';
  reviewers: string[];
  /** Each reviewer's own scores, by item code. */
  byReviewer: { name: string; scores: Record<string, number> }[];
  pairs: PairAgreement[];
  /** Items the reviewers rated differently, widest spread first. */
  reconcile: ToReconcile[];
  /** Codes of items rated by reviewers but with no consensus score yet. */
  noConsensus: string[];
}

/** Agreement of every pair of reviewers, and the items to reconcile, in scale order for ties. */
export function agreementOf(raters: RaterScores[], items: { id: string; code: string; score: number | null }[], min: number, max: number): Agreement {
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < raters.length; i++) for (let j = i + 1; j < raters.length; j++) pairs.push(pairAgreement(raters[i]!, raters[j]!, min, max));
  const reconcile: ToReconcile[] = [];
  const noConsensus: string[] = [];
  for (const item of items) {
    const ratings = raters.map((r) => ({ name: r.name, score: r.scores.get(item.id) ?? null }));
    const given = ratings.flatMap((r) => (r.score === null ? [] : [r.score]));
    if (given.length === 0) continue;
    if (item.score === null) noConsensus.push(item.code);
    const spread = Math.max(...given) - Math.min(...given);
    if (spread > 0) reconcile.push({ id: item.id, code: item.code, ratings, spread });
  }
  const order = new Map(items.map((it, i) => [it.id, i]));
  reconcile.sort((x, y) => y.spread - x.spread || order.get(x.id)! - order.get(y.id)!);
  const byReviewer = raters.map((r) => ({
    name: r.name,
    scores: Object.fromEntries(items.flatMap((it) => (r.scores.has(it.id) ? [[it.code, r.scores.get(it.id)!]] : []))),
  }));
  return { weights: 'quadratic', reviewers: raters.map((r) => r.name), byReviewer, pairs, reconcile, noConsensus };
}
