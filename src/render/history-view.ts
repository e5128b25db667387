// The history of each program: its reviews by date, and the items that rose or fell (`history`).
import type { Change } from '../core/history.js';
import { groupProgram, programLabel } from '../core/identity.js';
import type { ScoredReview } from '../core/score-review.js';
import type { Messages } from '../i18n/locale.js';
import { bandCell, formatDate, signed } from './score-view.js';
import type { Block } from './view.js';

/** One program's reviews as a table, then what changed from its first review to its last. */
export function historyBlocks(g: ScoredReview[], overall: Change | null, m: Messages): Block[] {
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
        bandCell(r, m),
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

/** `history --format json`: each program, its reviews and its overall change. */
export function historyJson(groups: ScoredReview[][], overall: (Change | null)[]): string {
  return (
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
    ) + '\n'
  );
}
