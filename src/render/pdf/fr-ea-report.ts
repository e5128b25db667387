// The PDF of the French national indicators of emploi accompagné: a headline, work by setting at the
// end and during the window (a chart with every bar labelled), then the same tables as the terminal,
// the definitions and the small-cell note.
import type { Messages } from '../../i18n/locale.js';
import type { FrEaIndicators, FrSetting } from '../../core/fr-ea.js';
import type { ProgramSettings } from '../../core/records.js';
import { HIDDEN, type Cell } from '../../core/suppression.js';
import { frEaBlocks, frEaTitle } from '../fr-ea-view.js';
import { formatDate } from '../score-view.js';
import type { Block } from '../view.js';
import { COLORS, PdfWriter, segment } from './document.js';
import { drawBlock } from './blocks.js';
import type { ReportOptions } from './fidelity-report.js';

const cellText = (c: Cell, m: Messages) => (typeof c === 'number' ? m.num(c) : c === HIDDEN ? m.t('privacy.hidden') : c);

export async function frEaReportPdf(o: FrEaIndicators, settings: ProgramSettings, m: Messages, opts: ReportOptions): Promise<Buffer> {
  const title = m.t('frEa.pdf.title');
  const from = formatDate(o.window.from, m);
  const to = formatDate(o.window.to, m);
  const pdf = new PdfWriter({
    title: `${title} — ${settings.name}`,
    subject: m.t('frEa.pdf.subject'),
    header: `${frEaTitle(settings)} · ${from} – ${to}`,
    m,
    ...opts,
  });
  const doc = pdf.doc;
  pdf.paragraph(title.toUpperCase(), { color: COLORS.muted, bold: true, size: 11 });
  pdf.title(settings.name, 22);
  pdf.paragraph(m.t('frEa.window', { from, to }), { color: COLORS.muted });
  const inWork = o.workAtEnd.inWork;
  const headline =
    o.flow.atEnd > 0 && !o.workAtEnd.withheld
      ? m.t('frEa.pdf.headline', {
          accompanied: m.num(o.accompanied),
          from,
          to,
          inWork: inWork.rate === null ? cellText(inWork.people, m) : `${cellText(inWork.people, m)} (${m.pct(inWork.rate)})`,
        })
      : m.t('frEa.pdf.headlineNoEnd', { accompanied: m.num(o.accompanied), from, to });
  pdf.paragraph(headline, { bold: true, size: 12 });

  // Work by setting: two bars per setting (at the end, during), each with its share or its suppressed count.
  const rows = [
    { s: 'inWork' as const, at: o.workAtEnd.inWork, du: o.workDuring.inWork },
    ...(['ordinary', 'ea', 'esat', 'none'] as FrSetting[]).map((s) => ({
      s,
      at: o.workAtEnd.settings.find((x) => x.setting === s)!,
      du: o.workDuring.settings.find((x) => x.setting === s)!,
    })),
  ];
  const rowLabel = (s: FrSetting | 'inWork') => (s === 'inWork' ? m.t('frEa.inWork') : m.t(`frEa.setting.${s}`));
  if (!o.workAtEnd.withheld || !o.workDuring.withheld) {
    pdf.heading(m.t('frEa.workTitle'));
    const atLabel = m.t('frEa.col.atEnd', { to });
    const duLabel = m.t('frEa.col.during');
    const value = (c: { people: Cell; rate: number | null }) =>
      c.rate === null ? cellText(c.people, m) : `${m.pct(c.rate)} (${cellText(c.people, m)})`;
    const alt = rows.map((r) => `${rowLabel(r.s)}: ${atLabel} ${value(r.at)}, ${duLabel} ${value(r.du)}`).join('; ');
    const rowH = 34;
    const height = rows.length * rowH + 22;
    pdf.figure(alt, height, (x, y, w) => {
      const labelW = w * 0.36;
      const barX = x + labelW + 6;
      const barW = w - labelW - 90;
      // Legend: the two bars of each row.
      doc.font('Sans').fontSize(7.5).fillColor(COLORS.muted);
      doc
        .save()
        .rect(barX, y + 2, 10, 6)
        .fill(COLORS.accent)
        .restore();
      doc.fillColor(COLORS.text).text(atLabel, barX + 14, y + 1, { lineBreak: false });
      const second = barX + 20 + doc.widthOfString(atLabel) + 12;
      doc
        .save()
        .rect(second, y + 2, 10, 6)
        .fillOpacity(0.45)
        .fill(COLORS.accent)
        .restore();
      doc.fillColor(COLORS.text).text(duLabel, second + 14, y + 1, { lineBreak: false });
      rows.forEach((r, i) => {
        const ry = y + 18 + i * rowH;
        doc
          .font(r.s === 'inWork' ? 'Bold' : 'Sans')
          .fontSize(8)
          .fillColor(COLORS.text)
          .text(rowLabel(r.s), x, ry + 4, { width: labelW, height: rowH - 4 });
        [r.at, r.du].forEach((c, k) => {
          const by = ry + 2 + k * 14;
          const len = c.rate === null ? 0 : Math.max(1, c.rate * barW);
          if (len)
            doc
              .save()
              .rect(barX, by, len, 11)
              .fillOpacity(k === 0 ? 1 : 0.45)
              .fill(r.s === 'none' ? COLORS.muted : COLORS.accent)
              .restore();
          doc
            .font(k === 0 ? 'Bold' : 'Sans')
            .fontSize(7.5)
            .fillColor(COLORS.text)
            .text(value(c), barX + len + 4, by + 2, { lineBreak: false });
        });
      });
      segment(doc, barX, y + 16, barX, y + 18 + rows.length * rowH, 0.6, COLORS.rule);
    });
  }

  const blocks = frEaBlocks(o, settings, m);
  // The tables as on the terminal; the pointer to the definitions gives way to the definitions themselves.
  const definitions = m.t('frEa.definitions');
  for (const b of blocks.slice(blocks.findIndex((x) => x.kind === 'heading'))) if (!(b.kind === 'line' && b.text === definitions)) emit(b);
  pdf.heading(m.t('frEa.pdf.method'));
  pdf.paragraph(m.t('frEa.pdf.methodText'), { size: 8.5 });
  return pdf.finish();

  function emit(b: Block): void {
    drawBlock(pdf, b, { minWidth: 8, maxWidth: 60, strongBold: true });
  }
}
