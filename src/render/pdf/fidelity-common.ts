// What every part of the fidelity report shares: its options, the band colours, and the context its
// sections are drawn from (the review, its history, the writer, the messages).
import type { Messages } from '../../i18n/locale.js';
import type { ScoredReview } from '../../core/score-review.js';
import type { Band, Item } from '../../scale/schema.js';
import { localize } from '../../scale/scale.js';
import { bandTone, signed } from '../score-view.js';
import type { BandSpan } from './charts.js';
import { COLORS, type Paper, type PdfWriter, type TableCell } from './document.js';
import type { ReportCycle } from './report-cycle.js';

export interface ReportOptions {
  paper: Paper;
  pdfa: boolean;
  /** Document date: from the data, or SOURCE_DATE_EPOCH. */
  date: Date;
}

/** Band colour by rank among the scale's bands (best at the top, poor at the bottom). */
export function bandColor(bands: Band[], band: Band | null): string {
  return COLORS[bandTone(bands, band)];
}

/** The band's colour for text: its hue, dark enough for 4.5:1 contrast on white and on COLORS.fill (WCAG AA). */
export function bandTextColor(bands: Band[], band: Band | null): string {
  const c = bandColor(bands, band);
  return c === COLORS.good ? '#2e6b1f' : c === COLORS.fair ? '#7a5a00' : c;
}

/** A review's band as a table cell: its label in the band's colour, or "incomplete" muted. */
export function bandCell(r: ScoredReview, m: Messages): TableCell {
  return r.band
    ? { text: localize(r.band.label, m.lang), color: bandTextColor(r.scale.bands, r.band) }
    : { text: m.t('score.incompleteShort'), color: COLORS.muted };
}

/** The change of the total since the review before (signed), or '—' when either is incomplete or there is none. */
export function changeText(r: ScoredReview, prev: ScoredReview | null): string {
  return prev && prev.total !== null && r.total !== null ? signed(r.total - prev.total) : '—';
}

/** The count of reviews in each band of the scale, best first, then the incomplete ones (when any). */
export function bandBars(scale: ScoredReview['scale'], reviews: ScoredReview[], m: Messages): { label: string; count: number; color: string }[] {
  const bars = scale.bands
    .map((b) => ({ label: localize(b.label, m.lang), count: reviews.filter((r) => r.band?.id === b.id).length, color: bandColor(scale.bands, b) }))
    .reverse();
  const incomplete = reviews.filter((r) => r.band === null).length;
  if (incomplete) bars.push({ label: m.t('score.incompleteShort'), count: incomplete, color: COLORS.rule });
  return bars;
}

export function bandSpans(r: ScoredReview, m: Messages): BandSpan[] {
  return [...r.scale.bands]
    .map((b, i) => ({
      label: localize(b.label, m.lang),
      from: Math.max(b.min, r.scale.minTotal),
      to: i === 0 ? r.max : r.scale.bands[i - 1]!.min - 1,
      color: bandColor(r.scale.bands, b),
    }))
    .reverse();
}

/** What each section of the fidelity report draws from. */
export interface FidelityContext {
  pdf: PdfWriter;
  doc: PDFKit.PDFDocument;
  m: Messages;
  /** The review reported: the latest of its program. */
  r: ScoredReview;
  /** Every review of the program, oldest first, `r` last. */
  history: ScoredReview[];
  /** The review before `r`, if any. */
  previous: ScoredReview | null;
  cycle: ReportCycle;
  /** The top item score. */
  max: number;
  itemOf: Map<string, Item>;
  L: (t: { en: string; [k: string]: string } | string | undefined) => string;
}
