// The wide score table (one row per review, sections and items in columns), shared by the CSV and the
// workbook: the same columns and cells, each format naming and typing them its own way.
import type { ScoredReview } from '../core/score-review.js';
import type { Messages } from '../i18n/locale.js';
import { localize, type Scale } from '../scale/scale.js';

export interface WideColumns {
  /** Every section of the scales, in order (their union when the reviews use several). */
  sections: { id: string; code: string }[];
  /** Every item code of the scales, in order. */
  codes: string[];
}

export function wideColumns(scales: Scale[]): WideColumns {
  const codes: string[] = [];
  const sections: { id: string; code: string }[] = [];
  for (const scale of scales) {
    for (const i of scale.items) if (!codes.includes(i.code)) codes.push(i.code);
    for (const s of scale.sections) if (!sections.some((t) => t.id === s.id)) sections.push({ id: s.id, code: s.code });
  }
  return { sections, codes };
}

/** A review's cells after its identity: complete, rated, total, max, band, band label, mean, then each section and item. */
export function wideCells(r: ScoredReview, columns: WideColumns, m: Messages): (string | number | boolean | null)[] {
  const byCode = new Map(r.items.map((i) => [i.code, i.score]));
  const bySection = new Map(r.sections.map((s) => [s.id, s.score]));
  return [
    r.complete,
    r.rated,
    r.total,
    r.max,
    r.band?.id ?? null,
    r.band ? localize(r.band.label, m.lang) : null,
    r.mean === null ? null : Number(r.mean.toFixed(4)),
    ...columns.sections.map((s) => bySection.get(s.id) ?? null),
    ...columns.codes.map((c) => byCode.get(c) ?? null),
  ];
}
