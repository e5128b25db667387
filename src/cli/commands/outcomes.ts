// `ips-fidelity outcomes <program>`: employment outcomes from a program folder's records.
import { computeOutcomes, printedRate, type Convention, type PeriodOutcome } from '../../core/outcomes.js';
import { checkRate } from '../../core/thresholds.js';
import { readProgramFolder } from '../../read/program-folder.js';
import { isProgramFolder, isWorkbook } from '../../read/files.js';
import { loadContracts, loadOutcomeRules } from '../../read/data-files.js';
import { outcomesCsv, outcomesJson, perPersonCsv } from '../../render/outcomes-tables.js';
import { programFoldersIn } from '../../read/network-folder.js';
import { networkOutcomes } from '../../core/network.js';
import type { Period, ProgramRecords } from '../../core/records.js';
import type { ContractTable } from '../../core/contracts.js';
import type { OutcomeRules } from '../../scale/outcome-rules.js';
import type { ProgramFolder } from '../../read/program-folder.js';
import type { Context } from '../context.js';
import { basename } from 'node:path';
import { withBom } from '../../render/csv.js';
import type { Scale } from '../../scale/scale.js';
import { firstLimit } from '../../core/fidelity-from-records.js';
import { outcomesBlocks } from '../../render/outcomes-view.js';
import { networkCsv, networkJson } from '../../render/network-tables.js';
import { networkBlocks } from '../../render/network-view.js';
import type { View } from '../../render/formats.js';
import { emitOrExplain, Exit, EXIT, makeContext, UsageError } from '../context.js';
import type { OptionsOf } from '../options.js';
import { scaleChoice } from '../scales-setup.js';
import {
  dataLang,
  documentDate,
  emitView,
  pdfOptions,
  writePdf,
  ownSpan,
  programWindow,
  resolveWindow,
  windowOptions,
  type ReadOptions,
} from '../pipeline.js';
import { visible } from '../../render/safe-text.js';

/** `outcomes`' options; `report --outcomes` also passes its --scale and --principles. */
export type OutcomesOptions = OptionsOf<'outcomes'> & ReadOptions;

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
  const { minCell, minRate } = opts;
  if (minRate === undefined && (opts.skipPartial || opts.minServed !== undefined))
    throw new UsageError('machine.usage.needsMinRate', { option: opts.skipPartial ? '--skip-partial' : '--min-served' });
  const { from, to } = windowOptions(opts);
  if (opts.pdf) documentDate(null, makeContext(opts)); // a bad SOURCE_DATE_EPOCH stops the command before any reading
  return {
    minCell,
    minRate,
    from,
    to,
    contracts: loadContracts(opts.contracts),
    rules: loadOutcomeRules(opts.outcomeRules),
    choice: scaleChoice(opts),
  };
}

const readFolder = (dir: string, s: Setup, opts: OutcomesOptions) =>
  readProgramFolder(dir, s.contracts, s.choice.resolve, 'outcomes', { allowOutsideTables: opts.allowOutsideTables, limits: s.rules.limits });

function compute(folder: ProgramFolder, window: Period, s: Setup, opts: OutcomesOptions) {
  const records = folder.records;
  return computeOutcomes(records, s.contracts, {
    window,
    by: opts.by,
    convention: opts.convention as Convention, // fr-ea has its own path (runOutcomes)
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
  const sniffed = await dataLang([dir], opts);
  const { folder, problems } = await readFolder(dir, s, opts);
  const ctx = makeContext(opts, folder?.lang ?? sniffed);
  if (ctx.report(problems) > 0 || !folder) throw new Exit(EXIT.invalid);
  const records = folder.records;
  const window = programWindow(ctx, dir, records, from, to, opts.to);
  const outcomes = compute(folder, { from: window.from, to: window.to }, s, opts);

  const view: View = {
    json: () => outcomesJson(outcomes, records),
    csv: (style) => outcomesCsv(outcomes, style),
    blocks: () => outcomesBlocks(outcomes, records.settings, contracts, ctx.m),
    xlsx: async () => (await import('../../render/xlsx-tables.js')).outcomesTables(outcomes, ctx.m),
  };
  if (opts.pdf) {
    const { outcomesReportPdf } = await import('../../render/pdf/outcomes-report.js');
    const bytes = await outcomesReportPdf(outcomes, records.settings, contracts, ctx.m, pdfOptions(opts, window.to, ctx));
    writePdf(ctx, bytes, opts.pdf, 'report.kindOutcomes');
  }
  if (!opts.pdf || opts.output) await emitView(ctx, opts.format, view, opts.output);
  if (opts.perPerson) {
    emitOrExplain(ctx, withBom(perPersonCsv(records, outcomes, contracts, ctx.csv), ctx.csv), opts.perPerson);
    ctx.warn(ctx.m.t('outcomes.perPersonWarning', { file: opts.perPerson }));
  }
  checkMinRate(ctx, dir, outcomes.periods, minRate, opts);
}

/** --min-rate: each period whose printed rate is below the minimum fails (exit 1), after the output is written. */
function checkMinRate(
  ctx: Context,
  dir: string,
  periods: PeriodOutcome[],
  minRate: number | undefined,
  opts: OutcomesOptions,
  label?: string,
): boolean {
  if (minRate === undefined) return false;
  // Compared as printed (one decimal), like the benchmark classes: "31.0%" never fails a 31% minimum.
  // --skip-partial and --min-served leave periods out, each said on standard error.
  const { failing, skipped } = checkRate(periods, { minRate, skipPartial: opts.skipPartial, minServed: opts.minServed }, printedRate);
  if (!ctx.quiet) {
    for (const p of skipped) {
      const text = ctx.m.t(p.partial && opts.skipPartial ? 'machine.gate.skippedPartial' : 'machine.gate.skippedServed', {
        period: p.label,
        served: p.served,
        min: opts.minServed ?? 0,
      });
      process.stderr.write(`${label === undefined ? '' : `${visible(label)}: `}${text}\n`);
    }
  }
  for (const p of failing) {
    ctx.fail(
      { file: dir },
      `${label === undefined ? '' : `${visible(label)}: `}${ctx.m.t('severity.failed')}: ${ctx.m.t('problem.threshold.rate', { period: p.label, rate: ctx.m.pct(printedRate(p.rate!)), min: minRate })}`,
    );
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
export async function networkRun(
  dirs: string[],
  given: string[],
  opts: OutcomesOptions,
  s: Setup = setup(opts),
): Promise<{ ctx: Context; programs: NetworkProgramRead[]; network: ReturnType<typeof networkOutcomes> | null; window: Period | null }> {
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
  const earliest = spans
    .map((w) => w.from)
    .filter((d): d is string => d !== undefined)
    .sort()[0];
  const latest = spans
    .map((w) => w.to)
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
  const W = resolveWindow(ctx, given, { from: earliest, to: latest }, s.from, s.to, opts.to);
  for (const k of kept) k.result = { records: k.folder.records, outcomes: compute(k.folder, W, s, opts), dir: k.dir, label: k.label };
  const network = networkOutcomes(
    kept.map((k) => k.result!.outcomes),
    { window: W, by: opts.by, convention: opts.convention as Convention, minCell: s.minCell, rules: s.rules },
  );
  return { ctx, programs: all, network, window: W };
}

async function runMany(dirs: string[], given: string[], opts: OutcomesOptions, s: Setup): Promise<void> {
  const early = makeContext(opts);
  // One PDF, per-person table or workbook per run: the network report is written by `report DIR...`.
  if (opts.pdf || opts.perPerson || opts.format === 'xlsx') {
    const key = opts.pdf ? 'network.pdfOne' : opts.perPerson ? 'network.perPersonOne' : 'network.xlsxOne';
    process.stderr.write(`${early.m.t('severity.error')}: ${early.m.t(key)}\n`);
    throw new Exit(EXIT.invalid);
  }
  const { ctx, programs, network } = await networkRun(dirs, given, opts, s);
  if (!network) {
    ctx.report(given.map((d) => ({ file: d, severity: 'error' as const, key: 'records.noWindow' })));
    throw new Exit(EXIT.invalid);
  }
  const results = programs.flatMap((p) => (p.result ? [p.result] : []));
  await emitView(
    ctx,
    opts.format,
    {
      json: () => networkJson(results, network),
      csv: (style) => networkCsv(results, network, style),
      blocks: () => networkBlocks(results, network, s.rules, ctx.m),
    },
    opts.output,
  );
  let failed = false;
  for (const r of results) failed = checkMinRate(ctx, r.dir, r.outcomes.periods, s.minRate, opts, r.label) || failed;
  if (failed) throw new Exit(EXIT.checkFailed);
}
