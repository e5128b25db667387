// The recommendation for an item, as the reports print it: the reviewers' own text wins and comes first;
// what the scale data and the evidence say the item lacks (src/core/recommendations.ts: the missing
// elements by their text, the number to reach) follows when both exist. One function for every report.
import type { Messages } from '../i18n/locale.js';
import { recommend } from '../core/recommendations.js';
import type { ScoredItem } from '../core/score-item.js';
import type { Item } from '../scale/schema.js';
import { adviceText } from './recommendations.js';

/** What the program would do to raise the item's score; null when there is nothing to recommend. */
export function recommendationFor(item: Item, scored: ScoredItem, m: Messages, max: number): string | null {
  const rec = recommend(item, scored, max);
  const computed = rec ? rec.advice.map((a) => capitalized(adviceText(a, m))).join('. ') : '';
  const own = scored.recommendation?.trim() ?? '';
  if (own && computed) return `${own}\n${m.t('cycle.findings.computed')}${m.t('format.labelSep')}${computed}`;
  return own || computed || null;
}

const capitalized = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
