// The shell's entry to reading: file paths to reviews, dispatched by kind, with every problem collected.
import { extname } from 'node:path';
import type { Review } from '../core/review.js';
import { InputError, ProblemList, type Problem } from './problems.js';
import { readRatingsTable } from './ratings-table.js';
import { readReviewYaml, type ScaleResolver } from './review-yaml.js';
import { readCsvTable } from './table.js';
import { readInputBytes } from './files.js';
import { isProgramFolder, readProgramFolder, type ProgramFolder } from './program-folder.js';
import { computeItems } from '../core/fidelity-from-records.js';
import { dataSpan } from '../core/records.js';
import type { ContractTable } from '../core/contracts.js';
import { loadContracts } from '../scale/load.js';

export interface ReadResult {
  reviews: Review[];
  /** Every problem across all files, errors and warnings. */
  problems: Problem[];
}

export type InputKind = 'yaml' | 'table' | 'unknown';

export function inputKind(path: string): InputKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
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

export function readReviews(paths: string[], resolveScale: ScaleResolver, contracts: () => ContractTable = () => loadContracts()): ReadResult {
  const reviews: Review[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    const list = new ProblemList(path);
    try {
      if (isProgramFolder(path)) {
        const { folder, problems: found } = readProgramFolder(path, contracts(), resolveScale);
        problems.push(...found);
        if (folder) reviews.push(withRecords(folder, resolveScale));
        continue;
      }
      const kind = inputKind(path);
      const bytes = readInputBytes(path, list);
      if (bytes && kind === 'unknown') list.error({}, 'file.kind', { ext: extname(path) || '-' });
      else if (bytes && kind === 'yaml') {
        const r = readReviewYaml(path, bytes, resolveScale, list);
        if (r) reviews.push(r);
      } else if (bytes) {
        const table = readCsvTable(path, bytes, list);
        if (table) reviews.push(...readRatingsTable(table, resolveScale, list));
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems);
    }
    problems.push(...list.items);
  }
  return { reviews, problems };
}
