// `ips-fidelity plan <files...>`: each program's action plan: the items below their maximum with their
// recommendation and actions, and, over several reviews, what became of the earlier actions.
import { actionPlan } from '../../core/action-plan.js';
import { groupByProgram, withGroupProgram } from '../../core/identity.js';
import { planBlocks, planCsvLines, planJson } from '../../render/plan-view.js';
import { jsonText } from '../../render/safe-text.js';
import type { Block } from '../../render/view.js';
import type { OptionsOf } from '../options.js';
import { emitView, readAndScore } from '../pipeline.js';

export async function runPlan(files: string[], opts: OptionsOf<'plan'>): Promise<void> {
  const { ctx, scored } = await readAndScore(files, opts);
  const m = ctx.m;
  const plans = groupByProgram(scored).map((g) => actionPlan(withGroupProgram(g)));
  await emitView(
    ctx,
    opts.format,
    {
      json: () => jsonText(planJson(plans, m)),
      csv: (style) => planCsvLines(plans, m, style),
      xlsx: async () => (await import('../../render/xlsx-tables.js')).planTables(plans, m),
      blocks: () => {
        const blocks: Block[] = [];
        plans.forEach((p, i) => {
          if (i > 0) blocks.push({ kind: 'line', text: '' });
          blocks.push(...planBlocks(p, m));
        });
        return blocks;
      },
    },
    opts.output,
  );
}
