// CSV output: one row per review (wide) or per item (long); formula-like cells are neutralised.
import type { Messages } from '../i18n/locale.js';
import { localize, type Scale } from '../scale/scale.js';
import type { ScoredReview } from '../core/score-review.js';
import { evidenceText } from './evidence.js';
import { visible } from './safe-text.js';

/** A cell a spreadsheet will not run: text starting with = + - @ (or tab/CR) gets a leading apostrophe. */
export function neutralize(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // Control characters (ESC...) are shown visibly, as in every text output: a CSV printed raw cannot drive the terminal.
  const s = neutralize(visible(v, '\t\r\n'));
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export type CsvLayout = 'wide' | 'long';

/** CSV of scored reviews, a line at a time; the wide header has a column for each item of the scales. */
export function* scoreCsvLines(reviews: Iterable<ScoredReview>, m: Messages, layout: CsvLayout, scales: Scale[]): Iterable<string> {
  const meta = (r: ScoredReview) => [r.program.name, r.program.id, r.program.site, r.date, r.scale.id];
  if (layout === 'long') {
    yield csvLine(['program', 'program_id', 'site', 'date', 'scale', 'item', 'code', 'section', 'score', 'source', 'evidence', 'note']);
    for (const r of reviews) {
      const itemOf = new Map(r.scale.items.map((i) => [i.id, i]));
      for (const it of r.items) {
        yield csvLine([...meta(r), it.id, it.code, it.section, it.score, it.source, evidenceText(itemOf.get(it.id)!, it, m), it.note]);
      }
    }
    return;
  }
  // Wide: one column per item code; reviews of different scales get the union of codes in order.
  const codes: string[] = [];
  const sections: string[] = [];
  for (const scale of scales) {
    for (const i of scale.items) if (!codes.includes(i.code)) codes.push(i.code);
    for (const s of scale.sections) if (!sections.includes(s.id)) sections.push(s.id);
  }
  yield csvLine(['program', 'program_id', 'site', 'date', 'scale', 'complete', 'rated', 'total', 'max', 'band', 'band_label', 'mean', ...sections, ...codes]);
  for (const r of reviews) {
    const byCode = new Map(r.items.map((i) => [i.code, i.score]));
    const bySection = new Map(r.sections.map((s) => [s.id, s.score]));
    yield csvLine([
      ...meta(r), r.complete, r.rated, r.total, r.max, r.band?.id ?? null, r.band ? localize(r.band.label, m.lang) : null,
      r.mean === null ? null : Number(r.mean.toFixed(4)),
      ...sections.map((s) => bySection.get(s) ?? null),
      ...codes.map((c) => byCode.get(c) ?? null),
    ]);
  }
}
