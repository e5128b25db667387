// A view's blocks (src/render/view.ts) drawn in a PDF: headings, muted lines and tables whose column
// widths follow the longest word of the header and the longest cell, so that no word is cut.
import type { Block, ViewCell } from '../view.js';
import { COLORS, type PdfWriter } from './document.js';

export const cellText = (c: ViewCell) => (typeof c === 'string' ? c : c.text);

export interface BlockStyle {
  /** Column widths, in characters, are kept within these bounds. */
  minWidth: number;
  maxWidth: number;
  /** Cells of the `strong` tone in bold. */
  strongBold?: boolean;
}

export function drawBlock(pdf: PdfWriter, b: Block, style: BlockStyle): void {
  if (b.kind === 'heading') pdf.heading(b.text);
  else if (b.kind === 'line') {
    if (b.text) pdf.paragraph(b.text, { size: 8.5, color: COLORS.muted });
  } else if (b.kind === 'table') {
    const widths = b.columns.map((c, i) => {
      const longestWord = Math.max(...c.title.split(/\s+/).map((w) => w.length));
      const longestCell = b.rows.reduce((w, r) => Math.max(w, cellText(r[i] ?? '').length), 0);
      return Math.min(style.maxWidth, Math.max(longestWord + 2, Math.min(longestCell, style.maxWidth), style.minWidth));
    });
    pdf.table(
      b.columns.map((c, i) => ({ title: c.title, width: widths[i]!, align: c.align === 'right' ? 'right' : 'left' })),
      b.rows.map((r) => r.map((c) => ({ text: cellText(c), ...(style.strongBold ? { bold: typeof c !== 'string' && c.tone === 'strong' } : {}) }))),
      { size: 8.5 },
    );
  }
}
