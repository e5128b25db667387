// The tables of each command's workbook (`--format xlsx`) and the review form of `init --xlsx`,
// as named tables of typed cells for `xlsx.ts`. Sheet and column names in the output language.
import type { Change } from '../core/history.js';
import { groupProgram } from '../core/identity.js';
import type { Outcomes } from '../core/outcomes.js';
import type { ScoredReview } from '../core/score-review.js';
import type { Messages } from '../i18n/locale.js';
import { localize, type Scale } from '../scale/scale.js';
import { consensusRows } from './consensus-view.js';
import { evidenceText } from './evidence.js';
import type { XlsxColumn, XlsxTable, XlsxType, XlsxValidation, XlsxValue } from './xlsx.js';
import { measureList } from './outcomes-tables.js';
import { wideCells, wideColumns } from './score-wide.js';
import { PLAN_COLUMNS, planRows } from './plan-view.js';
import type { ProgramPlan } from '../core/action-plan.js';

const col = (m: Messages, key: string, type: XlsxType, width?: number): XlsxColumn => ({
  title: m.t(`xlsx.col.${key}`),
  type,
  ...(width ? { width } : {}),
});
const sheet = (m: Messages, key: string) => m.t(`xlsx.sheet.${key}`);

/** `score --format xlsx`: one row per review (sections and items in columns), then one row per item. */
export function scoreTables(reviews: ScoredReview[], scales: Scale[], m: Messages): XlsxTable[] {
  const columns = wideColumns(scales);
  const meta = [col(m, 'program', 'text'), col(m, 'programId', 'text'), col(m, 'site', 'text'), col(m, 'date', 'date'), col(m, 'scale', 'text')];
  const metaOf = (r: ScoredReview): XlsxValue[] => [r.program.name, r.program.id, r.program.site, r.date, r.scale.id];
  const wide: XlsxTable = {
    name: sheet(m, 'scores'),
    columns: [
      ...meta,
      col(m, 'complete', 'boolean'),
      col(m, 'rated', 'integer'),
      col(m, 'total', 'integer'),
      col(m, 'max', 'integer'),
      col(m, 'band', 'text'),
      col(m, 'bandLabel', 'text'),
      col(m, 'mean', 'number'),
      // A section by its code (S, O, V), by its id when two scales give one code to different sections.
      ...columns.sections.map((s): XlsxColumn => ({
        title: columns.sections.filter((t) => t.code === s.code).length > 1 ? s.id : s.code,
        type: 'integer',
      })),
      ...columns.codes.map((c): XlsxColumn => ({ title: c, type: 'integer' })),
    ],
    rows: reviews.map((r) => [...metaOf(r), ...wideCells(r, columns, m)]),
  };
  const long: XlsxTable = {
    name: sheet(m, 'items'),
    columns: [
      ...meta,
      col(m, 'code', 'text'),
      col(m, 'item', 'text', 40),
      col(m, 'section', 'text'),
      col(m, 'score', 'integer'),
      col(m, 'source', 'text'),
      col(m, 'evidence', 'text', 50),
      col(m, 'note', 'text', 50),
    ],
    rows: reviews.flatMap((r) => {
      const itemOf = new Map(r.scale.items.map((i) => [i.id, i]));
      const sectionOf = new Map(r.scale.sections.map((s) => [s.id, s.code]));
      return r.items.map((it): XlsxValue[] => [
        ...metaOf(r),
        it.code,
        localize(itemOf.get(it.id)!.name, m.lang),
        sectionOf.get(it.section) ?? it.section,
        it.score,
        it.source,
        evidenceText(itemOf.get(it.id)!, it, m),
        it.note,
      ]);
    }),
  };
  return [wide, long];
}

/** `consensus --format xlsx`: one row per item of each review, each reviewer's score in a column. */
export function consensusTables(withRaters: ScoredReview[], m: Messages): XlsxTable[] {
  const names = [...new Set(withRaters.flatMap((r) => r.agreement!.reviewers))];
  return [
    {
      name: sheet(m, 'consensus'),
      columns: [
        col(m, 'program', 'text'),
        col(m, 'programId', 'text'),
        col(m, 'date', 'date'),
        col(m, 'code', 'text'),
        col(m, 'item', 'text', 40),
        ...names.map((n): XlsxColumn => ({ title: n, type: 'integer' })),
        col(m, 'spread', 'integer'),
        col(m, 'consensus', 'integer'),
      ],
      rows: withRaters.flatMap((r) => {
        const itemOf = new Map(r.scale.items.map((i) => [i.id, i]));
        return consensusRows(r).map(({ item, spread }): XlsxValue[] => [
          r.program.name,
          r.program.id,
          r.date,
          item.code,
          localize(itemOf.get(item.id)!.name, m.lang),
          ...names.map((n) => r.agreement!.byReviewer.find((x) => x.name === n)?.scores[item.code] ?? null),
          spread,
          item.score,
        ]);
      }),
    },
  ];
}

/** `history --format xlsx`: each program's reviews by date. */
export function historyTables(groups: ScoredReview[][], _overall: (Change | null)[], m: Messages): XlsxTable[] {
  return [
    {
      name: sheet(m, 'history'),
      columns: [
        col(m, 'program', 'text'),
        col(m, 'programId', 'text'),
        col(m, 'site', 'text'),
        col(m, 'date', 'date'),
        col(m, 'total', 'integer'),
        col(m, 'max', 'integer'),
        col(m, 'change', 'integer'),
        col(m, 'band', 'text'),
        col(m, 'bandLabel', 'text'),
        col(m, 'rated', 'integer'),
        col(m, 'items', 'integer'),
        col(m, 'complete', 'boolean'),
      ],
      rows: groups.flatMap((g) => {
        const p = groupProgram(g);
        return g.map((r): XlsxValue[] => [
          p.name,
          p.id,
          p.site,
          r.date,
          r.total,
          r.max,
          r.change?.total.delta ?? null,
          r.band?.id ?? null,
          r.band ? localize(r.band.label, m.lang) : null,
          r.rated,
          r.itemCount,
          r.complete,
        ]);
      }),
    },
  ];
}

/** `outcomes --format xlsx`: the periods, then the whole-window measures (rates as percentages). */
export function outcomesTables(o: Outcomes, m: Messages): XlsxTable[] {
  const grow = o.convention === 'ips-grow';
  const periods: XlsxTable = {
    name: sheet(m, 'periods'),
    columns: [
      col(m, 'period', 'text'),
      col(m, 'from', 'date'),
      col(m, 'to', 'date'),
      col(m, 'served', 'integer'),
      col(m, 'working', 'integer'),
      col(m, 'rate', 'percent'),
      col(m, 'benchmark', 'text'),
      col(m, 'jobStarts', 'integer'),
      col(m, 'firstJobStarts', 'integer'),
      col(m, 'partial', 'boolean'),
      ...(grow ? [col(m, 'growMet', 'boolean')] : []),
    ],
    rows: o.periods.map((p) => [
      p.label,
      p.from,
      p.to,
      p.served,
      p.working,
      p.rate,
      p.benchmark,
      p.jobStarts,
      p.firstJobStarts,
      p.partial,
      ...(grow ? [p.growBenchmarkMet ?? null] : []),
    ]),
  };
  // The CSV's measures (src/render/outcomes-tables.ts), typed: rates as percentages, counts as whole numbers.
  const rows: XlsxValue[][] = measureList(o).map((x) => [
    x.name,
    x.kind === 'rate'
      ? { value: x.value, type: 'percent' }
      : x.kind === 'count'
        ? { value: x.value, type: 'integer' }
        : x.value === null
          ? null
          : Number(x.value.toFixed(4)),
    x.n,
    x.of,
  ]);
  const measures: XlsxTable = {
    name: sheet(m, 'measures'),
    columns: [col(m, 'measure', 'text'), col(m, 'value', 'number'), col(m, 'n', 'integer'), col(m, 'of', 'integer')],
    rows,
  };
  return [periods, measures];
}

/** How many specialist rows a per-specialist item gets in the form. */
export const SPECIALIST_ROWS = 3;

/**
 * The review form of `init --xlsx`: program and review date in labelled cells at the top, one row per
 * item (code, name, score, value, n, a check cell per element, note, how to rate, anchors), rows for each
 * specialist under a per-specialist item; score cells limited to the scale's range. Then the action plan.
 */
export function reviewFormTables(scale: Scale, m: Messages): XlsxTable[] {
  const L = (t: { en: string; [k: string]: string } | undefined) => localize(t, m.lang);
  const f = (key: string, params?: Record<string, string | number>) => m.t(`xlsx.form.${key}`, params);
  const { min, max } = scale.scoreRange;
  const letters = [...new Set(scale.items.flatMap((i) => (i.elements ?? []).map((e) => e.id)))].sort();
  const C = { code: 0, item: 1, score: 2, value: 3, n: 4 };
  const elementCol = (id: string) => 5 + letters.indexOf(id);
  const specialistCol = 5 + letters.length;
  const noteCol = specialistCol + 1;
  const columns: XlsxColumn[] = [
    { title: f('code'), type: 'text', width: 7 },
    { title: f('item'), type: 'text', width: 40 },
    { title: f('score'), type: 'integer', width: 8 },
    { title: f('value'), type: 'number', width: 9 },
    { title: f('n'), type: 'integer', width: 8 },
    ...letters.map((l): XlsxColumn => ({ title: l, type: 'text', width: 4 })),
    { title: f('specialist'), type: 'text', width: 16 },
    { title: f('note'), type: 'text', width: 40 },
    { title: f('how'), type: 'text', width: 50 },
    { title: f('anchors'), type: 'text', width: 80 },
  ];
  const rows: XlsxValue[][] = [];
  const scoreCells: XlsxValidation['cells'] = [];
  const valueCells: XlsxValidation['cells'] = [];
  const percentCells: XlsxValidation['cells'] = [];
  const nCells: XlsxValidation['cells'] = [];
  const checkCells: XlsxValidation['cells'] = [];
  for (const it of scale.items) {
    const numeric = ['ratio', 'percent', 'days', 'count'].includes(it.kind);
    const how =
      it.kind === 'elements'
        ? f('howElements', { list: (it.elements ?? []).map((e) => `${e.id} ${L(e.label)}`).join('; ') })
        : it.kind === 'ordinal'
          ? f('howScore', { min, max })
          : f('howValue', { unit: L(it.unit) || m.t(`kind.${it.kind}`) });
    const anchors = Object.entries(it.anchors ?? {})
      .sort(([a], [b]) => Number(b) - Number(a))
      .map(([k, t]) => `${k}: ${L(t)}`)
      .join('\n');
    const row: XlsxValue[] = new Array(columns.length).fill(null);
    row[C.code] = it.code;
    row[C.item] = L(it.name);
    row[noteCol + 1] = it.perSpecialist ? `${how} ${f('howSpecialists')}` : how;
    row[noteCol + 2] = anchors;
    const at = rows.length;
    rows.push(row);
    scoreCells.push({ row: at, column: C.score });
    if (numeric) {
      (it.kind === 'percent' ? percentCells : valueCells).push({ row: at, column: C.value });
      nCells.push({ row: at, column: C.n });
    }
    for (const e of it.elements ?? []) checkCells.push({ row: at, column: elementCol(e.id) });
    if (it.perSpecialist) {
      for (let s = 0; s < SPECIALIST_ROWS; s++) {
        const r: XlsxValue[] = new Array(columns.length).fill(null);
        r[C.code] = it.code;
        scoreCells.push({ row: rows.length, column: C.score });
        if (numeric) (it.kind === 'percent' ? percentCells : valueCells).push({ row: rows.length, column: C.value });
        rows.push(r);
      }
    }
  }
  const review: XlsxTable = {
    name: sheet(m, 'review'),
    preamble: [
      { label: f('program'), value: null },
      { label: f('programId'), value: null },
      { label: f('site'), value: null },
      { label: f('date'), value: null, type: 'date' },
      { label: f('type'), value: f('external') },
      { label: f('reviewers'), value: null },
      { label: f('scale'), value: scale.id },
    ],
    columns,
    rows,
    validations: [
      { cells: scoreCells, rule: { kind: 'whole', min, max, title: f('scoreTitle'), message: f('scoreMessage', { min, max }) } },
      { cells: valueCells, rule: { kind: 'decimal', min: 0, title: f('value'), message: f('valueMessage') } },
      { cells: percentCells, rule: { kind: 'decimal', min: 0, max: 100, title: f('value'), message: f('percentMessage') } },
      { cells: nCells, rule: { kind: 'whole', min: 0, title: f('n'), message: f('nMessage') } },
      { cells: checkCells, rule: { kind: 'list', values: ['x', '0'], title: f('checkTitle'), message: f('checkMessage') } },
      { cells: [{ row: 4, column: 1, preamble: true }], rule: { kind: 'list', values: [f('external'), f('self')] } },
    ],
  };
  const p = (key: string) => m.t(`xlsx.plan.${key}`);
  const plan: XlsxTable = {
    name: sheet(m, 'plan'),
    columns: [
      { title: p('item'), type: 'text', width: 8 },
      { title: p('action'), type: 'text', width: 60 },
      { title: p('owner'), type: 'text', width: 20 },
      { title: p('due'), type: 'date', width: 12 },
      { title: p('status'), type: 'text', width: 14 },
    ],
    rows: [],
  };
  return [review, plan];
}

/** `plan --format xlsx`: the plan's rows (those of its CSV), titled in the output language. */
export function planTables(plans: ProgramPlan[], m: Messages): XlsxTable[] {
  return [
    {
      name: sheet(m, 'plan'),
      columns: PLAN_COLUMNS.map(([key, type]): XlsxColumn => ({ title: m.t(`xlsx.planCol.${key}`), type })),
      rows: [...planRows(plans, m)],
    },
  ];
}
