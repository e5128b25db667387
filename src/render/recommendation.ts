// The recommendation for an item below the top score: today the scale's next anchor (what the program would
// do to gain a point). One function, so that computed recommendations (naming the missing elements, the
// number to reach) and the reviewers' own text can replace it in every report at once.
import type { ScoredItem } from '../core/score-item.js';
import type { Item } from '../scale/schema.js';
import { localize } from '../scale/scale.js';

/** What the program would do to raise the item's score; null for an unrated item or one at the top score. */
export function recommendationFor(item: Item, scored: ScoredItem, lang: string, max: number): string | null {
  if (scored.score === null || scored.score >= max) return null;
  const next = item.anchors[String(scored.score + 1)];
  return next === undefined ? null : localize(next, lang);
}
