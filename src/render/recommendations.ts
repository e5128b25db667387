// Findings and recommendations as text: the reviewers' own words first, then what the tool computes
// from the scale data (src/core/recommendations.ts). The fidelity report can call itemAdvice.
import type { Messages } from '../i18n/locale.js';
import { recommend, type Advice, type Recommendation } from '../core/recommendations.js';
import type { ScoredReview } from '../core/score-review.js';
import { localize } from '../scale/scale.js';
import { ruleText, valueText } from './evidence.js';

/** One piece of computed advice as a sentence in the output language (without the item code). */
export function adviceText(a: Advice, m: Messages): string {
  switch (a.kind) {
    case 'element':
      return m.t('cycle.advice.element', { label: lowerFirst(localize(a.label, m.lang)), id: a.id });
    case 'value':
      return m.t('cycle.advice.value', { value: valueText(a.unit, a.value, m), rule: ruleText(a.target, m), score: a.score });
    case 'specialists': {
      const list = a.below.map((s) => (s.value !== undefined ? `${s.name} ${valueText(a.unit, s.value, m)}` : `${s.name} ${s.score}`)).join(', ');
      return a.target
        ? m.t('cycle.advice.specialistsRule', { list, rule: ruleText(a.target, m), score: a.score })
        : m.t('cycle.advice.specialists', { list, score: a.score });
    }
    case 'minimumN':
      return m.t('cycle.advice.minimumN', { n: a.n, required: a.required, score: a.score });
    case 'condition':
      return m.t('cycle.advice.condition', { label: lowerFirst(localize(a.label, m.lang)), max: a.maxWithout });
    case 'anchor':
      return m.t('cycle.advice.anchor', { score: a.score, anchor: localize(a.anchor, m.lang) });
  }
}

const lowerFirst = (s: string) => (/^[A-ZÀ-Ý][a-zà-ÿ]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** Each piece of a computed recommendation, as "O2: …" lines. */
export function recommendationLines(r: Recommendation, m: Messages): string[] {
  return r.advice.map((a) => `${r.code}${m.t('format.labelSep')}${adviceText(a, m)}`);
}

/** What the fidelity report (and `score --detail`) shows about an item: finding, reviewers' and computed recommendations. */
export interface ItemAdvice {
  id: string;
  code: string;
  name: string;
  score: number | null;
  max: number;
  finding: string | null;
  /** The reviewers' recommendation: it wins, and is shown first. */
  recommendation: string | null;
  /** The computed recommendation, one sentence a line ("O2: …"); shown beside the reviewers' when both exist. */
  computed: string[];
  /** The recommendation to show first: the reviewers' own, else the first computed line. */
  lead: string | null;
}

/** Items below their maximum, or with a finding or recommendation, in scale order. */
export function itemAdvice(r: ScoredReview, m: Messages): ItemAdvice[] {
  const max = r.scale.scoreRange.max;
  const out: ItemAdvice[] = [];
  for (const it of r.items) {
    const item = r.scale.items.find((i) => i.id === it.id)!;
    const rec = recommend(item, it, max);
    if (!rec && !it.finding && !it.recommendation) continue;
    const computed = rec ? recommendationLines(rec, m) : [];
    out.push({
      id: it.id,
      code: it.code,
      name: localize(item.name, m.lang),
      score: it.score,
      max,
      finding: it.finding ?? null,
      recommendation: it.recommendation ?? null,
      computed,
      lead: it.recommendation ? `${it.code}${m.t('format.labelSep')}${it.recommendation}` : (computed[0] ?? null),
    });
  }
  return out;
}
