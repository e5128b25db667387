// Computed recommendations: what an item below its maximum lacks, from the scale data and the evidence
// behind its score (the elements not in place, the number to reach, the condition not met). Pure:
// the wording is the renderers' (src/render/recommendations.ts), from the locale files.
import type { Item, Rule } from '../scale/schema.js';
import type { ScoredItem } from './score-item.js';

/** Text in several languages, English always there (as in the scale files). */
export type LocalText = { en: string; [lang: string]: string };

/** One piece of advice about an item. */
export type Advice =
  /** An element of the checklist not in place. */
  | { kind: 'element'; id: string; label: LocalText }
  /** The observed value, and the rule a value must meet for `score`. */
  | { kind: 'value'; value: number; unit: string; target: Rule; score: number }
  /** Specialists below the maximum, and the rule each one's value must meet (null for plain scores). */
  | { kind: 'specialists'; below: { name: string; value?: number; score: number }[]; unit: string; target: Rule | null; score: number }
  /** Too few observations: the score is held at `score` until `required` are reached. */
  | { kind: 'minimumN'; n: number; required: number; score: number }
  /** A condition reported as not met, which caps the score. */
  | { kind: 'condition'; flag: string; label: LocalText; maxWithout: number }
  /** No observation to go by: the anchor of the maximum score. */
  | { kind: 'anchor'; score: number; anchor: LocalText };

export interface Recommendation {
  itemId: string;
  code: string;
  score: number;
  max: number;
  advice: Advice[];
}

/** The first rule of a numeric item that gives `score`. */
function ruleFor(item: Item, score: number): Rule | null {
  return (
    (item.rules ?? []).find(
      (r) => r.score === score && (r.min !== undefined || r.max !== undefined || r.above !== undefined || r.below !== undefined),
    ) ?? null
  );
}

/**
 * What the item lacks to reach `max`; null when it is at the maximum or not rated. The evidence of a
 * computed score the explicit one overrode is used when the explicit score has none of its own.
 */
export function recommend(item: Item, scored: ScoredItem, max: number): Recommendation | null {
  if (scored.score === null || scored.score >= max) return null;
  const e =
    scored.evidence && Object.keys(scored.evidence).some((k) => k !== 'records')
      ? scored.evidence
      : (scored.overridden?.evidence ?? scored.evidence ?? {});
  const advice: Advice[] = [];
  // An observation that already gives the maximum (an explicit lower score overrode it) says nothing of what is missing.
  const observationAtMax = e.derivedScore !== undefined && e.derivedScore >= max;
  if (!observationAtMax) {
    if (e.elements) {
      for (const el of item.elements ?? []) if (!e.elements.present.includes(el.id)) advice.push({ kind: 'element', id: el.id, label: el.label });
    }
    if (e.value !== undefined && !e.specialists) {
      const target = ruleFor(item, max);
      if (target && (e.rule?.score ?? 0) < max) advice.push({ kind: 'value', value: e.value, unit: item.kind, target, score: max });
    }
    if (e.minimumN) advice.push({ kind: 'minimumN', n: e.minimumN.n, required: e.minimumN.required, score: e.minimumN.score });
    if (e.specialists) {
      const below = e.specialists
        .filter((s) => s.score < max)
        .map((s) => ({ name: s.name, ...(s.value !== undefined ? { value: s.value } : {}), score: s.score }));
      if (below.length)
        advice.push({
          kind: 'specialists',
          below,
          unit: item.kind,
          target: below.some((s) => s.value !== undefined) ? ruleFor(item, max) : null,
          score: max,
        });
    }
    for (const c of e.capped ?? []) {
      const cap = item.caps.find((x) => x.flag === c.flag);
      advice.push({ kind: 'condition', flag: c.flag, label: cap?.label ?? { en: c.flag }, maxWithout: c.maxWithout });
    }
  }
  if (advice.length === 0) {
    const anchor = item.anchors[String(max)];
    if (anchor) advice.push({ kind: 'anchor', score: max, anchor });
  }
  return { itemId: item.id, code: item.code, score: scored.score, max, advice };
}
