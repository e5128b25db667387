// An actions table (actions.csv, actions-*.csv, an `actions` sheet): its rows join the reviews read beside it.
import type { PlannedAction, Review } from '../core/review.js';
import type { Scale } from '../scale/scale.js';
import type { Place, ProblemList } from '../shared/problems.js';
import { normalizeName, parseDate } from '../shared/values.js';
import { toAction, type PlaceOf, type RawAction } from './action-entry.js';
import { cellOf, mapColumns, placeOf, type ColumnSpec, type Table } from './table.js';

const COLUMNS: ColumnSpec[] = [
  { key: 'program', aliases: ['programme', 'program_name', 'nom_programme', 'dispositif', 'structure'] },
  { key: 'program_id', aliases: ['identifiant_programme', 'id_programme', 'programme_id', 'code_programme'] },
  { key: 'date', aliases: ['review_date', 'date_revue', 'date_evaluation'] },
  { key: 'item', aliases: ['critere', 'code'], required: true },
  { key: 'action', aliases: ['actions', 'action_prevue'], required: true },
  { key: 'owner', aliases: ['responsable', 'porteur', 'who'] },
  { key: 'due', aliases: ['echeance', 'due_date', 'date_echeance', 'deadline'] },
  { key: 'status', aliases: ['statut', 'etat'] },
];

/** Header names that only a French actions table uses: they set the data language. */
export const FRENCH_ACTION_HEADERS = new Set(
  ['responsable', 'porteur', 'echeance', 'date_echeance', 'statut', 'etat', 'action_prevue'].map(normalizeName),
);

/** A workbook sheet that holds the action plan: named actions (or plan d'action), or with item and action columns and no score. */
export function isActionsSheet(t: Table): boolean {
  const name = normalizeName(t.sheet ?? '');
  if (['actions', 'action', 'plandaction', 'plandactions', 'actionplan', 'planaction'].includes(name)) return true;
  const names = new Set(t.header.map(normalizeName));
  return names.has('action') && (names.has('item') || names.has('critere')) && !names.has('score') && !names.has('cotation');
}

/** An action of a table, with the review it belongs to as the row names it. */
export interface TableAction {
  action: PlannedAction;
  program?: string;
  programId?: string;
  date?: string;
  /** Where to point when the row matches no review. */
  rowAt: Omit<Place, 'file'>;
  problems: ProblemList;
}

/** Read every action of a table (against the default scale; the review's own scale is checked when attached). */
export function readActionsTable(table: Table, scale: Scale, problems: ProblemList): TableAction[] {
  const cols = mapColumns(table, COLUMNS, problems);
  if (problems.hasErrors) return [];
  const out: TableAction[] = [];
  const header = (k: string) => table.header[cols[k]!] ?? k;
  table.eachRow((row) => {
    const cell = (k: string) => cellOf(row, cols[k]);
    const where: PlaceOf = (field) => ({
      at: cols[field] === undefined ? { line: row.line } : placeOf(table, row.line, cols[field]!),
      field: header(field),
    });
    let date: string | undefined;
    if (cell('date')) {
      const d = parseDate(cell('date'));
      if (!d.ok) problems.error(placeOf(table, row.line, cols.date!), `expected.${d.expected}`, {}, header('date'), cell('date'));
      else date = d.value;
    }
    const raw: RawAction = { item: cell('item'), action: cell('action'), owner: cell('owner'), due: cell('due'), status: cell('status') };
    const action = toAction(raw, scale, where, problems, { file: table.file, ...placeOf(table, row.line, cols.item!) });
    if (!action) return;
    out.push({
      action,
      ...(cell('program') ? { program: cell('program') } : {}),
      ...(cell('program_id') ? { programId: cell('program_id') } : {}),
      ...(date ? { date } : {}),
      rowAt: placeOf(table, row.line, cols.program_id ?? cols.program ?? cols.item!),
      problems,
    });
  });
  return out;
}

/**
 * Join the actions of tables to the reviews read beside them: the review of the row's program (id, else
 * name) and date, else that program's latest review; a row without a program needs one program in the input.
 */
export function attachActions(reviews: Review[], actions: TableAction[]): void {
  const latest = (rs: Review[]) => rs.reduce<Review | undefined>((a, b) => (!a || (b.date ?? '') > (a.date ?? '') ? b : a), undefined);
  const key = (r: Review) => normalizeName(r.program.id ?? r.program.name);
  const programs = new Set(reviews.map(key));
  for (const t of actions) {
    let candidates = reviews;
    if (t.programId) candidates = reviews.filter((r) => r.program.id !== undefined && normalizeName(r.program.id) === normalizeName(t.programId!));
    else if (t.program) candidates = reviews.filter((r) => normalizeName(r.program.name) === normalizeName(t.program!));
    else if (programs.size > 1) {
      t.problems.error(t.rowAt, 'cycle.problem.actionProgram', { count: programs.size });
      continue;
    }
    if (t.date) candidates = candidates.filter((r) => r.date === t.date);
    const review = latest(candidates);
    if (!review) {
      t.problems.error(t.rowAt, 'cycle.problem.actionNoReview', { program: t.programId ?? t.program ?? '-', date: t.date ?? '-' });
      continue;
    }
    (review.actions ??= []).push(t.action);
  }
}
