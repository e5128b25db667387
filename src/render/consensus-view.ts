// The consensus sheet: each reviewer's scores side by side, for the consensus meeting (`consensus`).
import type { ScoredReview } from '../core/score-review.js';
import type { Messages } from '../i18n/locale.js';
import { localize } from '../scale/scale.js';
import { csvLine as csvLineOf, RFC_CSV, type CsvStyle } from './csv.js';
import { jsonText } from './safe-text.js';
import { agreementBlocks, formatDate, programTitle } from './score-view.js';
import type { Block } from './view.js';

/** Items side by side, the ones the reviewers rated differently first (widest spread first). */
export function consensusRows(r: ScoredReview) {
  const a = r.agreement!;
  const spread = new Map(a.reconcile.map((x) => [x.id, x.spread]));
  const order = new Map(r.items.map((it, i) => [it.id, i]));
  return [...r.items]
    .sort((x, y) => (spread.get(y.id) ?? 0) - (spread.get(x.id) ?? 0) || order.get(x.id)! - order.get(y.id)!)
    .map((it) => ({ item: it, spread: spread.get(it.id) ?? 0 }));
}

export function consensusSheet(r: ScoredReview, m: Messages): Block[] {
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
      columns: [
        { title: m.t('col.code') },
        { title: m.t('col.item'), wrap: true },
        ...a.reviewers.map((n) => ({ title: n, align: 'right' as const })),
        { title: m.t('col.difference') },
        { title: m.t('col.consensus'), align: 'right' },
      ],
      rows,
    },
  ];
}

/** `consensus --format csv`: one line per item of each review, each reviewer's score in a column. */
export function consensusCsv(withRaters: ScoredReview[], style: CsvStyle = RFC_CSV): string {
  const csvLine = (cells: Parameters<typeof csvLineOf>[0]) => csvLineOf(cells, style);
  const names = [...new Set(withRaters.flatMap((r) => r.agreement!.reviewers))];
  let out = csvLine(['program', 'program_id', 'date', 'item', 'code', ...names, 'spread', 'consensus']);
  for (const r of withRaters) {
    for (const { item, spread } of consensusRows(r)) {
      out += csvLine([r.program.name, r.program.id, r.date, item.id, item.code, ...names.map((n) => own(r, n, item.code)), spread, item.score]);
    }
  }
  return out;
}

/** `consensus --format json` (src/contract/consensus-json.ts): each review's items side by side, widest spread first. */
export function consensusJson(withRaters: ScoredReview[], m: Messages): string {
  const reviews = withRaters.map((r) => {
    const a = r.agreement!;
    const itemOf = new Map(r.scale.items.map((i) => [i.id, i]));
    return {
      program: { name: r.program.name, id: r.program.id ?? null, site: r.program.site ?? null },
      date: r.date,
      scale: r.scale.id,
      reviewers: a.reviewers,
      items: consensusRows(r).map(({ item, spread }) => ({
        id: item.id,
        code: item.code,
        name: localize(itemOf.get(item.id)!.name, m.lang),
        scores: Object.fromEntries(a.reviewers.map((n) => [n, own(r, n, item.code)])),
        spread,
        consensus: item.score,
      })),
      pairs: a.pairs,
    };
  });
  return jsonText(JSON.stringify({ schemaVersion: 1, lang: m.lang, reviews }, null, 2)) + '\n';
}

/** A reviewer's own score of an item. */
function own(r: ScoredReview, name: string, code: string): number | null {
  return r.agreement!.byReviewer.find((x) => x.name === name)?.scores[code] ?? null;
}
