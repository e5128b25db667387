// The history of each program: its reviews by date, and the items that rose or fell (`history`).
import type { Change } from '../core/history.js';
import { groupProgram, programLabel } from '../core/identity.js';
import { isOverdue } from '../core/next-review.js';
import type { ScoredReview } from '../core/score-review.js';
import type { Messages } from '../i18n/locale.js';
import { bandCell, formatDate, nextReviewCell, nextReviewText, signed } from './score-view.js';
import type { Block } from './view.js';

/** The program's next review (that of its latest review), and whether it is overdue as of `asOf`. */
export function programNextReview(g: ScoredReview[], asOf: string | null): { date: string | null; overdue: boolean | null } {
  const due = g[g.length - 1]!.nextReview?.date ?? null;
  return { date: due, overdue: due === null || asOf === null ? null : isOverdue(due, asOf) };
}

/** One program's reviews as a table, then what changed from its first review to its last, then its next review. */
export function historyBlocks(g: ScoredReview[], overall: Change | null, m: Messages, asOf: string | null = null): Block[] {
  const next = g.some((r) => r.nextReview !== undefined);
  const names = [...new Set(g.map((r) => r.program.name))];
  const blocks: Block[] = [
    { kind: 'heading', text: programLabel(groupProgram(g)) },
    ...(names.length > 1 ? [{ kind: 'line', text: m.t('history.alsoNamed', { list: names.slice(0, -1).join(', ') }), tone: 'muted' } as Block] : []),
    {
      kind: 'table',
      columns: [
        { title: m.t('col.date') },
        { title: m.t('col.total'), align: 'right' },
        { title: m.t('col.change'), align: 'right' },
        { title: m.t('col.band'), wrap: true },
        { title: m.t('col.rated'), align: 'right' },
        ...(next ? [{ title: m.t('policy.col.next') }] : []),
      ],
      rows: g.map((r) => [
        formatDate(r.date, m),
        r.total === null ? '—' : `${r.total}/${r.max}`,
        r.change ? signed(r.change.total.delta) : '',
        bandCell(r, m),
        `${r.rated}/${r.itemCount}`,
        ...(next ? [nextReviewCell(r, m)] : []),
      ]),
    },
  ];
  if (overall) {
    const up = overall.items.filter((i) => (i.delta ?? 0) > 0);
    const down = overall.items.filter((i) => (i.delta ?? 0) < 0);
    const list = (xs: typeof up) => xs.map((i) => `${i.code} ${i.from}→${i.to}`).join(', ');
    blocks.push({
      kind: 'line',
      text: m.t('history.improved', { date: formatDate(overall.previousDate, m), list: up.length ? list(up) : '—' }),
      tone: 'good',
    });
    blocks.push({ kind: 'line', text: m.t('history.fell', { list: down.length ? list(down) : '—' }), tone: down.length ? 'poor' : 'muted' });
  }
  if (next) {
    const latest = g[g.length - 1]!;
    const { overdue } = programNextReview(g, asOf);
    blocks.push({ kind: 'line', text: nextReviewText(latest, m), tone: overdue ? 'poor' : undefined });
    if (overdue) blocks.push({ kind: 'line', text: m.t('policy.overdue', { asOf: asOf! }), tone: 'poor' });
  }
  return blocks;
}

/** `history --format json`: each program, its reviews and its overall change. */
export function historyJson(groups: ScoredReview[][], overall: (Change | null)[], asOf: string | null = null): string {
  const next = groups.some((g) => g.some((r) => r.nextReview !== undefined));
  return (
    JSON.stringify(
      {
        schemaVersion: 1,
        ...(next ? { asOf } : {}),
        programs: groups.map((g, i) => ({
          program: {
            name: groupProgram(g).name,
            id: groupProgram(g).id ?? null,
            site: groupProgram(g).site ?? null,
            names: [...new Set(g.map((r) => r.program.name))],
          },
          reviews: g.map((r) => ({
            date: r.date,
            total: r.total,
            band: r.band?.id ?? null,
            rated: r.rated,
            complete: r.complete,
            change: r.change?.total.delta ?? null,
            ...(next ? { nextReview: r.nextReview ?? null } : {}),
          })),
          change: overall[i],
          ...(next ? { nextReview: programNextReview(g, asOf) } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
