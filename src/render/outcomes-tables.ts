// The outcomes as data: the JSON and CSV of `outcomes`, and the per-person table (internal use only).
import type { ContractTable } from '../core/contracts.js';
import { firstCompetitiveJobs, type Outcomes, type PeriodOutcome, type Ratio } from '../core/outcomes.js';
import { daysOf, NO_DAY, servedIn, type ProgramRecords } from '../core/records.js';
import { isoOfDay } from '../shared/days.js';
import { csvLine as csvLineOf, RFC_CSV, type CsvStyle } from './csv.js';

type Cells = Parameters<typeof csvLineOf>[0];
import { jsonText } from './safe-text.js';

export function outcomesJson(o: Outcomes, records: ProgramRecords): string {
  return jsonText(JSON.stringify({ schemaVersion: 1, ...programOutcomes(o, records) }, null, 2)) + '\n';
}

/** One program's outcomes as data: the program's identity, then the outcomes (the JSON of `outcomes` without its schemaVersion). */
export function programOutcomes(
  o: Outcomes,
  records: ProgramRecords,
): { program: { name: string; id: string | null; site: string | null; country: string | null } } & Outcomes {
  const s = records.settings;
  return { program: { name: s.name, id: s.id ?? null, site: s.site ?? null, country: s.country ?? null }, ...o };
}

export function outcomesCsv(o: Outcomes, style: CsvStyle = RFC_CSV): string {
  const csvLine = (cells: Cells) => csvLineOf(cells, style);
  let out = csvLine(PERIOD_COLUMNS(o.convention));
  for (const p of o.periods) out += csvLine(periodRow(p, o.convention));
  return out + '\r\n' + measuresCsv(o, style);
}

/** The columns of the per-period rows of the CSV, and a period's row. */
export const PERIOD_COLUMNS = (convention: Outcomes['convention']) => [
  'period',
  'from',
  'to',
  'served',
  'working',
  'rate',
  'benchmark',
  'job_starts',
  'first_job_starts',
  'partial',
  ...(convention === 'ips-grow' ? ['ips_grow_40_met'] : []),
];
export const periodRow = (p: PeriodOutcome, convention: Outcomes['convention']) => [
  p.label,
  p.from,
  p.to,
  p.served,
  p.working,
  rate6(p.rate),
  p.benchmark,
  p.jobStarts,
  p.firstJobStarts,
  p.partial,
  ...(convention === 'ips-grow' ? [p.growBenchmarkMet ?? null] : []),
];

export const rate6 = (r: number | null) => (r === null ? null : Number(r.toFixed(6)));
const round4 = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));

/**
 * The whole-window measures, after a blank line: one row per measure, `measure,value,n,of`. A rate's value is
 * a fraction with n of `of` behind it; a count has only a value; a mean or median has the n it rests on.
 */
function measuresCsv(o: Outcomes, style: CsvStyle): string {
  const csvLine = (cells: Cells) => csvLineOf(cells, style);
  return (
    csvLine(['measure', 'value', 'n', 'of']) +
    measureRows(o)
      .map((r) => csvLine(r))
      .join('')
  );
}

/** A whole-window measure: a rate (its fraction, count and denominator), a statistic (the n it rests on) or a count. */
export interface Measure {
  name: string;
  kind: 'rate' | 'stat' | 'count';
  value: number | null;
  n: number | null;
  of: number | null;
}

/** The whole-window measures in their order, unrounded: one list for the CSV and the workbook. */
export function measureList(o: Outcomes): Measure[] {
  const M = o.measures;
  const rows: Measure[] = [];
  const rate = (name: string, r: Ratio | null) => r && rows.push({ name, kind: 'rate', value: r.rate, n: r.count, of: r.of });
  const stat = (name: string, v: number | null, n: number, of: number | null = null) => rows.push({ name, kind: 'stat', value: v, n, of });
  const count = (name: string, v: number) => rows.push({ name, kind: 'count', value: v, n: null, of: null });
  rate('employment_rate', { count: M.working, of: M.served, rate: M.rate });
  count('job_starts', M.jobStarts);
  count('first_job_starts', M.firstJobStarts);
  const c = M.daysToFirstContact;
  stat('days_to_first_contact_mean', c.mean, c.n, c.cohort);
  stat('days_to_first_contact_median', c.median, c.n, c.cohort);
  count('no_contact_yet_counted_at_days_elapsed', c.late);
  count('no_contact_yet_too_recent', c.recent);
  stat('days_to_first_job_median', M.daysToFirstJob.median, M.daysToFirstJob.n, M.daysToFirstJob.cohort);
  for (const w of M.daysToFirstJob.within) rate(`first_job_within_${w.days}_days`, w);
  rate(`worked_within_${o.rules.windows.workedWithin}_days_of_entry`, M.workedWithin12Months);
  stat('tenure_ended_jobs_median_days', M.tenure.medianDays, M.tenure.ended);
  for (const w of M.tenure.stillWorking) rate(`jobs_still_held_at_${w.days}_days`, w);
  const L = M.tenure.longest;
  stat('longest_job_median_days', L.medianDays, L.people);
  stat('longest_job_mean_days', L.meanDays, L.people);
  stat('longest_job_censored', L.censored, L.censored, L.people);
  stat('weeks_worked_mean', M.weeksWorked.mean, M.weeksWorked.people);
  stat('weeks_worked_median', M.weeksWorked.median, M.weeksWorked.people);
  stat('hours_per_week_median', M.hours.median, M.hours.n);
  rate(`jobs_at_least_${M.hours.line}_hours`, M.hours.atLeast20);
  rate(`people_at_least_${M.hours.line}_hours`, M.hours.peopleAtLeast20);
  stat('hourly_wage_median', M.wage.median, M.wage.n);
  rate('jobs_at_or_above_minimum_wage', M.wage.atOrAboveMinimum);
  if (M.exits.recorded) {
    count('exits', M.exits.exited);
    rate('drop_out', M.exits.dropOut);
  }
  rate('competitive_share_of_jobs', { count: M.contracts.competitive, of: M.contracts.jobs, rate: M.contracts.competitiveShare });
  count('work_trials', M.contracts.workTrials);
  return rows;
}

/** The rows of the whole-window measures: `measure,value,n,of` (a rate to 6 decimals, a statistic to 4). */
export function measureRows(o: Outcomes): [string, number | null, number | null, number | null][] {
  return measureList(o).map((x) => [x.name, x.kind === 'rate' ? rate6(x.value) : x.kind === 'stat' ? round4(x.value) : x.value, x.n, x.of]);
}

/** The per-person table: internal use only, never for funders. */
export function perPersonCsv(records: ProgramRecords, o: Outcomes, contracts: ContractTable, style: CsvStyle = RFC_CSV): string {
  const csvLine = (cells: Cells) => csvLineOf(cells, style);
  const P = records.participants;
  const first = firstCompetitiveJobs(records, contracts);
  const window = daysOf(o.window);
  const date = (d: number) => (d === NO_DAY ? null : isoOfDay(d));
  let out = csvLine([
    'id',
    'entry_date',
    'exit_date',
    'specialist',
    'served_in_window',
    'first_competitive_job',
    'days_to_first_job',
    'first_employer_contact',
  ]);
  for (let p = 0; p < P.count; p++) {
    const job = first[p]!;
    out += csvLine([
      P.id[p]!,
      date(P.entry[p]!),
      date(P.exit[p]!),
      records.names.name(P.specialist[p]!) ?? null,
      servedIn(records, p, window),
      date(job),
      job === NO_DAY ? null : job - P.entry[p]!,
      date(P.firstEmployerContact[p]!),
    ]);
  }
  return out;
}
