// `ips-fidelity history FILES`: each program's trajectory: totals and bands by date, items that rose or fell.
import { changeBetween, type Change } from '../../core/history.js';
import { groupByProgram, groupProgram, programLabel } from '../../core/identity.js';
import type { ScoredReview } from '../../core/score-review.js';
import { localize } from '../../scale/scale.js';
import { signed, bandTone, formatDate } from '../../render/score-view.js';
import { renderMarkdown, renderText, type Block } from '../../render/view.js';
import { jsonText } from '../../render/safe-text.js';
import type { Messages } from '../../i18n/locale.js';
import { emitOrExplain, type CommonOptions } from '../context.js';
import { checkChoice, readAndScore } from '../pipeline.js';

export interface HistoryOptions extends CommonOptions {
  scale?: string;
  principles?: string;
  format: string;
}


function programBlocks(g: ScoredReview[], overall: Change | null, m: Messages): Block[] {
  const names = [...new Set(g.map((r) => r.program.name))];
  const blocks: Block[] = [
    { kind: 'heading', text: programLabel(groupProgram(g)) },
    ...(names.length > 1 ? [{ kind: 'line', text: m.t('history.alsoNamed', { list: names.slice(0, -1).join(', ') }), tone: 'muted' } as Block] : []),
    {
      kind: 'table',
      columns: [{ title: m.t('col.date') }, { title: m.t('col.total'), align: 'right' }, { title: m.t('col.change'), align: 'right' }, { title: m.t('col.band'), wrap: true }, { title: m.t('col.rated'), align: 'right' }],
      rows: g.map((r) => [
        formatDate(r.date, m),
        r.total === null ? '—' : `${r.total}/${r.max}`,
        r.change ? signed(r.change.total.delta) : '',
        { text: r.band ? localize(r.band.label, m.lang) : m.t('score.incompleteShort'), tone: r.total === null ? 'fair' : bandTone(r.scale.bands, r.band) },
        `${r.rated}/${r.itemCount}`,
      ]),
    },
  ];
  if (overall) {
    const up = overall.items.filter((i) => (i.delta ?? 0) > 0);
    const down = overall.items.filter((i) => (i.delta ?? 0) < 0);
    const list = (xs: typeof up) => xs.map((i) => `${i.code} ${i.from}→${i.to}`).join(', ');
    blocks.push({ kind: 'line', text: m.t('history.improved', { date: formatDate(overall.previousDate, m), list: up.length ? list(up) : '—' }), tone: 'good' });
    blocks.push({ kind: 'line', text: m.t('history.fell', { list: down.length ? list(down) : '—' }), tone: down.length ? 'poor' : 'muted' });
  }
  return blocks;
}

export async function runHistory(files: string[], opts: HistoryOptions): Promise<void> {
  checkChoice(opts.format, ['table', 'markdown', 'json'], '--format');
  const { ctx, scored } = await readAndScore(files, opts);
  const groups = groupByProgram(scored);
  const overall = groups.map((g) => (g.length > 1 ? changeBetween(g[0]!, g[g.length - 1]!) : null));
  let out: string;
  if (opts.format === 'json') {
    out =
      JSON.stringify(
        {
          schemaVersion: 1,
          programs: groups.map((g, i) => ({
            program: { name: groupProgram(g).name, id: groupProgram(g).id ?? null, site: groupProgram(g).site ?? null, names: [...new Set(g.map((r) => r.program.name))] },
            reviews: g.map((r) => ({ date: r.date, total: r.total, band: r.band?.id ?? null, rated: r.rated, complete: r.complete, change: r.change?.total.delta ?? null })),
            change: overall[i],
          })),
        },
        null,
        2,
      ) + '\n';
  } else {
    const blocks: Block[] = [{ kind: 'title', text: ctx.m.t('history.title', { count: groups.length }) }, ...groups.flatMap((g, i) => programBlocks(g, overall[i]!, ctx.m))];
    out = opts.format === 'markdown' ? renderMarkdown(blocks) : renderText(blocks, { color: ctx.color && !opts.output, width: opts.output ? 100 : ctx.width });
  }
  emitOrExplain(ctx, opts.format === 'json' ? jsonText(out) : out, opts.output);
}
