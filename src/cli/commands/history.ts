// `ips-fidelity history FILES`: each program's trajectory: totals and bands by date, items that rose or fell,
// when its next review is due and whether that is overdue as of a date (--as-of, default the latest review date).
import { changeBetween } from '../../core/history.js';
import { groupByProgram } from '../../core/identity.js';
import { latestDate } from '../../core/next-review.js';
import { historyBlocks, historyJson } from '../../render/history-view.js';
import { renderMarkdown, renderText, type Block } from '../../render/view.js';
import { jsonText } from '../../render/safe-text.js';
import { parseDate } from '../../shared/values.js';
import { emitOrExplain, makeContext, UsageError } from '../context.js';
import { checkChoice, readAndScore, type ReadOptions } from '../pipeline.js';

export interface HistoryOptions extends ReadOptions {
  format: string;
  asOf?: string;
}

export async function runHistory(files: string[], opts: HistoryOptions): Promise<void> {
  checkChoice(opts.format, ['table', 'markdown', 'json', 'xlsx'], '--format');
  let asOfGiven: string | undefined;
  if (opts.asOf !== undefined) {
    const parsed = parseDate(opts.asOf);
    if (!parsed.ok) throw new UsageError('usage.date', { option: '--as-of', value: opts.asOf });
    asOfGiven = parsed.value;
  }
  if (opts.format === 'xlsx') (await import('../xlsx-output.js')).checkWorkbookOutput(makeContext(opts).m, opts.output);
  const { ctx, scored } = await readAndScore(files, opts);
  const groups = groupByProgram(scored);
  const overall = groups.map((g) => (g.length > 1 ? changeBetween(g[0]!, g[g.length - 1]!) : null));
  // Never the clock: the date given, else the latest review date in the data.
  const asOf = asOfGiven ?? latestDate(scored.map((r) => r.date));
  if (opts.format === 'xlsx') {
    const [{ emitWorkbook }, { historyTables }] = await Promise.all([import('../xlsx-output.js'), import('../../render/xlsx-tables.js')]);
    return emitWorkbook(ctx, historyTables(groups, overall, ctx.m), opts.output);
  }
  let out: string;
  if (opts.format === 'json') {
    out = historyJson(groups, overall, asOf);
  } else {
    const blocks: Block[] = [
      { kind: 'title', text: ctx.m.t('history.title', { count: groups.length }) },
      ...groups.flatMap((g, i) => historyBlocks(g, overall[i]!, ctx.m, asOf)),
    ];
    out = opts.format === 'markdown' ? renderMarkdown(blocks) : renderText(blocks, { color: ctx.color && !opts.output, width: opts.output ? 100 : ctx.width });
  }
  emitOrExplain(ctx, opts.format === 'json' ? jsonText(out) : out, opts.output);
}
