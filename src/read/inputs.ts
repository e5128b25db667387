// The shell's entry to reading: file paths to reviews, dispatched by kind, with every problem collected.
import { extname } from 'node:path';
import type { Review } from '../core/review.js';
import { InputError, ProblemList, type Problem } from './problems.js';
import { readRatingsTable } from './ratings-table.js';
import { readReviewYaml, type ScaleResolver } from './review-yaml.js';
import { openCsvFile } from './table.js';
import { readInputBytes } from './files.js';
import { isProgramFolder, isWorkbook, readProgramFolder, tableOfSheet, type ProgramFolder } from './program-folder.js';
import { readWorkbook } from './workbook.js';
import { normalizeName } from './values.js';
import type { Table } from './table.js';
import { ProblemList as Problems } from './problems.js';

/** A sheet that holds ratings: it has a program and a date column. */
export function isRatingsSheet(t: Table): boolean {
  const names = new Set(t.header.map(normalizeName));
  return ['program', 'programme', 'dispositif'].some((n) => names.has(n)) && names.has('date');
}

/** A workbook whose sheets are a program's tables (participants, jobs, ...), not ratings. */
export async function isProgramWorkbook(path: string): Promise<boolean> {
  const list = new Problems(path);
  const bytes = readInputBytes(path, list);
  const sheets = bytes ? await readWorkbook(path, bytes, list) : null;
  return (sheets ?? []).some((t) => tableOfSheet(t.sheet!) !== undefined);
}
import { computeItems } from '../core/fidelity-from-records.js';
import { dataSpan } from '../core/records.js';
import type { ContractTable } from '../core/contracts.js';
import { loadContracts } from '../scale/load.js';

export interface ReadResult {
  reviews: Review[];
  /** Every problem across all files, errors and warnings. */
  problems: Problem[];
}

export type InputKind = 'yaml' | 'table' | 'workbook' | 'unknown';

export function inputKind(path: string): InputKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.xlsx') return 'workbook';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'table';
  return 'unknown';
}

/** Read reviews from every file; problems from scale files (a bad --scale) are collected too. */
/** The folder's review, with the items its records give over its period (program.yaml's, else the data's span). */
export function withRecords(folder: ProgramFolder, resolveScale: ScaleResolver): Review {
  const review = folder.review;
  const period = folder.records.settings.period ?? dataSpan(folder.records);
  if (!period) return review;
  const scale = resolveScale(review.scaleId);
  const computed = computeItems(folder.records, scale, period, loadContracts());
  return { ...review, date: review.date ?? period.to, fromRecords: { ...computed, period } };
}

export async function readReviews(paths: string[], resolveScale: ScaleResolver, contracts: () => ContractTable = () => loadContracts()): Promise<ReadResult> {
  const reviews: Review[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    const list = new ProblemList(path);
    try {
      if (isProgramFolder(path) || (isWorkbook(path) && (await isProgramWorkbook(path)))) {
        const { folder, problems: found } = await readProgramFolder(path, contracts(), resolveScale);
        problems.push(...found);
        if (folder) reviews.push(withRecords(folder, resolveScale));
        continue;
      }
      const kind = inputKind(path);
      if (kind === 'table') {
        const table = openCsvFile(path, list);
        if (table) reviews.push(...readRatingsTable(table, resolveScale, list));
      } else {
        const bytes = readInputBytes(path, list);
        if (bytes && kind === 'workbook') {
          const sheets = await readWorkbook(path, bytes, list);
          const ratings = (sheets ?? []).filter(isRatingsSheet);
          if (sheets && ratings.length === 0) list.error({}, 'file.noRatingsSheet', { sheets: sheets.map((t) => t.sheet).join(', ') || '-' });
          for (const t of ratings) reviews.push(...readRatingsTable(t, resolveScale, list));
        } else if (bytes && kind === 'unknown') list.error({}, 'file.kind', { ext: extname(path) || '-' });
        else if (bytes) {
          const r = readReviewYaml(path, bytes, resolveScale, list);
          if (r) reviews.push(r);
        }
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems);
    }
    problems.push(...list.items);
  }
  return { reviews, problems };
}
