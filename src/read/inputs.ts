// The shell's entry to reading: file paths to reviews, dispatched by kind, with every problem collected.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Review } from '../core/review.js';
import { InputError, ProblemList, type Problem } from './problems.js';
import { readRatingsTable } from './ratings-table.js';
import { readReviewYaml, type ScaleResolver } from './review-yaml.js';
import { readCsvTable } from './table.js';

export interface ReadResult {
  reviews: Review[];
  /** Every problem across all files, errors and warnings. */
  problems: Problem[];
}

/** Read a file's bytes, or record why it cannot be read. */
export function readInputBytes(path: string, problems: ProblemList): Uint8Array | null {
  try {
    const st = statSync(path);
    if (st.isDirectory()) {
      problems.error({}, 'file.isDirectory');
      return null;
    }
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.error({}, code === 'ENOENT' ? 'file.notFound' : 'file.unreadable', { reason: code ?? (e as Error).message });
    return null;
  }
}

export type InputKind = 'yaml' | 'table' | 'unknown';

export function inputKind(path: string): InputKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'table';
  return 'unknown';
}

/** Read reviews from every file; problems from scale files (a bad --scale) are collected too. */
export function readReviews(paths: string[], resolveScale: ScaleResolver): ReadResult {
  const reviews: Review[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    const list = new ProblemList(path);
    try {
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
