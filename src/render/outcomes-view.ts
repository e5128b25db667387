// What `outcomes` shows: periods with rates and benchmarks, then every measure with its n and denominator.
import type { Messages } from '../i18n/locale.js';
import { printedRate, type Cell, type Outcomes, type PeriodOutcome, type Ratio } from '../core/outcomes.js';
import { HIDDEN } from '../core/suppression.js';
import type { ContractTable } from '../core/contracts.js';
import type { BenchmarkLevels } from '../scale/outcome-rules.js';
import type { ProgramSettings } from '../core/records.js';
import { localize } from '../scale/scale.js';
import { formatDate } from './score-view.js';
import type { Column } from './layout.js';
import type { Block, Tone } from './view.js';

const BENCH_TONE: Record<string, Tone> = { 'below-minimal': 'poor', minimal: 'fair', average: 'good', excellent: 'best' };

/** A period label in the output language: 2025-Q1 reads "2025-T1" and 2025-H1 "2025-S1" in French; months and years as they are. */
export function periodLabel(label: string, m: Messages): string {
  const h = /^(\d{4})-H(\d)$/.exec(label);
  if (h) return m.t('network.semester', { y: h[1]!, h: h[2]! });
  const q = /^(\d{4})-Q(\d)$/.exec(label);
  return q
    ? m.t('format.quarter', { y: q[1]!, q: q[2]! })
    : label.includes('/')
      ? label
          .split('/')
          .map((d) => formatDate(d, m))
          .join(' – ')
      : label;
}

/** The name of a kind of reporting period ("quarters", "half-years"). */
export const byText = (by: Outcomes['by'], m: Messages) => m.t(by === 'semester' ? 'network.bySemester' : `outcomes.by.${by}`);

/** "85 of 156 (54.5%)": a rate always with its counts. */
/** The columns of a table of employment rates by period. */
export function rateColumns(m: Messages): Column[] {
  return [
    { title: m.t('col.period') },
    { title: m.t('col.served'), align: 'right' },
    { title: m.t('col.working'), align: 'right' },
    { title: m.t('col.rate'), align: 'right' },
    { title: m.t('col.benchmark') },
    { title: m.t('col.jobStarts'), align: 'right' },
  ];
}

/** The benchmark lines of a rate chart, labelled: 40% for IPS Grow, else the minimal, average and excellent rates. */
export function benchmarkLines(B: BenchmarkLevels, grow: boolean, m: Messages): { value: number; label: string }[] {
  const line = (value: number, name: string) => ({ value, label: m.t('pdf.outcomes.line', { pct: m.pct(value, 0), name }) });
  if (grow) return [line(B.ipsGrow / 100, 'IPS Grow')];
  return (['minimal', 'average', 'excellent'] as const).map((level) => line(B[level] / 100, m.t(`benchmark.${level}`)));
}

/** The line under a title: the window, the periods and the convention of the figures. */
export function windowLine(o: Pick<Outcomes, 'window' | 'by' | 'convention'>, m: Messages): Block {
  const { from, to } = o.window;
  const text = m.t('outcomes.window', {
    from: formatDate(from, m),
    to: formatDate(to, m),
    by: byText(o.by, m),
    convention: m.t(`outcomes.convention.${o.convention}`),
  });
  return { kind: 'line', text, tone: 'muted' };
}

export function ratioText(r: Ratio, m: Messages): string {
  if (r.of === 0) return m.t('measures.noneEligible');
  return r.rate === null
    ? m.t('outcomes.ofNone', { count: r.count, of: r.of })
    : m.t('outcomes.of', { count: r.count, of: r.of, pct: m.pct(r.rate) });
}

const cellText = (c: Cell, m: Messages) => (typeof c === 'number' ? m.num(c) : c === HIDDEN ? m.t('privacy.hidden') : c);

/** A period's label, marked when the window cuts it. */
export const periodName = (p: PeriodOutcome, m: Messages) =>
  p.partial ? m.t('privacy.partial', { label: periodLabel(p.label, m) }) : periodLabel(p.label, m);

/** A period rate as printed: the same rounded number its benchmark class is taken from. */
export const rateText = (rate: number | null, m: Messages) => (rate === null ? '—' : m.pct(printedRate(rate)));

/** The benchmark cell of a period: the standard class, or IPS Grow's 40% met or missed, or none. */
export function benchmarkCell(p: PeriodOutcome, levels: BenchmarkLevels, m: Messages): { text: string; tone?: Tone } | string {
  if (p.benchmark) return { text: m.t(`benchmark.${p.benchmark}`), tone: BENCH_TONE[p.benchmark] };
  if (p.growBenchmarkMet !== undefined && p.growBenchmarkMet !== null)
    return { text: m.t(p.growBenchmarkMet ? 'benchmark.growMet' : 'benchmark.growMissed', levels), tone: p.growBenchmarkMet ? 'good' : 'poor' };
  return '—';
}
/** The message `key.one`, `key.other`… that the language's plural rules choose for `n` (Intl.PluralRules), `n` filled in. */
function plural(key: string, n: number, m: Messages, decimals = 0): string {
  const form = new Intl.PluralRules(m.lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).select(n);
  return m.t(m.has(`${key}.${form}`) ? `${key}.${form}` : `${key}.other`, { n: m.num(n, decimals) });
}

/** A count of days or weeks with the language's singular or plural ("1 day", "2 days", "1,5 jour"). */
export function unitText(unit: 'days' | 'weeks', n: number | null, m: Messages): string {
  return n === null ? '—' : plural(`measures.${unit}`, n, m, Number.isInteger(n) ? 0 : 1);
}
const days = (n: number | null, m: Messages) => unitText('days', n, m);

/** Days to first contact with those still without one: the rule of V4 from records, said in full. */
function contactText(c: Outcomes['measures']['daysToFirstContact'], m: Messages): string {
  if (!c.n) return c.recent ? m.t('finish.contactNone', { recent: c.recent, limit: c.limit }) : '—';
  const text = m.t('outcomes.meanMedian', { mean: days(c.mean, m), median: days(c.median, m), n: c.n, cohort: c.cohort });
  const late = c.late ? ` · ${m.t('finish.contactCensored', { late: c.late, limit: c.limit })}` : '';
  return text + late + (c.recent ? ` · ${m.t('finish.contactRecent', { recent: c.recent, limit: c.limit })}` : '');
}

export function outcomesBlocks(o: Outcomes, settings: ProgramSettings, contracts: ContractTable, m: Messages): Block[] {
  const M = o.measures;
  const title = [settings.name, settings.site].filter(Boolean).join(' — ') + (settings.id ? ` (${settings.id})` : '');
  const blocks: Block[] = [
    { kind: 'title', text: title },
    windowLine(o, m),
    { kind: 'heading', text: m.t('outcomes.rateTitle') },
    {
      kind: 'table',
      columns: rateColumns(m),
      rows: o.periods.map((p) => [
        periodName(p, m),
        m.num(p.served),
        m.num(p.working),
        rateText(p.rate, m),
        benchmarkCell(p, o.rules.benchmarks, m),
        m.num(p.jobStarts),
      ]),
    },
    { kind: 'line', text: m.t(o.convention === 'ips-grow' ? 'privacy.growNote' : 'outcomes.benchmarkNote', o.rules.benchmarks), tone: 'muted' },
    ...(o.periods.some((p) => p.partial) ? [{ kind: 'line' as const, text: m.t('privacy.partialNote'), tone: 'muted' as const }] : []),
    { kind: 'heading', text: m.t('outcomes.measuresTitle', { from: formatDate(o.window.from, m), to: formatDate(o.window.to, m) }) },
  ];
  const rows: string[][] = [
    [m.t('measure.employment'), ratioText({ count: M.working, of: M.served, rate: M.rate }, m)],
    [m.t('measure.jobStarts'), m.t('outcomes.starts', { starts: M.jobStarts, first: M.firstJobStarts })],
    [m.t('measure.daysToContact'), contactText(M.daysToFirstContact, m)],
    [
      m.t('measure.daysToJob'),
      M.daysToFirstJob.n
        ? m.t('outcomes.median', { median: days(M.daysToFirstJob.median, m), n: M.daysToFirstJob.n, cohort: M.daysToFirstJob.cohort })
        : '—',
    ],
    ...M.daysToFirstJob.within.map((w) => [m.t('measure.jobWithin', { days: w.days }), ratioText(w, m)]),
    [m.t('measure.within12'), ratioText(M.workedWithin12Months, m)],
    [m.t('measure.tenure'), M.tenure.ended ? m.t('outcomes.medianJobs', { median: days(M.tenure.medianDays, m), n: M.tenure.ended }) : '—'],
    ...M.tenure.stillWorking.map((s) => [m.t('measure.stillWorking', { days: s.days }), ratioText(s, m)]),
    [
      m.t('measures.longest'),
      M.tenure.longest.people
        ? m.t('measures.longestValue', {
            median: days(M.tenure.longest.medianDays, m),
            n: M.tenure.longest.people,
            censored: M.tenure.longest.censored,
          })
        : '—',
    ],
    [
      m.t('measures.weeksWorked'),
      M.weeksWorked.people
        ? m.t('measures.weeksValue', {
            mean: unitText('weeks', M.weeksWorked.mean, m),
            median: unitText('weeks', M.weeksWorked.median, m),
            n: M.weeksWorked.people,
          })
        : '—',
    ],
    [m.t('measure.hours'), M.hours.n ? m.t('outcomes.medianHours', { median: m.num(M.hours.median!, 1), n: M.hours.n }) : '—'],
    [m.t('measures.jobsAtLeast', { hours: M.hours.line }), ratioText(M.hours.atLeast20, m)],
    [m.t('measures.peopleAtLeast', { hours: M.hours.line }), ratioText(M.hours.peopleAtLeast20, m)],
    [
      m.t('measure.wage'),
      M.wage.n ? m.t('outcomes.medianWage', { median: m.num(M.wage.median!, 2), currency: settings.currency ?? '', n: M.wage.n }) : '—',
    ],
    [
      m.t('measure.minimumWage'),
      M.wage.atOrAboveMinimum
        ? `${ratioText(M.wage.atOrAboveMinimum, m)} · ${m.t('outcomes.minimumIs', { wage: m.num(M.wage.minimumWage!, 2), currency: settings.currency ?? '' })}`
        : m.t('outcomes.needsMinimumWage'),
    ],
    [
      m.t('measure.dropOut'),
      M.exits.recorded ? ratioText(M.exits.dropOut, m) + ' · ' + m.t('outcomes.exited', { n: M.exits.exited }) : m.t('measures.exitsNotRecorded'),
    ],
    [
      m.t('measure.competitiveShare'),
      ratioText({ count: M.contracts.competitive, of: M.contracts.jobs, rate: M.contracts.competitiveShare }, m) +
        (M.contracts.workTrials ? ' · ' + plural('measures.workTrials', M.contracts.workTrials, m) : ''),
    ],
  ];
  blocks.push({
    kind: 'table',
    columns: [
      { title: m.t('col.measure'), wrap: true },
      { title: m.t('col.value'), wrap: true },
    ],
    rows,
  });

  blocks.push(...breakdownBlocks(o, contracts, m));
  if (o.minCell > 0)
    blocks.push({
      kind: 'line',
      text: m.t('privacy.suppression', { n: o.minCell, max: o.minCell - 1, hidden: m.t('privacy.hidden') }),
      tone: 'muted',
    });
  if (settings.minimumWage === undefined) blocks.push({ kind: 'line', text: m.t('outcomes.needsMinimumWage'), tone: 'muted' });
  return blocks;
}

/** The breakdowns a funder sees after the measures: exit reasons, the contract mix, per-specialist figures. */
function breakdownBlocks(o: Outcomes, contracts: ContractTable, m: Messages): Block[] {
  const M = o.measures;
  const blocks: Block[] = [];
  if (M.exits.reasonsWithheld) {
    blocks.push({ kind: 'heading', text: m.t('outcomes.reasonsTitle') });
    blocks.push({ kind: 'line', text: m.t('privacy.reasonsWithheld', { n: o.minCell }) });
  } else if (M.exits.reasons.length) {
    blocks.push({ kind: 'heading', text: m.t('outcomes.reasonsTitle') });
    blocks.push({
      kind: 'table',
      columns: [
        { title: m.t('col.reason'), wrap: true },
        { title: m.t('col.people'), align: 'right' },
      ],
      rows: M.exits.reasons.map((r) => [r.reason, cellText(r.people, m)]),
    });
  }
  blocks.push({ kind: 'heading', text: m.t('outcomes.contractsTitle') });
  const label = (id: string) => localize(contracts.contracts.find((c) => c.id === id)?.label, m.lang) || m.t('measures.unclassified', { value: id });
  if (M.contracts.withheld) blocks.push({ kind: 'line', text: m.t('privacy.mixWithheld', { n: o.minCell }) });
  else
    blocks.push({
      kind: 'table',
      columns: [
        { title: m.t('col.contract'), wrap: true },
        { title: m.t('col.setting'), wrap: true },
        { title: m.t('col.competitive') },
        { title: m.t('col.jobs'), align: 'right' },
        { title: m.t('col.people'), align: 'right' },
      ],
      rows: M.contracts.byContract.map((c) => [
        label(c.contract),
        c.setting ? localize(contracts.settings.find((s) => s.id === c.setting)?.label, m.lang) : '—',
        m.t(c.competitive ? 'outcomes.yes' : 'outcomes.no'),
        cellText(c.jobs, m),
        cellText(c.people, m),
      ]),
    });
  // No specialist column nor staff table: no table of zeros.
  if (M.specialists.length) blocks.push({ kind: 'heading', text: m.t('outcomes.specialistsTitle') });
  if (M.specialists.length)
    blocks.push({
      kind: 'table',
      columns: [
        { title: m.t('col.specialist'), wrap: true },
        { title: m.t('col.caseload'), align: 'right' },
        { title: m.t('col.contactsWeek'), align: 'right' },
        { title: m.t('col.served'), align: 'right' },
        { title: m.t('col.working'), align: 'right' },
        { title: m.t('col.rate'), align: 'right' },
      ],
      rows: M.specialists.map((s) => [
        s.name,
        cellText(s.caseload, m),
        s.contactsPerWeek === null ? '—' : m.num(s.contactsPerWeek, 2),
        cellText(s.served, m),
        cellText(s.working, m),
        rateText(s.rate, m),
      ]),
    });
  return blocks;
}
