// `ips-fidelity consensus FILE`: the sheet two reviewers fill in at their consensus meeting.
import { consensusCsv, consensusJson, consensusSheet } from '../../render/consensus-view.js';
import type { Block } from '../../render/view.js';
import { Exit, EXIT } from '../context.js';
import type { OptionsOf } from '../options.js';
import { emitView, readAndScore } from '../pipeline.js';

export async function runConsensus(files: string[], opts: OptionsOf<'consensus'>): Promise<void> {
  const { ctx, scored } = await readAndScore(files, opts);
  const withRaters = scored.filter((r) => r.agreement);
  if (withRaters.length === 0) {
    ctx.report([{ file: files.join(', '), severity: 'error', key: 'consensus.noRaters' }]);
    throw new Exit(EXIT.invalid);
  }
  await emitView(
    ctx,
    opts.format,
    {
      csv: (style) => consensusCsv(withRaters, style),
      json: () => consensusJson(withRaters, ctx.m),
      xlsx: async () => (await import('../../render/xlsx-tables.js')).consensusTables(withRaters, ctx.m),
      blocks: () => withRaters.flatMap((r, i) => [...(i ? [{ kind: 'line', text: '' } as Block] : []), ...consensusSheet(r, ctx.m)]),
    },
    opts.output,
  );
}
