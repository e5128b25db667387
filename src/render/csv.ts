// CSV output: one row per review (wide) or per item (long); formula-like cells are neutralised.
import type { Messages } from '../i18n/locale.js';
import type { Scale } from '../scale/scale.js';
import type { ScoredReview } from '../core/score-review.js';
import { evidenceText } from './evidence.js';
import { visible } from './safe-text.js';
import { wideCells, wideColumns } from './score-wide.js';

/** A cell a spreadsheet will not run: text starting with = + - @ (or tab/CR) gets a leading apostrophe. */
export function neutralize(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * How a CSV is written. `rfc` (the default, for machines): RFC 4180, commas, decimal points, CRLF.
 * `excel` (for Excel to open as it is): a UTF-8 BOM, the language's separator and decimal mark
 * (`;` and `,` in French, as Excel expects them there), CRLF. The tool reads both back.
 */
export interface CsvStyle {
  separator: ',' | ';';
  decimalComma: boolean;
  bom: boolean;
}

export const RFC_CSV: CsvStyle = { separator: ',', decimalComma: false, bom: false };

export const CSV_STYLES = ['rfc', 'excel'] as const;

/** The style of `--csv-style NAME` in a language. */
export function csvStyle(name: string | undefined, lang: string): CsvStyle {
  if (name !== 'excel') return RFC_CSV;
  return lang === 'fr' ? { separator: ';', decimalComma: true, bom: true } : { separator: ',', decimalComma: false, bom: true };
}

/** A CSV output with the style's BOM before it. */
export function withBom<T extends string | Iterable<string>>(out: T, style: CsvStyle): T | Iterable<string> {
  if (!style.bom) return out;
  if (typeof out === 'string') return '\uFEFF' + out;
  return (function* () {
    yield '\uFEFF';
    yield* out;
  })();
}

export function csvCell(v: string | number | boolean | null | undefined, style: CsvStyle = RFC_CSV): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return style.decimalComma ? String(v).replace('.', ',') : String(v);
  if (typeof v === 'boolean') return String(v);
  // Control characters (ESC...) are shown visibly, as in every text output: a CSV printed raw cannot drive the terminal.
  const s = neutralize(visible(v, '\t\r\n'));
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: (string | number | boolean | null | undefined)[], style: CsvStyle = RFC_CSV): string {
  return cells.map((c) => csvCell(c, style)).join(style.separator) + '\r\n';
}

export type CsvLayout = 'wide' | 'long';

/** CSV of scored reviews, a line at a time; the wide header has a column for each item of the scales. */
export function* scoreCsvLines(
  reviews: Iterable<ScoredReview>,
  m: Messages,
  layout: CsvLayout,
  scales: Scale[],
  style: CsvStyle = RFC_CSV,
): Iterable<string> {
  const line = (cells: (string | number | boolean | null | undefined)[]) => csvLine(cells, style);
  const meta = (r: ScoredReview) => [r.program.name, r.program.id, r.program.site, r.date, r.scale.id];
  if (layout === 'long') {
    yield line(['program', 'program_id', 'site', 'date', 'scale', 'item', 'code', 'section', 'score', 'source', 'evidence', 'note']);
    for (const r of reviews) {
      const itemOf = new Map(r.scale.items.map((i) => [i.id, i]));
      for (const it of r.items) {
        yield line([...meta(r), it.id, it.code, it.section, it.score, it.source, evidenceText(itemOf.get(it.id)!, it, m), it.note]);
      }
    }
    return;
  }
  // Wide: one column per item code; reviews of different scales get the union of codes in order.
  const columns = wideColumns(scales);
  yield line([
    'program',
    'program_id',
    'site',
    'date',
    'scale',
    'complete',
    'rated',
    'total',
    'max',
    'band',
    'band_label',
    'mean',
    ...columns.sections.map((s) => s.id),
    ...columns.codes,
  ]);
  for (const r of reviews) yield line([...meta(r), ...wideCells(r, columns, m)]);
}
