// The network report for a funder or a coordinator: many programs' fidelity and employment outcomes
// together (docs/commands/report.md, "Network report"). Presentation only: every figure comes from
// the scored reviews and the outcomes each program's own commands give.
import type { Messages } from '../../i18n/locale.js';
import type { ScoredReview } from '../../core/score-review.js';
import type { Outcomes, PeriodOutcome } from '../../core/outcomes.js';
import { latestWhole, reviewedOnTime, shownRate, type NetworkOutcomes } from '../../core/network.js';
import { isOverdue } from '../../core/next-review.js';
import { formatDate } from '../score-view.js';
import { benchmarkLines, periodLabel, periodName, rateText } from '../outcomes-view.js';
import { countChart, rateChart, scatterChart } from './charts.js';
import { COLORS, PdfWriter, type TableCell } from './document.js';
import { bandBars, bandCell, bandSpans, changeText, type ReportOptions } from './fidelity-common.js';
import { heatmapAndWeakest } from './portfolio-report.js';
import { printedRate } from '../../core/outcomes.js';

const ID_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export interface NetworkReportProgram {
  program: { id?: string; name: string; site?: string };
  /** The program's reviews, oldest first (none: not reviewed). */
  reviews: ScoredReview[];
  /** Its outcomes over the network's window (null: no records). */
  outcomes: Outcomes | null;
}

export interface NetworkReportInput {
  title: string;
  /** The network's id (network.yaml's `id:`), shown beside the title. */
  id?: string;
  programs: NetworkReportProgram[];
  /** The network total (null when no program has records). */
  network: NetworkOutcomes | null;
  /** The data's latest date: reviews on time are judged on it. */
  asOf: string;
  minCell: number;
}

const idOf = (p: NetworkReportProgram) => p.program.id ?? p.program.name;
/** Ids in reading order: SYN-2 before SYN-10 (numbers compared as numbers), the same on every machine. */
const byId = (a: NetworkReportProgram, b: NetworkReportProgram) =>
  ID_ORDER.compare(idOf(a), idOf(b)) || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);

/** A program's row: its latest review and the one before, its latest whole quarter and the rates shown. */
interface Row {
  p: NetworkReportProgram;
  r: ScoredReview | null;
  prev: ScoredReview | null;
  latest: PeriodOutcome | null;
  rate: number | null;
  prevRate: number | null;
}

type Benchmarks = NonNullable<NetworkReportProgram['outcomes']>['rules']['benchmarks'];

/** Fidelity against employment: the scatter with the bands and benchmark lines, and the points left unlabelled. */
function scatterSection(
  pdf: PdfWriter,
  m: Messages,
  rows: Row[],
  reviewed: Row[],
  k: { scale: ScoredReview['scale']; B: Benchmarks; grow: boolean; n: number; minCell: number },
): void {
  const { scale, B, grow, n, minCell } = k;
  const doc = pdf.doc;
  pdf.newPage();
  pdf.heading(m.t('networkReport.scatter'));
  const plotted = rows.filter((x) => x.r && x.r.total !== null && x.rate !== null);
  const lines = benchmarkLines(B, grow, m);
  const points = plotted.map((x) => ({ label: idOf(x.p), x: x.r!.total!, y: x.rate! }));
  const alt = m.t('networkReport.scatterAlt', { list: plotted.map((x) => `${idOf(x.p)}: ${x.r!.total}, ${rateText(x.rate, m)}`).join('; ') });
  let unlabelled: number[] = [];
  pdf.figure(alt, 300, (x, y, w) => {
    unlabelled = scatterChart(
      doc,
      x,
      y,
      w,
      300,
      points,
      { min: scale.minTotal, max: scale.maxTotal, bands: bandSpans(reviewed[0]!.r!, m), xTitle: m.t('networkReport.scatterX') },
      lines,
      (r) => m.pct(r, 0),
    );
  });
  pdf.paragraph(m.t('networkReport.scatterNote', { plotted: plotted.length, count: n, n: minCell }), { size: 8.5, color: COLORS.muted });
  if (unlabelled.length) {
    pdf.heading(m.t('networkReport.legend'), 2);
    pdf.paragraph(m.t('networkReport.legendNote', { count: unlabelled.length }), { size: 8.5, color: COLORS.muted });
    const left = unlabelled.map((i) => plotted[i]!).sort((a, b) => byId(a.p, b.p));
    pdf.table(
      [
        { title: m.t('networkReport.col.id'), width: 1.65 },
        { title: m.t('col.program'), width: 4 },
        { title: m.t('col.total'), width: 1, align: 'right' },
        { title: m.t('networkReport.col.rate'), width: 1.2, align: 'right' },
      ],
      left.map((x) => [{ text: idOf(x.p), bold: true }, { text: x.p.program.name }, { text: String(x.r!.total) }, { text: rateText(x.rate, m) }]),
      { size: 7.5 },
    );
  }
}

/** One row per program, by id, under the network's own row: fidelity, outcomes, trend and next review. */
function programTableSection(
  pdf: PdfWriter,
  m: Messages,
  rows: Row[],
  k: {
    asOf: string;
    minCell: number;
    net: ReturnType<typeof latestWhole>;
    B: Benchmarks | undefined;
    meanTotal: number | null;
    onTime: number;
    n: number;
  },
): void {
  const { asOf, minCell, net, B, meanTotal, onTime, n } = k;
  pdf.newPageIfPastHalf();
  pdf.heading(m.t('networkReport.table'));
  pdf.paragraph(m.t('networkReport.tableNote', { n: minCell, date: formatDate(asOf, m) }), { size: 8, color: COLORS.muted });
  /** A signed difference with one decimal, in the report's number format (+9.3, −4.7, 0.0). */
  const sdiff = (d: number) => (d > 0.04 ? '+' : d < -0.04 ? '−' : '') + m.num(Math.abs(Math.round(d * 10) / 10), 1);
  const trend = (now: number | null, before: number | null): string => {
    if (now === null || before === null) return '—';
    const d = (printedRate(now) - printedRate(before)) * 100;
    return `${d > 0.04 ? '↑' : d < -0.04 ? '↓' : '→'} ${sdiff(d)}`;
  };
  const bench = (p: PeriodOutcome | null, rate: number | null): TableCell => {
    if (!p || rate === null) return { text: '—', color: COLORS.muted };
    if (p.benchmark) return { text: m.t(`benchmark.${p.benchmark}`) };
    if (p.growBenchmarkMet !== undefined && p.growBenchmarkMet !== null && B)
      return { text: m.t(p.growBenchmarkMet ? 'benchmark.growMet' : 'benchmark.growMissed', B) };
    return { text: '—', color: COLORS.muted };
  };
  const rateCell = (x: Row): TableCell => {
    if (!x.p.outcomes) return { text: m.t('networkReport.noRecords'), color: COLORS.muted };
    if (!x.latest) return { text: '—', color: COLORS.muted };
    if (x.rate === null) return { text: m.t('networkReport.withheld', { n: minCell }), color: COLORS.muted };
    // The quarter is named when it is not the network's latest.
    return { text: rateText(x.rate, m) + (x.latest.label === net.latest?.label ? '' : ` (${periodLabel(x.latest.label, m)})`), bold: true };
  };
  const netRate = net.latest?.rate ?? null;
  const vsRate = (rate: number | null) => (rate === null || netRate === null ? '—' : sdiff((printedRate(rate) - printedRate(netRate)) * 100));
  const ordered = [...rows].sort((a, b) => byId(a.p, b.p));
  const netRow: TableCell[] = [
    { text: m.t('networkReport.network'), bold: true, fill: COLORS.fill },
    { text: m.t('networkReport.networkRow', { count: n }), bold: true, fill: COLORS.fill },
    { text: meanTotal === null ? '—' : m.num(meanTotal, 1), bold: true, fill: COLORS.fill },
    { text: m.t('networkReport.mean'), fill: COLORS.fill, color: COLORS.muted },
    { text: '', fill: COLORS.fill },
    { text: '', fill: COLORS.fill },
    { text: net.latest && netRate !== null ? `${rateText(netRate, m)} (${periodLabel(net.latest.label, m)})` : '—', bold: true, fill: COLORS.fill },
    { ...bench(net.latest, netRate), fill: COLORS.fill },
    { text: '', fill: COLORS.fill },
    { text: trend(netRate, net.previous?.rate ?? null), fill: COLORS.fill },
    { text: m.t('networkReport.onTimeShort', { on: onTime, count: n }), fill: COLORS.fill },
  ];
  pdf.table(
    [
      { title: m.t('networkReport.col.id'), width: 1.65 },
      { title: m.t('networkReport.col.program'), width: 2.45 },
      { title: m.t('col.total'), width: 0.9, align: 'right' },
      { title: m.t('col.band'), width: 1.4 },
      { title: m.t('networkReport.col.change'), width: 1.1, align: 'right' },
      { title: m.t('networkReport.col.vsMean'), width: 1.1, align: 'right' },
      { title: m.t('networkReport.col.rate'), width: 1.5, align: 'right' },
      { title: m.t('col.benchmark'), width: 1.8 },
      { title: m.t('networkReport.col.vsNetwork'), width: 1.2, align: 'right' },
      { title: m.t('networkReport.col.trend'), width: 1.3, align: 'right' },
      { title: m.t('networkReport.col.next'), width: 1.6 },
    ],
    [
      netRow,
      ...ordered.map((x): TableCell[] => {
        const r = x.r;
        const due = r?.nextReview?.date ?? null;
        return [
          { text: x.p.program.id ?? '—', bold: true },
          { text: [x.p.program.name, x.p.program.site].filter(Boolean).join(' — ') },
          { text: r ? (r.total === null ? '—' : String(r.total)) : '', bold: true },
          r ? bandCell(r, m) : { text: m.t('networkReport.notReviewed'), color: COLORS.muted },
          { text: r ? changeText(r, x.prev) : '—' },
          { text: r && r.total !== null && meanTotal !== null ? sdiff(r.total - meanTotal) : '—' },
          rateCell(x),
          bench(x.latest, x.rate),
          { text: vsRate(x.rate) },
          { text: trend(x.rate, x.prevRate) },
          due
            ? {
                text: formatDate(due, m) + (isOverdue(due, asOf) ? ` ${m.t('networkReport.overdue')}` : ''),
                color: isOverdue(due, asOf) ? COLORS.poor : COLORS.text,
                bold: isOverdue(due, asOf),
              }
            : { text: '—', color: COLORS.muted },
        ];
      }),
    ],
    { size: 7, headerSize: 6.5, pad: 2 },
  );
  pdf.paragraph(m.t('networkReport.columnsNote'), { size: 8, color: COLORS.muted });
}

export async function networkReportPdf(input: NetworkReportInput, m: Messages, opts: ReportOptions): Promise<Buffer> {
  const { programs, network, asOf, minCell } = input;
  const n = programs.length;
  const pdf = new PdfWriter({
    title: input.title,
    subject: m.t('networkReport.subject', { count: n }),
    header: `${input.title}${input.id ? ` (${input.id})` : ''} · ${m.t('networkReport.asOf', { date: formatDate(asOf, m) })}`,
    m,
    ...opts,
  });
  const doc = pdf.doc;
  const rows = programs.map((p) => {
    const r = p.reviews.at(-1) ?? null;
    const prev = p.reviews.length > 1 ? p.reviews.at(-2)! : null;
    const w = p.outcomes ? latestWhole(p.outcomes.periods) : { latest: null, previous: null };
    return { p, r, prev, latest: w.latest, rate: shownRate(w.latest, minCell), prevRate: shownRate(w.previous, minCell) };
  });
  const reviewed = rows.filter((x) => x.r);
  const scale = reviewed[0]?.r!.scale;
  const onTime = rows.filter((x) => x.r && reviewedOnTime(x.r.nextReview?.date, asOf)).length;
  const totals = reviewed.flatMap((x) => (x.r!.total === null ? [] : [x.r!.total]));
  const meanTotal = totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : null;
  const net = network ? latestWhole(network.periods) : { latest: null, previous: null };
  const B = rows.find((x) => x.p.outcomes)?.p.outcomes?.rules.benchmarks;
  const grow = network?.convention === 'ips-grow';

  // Page 1: the network at a glance.
  pdf.paragraph(m.t('networkReport.kicker').toUpperCase() + (input.id ? ` · ${input.id}` : ''), { color: COLORS.muted, bold: true, size: 11 });
  pdf.title(input.title, 24);
  pdf.facts([
    [
      m.t('networkReport.programs'),
      m.t('networkReport.programsValue', { count: n, reviewed: reviewed.length, records: rows.filter((x) => x.p.outcomes).length }),
    ],
    [m.t('networkReport.dataAsOf'), formatDate(asOf, m)],
    [m.t('networkReport.onTime'), m.t('networkReport.onTimeValue', { on: onTime, count: n, date: formatDate(asOf, m) })],
    ...(meanTotal !== null && scale
      ? [
          [
            m.t('networkReport.meanTotal'),
            m.t('networkReport.meanTotalValue', { mean: m.num(meanTotal, 1), max: scale.maxTotal, n: totals.length }),
          ] as [string, string],
        ]
      : []),
    ...(network
      ? [
          [m.t('networkReport.window'), m.t('pdf.fromTo', { from: formatDate(network.window.from, m), to: formatDate(network.window.to, m) })] as [
            string,
            string,
          ],
          [
            m.t('networkReport.rateWindow'),
            network.measures.rate === null
              ? '—'
              : m.t('outcomes.of', { count: m.num(network.measures.working), of: m.num(network.measures.served), pct: m.pct(network.measures.rate) }),
          ] as [string, string],
        ]
      : []),
  ]);

  if (scale) {
    pdf.heading(m.t('networkReport.byBand'));
    const bars = bandBars(
      scale,
      reviewed.map((x) => x.r!),
      m,
    );
    if (reviewed.length < n) bars.push({ label: m.t('networkReport.notReviewed'), count: n - reviewed.length, color: COLORS.fill });
    pdf.figure(m.t('pdf.portfolio.distributionAlt', { list: bars.map((b) => `${b.label}: ${b.count}`).join('; ') }), 120, (x, y, w) =>
      countChart(doc, x, y, w, 120, bars),
    );
  }
  if (network && B) {
    pdf.heading(m.t('networkReport.rateByQuarter'));
    const points = network.periods.map((p) => ({ label: periodLabel(p.label, m), rate: p.rate, text: rateText(p.rate, m), partial: p.partial }));
    const lines = benchmarkLines(B, grow, m);
    const list = network.periods.map((p) => `${periodName(p, m)}: ${rateText(p.rate, m)}`).join('; ');
    pdf.figure(m.t('privacy.chartAltLines', { lines: lines.map((l) => m.pct(l.value, 0)).join(', '), list }), 170, (x, y, w) =>
      rateChart(doc, x, y, w, 170, points, lines, (r) => m.pct(r, 0), m.t('privacy.partialShort')),
    );
    pdf.paragraph(m.t('networkReport.rateNote', { programs: network.programs }), { size: 8.5, color: COLORS.muted });
  }

  // Fidelity against employment: one point per program reviewed and with a rate shown.
  if (scale && network && B) scatterSection(pdf, m, rows, reviewed, { scale, B, grow, n, minCell });

  // One row per program, by id, under the network's own row.
  programTableSection(pdf, m, rows, { asOf, minCell, net, B, meanTotal, onTime, n });

  // The item × program heat map and the items weakest across the network, with the network's means.
  if (reviewed.length) {
    pdf.newPageIfPastHalf();
    // Rows named by program id (the table above gives names and sites), ordered by total as the note says.
    const byTotal = [...reviewed].sort((a, b) => (b.r!.total ?? -1) - (a.r!.total ?? -1) || byId(a.p, b.p));
    heatmapAndWeakest(
      pdf,
      byTotal.map((x): ScoredReview => ({ ...x.r!, program: { name: idOf(x.p) } })),
      m,
      { meanRow: m.t('networkReport.networkMean') },
    );
  }

  pdf.heading(m.t('pdf.method'));
  pdf.paragraph(m.t('networkReport.method', { n: minCell, max: Math.max(0, minCell - 1), date: formatDate(asOf, m) }), { size: 8.5 });
  return pdf.finish();
}
