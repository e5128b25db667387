// `ips-fidelity outcomes <program>`: employment outcomes from a program folder's records.
import { computeOutcomes, printedRate, type By, type Convention } from '../../core/outcomes.js';
import { dataSpan } from '../../core/records.js';
import { readProgramFolder } from '../../read/program-folder.js';
import { isProgramFolder, isWorkbook } from '../../read/files.js';
import { parseDate, PLACEHOLDER } from '../../shared/values.js';
import { loadContracts, loadOutcomeRules } from '../../read/data-files.js';
import { outcomesCsv, outcomesJson, perPersonCsv } from '../../render/outcomes-tables.js';
import { programFoldersIn } from '../../read/network-folder.js';
import { networkOutcomes } from '../../core/network.js';
import type { ProgramRecords, Period } from '../../core/records.js';
import type { ContractTable } from '../../core/contracts.js';
import type { OutcomeRules } from '../../scale/outcome-rules.js';
import type { ProgramFolder } from '../../read/program-folder.js';
import type { Context } from '../context.js';
import { basename } from 'node:path';
import type { Scale } from '../../scale/scale.js';
import { firstLimit } from '../../core/fidelity-from-records.js';
import { outcomesBlocks } from '../../render/outcomes-view.js';
import { networkCsv, networkJson } from '../../render/network-tables.js';
import { networkBlocks } from '../../render/network-view.js';
import { renderMarkdown, renderText } from '../../render/view.js';
import { emitOrExplain, Exit, EXIT, makeContext, UsageError, type CommonOptions } from '../context.js';
import { scaleChoice } from '../scales-setup.js';
import { documentDate, parseWhole } from '../pipeline.js';
import { visible } from '../../render/safe-text.js';

export interface OutcomesOptions extends CommonOptions {
  by: By;
  from?: string;
  to?: string;
  convention: Convention;
  /** With --convention fr-ea: the calendar year reported. */
  year?: string;
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

/** --year YYYY: the calendar year as the window (--from and --to, when given, win). */
export function yearOption(raw: string | undefined): { from: string; to: string } | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{4}$/.test(raw.trim()) || Number(raw) < 1900) throw new UsageError('usage.date', { option: '--year', value: raw });
  return { from: `${raw.trim()}-01-01`, to: `${raw.trim()}-12-31` };
}

/** V4's limit on the scale in use, so the outcome measure and V4 count late contacts alike (30 if the scale has no V4). */
function contactLimitOf(scale: Scale): number {
  const item = scale.items.find((i) => i.compute === 'days-to-employer-contact');
  return item ? firstLimit(item) : 30;
}

/** What every program of a run shares: the options checked once, the data files read once. */
export interface Setup {
  minCell: number;
  minRate: number | undefined;
  from: string | undefined;
  to: string | undefined;
  contracts: ContractTable;
  rules: OutcomeRules;
  choice: ReturnType<typeof scaleChoice>;
}

function setup(opts: OutcomesOptions): Setup {
  const minCell = parseWhole(opts.minCell, '--min-cell')!;
  const minRate = opts.minRate === undefined ? undefined : Number(opts.minRate.replace(',', '.').replace(/%$/, ''));
  if (minRate !== undefined && !(minRate >= 0 && minRate <= 100)) throw new UsageError('usage.percent', { option: '--min-rate', value: opts.minRate! });
  const year = yearOption(opts.year);
  const from = optionDate(opts.from, '--from') ?? year?.from;
  const to = optionDate(opts.to, '--to') ?? year?.to;
  if (opts.pdf) documentDate(null, makeContext(opts)); // a bad SOURCE_DATE_EPOCH stops the command before any reading
  return { minCell, minRate, from, to, contracts: loadContracts(opts.contracts), rules: loadOutcomeRules(opts.outcomeRules), choice: scaleChoice(opts) };
}

const readFolder = (dir: string, s: Setup, opts: OutcomesOptions) =>
  readProgramFolder(dir, s.contracts, s.choice.resolve, 'outcomes', { allowOutsideTables: opts.allowOutsideTables, limits: s.rules.limits });

/** A folder's own window: program.yaml's period, else the span of its data. */
const ownSpan = (records: ProgramRecords): Partial<Period> => records.settings.period ?? dataSpan(records) ?? {};

function compute(folder: ProgramFolder, window: Period, s: Setup, opts: OutcomesOptions) {
  const records = folder.records;
  return computeOutcomes(records, s.contracts, {
    window,
    by: opts.by,
    convention: opts.convention,
    minCell: s.minCell,
    rules: s.rules,
    contactLimit: contactLimitOf(s.choice.resolve(folder.review.scaleId)),
    ...(records.settings.minimumWage !== undefined ? { minimumWage: records.settings.minimumWage } : {}),
  });
}

/** `outcomes DIR...`: one program (today's output), or several (each program's, then the network total). */
export async function runOutcomes(dirs: string | string[], opts: OutcomesOptions): Promise<void> {
  const given = typeof dirs === 'string' ? [dirs] : dirs;
  // The French national indicators of emploi accompagné: their own measures and outputs (src/cli/fr-ea.ts).
  if ((opts.convention as string) === 'fr-ea') {
    if (given.length !== 1) throw new UsageError('usage.frEaOneProgram', {});
    return (await import('../fr-ea.js')).runFrEa(given[0]!, opts);
  }
  const s = setup(opts);
  const programs = given.flatMap((d) => programFoldersIn(d) ?? [d]);
  if (programs.length === 1) return runOne(programs[0]!, opts, s);
  return runMany(programs, given, opts, s);
}

async function runOne(dir: string, opts: OutcomesOptions, s: Setup): Promise<void> {
  const { minRate, from, to, contracts } = s;
  if (!isProgramFolder(dir) && !isWorkbook(dir)) {
    const ctx = makeContext(opts);
    ctx.report([{ file: dir, severity: 'error', key: 'records.notFolder' }]);
    throw new Exit(EXIT.invalid);
  }
  const { folder, problems } = await readFolder(dir, s, opts);
  const ctx = makeContext(opts, folder?.lang);
  if (ctx.report(problems) > 0 || !folder) throw new Exit(EXIT.invalid);
  const records = folder.records;
  const span = ownSpan(records);
  const window = { from: from ?? span.from, to: to ?? span.to };
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
  const outcomes = compute(folder, { from: window.from, to: window.to }, s, opts);

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
  checkMinRate(ctx, dir, outcomes.periods, minRate);
}

/** --min-rate: each period whose printed rate is below the minimum fails (exit 1), after the output is written. */
function checkMinRate(ctx: Context, dir: string, periods: { label: string; rate: number | null }[], minRate: number | undefined, label?: string): boolean {
  if (minRate === undefined) return false;
  // Compared as printed (one decimal), like the benchmark classes: "31.0%" never fails a 31% minimum.
  const failing = periods.filter((p) => p.rate !== null && printedRate(p.rate) * 100 < minRate - 1e-9);
  for (const p of failing) {
    ctx.fail({ file: dir }, `${label === undefined ? '' : `${visible(label)}: `}${ctx.m.t('severity.failed')}: ${ctx.m.t('problem.threshold.rate', { period: p.label, rate: ctx.m.pct(printedRate(p.rate!)), min: minRate })}`);
  }
  if (failing.length > 0 && label === undefined) throw new Exit(EXIT.checkFailed);
  return failing.length > 0;
}

/** How many program folders are read at once (measured: bench/RESULTS.md, "Several programs"). */
const READ_AT_ONCE = 4;

async function inPool<T, R>(items: T[], most: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(most, items.length) }, worker));
  return out;
}

/** A program folder of a network run: its folder as read, with its outcomes when it has records. */
export interface NetworkProgramRead {
  dir: string;
  folder: ProgramFolder;
  label: string;
  result: { records: ProgramRecords; outcomes: ReturnType<typeof compute>; dir: string; label: string } | null;
}

/**
 * Several program folders read and computed over one window (what `outcomes DIR...` and the network
 * report share): problems are reported (exit 2); folders of a network folder without any record are
 * said (warning) and kept without outcomes.
 */
export async function networkRun(dirs: string[], given: string[], opts: OutcomesOptions, s: Setup = setup(opts)): Promise<{ ctx: Context; programs: NetworkProgramRead[]; network: ReturnType<typeof networkOutcomes> | null; window: Period | null }> {
  const early = makeContext(opts);
  const missing = dirs.filter((d) => !isProgramFolder(d) && !isWorkbook(d));
  if (missing.length) {
    early.report(missing.map((d) => ({ file: d, severity: 'error' as const, key: 'records.notFolder' })));
    throw new Exit(EXIT.invalid);
  }
  const reads = await inPool(dirs, READ_AT_ONCE, (d) => readFolder(d, s, opts));
  const langs = new Set(reads.map((r) => r.folder?.lang));
  const ctx = makeContext(opts, langs.size === 1 ? [...langs][0] : undefined);
  let errors = 0;
  const all: NetworkProgramRead[] = [];
  const kept: NetworkProgramRead[] = [];
  reads.forEach(({ folder, problems }, i) => {
    const dir = dirs[i]!;
    const label = folder?.records.settings.name ?? basename(dir);
    errors += ctx.report(problems, label);
    if (!folder) return;
    const entry: NetworkProgramRead = { dir, folder, label, result: null };
    const t = folder.records.tables;
    // A program of a network folder with a review and no records yet: said, and left out of the figures.
    if (!t.participants && !t.jobs && !t.contacts && !t.staff && !given.includes(dir)) {
      ctx.warn(ctx.m.t('network.noRecords', { dir }), label);
      all.push(entry);
      return;
    }
    if (!t.participants) errors += ctx.report([{ file: dir, severity: 'error', key: 'records.needsParticipants' }], label);
    else {
      kept.push(entry);
      all.push(entry);
    }
  });
  if (errors > 0) throw new Exit(EXIT.invalid);
  if (kept.length === 0) return { ctx, programs: all, network: null, window: null };
  // One window for all: --from/--to, else from the earliest of the programs' own windows to the latest.
  const spans = kept.map((k) => ownSpan(k.folder.records));
  const earliest = spans.map((w) => w.from).filter((d): d is string => d !== undefined).sort()[0];
  const latest = spans.map((w) => w.to).filter((d): d is string => d !== undefined).sort().at(-1);
  const window = { from: s.from ?? earliest, to: s.to ?? latest };
  if (opts.to !== undefined && s.to === undefined) ctx.warn(ctx.m.t('readers.openTo', { value: opts.to, to: window.to ?? '-' }));
  if (!window.from || !window.to) {
    ctx.report(given.map((d) => ({ file: d, severity: 'error' as const, key: 'records.noWindow' })));
    throw new Exit(EXIT.invalid);
  }
  if (window.to < window.from) throw new UsageError('usage.window', { from: window.from, to: window.to });
  const W = { from: window.from, to: window.to };
  for (const k of kept) k.result = { records: k.folder.records, outcomes: compute(k.folder, W, s, opts), dir: k.dir, label: k.label };
  const network = networkOutcomes(kept.map((k) => k.result!.outcomes), { window: W, by: opts.by, convention: opts.convention, minCell: s.minCell, rules: s.rules });
  return { ctx, programs: all, network, window: W };
}

async function runMany(dirs: string[], given: string[], opts: OutcomesOptions, s: Setup): Promise<void> {
  const early = makeContext(opts);
  // One PDF or one per-person table per run: the network report is written by `report DIR...`.
  if (opts.pdf || opts.perPerson) {
    process.stderr.write(`${early.m.t('severity.error')}: ${early.m.t(opts.pdf ? 'network.pdfOne' : 'network.perPersonOne')}\n`);
    throw new Exit(EXIT.invalid);
  }
  const { ctx, programs, network } = await networkRun(dirs, given, opts, s);
  if (!network) {
    ctx.report(given.map((d) => ({ file: d, severity: 'error' as const, key: 'records.noWindow' })));
    throw new Exit(EXIT.invalid);
  }
  const results = programs.flatMap((p) => (p.result ? [p.result] : []));

  let out: string;
  if (opts.format === 'json') out = networkJson(results, network);
  else if (opts.format === 'csv') out = networkCsv(results, network);
  else {
    const blocks = networkBlocks(results, network, s.rules, ctx.m);
    out = opts.format === 'markdown' ? renderMarkdown(blocks) : renderText(blocks, { color: ctx.color && !opts.output, width: opts.output ? 100 : ctx.width });
  }
  emitOrExplain(ctx, out, opts.output);
  let failed = false;
  for (const r of results) failed = checkMinRate(ctx, r.dir, r.outcomes.periods, s.minRate, r.label) || failed;
  if (failed) throw new Exit(EXIT.checkFailed);
}
