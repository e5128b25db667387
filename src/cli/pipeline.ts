// What several commands share: option checks, reading and scoring reviews, the document date.
import { changeBetween, traceOf, type Trace } from '../core/history.js';
import { groupByProgram } from '../core/identity.js';
import { nextReviewOf } from '../core/next-review.js';
import type { ReviewPolicy } from '../scale/review-policies.js';
import { loadPolicy } from '../read/data-files.js';
import type { Review } from '../core/review.js';
import { scoreReview, type ScoredReview } from '../core/score-review.js';
import { sourceDateEpoch } from '../read/clock.js';
import { readReviews } from '../read/inputs.js';
import { sniffDataLang } from '../read/data-lang.js';
import { zodMessagesIn } from '../i18n/zod-messages.js';
import { emitOrExplain, Exit, EXIT, makeContext, UsageError, type CommonOptions, type Context } from './context.js';
import { FORMAT_NAMES, FORMATS, renderView, type FormatName, type View } from '../render/formats.js';
import type { Style } from '../render/view.js';
import type { Paper } from '../render/pdf/document.js';
import { visible } from '../render/safe-text.js';
import { scaleChoice, type ScaleChoice } from './scales-setup.js';
import { parseDate, PLACEHOLDER } from '../shared/values.js';
import { dataSpan, type Period, type ProgramRecords } from '../core/records.js';

/** The options of every command that reads reviews (a part of each one's OptionsOf). */
export interface ReadOptions extends CommonOptions {
  scale?: string;
  principles?: string;
  /** Review-interval policy: a built-in id or a policies file (default: `default`). */
  policy?: string;
}

/** Whether -o names a file (`-o -` is standard output, as no -o is). */
export const toFile = (output: string | undefined): output is string => output !== undefined && output !== '-';

/** The terminal table's style: colour only on a terminal, and 100 columns in a file. */
export function textStyle(ctx: Context, output: string | undefined): Style {
  return { color: ctx.color && !toFile(output), width: toFile(output) ? 100 : ctx.width, csv: ctx.csv };
}

/** Render the command's view in the format chosen and write it to -o or standard output. */
export async function emitView(
  ctx: Context,
  format: FormatName,
  view: View,
  output: string | undefined,
  style = textStyle(ctx, output),
): Promise<void> {
  // A format this view cannot give (e.g. xlsx of the French indicators): a usage error naming those it can.
  if (!FORMATS[format].available(view))
    throw new UsageError('usage.choice', {
      option: '--format',
      value: format,
      allowed: FORMAT_NAMES.filter((f) => FORMATS[f].available(view)).join(', '),
    });
  emitOrExplain(ctx, await renderView(format, view, style), output);
}

/**
 * The language of the data in `files` (French data: its problems in French), unless --lang says otherwise;
 * zod's own messages (in schema problems) follow it.
 */
export async function dataLang(files: string[], opts: CommonOptions): Promise<'fr' | undefined> {
  if (opts.lang) return undefined;
  const lang = sniffDataLang(files);
  if (lang === 'fr') await zodMessagesIn('fr');
  return lang;
}

/** Read the files; input problems are reported and end the command with exit 2. */
export async function readChecked(
  files: string[],
  opts: ReadOptions,
): Promise<{ ctx: Context; choice: ScaleChoice; reviews: Review[]; policy: ReviewPolicy }> {
  const choice = scaleChoice(opts);
  const policy = loadPolicy(opts.policy);
  const sniffed = await dataLang(files, opts);
  const { reviews, problems } = await readReviews(files, choice.resolve, undefined, { allowOutsideTables: opts.allowOutsideTables });
  const ctx = makeContext(opts, reviews.find((r) => r.lang)?.lang ?? sniffed);
  const errors = ctx.report(problems);
  if (errors > 0) throw new Exit(EXIT.invalid);
  if (reviews.length === 0) {
    ctx.report([{ file: files.join(', '), severity: 'error', key: 'input.noReviews' }]);
    throw new Exit(EXIT.invalid);
  }
  // Each scale's principle framework is loaded now, so that its warnings come before any output.
  for (const r of reviews) choice.frameworkFor(choice.resolve(r.scaleId));
  ctx.report(choice.warnings);
  return { ctx, choice, reviews, policy };
}

/**
 * The reviews scored one at a time, in output order (program, then date: see core/identity.ts),
 * each with its change since the previous review of its program. Of a review, only what the next
 * review of its program needs is kept until that one is scored. With a review-interval policy, each
 * review carries the date its next review is due.
 */
export function* scoredInOrder(reviews: Review[], choice: ScaleChoice, policy?: ReviewPolicy): Generator<ScoredReview> {
  for (const group of groupByProgram(reviews)) {
    let before: Trace | null = null;
    for (const r of group) {
      const scale = choice.resolve(r.scaleId);
      const scored = scoreReview(r, scale, choice.frameworkFor(scale));
      if (before) scored.change = changeBetween(before, scored);
      if (policy) scored.nextReview = nextReviewOf(scored, scale.bands, policy);
      before = traceOf(scored);
      yield scored;
    }
  }
}

/** Read and score the files, in output order; input problems end the command with exit 2. */
export async function readAndScore(files: string[], opts: ReadOptions): Promise<{ ctx: Context; scored: ScoredReview[] }> {
  const { ctx, choice, reviews, policy } = await readChecked(files, opts);
  return { ctx, scored: [...scoredInOrder(reviews, choice, policy)] };
}

/** An error printed as it is (no file to point at), ending the command with exit 2. */
export function fail(ctx: Context, key: string, params: Record<string, string | number>): never {
  process.stderr.write(`${ctx.m.t('severity.error')}: ${ctx.m.t(key, params)}\n`);
  throw new Exit(EXIT.invalid);
}

/**
 * The document date: SOURCE_DATE_EPOCH when set, else the given date from the data; never the clock.
 * A SOURCE_DATE_EPOCH that is not a date (1970 to 9999, in whole seconds) ends the command with exit 2.
 */
export function documentDate(dataDate: string | null | undefined, ctx: Context, env: Record<string, string | undefined> = process.env): Date {
  const epoch = sourceDateEpoch(env);
  if (!epoch.ok) fail(ctx, 'reports.sourceDateEpoch', { value: epoch.value });
  return epoch.date ?? new Date(`${dataDate ?? '2000-01-01'}T00:00:00Z`);
}

/** A report's PDF options: the paper, PDF/A, and the document date (the data's, or SOURCE_DATE_EPOCH). */
export function pdfOptions(opts: { paper?: string; pdfa?: boolean }, dataDate: string | null | undefined, ctx: Context) {
  const paper: Paper = opts.paper === 'letter' ? 'letter' : 'a4';
  return { paper, pdfa: Boolean(opts.pdfa), date: documentDate(dataDate, ctx) };
}

/** Write a report's PDF to `file`, and say so on standard error unless --quiet (`kind`: its message key). */
export function writePdf(ctx: Context, bytes: Uint8Array, file: string, kind: string): void {
  emitOrExplain(ctx, bytes, file);
  if (!ctx.quiet) process.stderr.write(ctx.m.t('report.wrote', { file: visible(file), kind: ctx.m.t(kind) }) + '\n');
}

/** A folder's own window: program.yaml's period, else the span of its data. */
export const ownSpan = (records: ProgramRecords): Partial<Period> => records.settings.period ?? dataSpan(records) ?? {};

/** A program's reporting window (resolveWindow on its own span); a folder without participants table ends the command with exit 2. */
export function programWindow(
  ctx: Context,
  dir: string,
  records: ProgramRecords,
  from: string | undefined,
  to: string | undefined,
  rawTo: string | undefined,
): Period {
  const window = resolveWindow(ctx, [dir], ownSpan(records), from, to, rawTo);
  if (!records.tables.participants) {
    ctx.report([{ file: dir, severity: 'error', key: 'records.needsParticipants' }]);
    throw new Exit(EXIT.invalid);
  }
  return window;
}

/**
 * A window from --from/--to, else from the data's `span` (`rawTo` as typed: `9999-12-31` ends at the
 * data's last date, with a warning). No window (each folder of `dirs` said), or one ending before it
 * starts, end the command with exit 2.
 */
export function resolveWindow(
  ctx: Context,
  dirs: string[],
  span: Partial<Period>,
  from: string | undefined,
  to: string | undefined,
  rawTo: string | undefined,
): Period {
  const window = { from: from ?? span.from, to: to ?? span.to };
  if (rawTo !== undefined && to === undefined) ctx.warn(ctx.m.t('readers.openTo', { value: rawTo, to: window.to ?? '-' }));
  if (!window.from || !window.to) {
    ctx.report(dirs.map((d) => ({ file: d, severity: 'error' as const, key: 'records.noWindow' })));
    throw new Exit(EXIT.invalid);
  }
  if (window.to < window.from) throw new UsageError('usage.window', { from: window.from, to: window.to });
  return { from: window.from, to: window.to };
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
function yearOption(raw: string | undefined): { from: string; to: string } | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{4}$/.test(raw.trim()) || Number(raw) < 1900) throw new UsageError('usage.date', { option: '--year', value: raw });
  return { from: `${raw.trim()}-01-01`, to: `${raw.trim()}-12-31` };
}

/** --from, --to and --year as the window asked for (--from and --to win over --year); bad values are usage errors. */
export function windowOptions(opts: { from?: string; to?: string; year?: string }): { from: string | undefined; to: string | undefined } {
  const year = yearOption(opts.year);
  return { from: optionDate(opts.from, '--from') ?? year?.from, to: optionDate(opts.to, '--to') ?? year?.to };
}
