// What every part of the fidelity report shares: its options, the band colours, and the context its
// sections are drawn from (the review, its history, the writer, the messages).
import type { Messages } from '../../i18n/locale.js';
import type { ScoredReview } from '../../core/score-review.js';
import type { Band, Item } from '../../scale/schema.js';
import { localize } from '../../scale/scale.js';
import { bandTone } from '../score-view.js';
import type { BandSpan } from './charts.js';
import { COLORS, type Paper, type PdfWriter } from './document.js';
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
