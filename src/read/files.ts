// Reading input files: open them, or record a clear problem when they cannot be read.
// Only regular files are read (a device, FIFO or socket never ends or cannot be read twice), and
// size limits apply while reading, so a file that grows as it is read stops at the limit.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import type { ProblemList } from '../shared/problems.js';

/** A workbook larger than this (compressed) is refused before it is unzipped. */
export const MAX_WORKBOOK_BYTES = 50 * 1_048_576;
/** A YAML review, program.yaml or scale file larger than this is not one. */
export const MAX_YAML_FILE_BYTES = 10 * 1_048_576;

/** What a path that is not a regular file is, for messages; undefined for a regular file. */
export function specialKind(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  return 'other';
}

/** Thrown when an input is not a regular file (seen after it was opened). */
export class NotRegularFile extends Error {
  constructor(readonly kind: string) {
    super(`not a regular file (${kind})`);
  }
}

/** Thrown when an input grows past its limit while it is read. */
export class InputTooLarge extends Error {
  constructor(
    readonly max: number,
    /** The file's size, when known before reading. */
    readonly size?: number,
  ) {
    super(`larger than ${max} bytes`);
  }
}

/**
 * Open a regular file for reading: never blocks on a FIFO (O_NONBLOCK) and checks the opened file
 * itself, so a path swapped after a check cannot slip a device in.
 */
export function openRegular(path: string): number {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  const kind = specialKind(fstatSync(fd));
  if (kind !== undefined) {
    closeSync(fd);
    throw new NotRegularFile(kind);
  }
  return fd;
}

export const megabytes = (bytes: number): string => `${Math.round(bytes / 1_048_576)} MB`;

/** Run `open` on a file, or record why the file cannot be read (missing, a folder, a device, no access). */
export function withInputFile<T>(path: string, problems: ProblemList, open: () => T): T | null {
  try {
    const st = statSync(path);
    if (st.isDirectory()) {
      problems.error({}, 'file.isDirectory');
      return null;
    }
    const kind = specialKind(st);
    if (kind !== undefined) throw new NotRegularFile(kind);
    return open();
  } catch (e) {
    if (e instanceof NotRegularFile) {
      problems.error({}, `readers.special.${e.kind}`);
      return null;
    }
    if (e instanceof InputTooLarge) {
      const size = e.size !== undefined ? `${(e.size / 1_048_576).toFixed(1)} MB` : `> ${megabytes(e.max)}`;
      problems.error({}, 'file.tooLarge', { size, max: megabytes(e.max) });
      return null;
    }
    const code = (e as NodeJS.ErrnoException).code;
    problems.error({}, code === 'ENOENT' ? 'file.notFound' : 'file.unreadable', { reason: code ?? (e as Error).message });
    return null;
  }
}

/** The bytes of an open file, at most `max` (a file that grows past it while read is refused). */
function readLimited(fd: number, max: number): Uint8Array {
  const size = fstatSync(fd).size;
  if (size > max) throw new InputTooLarge(max, size);
  let buf = Buffer.allocUnsafe(Math.min(max + 1, Math.max(size + 1, 65_536)));
  let n = 0;
  for (;;) {
    if (n === buf.length) {
      if (n > max) throw new InputTooLarge(max);
      const bigger = Buffer.allocUnsafe(Math.min(max + 1, buf.length * 2));
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
    }
    const got = readSync(fd, buf, n, buf.length - n, null);
    if (got === 0) break;
    n += got;
  }
  if (n > max) throw new InputTooLarge(max);
  return buf.subarray(0, n);
}

/** Read a file's bytes (a regular file of at most `max` bytes), or record why it cannot be read. */
export function readInputBytes(path: string, problems: ProblemList, max = MAX_YAML_FILE_BYTES): Uint8Array | null {
  return withInputFile(path, problems, () => {
    const fd = openRegular(path);
    try {
      return readLimited(fd, max);
    } finally {
      closeSync(fd);
    }
  });
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
