// `ips-fidelity history FILES`: each program's trajectory: totals and bands by date, items that rose or fell,
// when its next review is due and whether that is overdue as of a date (--as-of, default the latest review date).
import { changeBetween } from '../../core/history.js';
import { groupByProgram } from '../../core/identity.js';
import { latestDate } from '../../core/next-review.js';
import { historyBlocks, historyJson } from '../../render/history-view.js';
import { jsonText } from '../../render/safe-text.js';
import { parseDate } from '../../shared/values.js';
import { UsageError } from '../context.js';
import type { OptionsOf } from '../options.js';
import { emitView, readAndScore } from '../pipeline.js';

export async function runHistory(files: string[], opts: OptionsOf<'history'>): Promise<void> {
  let asOfGiven: string | undefined;
  if (opts.asOf !== undefined) {
    const parsed = parseDate(opts.asOf);
    if (!parsed.ok) throw new UsageError('usage.date', { option: '--as-of', value: opts.asOf });
    asOfGiven = parsed.value;
  }
  const { ctx, scored } = await readAndScore(files, opts);
  const groups = groupByProgram(scored);
  const overall = groups.map((g) => (g.length > 1 ? changeBetween(g[0]!, g[g.length - 1]!) : null));
  // Never the clock: the date given, else the latest review date in the data.
  const asOf = asOfGiven ?? latestDate(scored.map((r) => r.date));
  await emitView(
    ctx,
    opts.format,
    {
      json: () => jsonText(historyJson(groups, overall, asOf)),
      blocks: () => [
        { kind: 'title', text: ctx.m.t('history.title', { count: groups.length }) },
        ...groups.flatMap((g, i) => historyBlocks(g, overall[i]!, ctx.m, asOf)),
      ],
      xlsx: async () => (await import('../../render/xlsx-tables.js')).historyTables(groups, overall, ctx.m),
    },
    opts.output,
  );
}
