// The shell's entry to reading: file paths to reviews, dispatched by kind, with every problem collected.
// The readers of tables, workbooks and program folders are imported when a
// file needs them: scoring a YAML review loads none of them.
import { extname } from 'node:path';
import type { Review } from '../core/review.js';
import { append, InputError, ProblemList, type Problem } from '../shared/problems.js';
import { readReviewYaml, type ScaleResolver } from './review-yaml.js';
import { isProgramFolder, isWorkbook, MAX_WORKBOOK_BYTES, readInputBytes, shownPath, sniffStdin, STDIN } from './files.js';
import type { FolderOptions, ProgramFolder } from './program-folder.js';
import { normalizeName } from '../shared/values.js';
import type { Table } from './table.js';
import { ProblemList as Problems } from '../shared/problems.js';
import type { ContractTable } from '../core/contracts.js';
import { loadContracts } from './data-files.js';
import type { TableAction } from './actions-table.js';

/** A file that holds an action plan table: actions.csv, actions-*.csv (also plan-actions.csv). */
export function isActionsFile(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  return /^(actions|plan[-_ ]?(d[-_ ']?)?actions?)([-_ .].*)?\.(csv|tsv|txt)$/i.test(name);
}

/** A sheet that holds ratings: it has a program and a date column. */
export function isRatingsSheet(t: Table): boolean {
  const names = new Set(t.header.map(normalizeName));
  return ['program', 'programme', 'dispositif'].some((n) => names.has(n)) && names.has('date');
}

/** A workbook whose sheets are a program's tables (participants, jobs, ...), not ratings. */
export async function isProgramWorkbook(path: string): Promise<boolean> {
  const [{ readWorkbook }, { tableOfSheet }] = await Promise.all([import('./workbook.js'), import('./program-folder.js')]);
  const list = new Problems(path);
  const bytes = readInputBytes(path, list, MAX_WORKBOOK_BYTES);
  const sheets = bytes ? await readWorkbook(path, bytes, list) : null;
  return (sheets ?? []).some((t) => tableOfSheet(t.sheet!) !== undefined);
}

export interface ReadResult {
  reviews: Review[];
  /** Every problem across all files, errors and warnings. */
  problems: Problem[];
  /** Rows of actions tables read (joined to the reviews). */
  actions?: number;
}

export type InputKind = 'yaml' | 'table' | 'workbook' | 'unknown';

export function inputKind(path: string): InputKind {
  if (path === STDIN) return sniffStdin();
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.xlsx') return 'workbook';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'table';
  return 'unknown';
}

/** The folder's review, with the items its records give over its period (program.yaml's, else the data's span). */
async function withRecords(folder: ProgramFolder, resolveScale: ScaleResolver): Promise<Review> {
  const [{ computeItems }, { dataSpan }] = await Promise.all([import('../core/fidelity-from-records.js'), import('../core/records.js')]);
  const review = folder.review;
  const period = folder.records.settings.period ?? dataSpan(folder.records);
  if (!period) return review;
  const scale = resolveScale(review.scaleId);
  const computed = computeItems(folder.records, scale, period, loadContracts());
  return { ...review, date: review.date ?? period.to, fromRecords: { ...computed, period } };
}

/** Read reviews from every file; problems from scale files (a bad --scale) are collected too. */
export async function readReviews(
  paths: string[],
  resolveScale: ScaleResolver,
  contracts: () => ContractTable = () => loadContracts(),
  options: FolderOptions = {},
): Promise<ReadResult> {
  const reviews: Review[] = [];
  const problems: Problem[] = [];
  // Actions tables join the reviews once every file is read; their problems are reported after that.
  const actions: TableAction[] = [];
  const actionLists: ProblemList[] = [];
  const readActions = async (t: Table, list: ProblemList) => {
    const { readActionsTable } = await import('./actions-table.js');
    for (const a of readActionsTable(t, resolveScale(undefined), list)) actions.push(a);
  };
  for (const [i, path] of paths.entries()) {
    const list = new ProblemList(shownPath(path));
    if (path === STDIN && paths.indexOf(STDIN) < i) {
      list.error({}, 'cliOptions.stdinTwice');
      append(problems, list.items);
      continue;
    }
    try {
      if (path !== STDIN && inputKind(path) === 'table' && isActionsFile(path)) {
        actionLists.push(list);
        // A header alone is an empty plan (the template init writes), not an empty file.
        const opening = new ProblemList(path);
        const table = (await import('./table.js')).openCsvFile(path, opening);
        const onlyNoRows = opening.items.length === 1 && opening.items[0]!.key === 'file.noRows';
        if (!onlyNoRows) list.addAll(opening.items);
        if (table) await readActions(table, list);
        continue;
      }
      // A program's records are a folder, or a workbook beside its program.yaml: never standard input.
      const folders = path !== STDIN && (isProgramFolder(path) || isWorkbook(path)) ? await import('./program-folder.js') : undefined;
      if (folders && (isProgramFolder(path) || (await isProgramWorkbook(path)))) {
        const { folder, problems: found } = await folders.readProgramFolder(path, contracts(), resolveScale, 'fidelity', options);
        append(problems, found);
        if (folder) reviews.push(await withRecords(folder, resolveScale));
        continue;
      }
      const kind = inputKind(path);
      if (kind === 'table') {
        const [{ openCsvFile }, { readRatingsTable }] = await Promise.all([import('./table.js'), import('./ratings-table.js')]);
        const table = openCsvFile(path, list);
        if (table) for (const r of readRatingsTable(table, resolveScale, list)) reviews.push(r);
      } else {
        const bytes = readInputBytes(path, list, kind === 'workbook' ? MAX_WORKBOOK_BYTES : undefined);
        if (bytes && kind === 'workbook') {
          const [{ readWorkbookRows, rowsToTable }, { readRatingsTable }, { formHeaderIndex, readReviewForm }, { isActionsSheet }] =
            await Promise.all([import('./workbook.js'), import('./ratings-table.js'), import('./review-form.js'), import('./actions-table.js')]);
          const sheets = await readWorkbookRows(bytes, list);
          // A review form (`init --xlsx`: labelled cells, then the items) is read as it is; other sheets as tables.
          const forms = (sheets ?? []).filter((s) => formHeaderIndex(s.rows) > 0);
          for (const f of forms) {
            const r = readReviewForm(shownPath(path), f.sheet, f.rows, resolveScale, list);
            if (r) reviews.push(r);
          }
          const tables = (sheets ?? []).filter((s) => !forms.includes(s)).flatMap((s) => rowsToTable(shownPath(path), s.sheet, s.rows) ?? []);
          const plans = tables.filter(isActionsSheet);
          const ratings = tables.filter((t) => !plans.includes(t) && isRatingsSheet(t));
          if (sheets && ratings.length === 0 && forms.length === 0)
            list.error({}, 'file.noRatingsSheet', { sheets: tables.map((t) => t.sheet).join(', ') || '-' });
          for (const t of ratings) for (const r of readRatingsTable(t, resolveScale, list)) reviews.push(r);
          if (plans.length) {
            const own = new ProblemList(shownPath(path));
            actionLists.push(own);
            for (const t of plans) await readActions(t, own);
          }
        } else if (bytes && kind === 'unknown') list.error({}, 'file.kind', { ext: extname(path) || '-' });
        else if (bytes) {
          const r = readReviewYaml(shownPath(path), bytes, resolveScale, list);
          if (r) reviews.push(r);
        }
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      append(problems, e.problems);
    }
    if (!actionLists.includes(list)) append(problems, list.items);
  }
  // An actions table read alone (validate reads one file at a time) is checked row by row, joined to nothing.
  if (actions.length && reviews.length) (await import('./actions-table.js')).attachActions(reviews, actions);
  for (const list of actionLists) append(problems, list.items);
  return { reviews, problems, ...(actionLists.length ? { actions: actions.length } : {}) };
}
