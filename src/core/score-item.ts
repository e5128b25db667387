// Turning an item's observation into a score: thresholds, element tables, per-specialist averages, caps.
import type { Item, Rule } from '../scale/schema.js';
import type { ItemRating, Observation, RecordsEvidence } from './review.js';

export type ScoreSource = 'score' | 'value' | 'elements' | 'specialists' | 'records';

export interface SpecialistEvidence {
  name: string;
  value?: number;
  score: number;
}

/** Everything a reader needs to check a score against its inputs. */
export interface Evidence {
  value?: number;
  n?: number;
  unit?: string;
  /** The threshold rule that matched the value. */
  rule?: Rule;
  elements?: { present: string[]; count: number; of: number };
  specialists?: SpecialistEvidence[];
  /** Mean of the specialists' scores before taking the closest scale point. */
  mean?: number;
  /** The observed count fell short of the item's minimum n. */
  minimumN?: { n: number; required: number; score: number };
  /** A condition reported as not met limited the score. */
  capped?: { flag: string; maxWithout: number; uncapped: number }[];
  /** Score the observation gives, when an explicit score overrides it. */
  derivedScore?: number;
  records?: RecordsEvidence;
}

export interface ScoredItem {
  id: string;
  code: string;
  section: string;
  score: number | null;
  source: ScoreSource | null;
  evidence: Evidence | null;
  note: string | null;
  /** The reviewers' finding and recommendation about the item, when they wrote one. */
  finding?: string;
  recommendation?: string;
  /** A computed score the explicit rating overrode (records vs review). */
  overridden?: { score: number; source: ScoreSource; evidence: Evidence };
}

/** Does a value satisfy every condition of a rule? */
export function ruleMatches(rule: Rule, value: number): boolean {
  return (
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.below === undefined || value < rule.below)
  );
}

/** The score a numeric item's thresholds give a value, and the rule that matched. */
export function scoreValue(item: Item, value: number): { score: number; rule: Rule } {
  const rules = item.rules ?? [];
  const rule = rules.find((r) => ruleMatches(r, value)) ?? rules[rules.length - 1];
  if (!rule) throw new Error(`item ${item.code} has no threshold rules`);
  return { score: rule.score, rule };
}

/** The score an element checklist gives; null when the table says a score must be given instead. */
export function scoreElements(item: Item, present: readonly string[]): number | null {
  const table = item.elementScores ?? [];
  return table[Math.min(present.length, table.length - 1)] ?? null;
}

/**
 * Mean of per-specialist scores, taken to the closest scale point; an exact tie between two
 * points goes to the lower one (the conservative reading). Integer arithmetic, no rounding error.
 */
export function closestPoint(scores: readonly number[]): number {
  const n = scores.length;
  if (n === 0) throw new Error('closestPoint of no scores');
  const sum = scores.reduce((a, b) => a + b, 0);
  // round half down: ceil(mean - 1/2) = ceil((2*sum - n) / (2n))
  return Math.ceil((2 * sum - n) / (2 * n));
}

function applyCaps(item: Item, score: number, flags: Record<string, boolean>, evidence: Evidence): number {
  let out = score;
  for (const cap of item.caps) {
    if (flags[cap.flag] === false && out > cap.maxWithout) {
      (evidence.capped ??= []).push({ flag: cap.flag, maxWithout: cap.maxWithout, uncapped: out });
      out = cap.maxWithout;
    }
  }
  return out;
}

/** Score an observation; null when it cannot give one (an ambiguous element count). */
export function scoreObservation(item: Item, obs: Observation, flags: Record<string, boolean>): { score: number | null; evidence: Evidence } {
  const evidence: Evidence = {};
  let score: number | null;
  switch (obs.kind) {
    case 'value': {
      const r = scoreValue(item, obs.value);
      evidence.value = obs.value;
      evidence.unit = item.kind;
      evidence.rule = r.rule;
      score = r.score;
      if (obs.n !== undefined) evidence.n = obs.n;
      if (item.minimumN && obs.n !== undefined && obs.n < item.minimumN.n) {
        evidence.minimumN = { n: obs.n, required: item.minimumN.n, score: item.minimumN.score };
        score = Math.min(score, item.minimumN.score);
      }
      break;
    }
    case 'elements': {
      const of = item.elements?.length ?? 0;
      evidence.elements = { present: [...obs.present], count: obs.present.length, of };
      score = scoreElements(item, obs.present);
      break;
    }
    case 'specialists': {
      evidence.specialists = obs.specialists.map((s) => {
        if (s.score !== undefined) return { name: s.name, score: s.score };
        const v = scoreValue(item, s.value!);
        return { name: s.name, value: s.value!, score: v.score };
      });
      const scores = evidence.specialists.map((s) => s.score);
      evidence.mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      evidence.unit = item.kind;
      score = closestPoint(scores);
      break;
    }
  }
  if (score !== null) score = applyCaps(item, score, flags, evidence);
  return { score, evidence };
}

function sourceOf(rating: ItemRating): ScoreSource {
  if (rating.origin === 'records') return 'records';
  if (rating.score !== undefined || !rating.observation) return 'score';
  return rating.observation.kind;
}

/** Score one item from its rating (or leave it unrated). */
export function scoreItem(item: Item, rating: ItemRating | undefined): ScoredItem {
  const base = { id: item.id, code: item.code, section: item.section };
  if (!rating) return { ...base, score: null, source: null, evidence: null, note: null };
  let evidence: Evidence | null = null;
  let score: number | null = null;
  if (rating.observation) {
    const r = scoreObservation(item, rating.observation, rating.flags);
    evidence = r.evidence;
    score = r.score;
  }
  if (rating.records) (evidence ??= {}).records = rating.records;
  if (rating.score !== undefined) {
    if (evidence && score !== null && score !== rating.score) evidence.derivedScore = score;
    score = rating.score;
  }
  return {
    ...base,
    score,
    source: score === null ? null : sourceOf(rating),
    evidence,
    note: rating.note ?? null,
    ...(rating.finding ? { finding: rating.finding } : {}),
    ...(rating.recommendation ? { recommendation: rating.recommendation } : {}),
  };
}

/**
 * Merge a score computed from program records with the review's own rating of the item:
 * an explicit review rating wins, and the computed one is kept beside it.
 */
export function mergeScored(fromReview: ScoredItem, fromRecords: ScoredItem | undefined): ScoredItem {
  if (!fromRecords || fromRecords.score === null) return fromReview;
  if (fromReview.score === null) {
    const words = {
      ...(fromReview.finding ? { finding: fromReview.finding } : {}),
      ...(fromReview.recommendation ? { recommendation: fromReview.recommendation } : {}),
    };
    return { ...fromRecords, note: fromReview.note ?? fromRecords.note, ...words };
  }
  return {
    ...fromReview,
    overridden: { score: fromRecords.score, source: 'records', evidence: fromRecords.evidence ?? {} },
  };
}
