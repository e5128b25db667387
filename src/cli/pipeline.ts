// What several commands share: option checks, reading and scoring reviews, the document date.
import { changeBetween, traceOf, type Trace } from '../core/history.js';
import { groupByProgram } from '../core/identity.js';
import type { Review } from '../core/review.js';
import { scoreReview, type ScoredReview } from '../core/score-review.js';
import { sourceDateEpoch } from '../read/clock.js';
import { readReviews } from '../read/inputs.js';
import { sniffDataLang } from '../read/data-lang.js';
import { Exit, EXIT, makeContext, UsageError, type CommonOptions, type Context } from './context.js';
import { scaleChoice, type ScaleChoice } from './scales-setup.js';

/** The options of every command that reads reviews. */
export interface ReadOptions extends CommonOptions {
  scale?: string;
  principles?: string;
}

export function checkChoice(value: string, allowed: string[], option: string): void {
  if (!allowed.includes(value)) throw new UsageError('usage.choice', { option, value, allowed: allowed.join(', ') });
}

export function parseWhole(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError('usage.whole', { option, value });
  return Number(value);
}

/**
 * The language of the data in `files` (French data: its problems in French), unless --lang says otherwise;
 * zod's own messages (in schema problems) follow it.
 */
export async function dataLang(files: string[], opts: CommonOptions): Promise<'fr' | undefined> {
  if (opts.lang) return undefined;
  const lang = sniffDataLang(files);
  if (lang === 'fr') {
    const [{ config }, { default: fr }] = await Promise.all([import('zod'), import('zod/v4/locales/fr.js')]);
    config(fr());
  }
  return lang;
}

/** Read the files; input problems are reported and end the command with exit 2. */
export async function readChecked(files: string[], opts: ReadOptions): Promise<{ ctx: Context; choice: ScaleChoice; reviews: Review[] }> {
  const choice = scaleChoice(opts);
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
  return { ctx, choice, reviews };
}

/**
 * The reviews scored one at a time, in output order (program, then date: see core/identity.ts),
 * each with its change since the previous review of its program. Of a review, only what the next
 * review of its program needs is kept until that one is scored.
 */
export function* scoredInOrder(reviews: Review[], choice: ScaleChoice): Generator<ScoredReview> {
  for (const group of groupByProgram(reviews)) {
    let before: Trace | null = null;
    for (const r of group) {
      const scale = choice.resolve(r.scaleId);
      const scored = scoreReview(r, scale, choice.frameworkFor(scale));
      if (before) scored.change = changeBetween(before, scored);
      before = traceOf(scored);
      yield scored;
    }
  }
}

/** Read and score the files, in output order; input problems end the command with exit 2. */
export async function readAndScore(files: string[], opts: ReadOptions): Promise<{ ctx: Context; scored: ScoredReview[] }> {
  const { ctx, choice, reviews } = await readChecked(files, opts);
  return { ctx, scored: [...scoredInOrder(reviews, choice)] };
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
