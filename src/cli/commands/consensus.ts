// `ips-fidelity consensus FILE`: the sheet two reviewers fill in at their consensus meeting.
import type { ScoredReview } from '../../core/score-review.js';
import { localize } from '../../scale/scale.js';
import { csvLine } from '../../render/csv.js';
import { agreementBlocks, formatDate, programTitle } from '../../render/score-view.js';
import { renderMarkdown, renderText, type Block } from '../../render/view.js';
import type { Messages } from '../../i18n/locale.js';
import { emitOrExplain, Exit, EXIT, type CommonOptions } from '../context.js';
import { checkChoice, readAndScore } from '../pipeline.js';

export interface ConsensusOptions extends CommonOptions {
  scale?: string;
  principles?: string;
  format: string;
}

/** Items side by side, the ones the reviewers rated differently first (widest spread first). */
export function consensusRows(r: ScoredReview) {
  const a = r.agreement!;
  const spread = new Map(a.reconcile.map((x) => [x.id, x.spread]));
  const order = new Map(r.items.map((it, i) => [it.id, i]));
  return [...r.items]
    .sort((x, y) => (spread.get(y.id) ?? 0) - (spread.get(x.id) ?? 0) || order.get(x.id)! - order.get(y.id)!)
    .map((it) => ({ item: it, spread: spread.get(it.id) ?? 0 }));
}

function sheet(r: ScoredReview, m: Messages): Block[] {
  const a = r.agreement!;
  const itemOf = new Map(r.scale.items.map((i) => [i.id, i]));
  const rows = consensusRows(r).map(({ item, spread }) => [
    item.code,
    localize(itemOf.get(item.id)!.name, m.lang),
    ...a.reviewers.map((name) => String(own(r, name, item.code) ?? '—')),
    spread ? { text: `Δ${spread}`, tone: spread >= 2 ? ('poor' as const) : ('fair' as const) } : '',
    item.score === null ? '____' : String(item.score),
  ]);
  return [
    { kind: 'title', text: m.t('consensus.title', { program: programTitle(r), date: formatDate(r.date, m) }) },
    ...agreementBlocks(r, m).slice(1),
    { kind: 'line', text: '' },
    {
      kind: 'table',
      columns: [{ title: m.t('col.code') }, { title: m.t('col.item'), wrap: true }, ...a.reviewers.map((n) => ({ title: n, align: 'right' as const })), { title: m.t('col.difference') }, { title: m.t('col.consensus'), align: 'right' }],
      rows,
    },
  ];
}

export async function runConsensus(files: string[], opts: ConsensusOptions): Promise<void> {
  checkChoice(opts.format, ['table', 'markdown', 'csv'], '--format');
  const { ctx, scored } = await readAndScore(files, opts);
  const withRaters = scored.filter((r) => r.agreement);
  if (withRaters.length === 0) {
    ctx.report([{ file: files.join(', '), severity: 'error', key: 'consensus.noRaters' }]);
    throw new Exit(EXIT.invalid);
  }
  let out: string;
  if (opts.format === 'csv') {
    const names = [...new Set(withRaters.flatMap((r) => r.agreement!.reviewers))];
    out = csvLine(['program', 'program_id', 'date', 'item', 'code', ...names, 'spread', 'consensus']);
    for (const r of withRaters) {
      for (const { item, spread } of consensusRows(r)) {
        out += csvLine([r.program.name, r.program.id, r.date, item.id, item.code, ...names.map((n) => own(r, n, item.code)), spread, item.score]);
      }
    }
  } else {
    const blocks = withRaters.flatMap((r, i) => [...(i ? [{ kind: 'line', text: '' } as Block] : []), ...sheet(r, ctx.m)]);
    out = opts.format === 'markdown' ? renderMarkdown(blocks) : renderText(blocks, { color: ctx.color && !opts.output, width: opts.output ? 100 : ctx.width });
  }
  emitOrExplain(ctx, out, opts.output);
}

/** A reviewer's own score of an item. */
function own(r: ScoredReview, name: string, code: string): number | null {
  return r.agreement!.byReviewer.find((x) => x.name === name)?.scores[code] ?? null;
}
