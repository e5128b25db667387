// A network folder: a folder that is not itself a program (no program.yaml, no table) and whose subfolders are programs.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PROGRAM_FILE = /^(program|programme)\.ya?ml$/i;
const TABLE_FILE = /\.(csv|tsv|txt|xlsx)$/i;

function entries(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

const isDir = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** Does the folder hold a program's own files (program.yaml or a table)? */
export const looksLikeProgram = (dir: string) => entries(dir).some((f) => PROGRAM_FILE.test(f) || (TABLE_FILE.test(f) && !f.startsWith('~$')));

/** The program folders of a network folder, in name order; null when `dir` is a program folder, or holds no program folder. */
export function programFoldersIn(dir: string): string[] | null {
  if (!isDir(dir) || looksLikeProgram(dir)) return null;
  const programs = entries(dir).map((f) => join(dir, f)).filter((p) => isDir(p) && looksLikeProgram(p));
  return programs.length ? programs : null;
}
