// What `score` shows: one review in detail, or a summary of many.
import type { Messages } from '../i18n/locale.js';
import { localize } from '../scale/scale.js';
import type { ScoredReview } from '../core/score-review.js';
import { programLabel } from '../core/identity.js';
import type { Band } from '../scale/schema.js';
import { evidenceText } from './evidence.js';
import { itemAdvice } from './recommendations.js';
import type { Column } from './layout.js';
import type { Block, Tone, ViewCell } from './view.js';

/** Tone of a band by its rank among the scale's bands: the top is best, the bottom poor. */
/** A review's band as a table cell, in its tone ("Incomplete" without a total). */
export function bandCell(r: ScoredReview, m: Messages): ViewCell {
  return {
    text: r.band ? localize(r.band.label, m.lang) : m.t('score.incompleteShort'),
    tone: r.total === null ? 'fair' : bandTone(r.scale.bands, r.band),
  };
}

export function bandTone(bands: Band[], band: Band | null): Exclude<Tone, 'strong'> {
  if (!band) return 'muted';
  const i = bands.findIndex((b) => b.id === band.id);
  const fromBottom = bands.length - 1 - i;
  if (i === 0 && bands.length > 3) return 'best';
  if (fromBottom === 0) return 'poor';
  if (fromBottom === 1) return 'fair';
  return 'good';
}

export function scoreTone(score: number | null, max: number): Tone {
  if (score === null) return 'muted';
  if (score >= max) return 'good';
  if (score <= 2) return 'poor';
  return score === 3 ? 'fair' : 'strong';
}

/** A change with its sign: +3, -1, 0 (— when unknown). */
export function signed(d: number | null, decimals = 0): string {
  if (d === null) return '—';
  const text = decimals ? d.toFixed(decimals) : String(d);
  return d > 0 ? `+${text}` : text;
}

export function formatDate(iso: string | null, m: Messages): string {
  if (!iso) return '—';
  const [y, mo, d] = iso.split('-');
  return m.t('format.date', { y: y!, m: mo!, d: d! });
}

export const programTitle = (r: ScoredReview): string => programLabel(r.program);

export function totalText(r: ScoredReview, m: Messages): string {
  if (r.total === null) {
    return m.t('score.incomplete', { rated: r.rated, items: r.itemCount, mean: r.mean === null ? '—' : m.num(r.mean, 2) });
  }
  return m.t('score.total', { total: r.total, max: r.max, band: localize(r.band!.label, m.lang) });
}

export function bandsLegend(r: ScoredReview, m: Messages): string {
  const parts = r.scale.bands.map((b, i) => {
    const hi = i === 0 ? r.max : r.scale.bands[i - 1]!.min - 1;
    const lo = Math.max(b.min, r.scale.minTotal);
    return `${localize(b.label, m.lang)} ${lo}–${hi}`;
  });
  return m.t('score.bands', { list: parts.join(' · ') });
}

/** When the next review is due and why (the policy's interval for the review's band), or why there is no date. */
export function nextReviewText(r: ScoredReview, m: Messages): string {
  const n = r.nextReview;
  if (!n) return m.t(r.date ? 'policy.nextNoBand' : 'policy.nextNoDate');
  const band = n.atLeast ? r.scale.bands.find((b) => b.id === n.atLeast) : undefined;
  const params = { date: n.date, months: n.months, policy: n.policy };
  return band ? m.t('policy.nextAtLeast', { ...params, band: localize(band.label, m.lang) }) : m.t('policy.nextOtherwise', params);
}

/** The next review date as a table cell ("—" without one). */
export const nextReviewCell = (r: ScoredReview, m: Messages): string => formatDate(r.nextReview?.date ?? null, m);

export interface ViewOptions {
  sort: 'scale' | 'score';
  notes: boolean;
  /** Findings and recommendations after the items (`score --detail`). */
  recommendations?: boolean;
}

export function reviewBlocks(r: ScoredReview, m: Messages, opts: ViewOptions): Block[] {
  const itemOf = new Map(r.scale.items.map((i) => [i.id, i]));
  const L = (t: { en: string; [k: string]: string } | string | undefined) => localize(t, m.lang);
  const meta = [
    m.t('score.reviewOn', { date: formatDate(r.date, m) }),
    r.type ? m.t(`reviewType.${r.type}`) : null,
    r.reviewers.length ? m.t('score.reviewers', { list: r.reviewers.join(', ') }) : null,
    `${r.scale.id.toUpperCase()} · ${L(r.scale.version)}`,
  ].filter(Boolean);
  const blocks: Block[] = [
    { kind: 'title', text: programTitle(r) },
    { kind: 'line', text: meta.join(' · '), tone: 'muted' },
    { kind: 'line', text: '' },
    { kind: 'line', text: totalText(r, m), tone: r.total === null ? 'fair' : bandTone(r.scale.bands, r.band) },
    { kind: 'line', text: bandsLegend(r, m), tone: 'muted' },
    ...(r.nextReview !== undefined ? [{ kind: 'line', text: nextReviewText(r, m) } as Block] : []),
  ];
  const mean = (x: number | null) => (x === null ? '—' : m.num(x, 2));
  blocks.push({ kind: 'heading', text: m.t('score.sections') });
  blocks.push({
    kind: 'table',
    columns: [
      { title: m.t('col.section') },
      { title: m.t('col.score'), align: 'right' },
      { title: m.t('col.max'), align: 'right' },
      { title: m.t('col.rated'), align: 'right' },
      { title: m.t('col.mean'), align: 'right' },
    ],
    rows: r.sections.map((s) => [
      `${s.code}  ${L(r.scale.sections.find((x) => x.id === s.id)?.name)}`,
      s.score === null ? '—' : String(s.score),
      String(s.max),
      `${s.rated}/${s.items}`,
      mean(s.mean),
    ]),
  });
  blocks.push({ kind: 'heading', text: m.t('score.principles', { framework: L(r.framework.name) }) });
  blocks.push({
    kind: 'table',
    columns: [
      { title: m.t('col.principle'), wrap: true },
      { title: m.t('col.mean'), align: 'right' },
      { title: m.t('col.rated'), align: 'right' },
      { title: m.t('col.items'), wrap: true },
    ],
    rows: r.principles.map((p) => [
      L(r.framework.principles.find((x) => x.id === p.id)?.label),
      { text: mean(p.mean), tone: p.mean === null ? 'muted' : scoreTone(Math.round(p.mean), r.scale.scoreRange.max) },
      `${p.rated}/${p.items.length}`,
      p.items.join(' '),
    ]),
  });
  blocks.push({ kind: 'line', text: m.t('french.principleMapping'), tone: 'muted' });
  if (r.change) blocks.push(...changeBlocks(r, m));
  if (r.agreement) blocks.push(...agreementBlocks(r, m));
  const items = [...r.items];
  if (opts.sort === 'score') items.sort((a, b) => (a.score ?? Infinity) - (b.score ?? Infinity));
  blocks.push({ kind: 'heading', text: m.t('score.items') });
  blocks.push({
    kind: 'entries',
    columns: itemColumns(m, { title: m.t('col.evidence') }, ...(opts.notes ? [{ title: m.t('col.note') }] : [])),
    entries: items.map((it) => {
      const item = itemOf.get(it.id)!;
      const details: { text: string; tone?: Tone }[] = [{ text: evidenceText(item, it, m), tone: it.score === null ? 'muted' : undefined }];
      if (opts.notes) details.push({ text: it.note ?? '', tone: 'muted' });
      return {
        code: it.code,
        title: L(item.name),
        score: { text: it.score === null ? '—' : `${it.score}/${r.scale.scoreRange.max}`, tone: scoreTone(it.score, r.scale.scoreRange.max) },
        details,
      };
    }),
  });
  if (opts.recommendations) blocks.push(...adviceBlocks(r, m));
  return blocks;
}

/** The columns a list of items starts with (code, item, score), then `more`. */
export function itemColumns(m: Messages, ...more: Column[]): Column[] {
  return [{ title: m.t('col.code') }, { title: m.t('col.item') }, { title: m.t('col.score'), align: 'right' }, ...more];
}

/** Findings and recommendations of the items below their maximum (or with the reviewers' words). */
export function adviceBlocks(r: ScoredReview, m: Messages): Block[] {
  const advice = itemAdvice(r, m);
  if (advice.length === 0) return [];
  return [
    { kind: 'heading', text: m.t('cycle.findings.title') },
    {
      kind: 'entries',
      columns: itemColumns(m, { title: m.t('cycle.col.advice') }),
      entries: advice.map((a) => {
        const details: { text: string; tone?: Tone }[] = [];
        if (a.finding) details.push({ text: `${m.t('cycle.findings.finding')}${m.t('format.labelSep')}${a.finding}` });
        if (a.recommendation) details.push({ text: `${m.t('cycle.findings.reviewers')}${m.t('format.labelSep')}${a.recommendation}` });
        for (const c of a.computed)
          details.push({ text: `${m.t('cycle.findings.computed')}${m.t('format.labelSep')}${c}`, tone: a.recommendation ? 'muted' : undefined });
        return {
          code: a.code,
          title: a.name,
          score: { text: a.score === null ? '—' : `${a.score}/${a.max}`, tone: scoreTone(a.score, a.max) },
          details,
        };
      }),
    },
  ];
}

/** Change since the previous review: total, sections, and the items that moved. */
export function changeBlocks(r: ScoredReview, m: Messages): Block[] {
  const c = r.change!;
  const L = (t: { en: string; [k: string]: string } | string | undefined) => localize(t, m.lang);
  const moved = c.items.filter((i) => i.delta !== null && i.delta !== 0);
  return [
    { kind: 'heading', text: m.t('history.changeSince', { date: formatDate(c.previousDate, m) }) },
    {
      kind: 'table',
      columns: [
        { title: '' },
        { title: formatDate(c.previousDate, m), align: 'right' },
        { title: formatDate(r.date, m), align: 'right' },
        { title: m.t('col.change'), align: 'right' },
      ],
      rows: [
        ...c.sections.map((s) => [
          L(r.scale.sections.find((x) => x.id === s.id)?.name),
          s.from === null ? '—' : String(s.from),
          s.to === null ? '—' : String(s.to),
          signed(s.delta),
        ]),
        [
          { text: m.t('col.total'), tone: 'strong' as const },
          c.total.from === null ? '—' : String(c.total.from),
          c.total.to === null ? '—' : String(c.total.to),
          {
            text: signed(c.total.delta),
            tone: c.total.delta === null ? ('muted' as const) : c.total.delta >= 0 ? ('good' as const) : ('poor' as const),
          },
        ],
      ],
    },
    {
      kind: 'line',
      text: moved.length
        ? m.t('history.movedItems', { list: moved.map((i) => `${i.code} ${i.from}→${i.to}`).join(', ') })
        : m.t('history.noItemMoved'),
    },
  ];
}

/** Inter-rater agreement: each pair of reviewers, items to reconcile, items without consensus. */
export function agreementBlocks(r: ScoredReview, m: Messages): Block[] {
  const a = r.agreement!;
  const blocks: Block[] = [{ kind: 'heading', text: m.t('agreement.title') }];
  for (const p of a.pairs) {
    blocks.push({
      kind: 'line',
      text: m.t('agreement.pair', {
        a: p.a,
        b: p.b,
        items: p.items,
        exact: p.exact.rate === null ? '—' : `${p.exact.count}/${p.exact.of} (${m.pct(p.exact.rate)})`,
        within: p.withinOne.rate === null ? '—' : `${p.withinOne.count}/${p.withinOne.of} (${m.pct(p.withinOne.rate)})`,
        kappa: p.kappa === null ? m.t('agreement.kappaUndefined') : m.num(p.kappa, 2),
      }),
    });
  }
  if (a.reconcile.length) {
    blocks.push({
      kind: 'line',
      text: m.t('agreement.reconcile', {
        list: a.reconcile.map((x) => `${x.code} (${x.ratings.map((y) => (y.score === null ? '—' : y.score)).join(m.t('agreement.vs'))})`).join(', '),
      }),
    });
  }
  if (a.noConsensus.length) blocks.push({ kind: 'line', text: m.t('agreement.noConsensus', { list: a.noConsensus.join(', ') }), tone: 'fair' });
  return blocks;
}

export function summaryBlocks(reviews: ScoredReview[], m: Messages): Block[] {
  const history = reviews.some((r) => r.change);
  const next = reviews.some((r) => r.nextReview !== undefined);
  const withChange = <T>(cells: T[], change: T): T[] => (history ? [...cells.slice(0, 3), change, ...cells.slice(3)] : cells);
  return [
    { kind: 'title', text: m.t('score.summaryTitle', { count: reviews.length }) },
    {
      kind: 'table',
      columns: [
        ...withChange(
          [
            { title: m.t('col.program'), wrap: true },
            { title: m.t('col.date') },
            { title: m.t('col.total'), align: 'right' as const },
            { title: m.t('col.band'), wrap: true },
            { title: m.t('col.rated'), align: 'right' as const },
          ],
          { title: m.t('col.change'), align: 'right' as const },
        ),
        ...(next ? [{ title: m.t('policy.col.next') }] : []),
      ],
      rows: reviews.map((r) => [
        ...withChange<ViewCell>(
          [programTitle(r), formatDate(r.date, m), r.total === null ? '—' : `${r.total}/${r.max}`, bandCell(r, m), `${r.rated}/${r.itemCount}`],
          r.change ? signed(r.change.total.delta) : '',
        ),
        ...(next ? [nextReviewCell(r, m)] : []),
      ]),
    },
  ];
}
