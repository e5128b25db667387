// The PDF portfolio for a funder: every site's latest review, the distribution of totals across
// bands, an item-by-site heat map and the items weakest across the network.
import type { Messages } from '../../i18n/locale.js';
import type { ScoredReview } from '../../core/score-review.js';
import { localize } from '../../scale/scale.js';
import { formatDate, programTitle } from '../score-view.js';
import { countChart, scoreFill } from './charts.js';
import { COLORS, PdfWriter, type TableCell } from './document.js';
import { bandBars, bandCell, changeText, type ReportOptions } from './fidelity-common.js';
import { programLabel } from '../../core/identity.js';

/** `groups`: each program's reviews, oldest first; the latest is reported, the one before gives the change. */
export async function portfolioPdf(groups: ScoredReview[][], m: Messages, opts: ReportOptions): Promise<Buffer> {
  const L = (t: { en: string; [k: string]: string } | string | undefined) => localize(t, m.lang);
  const latest = groups.map((g) => ({ r: g[g.length - 1]!, prev: g.length > 1 ? g[g.length - 2]! : null }));
  const scale = latest[0]!.r.scale;
  const title = m.t('pdf.portfolio.title');
  const dates = latest
    .map((l) => l.r.date ?? '')
    .filter(Boolean)
    .sort();
  const pdf = new PdfWriter({
    title,
    subject: m.t('pdf.portfolio.subject', { count: latest.length }),
    header: `${title} · ${m.t('pdf.portfolio.count', { count: latest.length })}`,
    m,
    ...opts,
  });
  const doc = pdf.doc;

  doc.moveDown(3);
  pdf.paragraph(title.toUpperCase(), { color: COLORS.muted, bold: true, size: 11 });
  pdf.title(m.t('pdf.portfolio.count', { count: latest.length }), 26);
  pdf.facts([
    [m.t('pdf.portfolio.reviews'), dates.length ? m.t('pdf.fromTo', { from: dates[0]!, to: dates[dates.length - 1]! }) : '—'],
    [m.t('pdf.scale'), `${L(scale.name)} · ${L(scale.version)}`],
    [m.t('pdf.portfolio.complete'), `${latest.filter((l) => l.r.complete).length} / ${latest.length}`],
  ]);
  const complete = latest.filter((l) => l.r.total !== null).map((l) => l.r.total!);
  if (complete.length) {
    const mean = complete.reduce((a, b) => a + b, 0) / complete.length;
    pdf.paragraph(m.t('pdf.portfolio.meanTotal', { mean: m.num(mean, 1), n: complete.length, max: scale.maxTotal }), { bold: true, size: 12 });
  }

  pdf.heading(m.t('pdf.portfolio.distribution'));
  const bands = bandBars(
    scale,
    latest.map((l) => l.r),
    m,
  );
  pdf.figure(m.t('pdf.portfolio.distributionAlt', { list: bands.map((b) => `${b.label}: ${b.count}`).join('; ') }), 150, (x, y, w) =>
    countChart(doc, x, y, w, 150, bands),
  );

  pdf.newPage();
  pdf.heading(m.t('pdf.portfolio.sites'));
  const ordered = [...latest].sort((a, b) => (b.r.total ?? -1) - (a.r.total ?? -1) || (programTitle(a.r) < programTitle(b.r) ? -1 : 1));
  pdf.table(
    [
      { title: m.t('col.program'), width: 4 },
      { title: m.t('col.date'), width: 1.5 },
      { title: m.t('col.total'), width: 1.1, align: 'right' },
      { title: m.t('col.band'), width: 2.6 },
      { title: m.t('pdf.delta'), width: 1.1, align: 'right' },
      { title: m.t('col.rated'), width: 1, align: 'right' },
    ],
    ordered.map(({ r, prev }) => [
      { text: programTitle(r) },
      { text: formatDate(r.date, m) },
      { text: r.total === null ? '—' : String(r.total), bold: true },
      bandCell(r, m),
      { text: changeText(r, prev) },
      { text: `${r.rated}/${r.itemCount}` },
    ]),
    { size: 8.5 },
  );

  pdf.newPage();
  heatmapAndWeakest(
    pdf,
    ordered.map((o) => o.r),
    m,
  );
  return pdf.finish();
}

/**
 * The item × program heat map of the latest reviews (in the order given) and the items weakest across
 * them; with `meanRow`, a last row of the heat map gives each item's mean over the programs (a label).
 */
export function heatmapAndWeakest(pdf: PdfWriter, reviews: ScoredReview[], m: Messages, opts: { meanRow?: string } = {}): void {
  pdf.heading(m.t('pdf.portfolio.heatmap'));
  pdf.paragraph(m.t('pdf.portfolio.heatmapNote'), { size: 8.5, color: COLORS.muted });
  const scale = reviews[0]!.scale;
  const L = (t: { en: string; [k: string]: string } | string | undefined) => localize(t, m.lang);
  const codes = scale.items.map((i) => i.code);
  pdf.table(
    [
      { title: m.t('col.program'), width: 3.6 },
      ...codes.map((c) => ({ title: c, width: 1, align: 'center' as const })),
      { title: 'Σ', width: 1.4, align: 'right' },
    ],
    [
      ...reviews.map((r) => {
        const byCode = new Map(r.items.map((i) => [i.code, i.score]));
        return [
          { text: programLabel({ name: r.program.name, ...(r.program.id ? { id: r.program.id } : {}) }) }, // the site is in the table above
          ...codes.map((c): TableCell => {
            const s = byCode.get(c) ?? null;
            return { text: s === null ? '·' : String(s), fill: scoreFill(s, scale.scoreRange.max) };
          }),
          { text: r.total === null ? '—' : String(r.total), bold: true },
        ];
      }),
      ...(opts.meanRow ? [meanRow(opts.meanRow)] : []),
    ],
    { size: 6.5, headerSize: 6, pad: 1.5 },
  );

  pdf.heading(m.t('pdf.portfolio.weakest'));
  const stats = scale.items.map((item) => {
    const scores = reviews.flatMap((r) => {
      const s = r.items.find((i) => i.id === item.id)?.score;
      return s === null || s === undefined ? [] : [s];
    });
    return {
      item,
      n: scores.length,
      mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      low: scores.filter((s) => s <= 3).length,
    };
  });
  const weakest = stats
    .filter((s) => s.mean !== null)
    .sort((a, b) => a.mean! - b.mean! || a.item.code.localeCompare(b.item.code, 'en'))
    .slice(0, 10);
  pdf.table(
    [
      { title: m.t('col.code'), width: 0.8 },
      { title: m.t('col.item'), width: 5 },
      { title: m.t('col.mean'), width: 1.1, align: 'right' },
      { title: m.t('pdf.portfolio.low'), width: 2, align: 'right' },
      { title: 'n', width: 0.8, align: 'right' },
    ],
    weakest.map((s) => [
      { text: s.item.code, bold: true },
      { text: L(s.item.name) },
      { text: m.num(s.mean!, 2), fill: scoreFill(s.mean, scale.scoreRange.max), bold: true },
      { text: `${s.low} / ${s.n}` },
      { text: String(s.n) },
    ]),
  );

  /** Each item's mean score over the programs that rated it, and the mean of the complete totals. */
  function meanRow(label: string): TableCell[] {
    const totals = reviews.flatMap((r) => (r.total === null ? [] : [r.total]));
    return [
      { text: label, bold: true },
      ...codes.map((c): TableCell => {
        const s = reviews.flatMap((r) => r.items.filter((i) => i.code === c && i.score !== null).map((i) => i.score!));
        const mean = s.length ? s.reduce((x, y) => x + y, 0) / s.length : null;
        return { text: mean === null ? '·' : m.num(mean, 1), fill: scoreFill(mean, scale.scoreRange.max), bold: true };
      }),
      { text: totals.length ? m.num(totals.reduce((x, y) => x + y, 0) / totals.length, 1) : '—', bold: true },
    ];
  }
}
