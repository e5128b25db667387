// `ips-fidelity score <files...>`: score reviews and print them; thresholds fail with exit 1.
import { checkThresholds, type ThresholdFailure } from '../../core/thresholds.js';
import { groupByProgram } from '../../core/identity.js';
import { csvStyle, scoreCsvLines, withBom, type CsvLayout } from '../../render/csv.js';
import { scoreJsonPieces } from '../../render/json.js';
import { programTitle, reviewBlocks, summaryBlocks } from '../../render/score-view.js';
import { renderMarkdown, renderText, type Block } from '../../render/view.js';
import { localize } from '../../scale/scale.js';
import { emitOrExplain, Exit, EXIT, makeContext, UsageError } from '../context.js';
import { checkChoice, parseWhole, readChecked, scoredInOrder, type ReadOptions } from '../pipeline.js';
import type { Output } from '../write.js';

export interface ScoreOptions extends ReadOptions {
  format: string;
  minTotal?: string;
  minLevel?: string;
  sort: string;
  detail?: boolean;
  notes: boolean;
  layout: string;
  csvStyle?: string;
}

const FORMATS = ['table', 'json', 'csv', 'markdown', 'xlsx'];

export async function runScore(files: string[], opts: ScoreOptions): Promise<void> {
  checkChoice(opts.format, FORMATS, '--format');
  checkChoice(opts.sort, ['scale', 'score'], '--sort');
  checkChoice(opts.layout, ['wide', 'long'], '--layout');
  const minTotal = parseWhole(opts.minTotal, '--min-total');
  if (opts.format === 'xlsx') (await import('../xlsx-output.js')).checkWorkbookOutput(makeContext(opts).m, opts.output);
  const { ctx, choice, reviews, policy } = await readChecked(files, opts);
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
    for (const r of scoredInOrder(reviews, choice, policy)) {
      failures.push(...checkThresholds([r], { minTotal, minLevel: opts.minLevel }));
      yield r;
    }
  })();
  let out: Output | undefined;
  if (opts.format === 'xlsx') {
    const [{ emitWorkbook }, { scoreTables }] = await Promise.all([import('../xlsx-output.js'), import('../../render/xlsx-tables.js')]);
    await emitWorkbook(ctx, scoreTables([...scored], scales, m), opts.output);
  } else if (opts.format === 'json') out = scoreJsonPieces(scored, m);
  else if (opts.format === 'csv') {
    const style = csvStyle(opts.csvStyle, m.lang);
    out = withBom(scoreCsvLines(scored, m, opts.layout as CsvLayout, scales, style), style);
  }
  else {
    const all = [...scored];
    const view = { sort: opts.sort as 'scale' | 'score', notes: opts.notes, recommendations: opts.detail === true };
    const blocks: Block[] = [];
    if (all.length === 1 || opts.detail) {
      all.forEach((r, i) => {
        if (i > 0) blocks.push({ kind: 'line', text: '' });
        blocks.push(...reviewBlocks(r, m, view));
      });
    } else blocks.push(...summaryBlocks(all, m));
    out = opts.format === 'markdown' ? renderMarkdown(blocks) : renderText(blocks, { color: ctx.color && !opts.output, width: opts.output ? 100 : ctx.width });
  }
  if (out !== undefined) emitOrExplain(ctx, out, opts.output);

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
