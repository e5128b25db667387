// `ips-fidelity score <files...>`: score reviews and print them; thresholds fail with exit 1.
import { checkThresholds } from '../../core/thresholds.js';
import { changeBetween, groupByProgram } from '../../core/history.js';
import { scoreReview, type ScoredReview } from '../../core/score-review.js';
import { readReviews } from '../../read/inputs.js';
import { scoreCsvLines, type CsvLayout } from '../../render/csv.js';
import { scoreJsonPieces } from '../../render/json.js';
import { programTitle, reviewBlocks, summaryBlocks } from '../../render/score-view.js';
import { renderMarkdown, renderText, type Block } from '../../render/view.js';
import { localize } from '../../scale/scale.js';
import { emitOrExplain, Exit, EXIT, makeContext, UsageError, type CommonOptions } from '../context.js';
import { scaleChoice } from '../scales-setup.js';
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

/** Order reviews by program (id, else name), then date: the same output whatever the input order. */
export function byProgramAndDate(a: ScoredReview, b: ScoredReview): number {
  const ka = (a.program.id ?? a.program.name).toLowerCase();
  const kb = (b.program.id ?? b.program.name).toLowerCase();
  return ka < kb ? -1 : ka > kb ? 1 : (a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0;
}

/** Read and score the files; input problems are reported and end the command with exit 2. */
export async function readAndScore(files: string[], opts: ScoreOptions) {
  const choice = scaleChoice(opts);
  const { reviews, problems } = await readReviews(files, choice.resolve);
  const ctx = makeContext(opts, reviews.find((r) => r.lang)?.lang);
  const errors = ctx.report(problems);
  if (errors > 0) throw new Exit(EXIT.invalid);
  if (reviews.length === 0) {
    ctx.report([{ file: files.join(', '), severity: 'error', key: 'input.noReviews' }]);
    throw new Exit(EXIT.invalid);
  }
  const scored = reviews.map((r) => {
    const scale = choice.resolve(r.scaleId);
    return scoreReview(r, scale, choice.frameworkFor(scale));
  });
  ctx.report(choice.warnings);
  // History: each review's change since the previous review of the same program in the input.
  for (const group of groupByProgram(scored)) {
    for (let i = 1; i < group.length; i++) group[i]!.change = changeBetween(group[i - 1]!, group[i]!);
  }
  scored.sort(byProgramAndDate);
  return { ctx, scored };
}

export async function runScore(files: string[], opts: ScoreOptions): Promise<void> {
  checkChoice(opts.format, FORMATS, '--format');
  checkChoice(opts.sort, ['scale', 'score'], '--sort');
  checkChoice(opts.layout, ['wide', 'long'], '--layout');
  const minTotal = parseWhole(opts.minTotal, '--min-total');
  const { ctx, scored } = await readAndScore(files, opts);
  const m = ctx.m;
  if (opts.minLevel !== undefined) {
    for (const r of scored) {
      const ids = r.scale.bands.map((b) => b.id);
      if (!ids.slice(0, -1).includes(opts.minLevel)) {
        throw new UsageError('usage.level', { value: opts.minLevel, scale: r.scale.id, allowed: ids.slice(0, -1).join(', ') });
      }
    }
  }

  let out: Output;
  if (opts.format === 'json') out = scoreJsonPieces(scored, m);
  else if (opts.format === 'csv') out = scoreCsvLines(scored, m, opts.layout as CsvLayout);
  else {
    const view = { sort: opts.sort as 'scale' | 'score', notes: opts.notes };
    const blocks: Block[] = [];
    if (scored.length === 1 || opts.detail) {
      scored.forEach((r, i) => {
        if (i > 0) blocks.push({ kind: 'line', text: '' });
        blocks.push(...reviewBlocks(r, m, view));
      });
    } else blocks.push(...summaryBlocks(scored, m));
    out = opts.format === 'markdown' ? renderMarkdown(blocks) : renderText(blocks, { color: ctx.color && !opts.output, width: opts.output ? 100 : ctx.width });
  }
  emitOrExplain(ctx, out, opts.output);

  const failures = checkThresholds(scored, { minTotal, minLevel: opts.minLevel });
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
