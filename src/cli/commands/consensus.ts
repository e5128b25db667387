// `ips-fidelity consensus FILE`: the sheet two reviewers fill in at their consensus meeting.
import { consensusCsv, consensusSheet } from '../../render/consensus-view.js';
import { csvStyle, withBom } from '../../render/csv.js';
import { renderMarkdown, renderText, type Block } from '../../render/view.js';
import { emitOrExplain, Exit, EXIT, makeContext } from '../context.js';
import { checkChoice, readAndScore, type ReadOptions } from '../pipeline.js';

export interface ConsensusOptions extends ReadOptions {
  format: string;
  csvStyle?: string;
}

export async function runConsensus(files: string[], opts: ConsensusOptions): Promise<void> {
  checkChoice(opts.format, ['table', 'markdown', 'csv', 'xlsx'], '--format');
  if (opts.format === 'xlsx') (await import('../xlsx-output.js')).checkWorkbookOutput(makeContext(opts).m, opts.output);
  const { ctx, scored } = await readAndScore(files, opts);
  const withRaters = scored.filter((r) => r.agreement);
  if (withRaters.length === 0) {
    ctx.report([{ file: files.join(', '), severity: 'error', key: 'consensus.noRaters' }]);
    throw new Exit(EXIT.invalid);
  }
  if (opts.format === 'xlsx') {
    const [{ emitWorkbook }, { consensusTables }] = await Promise.all([import('../xlsx-output.js'), import('../../render/xlsx-tables.js')]);
    return emitWorkbook(ctx, consensusTables(withRaters, ctx.m), opts.output);
  }
  let out: string;
  if (opts.format === 'csv') out = withBom(consensusCsv(withRaters, csvStyle(opts.csvStyle, ctx.m.lang)), csvStyle(opts.csvStyle, ctx.m.lang)) as string;
  else {
    const blocks = withRaters.flatMap((r, i) => [...(i ? [{ kind: 'line', text: '' } as Block] : []), ...consensusSheet(r, ctx.m)]);
    out = opts.format === 'markdown' ? renderMarkdown(blocks) : renderText(blocks, { color: ctx.color && !opts.output, width: opts.output ? 100 : ctx.width });
  }
  emitOrExplain(ctx, out, opts.output);
}
