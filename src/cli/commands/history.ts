// `ips-fidelity history FILES`: each program's trajectory: totals and bands by date, items that rose or fell.
import { changeBetween } from '../../core/history.js';
import { groupByProgram } from '../../core/identity.js';
import { historyBlocks, historyJson } from '../../render/history-view.js';
import { jsonText } from '../../render/safe-text.js';
import type { OptionsOf } from '../options.js';
import { emitView, readAndScore } from '../pipeline.js';

export async function runHistory(files: string[], opts: OptionsOf<'history'>): Promise<void> {
  const { ctx, scored } = await readAndScore(files, opts);
  const groups = groupByProgram(scored);
  const overall = groups.map((g) => (g.length > 1 ? changeBetween(g[0]!, g[g.length - 1]!) : null));
  await emitView(
    ctx,
    opts.format,
    {
      json: () => jsonText(historyJson(groups, overall)),
      blocks: () => [{ kind: 'title', text: ctx.m.t('history.title', { count: groups.length }) }, ...groups.flatMap((g, i) => historyBlocks(g, overall[i]!, ctx.m))],
    },
    opts.output,
  );
}
