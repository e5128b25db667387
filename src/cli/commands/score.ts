// `ips-fidelity score <files...>`: score reviews and print them; thresholds fail with exit 1.
import { checkThresholds, type ThresholdFailure } from '../../core/thresholds.js';
import { changeBetween, traceOf, type Trace } from '../../core/history.js';
import { groupByProgram } from '../../core/identity.js';
import { scoreReview, type ScoredReview } from '../../core/score-review.js';
import { readReviews } from '../../read/inputs.js';
import { scoreCsvLines, type CsvLayout } from '../../render/csv.js';
import { scoreJsonPieces } from '../../render/json.js';
import { programTitle, reviewBlocks, summaryBlocks } from '../../render/score-view.js';
import { renderMarkdown, renderText, type Block } from '../../render/view.js';
import { localize } from '../../scale/scale.js';
import { emitOrExplain, Exit, EXIT, makeContext, UsageError, type CommonOptions, type Context } from '../context.js';
import { scaleChoice, type ScaleChoice } from '../scales-setup.js';
import type { Review } from '../../core/review.js';
import type { Output } from '../write.js';

export interface ScoreOptions extends CommonOptions {
  scale?: string;
  principles?: string;
  format: string;
  minTotal?: string;
  minLevel?: string;
  sort: string;
  detail?: boolean;
  notes: boolean;
  layout: string;
}

const FORMATS = ['table', 'json', 'csv', 'markdown'];

export function checkChoice(value: string, allowed: string[], option: string): void {
  if (!allowed.includes(value)) throw new UsageError('usage.choice', { option, value, allowed: allowed.join(', ') });
}

export function parseWhole(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError('usage.whole', { option, value });
  return Number(value);
}

/** Read the files; input problems are reported and end the command with exit 2. */
export async function readChecked(files: string[], opts: ScoreOptions): Promise<{ ctx: Context; choice: ScaleChoice; reviews: Review[] }> {
  const choice = scaleChoice(opts);
  const { reviews, problems } = await readReviews(files, choice.resolve, undefined, { allowOutsideTables: opts.allowOutsideTables });
  const ctx = makeContext(opts, reviews.find((r) => r.lang)?.lang);
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
export async function readAndScore(files: string[], opts: ScoreOptions) {
  const { ctx, choice, reviews } = await readChecked(files, opts);
  return { ctx, scored: [...scoredInOrder(reviews, choice)] };
}

export async function runScore(files: string[], opts: ScoreOptions): Promise<void> {
  checkChoice(opts.format, FORMATS, '--format');
  checkChoice(opts.sort, ['scale', 'score'], '--sort');
  checkChoice(opts.layout, ['wide', 'long'], '--layout');
  const minTotal = parseWhole(opts.minTotal, '--min-total');
  const { ctx, choice, reviews } = await readChecked(files, opts);
  const m = ctx.m;
  const scales = [...new Set(groupByProgram(reviews).flat().map((r) => choice.resolve(r.scaleId)))];
  if (opts.minLevel !== undefined) {
    for (const scale of scales) {
      const ids = scale.bands.map((b) => b.id);
      if (!ids.slice(0, -1).includes(opts.minLevel)) {
        throw new UsageError('usage.level', { value: opts.minLevel, scale: scale.id, allowed: ids.slice(0, -1).join(', ') });
      }
    }
  }

  // Thresholds are checked on each review as it is scored and written.
  const failures: ThresholdFailure[] = [];
  const scored = (function* () {
    for (const r of scoredInOrder(reviews, choice)) {
      failures.push(...checkThresholds([r], { minTotal, minLevel: opts.minLevel }));
      yield r;
    }
  })();
  let out: Output;
  if (opts.format === 'json') out = scoreJsonPieces(scored, m);
  else if (opts.format === 'csv') out = scoreCsvLines(scored, m, opts.layout as CsvLayout, scales);
  else {
    const all = [...scored];
    const view = { sort: opts.sort as 'scale' | 'score', notes: opts.notes };
    const blocks: Block[] = [];
    if (all.length === 1 || opts.detail) {
      all.forEach((r, i) => {
        if (i > 0) blocks.push({ kind: 'line', text: '' });
        blocks.push(...reviewBlocks(r, m, view));
      });
    } else blocks.push(...summaryBlocks(all, m));
    out = opts.format === 'markdown' ? renderMarkdown(blocks) : renderText(blocks, { color: ctx.color && !opts.output, width: opts.output ? 100 : ctx.width });
  }
  emitOrExplain(ctx, out, opts.output);

  for (const f of failures) {
    const params: Record<string, string | number> = { ...f.params, program: programTitle(f.review), date: f.review.date ?? '—' };
    if (f.key === 'threshold.level') {
      const band = f.review.scale.bands.find((b) => b.id === f.params.band);
      const level = f.review.scale.bands.find((b) => b.id === f.params.level);
      params.band = localize(band?.label, m.lang);
      params.level = localize(level?.label, m.lang);
    }
    ctx.fail(f.review.at, `${m.t('severity.failed')}: ${m.t(`problem.${f.key}`, params)}`);
  }
  if (failures.length > 0) throw new Exit(EXIT.checkFailed);
}
