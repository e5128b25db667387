// Reading input files: open them, or record a clear problem when they cannot be read.
import { readFileSync, statSync } from 'node:fs';
import type { ProblemList } from './problems.js';

/** Run `open` on a file, or record why the file cannot be read (missing, a folder, no access). */
export function withInputFile<T>(path: string, problems: ProblemList, open: () => T): T | null {
  try {
    if (statSync(path).isDirectory()) {
      problems.error({}, 'file.isDirectory');
      return null;
    }
    return open();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.error({}, code === 'ENOENT' ? 'file.notFound' : 'file.unreadable', { reason: code ?? (e as Error).message });
    return null;
  }
}

/** Read a file's bytes, or record why it cannot be read. */
export function readInputBytes(path: string, problems: ProblemList): Uint8Array | null {
  return withInputFile(path, problems, () => readFileSync(path));
}

/** A program folder is a directory (its tables are checked when it is read). */
export function isProgramFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export const isWorkbook = (path: string): boolean => /\.xlsx$/i.test(path);
