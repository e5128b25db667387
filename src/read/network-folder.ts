// A network folder: a folder that is not itself a program (no program.yaml, no table) and whose subfolders are programs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { z } from 'zod';
import { ProblemList, type Problem } from '../shared/problems.js';
import { readInputBytes } from './files.js';
import { readYamlWith } from './yaml-file.js';
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
  const programs = entries(dir)
    .map((f) => join(dir, f))
    .filter((p) => isDir(p) && looksLikeProgram(p));
  return programs.length ? programs : null;
}

const REVIEW_FILE = /\.(ya?ml|csv|tsv|txt|xlsx)$/i;

/** The review files of a program folder: its `reviews/` (or `evaluations/`) subfolder's YAML, CSV and workbooks, in name order. */
export function reviewFilesIn(programDir: string): string[] {
  return ['reviews', 'evaluations'].flatMap((sub) => {
    const dir = join(programDir, sub);
    return isDir(dir)
      ? entries(dir)
          .filter((f) => REVIEW_FILE.test(f) && !f.startsWith('~$') && !f.startsWith('.'))
          .map((f) => join(dir, f))
      : [];
  });
}

const NetworkFile = z
  .object({ name: z.union([z.string(), z.number()]).transform(String), id: z.union([z.string(), z.number()]).transform(String).optional() })
  .strict();

/**
 * The network's name and id from `network.yaml` in `dir` (null when there is none); a file that is not
 * `name:` and an optional `id:` gives its problems, placed at their line and column.
 */
export function readNetworkYaml(dir: string): { network: { name: string; id?: string } | null; problems: Problem[] } {
  const path = ['network.yaml', 'network.yml', 'reseau.yaml'].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!path) return { network: null, problems: [] };
  const list = new ProblemList(path);
  const bytes = readInputBytes(path, list);
  const read = bytes && readYamlWith(bytes, NetworkFile, list);
  if (!read) return { network: null, problems: list.items };
  return { network: { name: read.value.name, ...(read.value.id ? { id: read.value.id } : {}) }, problems: list.items };
}
