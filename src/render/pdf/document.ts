// A tagged, accessible, deterministic PDF document: fonts, running header, page numbers, headings,
// paragraphs, tables and figures, each in the document's logical structure. Presentation only.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Messages } from '../../i18n/locale.js';
import { breakLongWords } from './text.js';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf');

export type Paper = 'a4' | 'letter';

export interface PdfOptions {
  title: string;
  subject: string;
  /** Running header text (the program, or the network). */
  header: string;
  m: Messages;
  paper: Paper;
  pdfa: boolean;
  /** The date the document takes from its data (never the clock). */
  date: Date;
}

/** A straight line from (x0, y0) to (x1, y1), the document's graphics state left as it was. */
export function segment(doc: PDFKit.PDFDocument, x0: number, y0: number, x1: number, y1: number, width: number, color: string): void {
  doc.save().moveTo(x0, y0).lineTo(x1, y1).lineWidth(width).strokeColor(color).stroke().restore();
}

/** Colours chosen to stay distinct in greyscale (different lightness), always with a text label beside. */
export const COLORS = {
  text: '#1a1a1a',
  muted: '#5f6368',
  rule: '#bdbdbd',
  fill: '#f1f3f4',
  accent: '#1f4e79',
  best: '#1b5e20',
  good: '#5a9e3a',
  fair: '#e0b020',
  poor: '#b3261e',
};

export interface TableColumn {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableCell {
  text: string;
  fill?: string;
  color?: string;
  bold?: boolean;
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: PDFKit.PDFStructureElement;
  /** The open sections (Sect), outermost first: a heading opens one at its level, closing deeper ones. */
  private readonly sections: PDFKit.PDFStructureElement[] = [];
  readonly left: number;
  readonly width: number;
  private readonly bottom: number;

  constructor(readonly opts: PdfOptions) {
    this.doc = new PDFDocument({
      size: opts.paper === 'letter' ? 'LETTER' : 'A4',
      margins: { top: 64, bottom: 60, left: 56, right: 56 },
      bufferPages: true,
      autoFirstPage: false,
      pdfVersion: '1.7',
      tagged: true,
      displayTitle: true,
      lang: opts.m.lang === 'fr' ? 'fr-FR' : 'en-GB',
      ...(opts.pdfa ? { subset: 'PDF/A-2b' as const } : {}),
      info: {
        Title: opts.title,
        Subject: opts.subject,
        Creator: 'ips-fidelity',
        Producer: 'ips-fidelity',
        CreationDate: opts.date,
        ModDate: opts.date,
      },
    } as PDFKit.PDFDocumentOptions);
    // Register each face once and select it by name: pdfkit re-parses a font file that is both the
    // document's default font and registered under a name, on every font() call.
    this.doc.registerFont('Sans', FONT);
    this.doc.registerFont('Bold', FONT_BOLD);
    this.doc.font('Sans');
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.newPage();
    this.left = this.doc.page.margins.left;
    this.width = this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
    this.bottom = this.doc.page.height - this.doc.page.margins.bottom;
  }

  get y(): number {
    return this.doc.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.font('Sans').fontSize(10).fillColor(COLORS.text);
  }

  /** Start a new page when this one is already well over half full (so that no page is left more than half empty). */
  newPageIfPastHalf(): void {
    const top = this.doc.page.margins.top;
    if (this.doc.y - top > (this.bottom - top) * 0.55) this.newPage();
  }

  /** Start a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  /** The element new content goes into: the innermost open section, else the document. */
  private get parent(): PDFKit.PDFStructureElement {
    return this.sections[this.sections.length - 1] ?? this.root;
  }

  private tag(type: string, draw: () => void, options: Record<string, unknown> = {}): void {
    this.parent.add(this.doc.struct(type as never, options as never, draw as never));
  }

  /** Close the open sections deeper than `level` (0: all of them). */
  private closeSections(level: number): void {
    while (this.sections.length > level) this.sections.pop()!.end();
  }

  /** Drawing that carries no meaning (backgrounds, rules, decoration): an artifact, outside the structure. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact' as never);
    draw();
    this.doc.endMarkedContent();
  }

  title(text: string, size = 22): void {
    this.closeSections(0);
    this.tag('H1', () => {
      this.doc
        .font('Bold')
        .fontSize(size)
        .fillColor(COLORS.accent)
        .text(breakLongWords(this.doc, text, this.width), this.left, this.doc.y, { width: this.width });
    });
    this.doc.moveDown(0.4);
  }

  heading(text: string, level: 1 | 2 = 1): void {
    this.ensure(level === 1 ? 80 : 50);
    if (level === 1) this.doc.moveDown(0.6);
    // H2 and what follows it up to the next H2 form a section; an H3 a section inside it.
    this.closeSections(level - 1);
    const sect = this.doc.struct('Sect');
    this.parent.add(sect);
    this.sections.push(sect);
    this.tag(level === 1 ? 'H2' : 'H3', () => {
      this.doc
        .font('Bold')
        .fontSize(level === 1 ? 14 : 11.5)
        .fillColor(level === 1 ? COLORS.accent : COLORS.text)
        .text(breakLongWords(this.doc, text, this.width), this.left, this.doc.y, { width: this.width });
    });
    this.doc.moveDown(0.3);
  }

  paragraph(text: string, opts: { size?: number; color?: string; bold?: boolean; gap?: number } = {}): void {
    const size = opts.size ?? 10;
    this.doc.font(opts.bold ? 'Bold' : 'Sans').fontSize(size);
    text = breakLongWords(this.doc, text, this.width);
    this.ensure(this.doc.heightOfString(text, { width: this.width }) + 2);
    this.tag('P', () => {
      this.doc.fillColor(opts.color ?? COLORS.text).text(text, this.left, this.doc.y, { width: this.width });
    });
    this.doc.moveDown(opts.gap ?? 0.4);
  }

  /** Label: value lines, as on a cover page: a table of rows, each headed by its label (TH, scope Row). */
  facts(rows: [string, string][]): void {
    const labelWidth = 130;
    const table = this.doc.struct('Table');
    this.parent.add(table);
    for (let [label, value] of rows) {
      this.doc.font('Bold').fontSize(10.5);
      label = breakLongWords(this.doc, label, labelWidth - 8);
      this.doc.font('Sans');
      value = breakLongWords(this.doc, value, this.width - labelWidth);
      // The taller of the label (bold, in its column) and the value, so that a wrapped label never runs into the next row.
      const labelHeight = this.doc.font('Bold').heightOfString(label, { width: labelWidth - 8 });
      const h = Math.max(this.doc.font('Sans').heightOfString(value, { width: this.width - labelWidth }), labelHeight, 14);
      this.ensure(h + 4);
      const y = this.doc.y;
      table.add(
        this.doc.struct('TR', [
          this.doc.struct(
            'TH',
            { scope: 'Row' } as never,
            (() =>
              this.doc
                .font('Bold')
                .fillColor(COLORS.muted)
                .text(label, this.left, y, { width: labelWidth - 8 })) as never,
          ),
          this.doc.struct('TD', (() =>
            this.doc
              .font('Sans')
              .fillColor(COLORS.text)
              .text(value, this.left + labelWidth, y, { width: this.width - labelWidth })) as never),
        ] as never),
      );
      this.doc.y = y + h + 4;
    }
    table.end();
  }

  /** A table that breaks across pages, repeating its header row. */
  table(columns: TableColumn[], rows: TableCell[][], opts: { size?: number; headerSize?: number; pad?: number; minRow?: number } = {}): void {
    const size = opts.size ?? 9;
    const pad = opts.pad ?? 3;
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const sizeOf = (header: boolean) => (header ? (opts.headerSize ?? size) : size);
    const fit = (cells: TableCell[], header: boolean) =>
      cells.map((c, i) => ({
        ...c,
        text: breakLongWords(this.doc.font(header || c.bold ? 'Bold' : 'Sans').fontSize(sizeOf(header)), c.text, widths[i]! - 2 * pad),
      }));
    rows = rows.map((r) => fit(r, false));
    const heightOf = (cells: TableCell[], header: boolean) =>
      Math.max(
        header ? 0 : (opts.minRow ?? 0),
        ...cells.map((c, i) =>
          this.doc
            .font(header || c.bold ? 'Bold' : 'Sans')
            .fontSize(sizeOf(header))
            .heightOfString(c.text || ' ', { width: widths[i]! - 2 * pad }),
        ),
      ) +
      2 * pad;
    const struct = (type: string, children: unknown, options: object = {}) => this.doc.struct(type as never, options as never, children as never);
    /**
     * One row: backgrounds and rule as artifacts, each cell its own TH (scope Column) or TD element.
     * The header row repeated on a continuation page is an artifact: the table has one header row.
     */
    const drawRow = (table: PDFKit.PDFStructureElement | null, cells: TableCell[], header: boolean) => {
      const h = heightOf(cells, header);
      const y = this.doc.y;
      const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
      this.doc.markContent('Artifact' as never);
      cells.forEach((c, i) => {
        const fill = header ? COLORS.fill : c.fill;
        if (fill) this.doc.save().rect(xs[i]!, y, widths[i]!, h).fill(fill).restore();
      });
      segment(this.doc, this.left, y + h, this.left + this.width, y + h, 0.4, COLORS.rule);
      this.doc.endMarkedContent();
      const draw = (c: TableCell, i: number) => () => {
        this.doc
          .font(header || c.bold ? 'Bold' : 'Sans')
          .fontSize(sizeOf(header))
          .fillColor(c.color ?? (header ? COLORS.muted : COLORS.text));
        this.doc.text(c.text, xs[i]! + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
      };
      if (table)
        table.add(
          struct(
            'TR',
            cells.map((c, i) => struct(header ? 'TH' : 'TD', draw(c, i), header ? { scope: 'Column' } : {})),
          ),
        );
      else this.artifact(() => cells.forEach((c, i) => draw(c, i)()));
      this.doc.y = y + h;
      this.doc.x = this.left;
    };
    const head = fit(
      columns.map((c) => ({ text: c.title })),
      true,
    );
    this.ensure(heightOf(head, true) + heightOf(rows[0] ?? head, false));
    const table = this.doc.struct('Table');
    this.parent.add(table);
    drawRow(table, head, true);
    for (const r of rows) {
      if (this.doc.y + heightOf(r, false) > this.bottom) {
        this.newPage();
        drawRow(null, head, true);
      }
      drawRow(table, r, false);
    }
    table.end();
    this.doc.moveDown(0.6);
  }

  /** A vector figure with alternative text for screen readers. */
  figure(alt: string, height: number, draw: (x: number, y: number, width: number) => void): void {
    this.ensure(height + 8);
    const y = this.doc.y;
    this.tag('Figure', () => draw(this.left, y, this.width), { alt, bbox: [this.left, y, this.left + this.width, y + height], placement: 'Block' });
    this.doc.y = y + height + 6;
    this.doc.x = this.left;
  }

  /** Running header and "page n of N" footer on every page, marked as artifacts. */
  private decorate(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const { width, height, margins } = this.doc.page;
      this.doc.markContent('Artifact', { type: 'Pagination' } as never);
      this.doc.font('Sans').fontSize(8).fillColor(COLORS.muted);
      this.doc.text(breakLongWords(this.doc, this.opts.header.slice(0, 1000), width), margins.left, 30, {
        width: width - margins.left - margins.right,
        lineBreak: false,
        height: 10,
        ellipsis: true,
      });
      segment(this.doc, margins.left, 44, width - margins.right, 44, 0.4, COLORS.rule);
      const footer = this.opts.m.t('pdf.page', { n: i + 1, total: range.count });
      this.doc.text(breakLongWords(this.doc, this.opts.title.slice(0, 1000), width), margins.left, height - 40, {
        width: (width - margins.left - margins.right) * 0.75,
        lineBreak: false,
        height: 10,
        ellipsis: true,
      });
      this.doc.text(footer, margins.left, height - 40, { width: width - margins.left - margins.right, align: 'right', lineBreak: false, height: 10 });
      this.doc.endMarkedContent();
    }
  }

  /** Finish and return the bytes. */
  async finish(): Promise<Buffer> {
    this.closeSections(0);
    this.root.end();
    this.decorate();
    const chunks: Buffer[] = [];
    this.doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve) => this.doc.on('end', () => resolve()));
    this.doc.end();
    await done;
    return Buffer.concat(chunks);
  }
}
