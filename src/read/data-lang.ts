// The language of input files whose reading failed: a review YAML's `lang: fr`, a program folder's
// program.yaml, or a table whose header uses French column names. So that the problems of French data
// are reported in French even when no review could be read from it.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeName } from '../shared/values.js';
import { FRENCH_ACTION_HEADERS } from './actions-table.js';
import { FRENCH } from './ratings-table.js';

/** The first bytes of a file, as text ('' when it cannot be read). */
function head(path: string, bytes = 8192): string {
  let fd: number | undefined;
  try {
    // Regular files only: a FIFO or a device would block or never end (the readers refuse them, with a message).
    if (!statSync(path, { throwIfNoEntry: false })?.isFile()) return '';
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function langOfFile(path: string): 'fr' | undefined {
  if (/\.ya?ml$/i.test(path)) return /^lang:\s*["']?fr\b/m.test(head(path)) ? 'fr' : undefined;
  if (/\.(csv|tsv|txt)$/i.test(path)) {
    const header =
      head(path)
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0] ?? '';
    const isFrench = (name: string) => FRENCH.has(name) || FRENCH_ACTION_HEADERS.has(name);
    return header.split(/[,;\t]/).some((h) => isFrench(normalizeName(h.replace(/^"|"$/g, '')))) ? 'fr' : undefined;
  }
  return undefined;
}

/** Whether `p` is a folder; undefined when it cannot be looked at. */
function isDir(p: string): boolean | undefined {
  try {
    return statSync(p, { throwIfNoEntry: false })?.isDirectory();
  } catch {
    return undefined;
  }
}

/** 'fr' when any of the files (or program folders) is French data, as far as its first lines tell. */
export function sniffDataLang(paths: string[]): 'fr' | undefined {
  for (const p of paths) {
    if (p === '-') continue;
    const dir = isDir(p);
    if (dir === undefined) continue;
    const lang = dir ? (langOfFile(join(p, 'program.yaml')) ?? langOfFile(join(p, 'programme.yaml'))) : langOfFile(p);
    if (lang) return lang;
  }
  return undefined;
}
