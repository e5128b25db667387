// Reader of ratings tables (CSV now, workbook sheets later): long (one row per item) or wide (one row per review).
import type { ItemRating, Review } from '../core/review.js';
import { findItem, type Scale } from '../scale/scale.js';
import type { ProblemList } from '../shared/problems.js';
import { reviewDateOf, reviewTypeOf, toRating } from './rating-entry.js';
import type { ScaleResolver } from './review-yaml.js';
import { cellOf, mapColumns, placeOf, type ColumnSpec, type Row, type Table } from './table.js';
import { normalizeName } from '../shared/values.js';

const META: ColumnSpec[] = [
  { key: 'program', aliases: ['programme', 'program_name', 'nom_programme', 'dispositif', 'structure'], required: true },
  { key: 'program_id', aliases: ['identifiant_programme', 'id_programme', 'programme_id', 'code_programme'] },
  { key: 'site', aliases: ['lieu'] },
  { key: 'date', aliases: ['review_date', 'date_revue', 'date_evaluation'], required: true },
  { key: 'type', aliases: ['review_type', 'type_revue', 'type_evaluation'] },
  { key: 'scale', aliases: ['echelle'] },
  { key: 'reviewer', aliases: ['evaluateur', 'evaluatrice', 'rater', 'relecteur'] },
];
const LONG: ColumnSpec[] = [
  { key: 'item', aliases: ['critere', 'code'], required: true },
  { key: 'score', aliases: ['cotation', 'rating'] },
  { key: 'value', aliases: ['valeur', 'observed_value', 'valeur_observee'] },
  { key: 'n', aliases: ['effectif'] },
  { key: 'note', aliases: ['notes', 'commentaire', 'remarque', 'evidence', 'preuve'] },
  { key: 'finding', aliases: ['constat', 'findings', 'constats'] },
  { key: 'recommendation', aliases: ['recommandation', 'recommendations', 'recommandations'] },
];
/** Header names that only a French file uses: they set the data language. */
export const FRENCH = new Set(
  [
    'evaluateur',
    'evaluatrice',
    'programme',
    'nom_programme',
    'dispositif',
    'identifiant_programme',
    'id_programme',
    'lieu',
    'date_revue',
    'date_evaluation',
    'type_revue',
    'echelle',
    'critere',
    'cotation',
    'valeur',
    'commentaire',
    'remarque',
    'preuve',
    'constat',
    'recommandation',
  ].map(normalizeName),
);

export function isLongLayout(table: Table): boolean {
  const names = new Set(table.header.map(normalizeName));
  return ['item', 'critere'].some((n) => names.has(n));
}

interface Group {
  key: string;
  first: Row;
  program: Review['program'];
  date: string | null;
  type?: 'self' | 'external';
  scale: Scale;
  ratings: ItemRating[];
  seen: Map<string, number>;
  /** Independent ratings per reviewer, before consensus. */
  raters: Map<string, { ratings: ItemRating[]; seen: Map<string, number>; first: Row }>;
  consensusRow?: Row;
}

/** Reviewer cells that mean "the agreed consensus row". */
const CONSENSUS = new Set(['', 'consensus', 'accord', 'consensuel', 'agreed'].map(normalizeName));

/** Read every review in a ratings table. */
export function readRatingsTable(table: Table, resolveScale: ScaleResolver, problems: ProblemList): Review[] {
  const long = isLongLayout(table);
  const defaultScale = resolveScale(undefined);
  const itemColumns = new Map<number, string>();
  const cols = mapColumns(table, long ? [...META, ...LONG] : META, problems, (h, i) => {
    if (long) return false;
    const item = findItem(defaultScale, h);
    if (item) itemColumns.set(i, item.id);
    return item !== undefined;
  });
  if (long && cols.score === undefined && cols.value === undefined) {
    problems.error({ line: table.headerLine }, 'column.missing', { column: 'score', aliases: 'cotation, value, valeur' });
  }
  const lang = table.header.some((h) => FRENCH.has(normalizeName(h))) ? 'fr' : undefined;
  if (problems.hasErrors) return [];

  const groups = new Map<string, Group>();
  const err = (row: Row, col: number | undefined, key: string, params: Record<string, string | number> = {}, field?: string, value?: string) =>
    problems.error(col === undefined ? { line: row.line } : placeOf(table, row.line, col), key, params, field, value);

  table.eachRow((row) => {
    const program = cellOf(row, cols.program);
    const programId = cellOf(row, cols.program_id);
    const rawDate = cellOf(row, cols.date);
    if (!program) err(row, cols.program, 'cell.required', { column: table.header[cols.program!]! }, table.header[cols.program!]);
    // A date after today is warned about once per review (its first row).
    const date = reviewDateOf(
      rawDate,
      cols.date === undefined ? { line: row.line } : placeOf(table, row.line, cols.date),
      problems,
      table.header[cols.date!],
      (iso) => !groups.has(`${programId || normalizeName(program)}|${iso}|${defaultScale.id}`),
    );
    const rawType = cellOf(row, cols.type);
    const type = rawType ? reviewTypeOf(rawType) : undefined;
    if (rawType && !type) err(row, cols.type, 'cell.reviewType', {}, table.header[cols.type!], rawType);
    let scale = defaultScale;
    const scaleCell = cellOf(row, cols.scale);
    if (scaleCell) scale = resolveScale(scaleCell);
    if (!program || date === null) return;

    const key = `${programId || normalizeName(program)}|${date}|${scale.id}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        first: row,
        program: { name: program, ...(programId ? { id: programId } : {}), ...(cellOf(row, cols.site) ? { site: cellOf(row, cols.site) } : {}) },
        date,
        ...(type ? { type } : {}),
        scale,
        ratings: [],
        seen: new Map(),
        raters: new Map(),
      };
      groups.set(key, g);
    }
    const reviewer = cellOf(row, cols.reviewer);
    const isConsensus = CONSENSUS.has(normalizeName(reviewer));
    let target: { ratings: ItemRating[]; seen: Map<string, number> } = g;
    if (!isConsensus) {
      target = g.raters.get(reviewer) ?? g.raters.set(reviewer, { ratings: [], seen: new Map(), first: row }).get(reviewer)!;
    }
    if (!long) {
      const firstRow = isConsensus ? g.consensusRow : g.raters.get(reviewer)!.first === row ? undefined : g.raters.get(reviewer)!.first;
      if (firstRow) {
        err(row, undefined, 'review.duplicateRow', { line: firstRow.line });
        return;
      }
      if (isConsensus) g.consensusRow = row;
    }

    const entries: { item: string; col: number | undefined; raw: Record<string, string>; fieldCol: Record<string, number | undefined> }[] = [];
    if (long) {
      const name = cellOf(row, cols.item);
      if (!cellOf(row, cols.score) && !cellOf(row, cols.value) && !cellOf(row, cols.finding) && !cellOf(row, cols.recommendation)) return; // listed, not rated yet
      const item = findItem(g.scale, name);
      if (!item) {
        err(
          row,
          cols.item,
          name ? 'item.unknown' : 'cell.required',
          { scale: g.scale.id, column: table.header[cols.item!]! },
          table.header[cols.item!],
          name,
        );
        return;
      }
      entries.push({
        item: item.id,
        col: cols.item,
        raw: {
          score: cellOf(row, cols.score),
          value: cellOf(row, cols.value),
          n: cellOf(row, cols.n),
          note: cellOf(row, cols.note),
          finding: cellOf(row, cols.finding),
          recommendation: cellOf(row, cols.recommendation),
        },
        fieldCol: { score: cols.score, value: cols.value, n: cols.n, note: cols.note },
      });
    } else {
      for (const [col, id] of itemColumns) {
        const cell = cellOf(row, col);
        if (cell) entries.push({ item: id, col, raw: { score: cell }, fieldCol: { score: col } });
      }
    }

    for (const e of entries) {
      const item = g.scale.items.find((i) => i.id === e.item)!;
      const firstLine = target.seen.get(item.id);
      if (firstLine !== undefined) {
        err(row, e.col, 'item.duplicateRow', { item: item.code, line: firstLine }, table.header[e.col!], item.code);
        continue;
      }
      target.seen.set(item.id, row.line);
      const rating = toRating(
        item,
        g.scale,
        e.raw,
        (field, k, params, value, severity) => {
          const col = e.fieldCol[String(field[0])] ?? e.col;
          const place = col === undefined ? { line: row.line } : placeOf(table, row.line, col);
          const name = col === undefined ? item.code : table.header[col];
          if (severity === 'warning') problems.warn(place, k, params, name, value);
          else problems.error(place, k, params, name, value);
        },
        { file: table.file, ...placeOf(table, row.line, e.col ?? 0) },
      );
      if (rating) target.ratings.push(rating);
    }
  });
  if (problems.hasErrors) return [];
  return [...groups.values()].map((g) => ({
    program: g.program,
    date: g.date,
    ...(g.type ? { type: g.type } : {}),
    reviewers: [],
    scaleId: g.scale.id,
    ...(lang ? { lang } : {}),
    ratings: g.ratings,
    ...(g.raters.size ? { raters: [...g.raters].map(([name, r]) => ({ name, ratings: r.ratings })) } : {}),
    at: { file: table.file, ...placeOf(table, g.first.line, 0) },
  }));
}
