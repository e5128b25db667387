// Page 1 of the fidelity report: the executive summary a board member reads in a minute. The result and
// its band, the trajectory over every review of the program, three strengths and three priorities with
// their recommendations, the reviewers' agreement, and (when given) the action plan's state and the next
// review's date.
import type { ScoredItem } from '../../core/score-item.js';
import { formatDate, signed } from '../score-view.js';
import { recommendationFor } from '../recommendation.js';
import { bandScale, scoreFill, trajectoryChart } from './charts.js';
import { COLORS } from './document.js';
import { bandColor, bandSpans, bandTextColor, type FidelityContext } from './fidelity-common.js';

/** Items rated highest, best first, ties in scale order. */
export function strengthsOf(items: ScoredItem[], n = 3): ScoredItem[] {
  return items
    .map((i, k) => ({ i, k }))
    .filter(({ i }) => i.score !== null)
    .sort((a, b) => b.i.score! - a.i.score! || a.k - b.k)
    .slice(0, n)
    .map(({ i }) => i);
}

/** Items below the top score, lowest first, ties in scale order. */
export function prioritiesOf(items: ScoredItem[], max: number, n = Infinity): ScoredItem[] {
  return items
    .map((i, k) => ({ i, k }))
    .filter(({ i }) => i.score !== null && i.score < max)
    .sort((a, b) => a.i.score! - b.i.score! || a.k - b.k)
    .slice(0, n)
    .map(({ i }) => i);
}

export function executiveSummary(c: FidelityContext): void {
  summaryHeader(c);
  resultRow(c);
  cycleFacts(c);
  trajectory(c);
  strengthsAndPriorities(c);
  agreementSummary(c);
}

/** The program, the review and who made it, in three lines. */
function summaryHeader({ pdf, m, r }: FidelityContext): void {
  pdf.paragraph(m.t('fidelityReport.kicker').toUpperCase(), { color: COLORS.muted, bold: true, size: 9, gap: 0.2 });
  pdf.title(r.program.name, 20);
  const who = [
    [r.program.site, r.program.id].filter(Boolean).join(' · '),
    m.t('fidelityReport.reviewOf', { date: formatDate(r.date, m) }),
    r.type ? m.t(`reviewType.${r.type}`) : '',
    r.reviewers.join(', '),
  ].filter(Boolean);
  pdf.paragraph(who.join(' · '), { size: 9.5, color: COLORS.muted, gap: 0.8 });
}

/** The total and its band in a box, then the total on the scale of bands. */
function resultRow({ pdf, doc, m, r, L }: FidelityContext): void {
  const y = doc.y;
  const h = 58;
  const color = r.total === null ? COLORS.muted : bandColor(r.scale.bands, r.band);
  pdf.artifact(() => {
    doc.save().roundedRect(pdf.left, y, pdf.width, h, 6).fill(COLORS.fill).restore();
    doc.save().rect(pdf.left, y, 7, h).fill(color).restore();
  });
  const resultText = r.total === null ? m.t('pdf.incompleteTotal', { rated: r.rated, items: r.itemCount }) : `${r.total} / ${r.max}`;
  const bandText = r.total === null ? m.t('pdf.incompleteNote') : L(r.band!.label);
  pdf.figure(m.t('pdf.resultAlt', { result: resultText, band: bandText }), h, (x) => {
    doc
      .font('Bold')
      .fontSize(r.total === null ? 16 : 26)
      .fillColor(COLORS.text)
      .text(resultText, x + 20, y + 8, { width: pdf.width - 30, lineBreak: false });
    doc
      .font('Bold')
      .fontSize(12)
      .fillColor(r.total === null ? COLORS.muted : bandTextColor(r.scale.bands, r.band))
      .text(bandText, x + 20, y + 38, { width: pdf.width - 30, lineBreak: false, ellipsis: true });
  });
  const total = r.total;
  if (total === null) {
    // What stands between the review and a total: the items nobody rated (those to reconcile come with the agreement).
    const toReconcile = new Set(r.agreement?.noConsensus ?? []);
    const unrated = r.items.filter((i) => i.score === null && !toReconcile.has(i.code));
    if (unrated.length) pdf.paragraph(m.t('fidelityReport.notRatedYet', { list: unrated.map((i) => i.code).join(', ') }), { size: 9.5 });
    return;
  }
  doc.moveDown(0.3);
  pdf.figure(m.t('pdf.bandScaleAlt', { total, band: bandText }), 66, (x, fy, w) =>
    bandScale(doc, x, fy + 8, w, bandSpans(r, m), r.scale.minTotal, r.max, total, m.t('pdf.marker', { total })),
  );
}

/** The action plan's state and the next review's date, each only when given. */
function cycleFacts({ pdf, m, cycle }: FidelityContext): void {
  const rows: [string, string][] = [];
  const a = cycle.actions;
  if (a) rows.push([m.t('fidelityReport.actionState'), m.t('fidelityReport.actionCounts', { done: a.done, open: a.open, overdue: a.overdue })]);
  if (cycle.nextReview) rows.push([m.t('fidelityReport.nextReview'), formatDate(cycle.nextReview, m)]);
  if (rows.length === 0) return;
  pdf.facts(rows);
  pdf.doc.moveDown(0.3);
}

/** Every review's total on a small chart, and the change since the one before. */
function trajectory({ pdf, doc, m, r, history, previous }: FidelityContext): void {
  pdf.heading(m.t('fidelityReport.trajectory'));
  if (history.length < 2) {
    pdf.paragraph(m.t('fidelityReport.firstReview'), { size: 9.5, color: COLORS.muted });
    return;
  }
  const points = history.map((h) => ({ date: formatDate(h.date, m), total: h.total }));
  const alt = m.t('fidelityReport.trajectoryAlt', {
    list: points.map((p) => `${p.date}: ${p.total ?? m.t('fidelityReport.incompletePoint')}`).join('; '),
  });
  pdf.figure(alt, 130, (x, y, w) =>
    trajectoryChart(doc, x, y, w, 130, points, bandSpans(r, m), r.scale.minTotal, r.max, m.t('fidelityReport.incompletePoint')),
  );
  if (previous && previous.total !== null && r.total !== null) {
    pdf.paragraph(
      m.t('pdf.changeLine', { date: formatDate(previous.date, m), from: previous.total, to: r.total, delta: signed(r.total - previous.total) }),
      { bold: true, size: 9.5 },
    );
  }
}

/** Three strengths (code, item, score) and three priorities with their recommendations. */
function strengthsAndPriorities(c: FidelityContext): void {
  const { pdf, m, r, max, itemOf, L } = c;
  const strengths = strengthsOf(r.items);
  const priorities = prioritiesOf(r.items, max, 3);
  const code = { title: m.t('col.code'), width: 0.7 };
  const score = { title: m.t('col.score'), width: 0.8, align: 'center' as const };
  pdf.heading(m.t('fidelityReport.strengths'));
  if (strengths.length === 0) pdf.paragraph(m.t('fidelityReport.noneRated'), { size: 9.5 });
  else {
    pdf.table(
      [code, { title: m.t('col.item'), width: 9.3 }, score],
      strengths.map((i) => [
        { text: i.code, bold: true },
        { text: L(itemOf.get(i.id)!.name) },
        { text: String(i.score), fill: scoreFill(i.score, max), bold: true },
      ]),
      { size: 8.5 },
    );
  }
  pdf.heading(m.t('fidelityReport.priorities'));
  if (priorities.length === 0) pdf.paragraph(m.t('pdf.noRecommendations'), { size: 9.5 });
  else {
    pdf.table(
      [code, { title: m.t('col.item'), width: 2.6 }, score, { title: m.t('fidelityReport.recommendation'), width: 6.7 }],
      priorities.map((i) => {
        const item = itemOf.get(i.id)!;
        return [
          { text: i.code, bold: true },
          { text: L(item.name) },
          { text: String(i.score), fill: scoreFill(i.score, max), bold: true },
          { text: recommendationFor(item, i, m, max) ?? '' },
        ];
      }),
      { size: 8 },
    );
  }
}

/** Each pair of reviewers in one line, and the items still to reconcile (no consensus score yet). */
function agreementSummary({ pdf, m, r }: FidelityContext): void {
  const a = r.agreement;
  if (!a || a.pairs.length === 0) return;
  pdf.heading(m.t('fidelityReport.agreement'));
  const ratio = (x: { count: number; of: number; rate: number | null }) => (x.rate === null ? '—' : `${x.count}/${x.of} (${m.pct(x.rate, 0)})`);
  for (const p of a.pairs) {
    pdf.paragraph(
      m.t('fidelityReport.pair', {
        a: p.a,
        b: p.b,
        exact: ratio(p.exact),
        within: ratio(p.withinOne),
        kappa: p.kappa === null ? '—' : m.num(p.kappa, 2),
      }),
      { size: 9 },
    );
  }
  const open = reconcileList(r, m);
  pdf.paragraph(open ? m.t('fidelityReport.toReconcile', { list: open }) : m.t('fidelityReport.allReconciled'), { size: 9, bold: Boolean(open) });
}

/** The items rated by the reviewers with no consensus score yet, each with their ratings: "V5 (4 vs 2)". */
export function reconcileList(r: FidelityContext['r'], m: FidelityContext['m']): string {
  const a = r.agreement;
  if (!a) return '';
  return a.noConsensus
    .map((code) => {
      const ratings = a.byReviewer.map((x) => x.scores[code]).filter((s) => s !== undefined);
      return `${code} (${ratings.join(m.t('agreement.vs'))})`;
    })
    .join(', ');
}
