// The review form workbook that `init --xlsx` writes, filled in by a reviewer: labelled cells at the top
// (program, review date...), then one row per item (code, score, value, n, element check cells a, b, ...,
// a specialist's name on the extra rows of per-specialist items, note). Problems name their sheet!cell.
import type { ItemRating, Review } from '../core/review.js';
import { findItem } from '../scale/scale.js';
import type { Item } from '../scale/schema.js';
import type { ProblemList } from '../shared/problems.js';
import { normalizeName, parseBoolean } from '../shared/values.js';
import { reviewDateOf, reviewTypeOf, toRating, type RawEntry } from './rating-entry.js';
import type { ScaleResolver } from './review-yaml.js';
import { placeOf, type Row } from './table.js';

/** The labelled cells of the top, by the labels the form writes (English and French) and a few more. */
const LABELS: Record<string, string[]> = {
  program: ['program', 'programme', 'program name', 'dispositif', 'nom du dispositif'],
  program_id: ['program id', 'identifiant du dispositif', 'identifiant programme', 'id programme'],
  site: ['site', 'lieu'],
  date: ['review date', 'date', 'date de la revue', 'date revue', "date de l'évaluation"],
  type: ['review type', 'type', 'type de revue', "type d'évaluation"],
  reviewers: ['reviewers', 'évaluateurs', 'évaluateurs et évaluatrices'],
  scale: ['scale', 'échelle'],
};
const FRENCH_LABELS = new Set(
  ['dispositif', 'nomdudispositif', 'identifiantdudispositif', 'datedelarevue', 'typederevue', 'evaluateurs', 'echelle', 'lieu'].map(normalizeName),
);

/** The item table's columns; a header of one letter (a, b, ...) is an element's check cell. */
const COLUMNS: Record<string, string[]> = {
  code: ['code', 'critère'],
  score: ['score', 'cote', 'cotation', 'rating'],
  value: ['value', 'valeur', 'observed value', 'valeur observée'],
  n: ['n', 'effectif'],
  specialist: ['specialist', 'conseiller', 'conseillère', 'job coach'],
  note: ['note', 'notes', 'commentaire', 'remarque'],
};

const lookup = (table: Record<string, string[]>) =>
  new Map(Object.entries(table).flatMap(([key, names]) => names.map((n): [string, string] => [normalizeName(n), key])));
const LABEL_OF = lookup(LABELS);
const COLUMN_OF = lookup(COLUMNS);

/** Check cells: x or ✓ (or yes/true/1, oui) for an element present; 0, no, non for one absent. */
function checked(cell: string): boolean | undefined {
  if (/^[x✓✔☑]$/i.test(cell)) return true;
  const b = parseBoolean(cell);
  return b.ok ? b.value : undefined;
}

/** The row of the item table's header (its first cell "Code"), after a labelled program cell; -1 if the sheet is not a form. */
export function formHeaderIndex(rows: Row[]): number {
  const header = rows.findIndex((r) => COLUMN_OF.get(normalizeName(r.cells[0] ?? '')) === 'code');
  if (header <= 0) return -1;
  return rows.slice(0, header).some((r) => LABEL_OF.get(normalizeName(r.cells[0] ?? '')) === 'program') ? header : -1;
}

interface ItemEntry {
  item: Item;
  row: Row;
  raw: RawEntry;
  cols: Record<string, number | undefined>;
  /** A check cell could not be read (already reported). */
  unreadable?: boolean;
}

/** Read a filled-in review form (one sheet); null when it has errors (in `problems`). */
export function readReviewForm(file: string, sheet: string, rows: Row[], resolveScale: ScaleResolver, problems: ProblemList): Review | null {
  const place = (line: number, col: number) => placeOf({ sheet }, line, col);
  const headerAt = formHeaderIndex(rows);
  const meta: Record<string, { text: string; line: number }> = {};
  let french = false;
  for (const r of rows.slice(0, headerAt)) {
    const label = normalizeName(r.cells[0] ?? '');
    const key = LABEL_OF.get(label);
    if (!key || meta[key]) continue;
    if (FRENCH_LABELS.has(label)) french = true;
    meta[key] = { text: (r.cells[1] ?? '').trim(), line: r.line };
  }
  const cellOfMeta = (key: string) => place(meta[key]!.line, 1);
  const labelOf = (key: string) => rows.find((r) => r.line === meta[key]?.line)?.cells[0] ?? key;
  const program = meta.program!;
  if (!program.text) problems.error(cellOfMeta('program'), 'cell.required', { column: labelOf('program') });
  let date: string | null = null;
  if (!meta.date?.text) problems.error(meta.date ? cellOfMeta('date') : { sheet }, 'cell.required', { column: labelOf('date') });
  else date = reviewDateOf(meta.date.text, cellOfMeta('date'), problems);
  let type: 'self' | 'external' | undefined;
  if (meta.type?.text) {
    type = reviewTypeOf(meta.type.text);
    if (!type) problems.error(cellOfMeta('type'), 'cell.reviewType', {}, undefined, meta.type.text);
  }
  const scale = resolveScale(meta.scale?.text || undefined);

  // The item table.
  const head = rows[headerAt]!;
  const cols: Record<string, number> = {};
  const elementCols = new Map<string, number>();
  head.cells.forEach((h, i) => {
    const text = h.trim();
    const key = COLUMN_OF.get(normalizeName(text));
    if (key && cols[key] === undefined) cols[key] = i;
    else if (!key && /^[a-z]$/i.test(text)) elementCols.set(text.toLowerCase(), i);
  });
  if (cols.score === undefined && cols.value === undefined)
    problems.error(place(head.line, 0), 'column.missing', { column: 'score', aliases: COLUMNS.score!.join(', ') });
  const cell = (r: Row, col: number | undefined) => (col === undefined ? '' : (r.cells[col] ?? '').trim());

  const entries = new Map<string, ItemEntry>();
  const order: string[] = [];
  for (const r of rows.slice(headerAt + 1)) {
    const code = cell(r, cols.code);
    const score = cell(r, cols.score);
    const value = cell(r, cols.value);
    const n = cell(r, cols.n);
    const specialist = cell(r, cols.specialist);
    const note = cell(r, cols.note);
    const item = code ? findItem(scale, code) : undefined;
    const elements = item?.kind === 'elements' ? (item.elements ?? []).map((e) => ({ id: e.id, col: elementCols.get(e.id) })) : [];
    const filledElements = elements.filter((e) => cell(r, e.col) !== '');
    if (!score && !value && !n && !specialist && filledElements.length === 0) continue; // listed, not rated yet (a note alone is kept for nothing)
    if (!code) {
      problems.error(place(r.line, cols.code ?? 0), 'cell.required', { column: head.cells[cols.code ?? 0] ?? 'code' });
      continue;
    }
    if (!item) {
      problems.error(place(r.line, cols.code ?? 0), 'item.unknown', { scale: scale.id }, head.cells[cols.code ?? 0], code);
      continue;
    }
    let entry = entries.get(item.id);
    if (specialist) {
      if (!entry) {
        entry = { item, row: r, raw: {}, cols: {} };
        entries.set(item.id, entry);
        order.push(item.id);
      }
      (entry.raw.specialists ??= []).push({ name: specialist, score: score || undefined, value: value || undefined });
      continue;
    }
    if (entry && (entry.raw.score !== undefined || entry.raw.value !== undefined || entry.raw.elements !== undefined)) {
      problems.error(place(r.line, cols.code ?? 0), 'item.duplicateRow', { item: item.code, line: entry.row.line }, head.cells[cols.code ?? 0], code);
      continue;
    }
    if (!entry) {
      entry = { item, row: r, raw: {}, cols: {} };
      entries.set(item.id, entry);
      order.push(item.id);
    }
    entry.row = r;
    entry.cols = { score: cols.score, value: cols.value, n: cols.n, note: cols.note };
    if (score) entry.raw.score = score;
    if (value) entry.raw.value = value;
    if (n) entry.raw.n = n;
    if (note) entry.raw.note = note;
    if (filledElements.length > 0) {
      const present: string[] = [];
      let unreadable = false;
      for (const e of filledElements) {
        const c = checked(cell(r, e.col));
        if (c === undefined) {
          unreadable = true;
          problems.error(place(r.line, e.col!), 'xlsx.checkCell', { item: item.code, element: e.id }, head.cells[e.col!], cell(r, e.col));
        } else if (c) present.push(e.id);
      }
      // A cell that says neither: the count is not known (no second message about it).
      if (!unreadable) entry.raw.elements = present;
      else entry.unreadable = true;
      entry.cols.elements = filledElements[0]!.col;
    }
  }

  const ratings: ItemRating[] = [];
  for (const id of order) {
    const e = entries.get(id)!;
    if (e.unreadable && e.raw.score === undefined && e.raw.value === undefined && e.raw.specialists === undefined) continue;
    const rating = toRating(
      e.item,
      scale,
      e.raw,
      (field, k, params, value, severity) => {
        const col = e.cols[String(field[0])] ?? cols.code ?? 0;
        const where = place(e.row.line, col);
        const name = head.cells[col] ?? e.item.code;
        if (severity === 'warning') problems.warn(where, k, params, name, value);
        else problems.error(where, k, params, name, value);
      },
      { file, ...place(e.row.line, cols.code ?? 0) },
    );
    if (rating) ratings.push(rating);
  }
  if (problems.hasErrors) return null;
  const reviewers = (meta.reviewers?.text ?? '')
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    program: {
      name: program.text,
      ...(meta.program_id?.text ? { id: meta.program_id.text } : {}),
      ...(meta.site?.text ? { site: meta.site.text } : {}),
    },
    date,
    ...(type ? { type } : {}),
    reviewers,
    scaleId: scale.id,
    ...(french ? { lang: 'fr' } : {}),
    ratings,
    at: { file, ...place(program.line, 0) },
  };
}
