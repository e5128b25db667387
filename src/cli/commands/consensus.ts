// `ips-fidelity consensus FILE`: the sheet two reviewers fill in at their consensus meeting.
import { consensusCsv, consensusJson, consensusSheet } from '../../render/consensus-view.js';
import { renderMarkdown, renderText, type Block } from '../../render/view.js';
import { emitOrExplain, Exit, EXIT } from '../context.js';
import { checkChoice, readAndScore, type ReadOptions } from '../pipeline.js';

export interface ConsensusOptions extends ReadOptions {
  format: string;
}

export async function runConsensus(files: string[], opts: ConsensusOptions): Promise<void> {
  checkChoice(opts.format, ['table', 'markdown', 'csv', 'json'], '--format');
  const { ctx, scored } = await readAndScore(files, opts);
  const withRaters = scored.filter((r) => r.agreement);
  if (withRaters.length === 0) {
    ctx.report([{ file: files.join(', '), severity: 'error', key: 'consensus.noRaters' }]);
    throw new Exit(EXIT.invalid);
  }
  let out: string;
  if (opts.format === 'csv') out = consensusCsv(withRaters);
  else if (opts.format === 'json') out = consensusJson(withRaters, ctx.m);
  else {
    const blocks = withRaters.flatMap((r, i) => [...(i ? [{ kind: 'line', text: '' } as Block] : []), ...consensusSheet(r, ctx.m)]);
    out = opts.format === 'markdown' ? renderMarkdown(blocks) : renderText(blocks, { color: ctx.color && !opts.output, width: opts.output ? 100 : ctx.width });
  }
  emitOrExplain(ctx, out, opts.output);
}
