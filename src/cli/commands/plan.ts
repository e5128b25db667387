// `ips-fidelity plan <files...>`: each program's action plan: the items below their maximum with their
// recommendation and actions, and, over several reviews, what became of the earlier actions.
import { actionPlan } from '../../core/action-plan.js';
import { groupByProgram, withGroupProgram } from '../../core/identity.js';
import { planBlocks, planCsvLines, planJson } from '../../render/plan-view.js';
import { jsonText } from '../../render/safe-text.js';
import { renderMarkdown, renderText, type Block } from '../../render/view.js';
import { emitOrExplain } from '../context.js';
import { checkChoice, readAndScore, type ReadOptions } from '../pipeline.js';
import type { Output } from '../write.js';

export interface PlanOptions extends ReadOptions {
  format: string;
}

export const PLAN_FORMATS = ['table', 'markdown', 'json', 'csv'];

export async function runPlan(files: string[], opts: PlanOptions): Promise<void> {
  checkChoice(opts.format, PLAN_FORMATS, '--format');
  const { ctx, scored } = await readAndScore(files, opts);
  const m = ctx.m;
  const plans = groupByProgram(scored).map((g) => actionPlan(withGroupProgram(g)));
  let out: Output;
  if (opts.format === 'json') out = jsonText(planJson(plans, m));
  else if (opts.format === 'csv') out = planCsvLines(plans, m);
  else {
    const blocks: Block[] = [];
    plans.forEach((p, i) => {
      if (i > 0) blocks.push({ kind: 'line', text: '' });
      blocks.push(...planBlocks(p, m));
    });
    out = opts.format === 'markdown' ? renderMarkdown(blocks) : renderText(blocks, { color: ctx.color && !opts.output, width: opts.output ? 100 : ctx.width });
  }
  emitOrExplain(ctx, out, opts.output);
}
