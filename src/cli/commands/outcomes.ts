// `ips-fidelity outcomes <program>`: employment outcomes from a program folder's records.
import { computeOutcomes, firstCompetitiveJobs, printedRate, type By, type Convention, type Outcomes, type Ratio } from '../../core/outcomes.js';
import { dataSpan, daysOf, NO_DAY, servedIn, type ProgramRecords } from '../../core/records.js';
import type { ContractTable } from '../../core/contracts.js';
import { isoOfDay } from '../../core/days.js';
import { readProgramFolder } from '../../read/program-folder.js';
import { isProgramFolder, isWorkbook } from '../../read/files.js';
import { parseDate, PLACEHOLDER } from '../../read/values.js';
import { loadContracts, loadOutcomeRules } from '../../scale/load.js';
import type { Scale } from '../../scale/scale.js';
import { firstLimit } from '../../core/fidelity-from-records.js';
import { csvLine } from '../../render/csv.js';
import { outcomesBlocks } from '../../render/outcomes-view.js';
import { renderMarkdown, renderText } from '../../render/view.js';
import { emitOrExplain, Exit, EXIT, makeContext, UsageError, type CommonOptions } from '../context.js';
import { scaleChoice } from '../scales-setup.js';
import { parseWhole } from './score.js';
import { jsonText, visible } from '../../render/safe-text.js';

export interface OutcomesOptions extends CommonOptions {
  by: By;
  from?: string;
  to?: string;
  convention: Convention;
  minCell: string;
  minRate?: string;
  format: string;
  perPerson?: string;
  contracts?: string;
  outcomeRules?: string;
  scale?: string;
  pdf?: string;
  paper?: string;
  pdfa?: boolean;
}

function optionDate(raw: string | undefined, option: string): string | undefined {
  if (raw === undefined) return undefined;
  const d = parseDate(raw);
  // --to 9999-12-31 ("no end"): the window ends at the data's last date (said in a warning).
  if (!d.ok && d.expected === PLACEHOLDER && option === '--to') return undefined;
  if (!d.ok) throw new UsageError('usage.date', { option, value: raw });
  return d.value;
}

/** V4's limit on the scale in use, so the outcome measure and V4 count late contacts alike (30 if the scale has no V4). */
function contactLimitOf(scale: Scale): number {
  const item = scale.items.find((i) => i.compute === 'days-to-employer-contact');
  return item ? firstLimit(item) : 30;
}

export function outcomesJson(o: Outcomes, records: ProgramRecords): string {
  const s = records.settings;
  return jsonText(JSON.stringify({ schemaVersion: 1, program: { name: s.name, id: s.id ?? null, site: s.site ?? null, country: s.country ?? null }, ...o }, null, 2)) + '\n';
}

export function outcomesCsv(o: Outcomes): string {
  const grow = o.convention === 'ips-grow';
  let out = csvLine(['period', 'from', 'to', 'served', 'working', 'rate', 'benchmark', 'job_starts', 'first_job_starts', 'partial', ...(grow ? ['ips_grow_40_met'] : [])]);
  for (const p of o.periods) {
    out += csvLine([p.label, p.from, p.to, p.served, p.working, rate6(p.rate), p.benchmark, p.jobStarts, p.firstJobStarts, p.partial, ...(grow ? [p.growBenchmarkMet ?? null] : [])]);
  }
  return out + '\r\n' + measuresCsv(o);
}

const rate6 = (r: number | null) => (r === null ? null : Number(r.toFixed(6)));
const round4 = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));

/**
 * The whole-window measures, after a blank line: one row per measure, `measure,value,n,of`. A rate's value is
 * a fraction with n of `of` behind it; a count has only a value; a mean or median has the n it rests on.
 */
function measuresCsv(o: Outcomes): string {
  const M = o.measures;
  const rows: [string, number | null, number | null, number | null][] = [];
  const rate = (name: string, r: Ratio | null) => r && rows.push([name, rate6(r.rate), r.count, r.of]);
  const stat = (name: string, v: number | null, n: number, of: number | null = null) => rows.push([name, round4(v), n, of]);
  const count = (name: string, v: number) => rows.push([name, v, null, null]);
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
  rows.push(['longest_job_censored', L.censored, L.censored, L.people]);
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
  return csvLine(['measure', 'value', 'n', 'of']) + rows.map((r) => csvLine(r)).join('');
}

/** The per-person table: internal use only, never for funders. */
export function perPersonCsv(records: ProgramRecords, o: Outcomes, contracts: ContractTable): string {
  const P = records.participants;
  const first = firstCompetitiveJobs(records, contracts);
  const window = daysOf(o.window);
  const date = (d: number) => (d === NO_DAY ? null : isoOfDay(d));
  let out = csvLine(['id', 'entry_date', 'exit_date', 'specialist', 'served_in_window', 'first_competitive_job', 'days_to_first_job', 'first_employer_contact']);
  for (let p = 0; p < P.count; p++) {
    const job = first[p]!;
    out += csvLine([P.id[p]!, date(P.entry[p]!), date(P.exit[p]!), records.names.name(P.specialist[p]!) ?? null, servedIn(records, p, window), date(job), job === NO_DAY ? null : job - P.entry[p]!, date(P.firstEmployerContact[p]!)]);
  }
  return out;
}

export async function runOutcomes(dir: string, opts: OutcomesOptions): Promise<void> {
  const minCell = parseWhole(opts.minCell, '--min-cell')!;
  const minRate = opts.minRate === undefined ? undefined : Number(opts.minRate.replace(',', '.').replace(/%$/, ''));
  if (minRate !== undefined && !(minRate >= 0 && minRate <= 100)) throw new UsageError('usage.percent', { option: '--min-rate', value: opts.minRate! });
  const from = optionDate(opts.from, '--from');
  const to = optionDate(opts.to, '--to');
  const { documentDate } = await import('./report.js');
  if (opts.pdf) documentDate(null, makeContext(opts)); // a bad SOURCE_DATE_EPOCH stops the command before any reading
  const contracts = loadContracts(opts.contracts);
  const rules = loadOutcomeRules(opts.outcomeRules);
  const choice = scaleChoice(opts);
  if (!isProgramFolder(dir) && !isWorkbook(dir)) {
    const ctx = makeContext(opts);
    ctx.report([{ file: dir, severity: 'error', key: 'records.notFolder' }]);
    throw new Exit(EXIT.invalid);
  }
  const { folder, problems } = await readProgramFolder(dir, contracts, choice.resolve, 'outcomes', { allowOutsideTables: opts.allowOutsideTables, limits: rules.limits });
  const ctx = makeContext(opts, folder?.lang);
  if (ctx.report(problems) > 0 || !folder) throw new Exit(EXIT.invalid);
  const records = folder.records;
  const span = records.settings.period ?? dataSpan(records);
  const window = { from: from ?? span?.from, to: to ?? span?.to };
  if (opts.to !== undefined && to === undefined) ctx.warn(ctx.m.t('readers.openTo', { value: opts.to, to: window.to ?? '-' }));
  if (!window.from || !window.to) {
    ctx.report([{ file: dir, severity: 'error', key: 'records.noWindow' }]);
    throw new Exit(EXIT.invalid);
  }
  if (window.to < window.from) throw new UsageError('usage.window', { from: window.from, to: window.to });
  if (!records.tables.participants) {
    ctx.report([{ file: dir, severity: 'error', key: 'records.needsParticipants' }]);
    throw new Exit(EXIT.invalid);
  }
  const outcomes = computeOutcomes(records, contracts, {
    window: { from: window.from, to: window.to },
    by: opts.by,
    convention: opts.convention,
    minCell,
    rules,
    contactLimit: contactLimitOf(choice.resolve(folder.review.scaleId)),
    ...(records.settings.minimumWage !== undefined ? { minimumWage: records.settings.minimumWage } : {}),
  });

  let out: string;
  if (opts.format === 'json') out = outcomesJson(outcomes, records);
  else if (opts.format === 'csv') out = outcomesCsv(outcomes);
  else {
    const blocks = outcomesBlocks(outcomes, records.settings, contracts, ctx.m);
    out = opts.format === 'markdown' ? renderMarkdown(blocks) : renderText(blocks, { color: ctx.color && !opts.output, width: opts.output ? 100 : ctx.width });
  }
  if (opts.pdf) {
    const { outcomesReportPdf } = await import('../../render/pdf/outcomes-report.js');
    const bytes = await outcomesReportPdf(outcomes, records.settings, contracts, ctx.m, { paper: opts.paper === 'letter' ? 'letter' : 'a4', pdfa: Boolean(opts.pdfa), date: documentDate(window.to, ctx) });
    emitOrExplain(ctx, bytes, opts.pdf);
    if (!ctx.quiet) process.stderr.write(ctx.m.t('report.wrote', { file: visible(opts.pdf), kind: ctx.m.t('report.kindOutcomes') }) + '\n');
  }
  if (!opts.pdf || opts.output) emitOrExplain(ctx, out, opts.output);
  if (opts.perPerson) {
    emitOrExplain(ctx, perPersonCsv(records, outcomes, contracts), opts.perPerson);
    ctx.warn(ctx.m.t('outcomes.perPersonWarning', { file: opts.perPerson }));
  }

  if (minRate !== undefined) {
    // Compared as printed (one decimal), like the benchmark classes: "31.0%" never fails a 31% minimum.
    const failing = outcomes.periods.filter((p) => p.rate !== null && printedRate(p.rate) * 100 < minRate - 1e-9);
    for (const p of failing) {
      ctx.fail({ file: dir }, `${ctx.m.t('severity.failed')}: ${ctx.m.t('problem.threshold.rate', { period: p.label, rate: ctx.m.pct(printedRate(p.rate!)), min: minRate })}`);
    }
    if (failing.length > 0) throw new Exit(EXIT.checkFailed);
  }
}
