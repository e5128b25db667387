// `ips-fidelity outcomes <program>`: employment outcomes from a program folder's records.
import { computeOutcomes, printedRate, type By, type Convention } from '../../core/outcomes.js';
import { dataSpan } from '../../core/records.js';
import { readProgramFolder } from '../../read/program-folder.js';
import { isProgramFolder, isWorkbook } from '../../read/files.js';
import { parseDate, PLACEHOLDER } from '../../shared/values.js';
import { loadContracts, loadOutcomeRules } from '../../read/data-files.js';
import { outcomesCsv, outcomesJson, perPersonCsv } from '../../render/outcomes-tables.js';
import type { Scale } from '../../scale/scale.js';
import { firstLimit } from '../../core/fidelity-from-records.js';
import { checkRate } from '../../core/thresholds.js';
import { outcomesBlocks } from '../../render/outcomes-view.js';
import { renderMarkdown, renderText } from '../../render/view.js';
import { emitOrExplain, Exit, EXIT, makeContext, UsageError, type CommonOptions } from '../context.js';
import { scaleChoice } from '../scales-setup.js';
import { dataLang, documentDate, parseWhole } from '../pipeline.js';
import { visible } from '../../render/safe-text.js';

export interface OutcomesOptions extends CommonOptions {
  by: By;
  from?: string;
  to?: string;
  convention: Convention;
  minCell: string;
  minRate?: string;
  /** --skip-partial: --min-rate leaves out periods the window starts or ends inside. */
  skipPartial?: boolean;
  /** --min-served N: --min-rate leaves out periods with fewer than N people served. */
  minServed?: string;
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

export async function runOutcomes(dir: string, opts: OutcomesOptions): Promise<void> {
  const minCell = parseWhole(opts.minCell, '--min-cell')!;
  const minRate = opts.minRate === undefined ? undefined : Number(opts.minRate.replace(',', '.').replace(/%$/, ''));
  if (minRate !== undefined && !(minRate >= 0 && minRate <= 100)) throw new UsageError('usage.percent', { option: '--min-rate', value: opts.minRate! });
  const minServed = parseWhole(opts.minServed, '--min-served');
  if (minRate === undefined && (opts.skipPartial || minServed !== undefined)) throw new UsageError('machine.usage.needsMinRate', { option: opts.skipPartial ? '--skip-partial' : '--min-served' });
  const from = optionDate(opts.from, '--from');
  const to = optionDate(opts.to, '--to');
  if (opts.pdf) documentDate(null, makeContext(opts)); // a bad SOURCE_DATE_EPOCH stops the command before any reading
  const contracts = loadContracts(opts.contracts);
  const rules = loadOutcomeRules(opts.outcomeRules);
  const choice = scaleChoice(opts);
  if (!isProgramFolder(dir) && !isWorkbook(dir)) {
    const ctx = makeContext(opts);
    ctx.report([{ file: dir, severity: 'error', key: 'records.notFolder' }]);
    throw new Exit(EXIT.invalid);
  }
  const sniffed = await dataLang([dir], opts);
  const { folder, problems } = await readProgramFolder(dir, contracts, choice.resolve, 'outcomes', { allowOutsideTables: opts.allowOutsideTables, limits: rules.limits });
  const ctx = makeContext(opts, folder?.lang ?? sniffed);
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
    const { failing, skipped } = checkRate(outcomes.periods, { minRate, skipPartial: opts.skipPartial, minServed }, printedRate);
    if (!ctx.quiet) {
      for (const p of skipped) process.stderr.write(ctx.m.t(p.partial && opts.skipPartial ? 'machine.gate.skippedPartial' : 'machine.gate.skippedServed', { period: p.label, served: p.served, min: minServed ?? 0 }) + '\n');
    }
    for (const p of failing) {
      ctx.fail({ file: dir }, `${ctx.m.t('severity.failed')}: ${ctx.m.t('problem.threshold.rate', { period: p.label, rate: ctx.m.pct(printedRate(p.rate!)), min: minRate })}`);
    }
    if (failing.length > 0) throw new Exit(EXIT.checkFailed);
  }
}
