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

/** Standard input's bytes, or a problem saying why they cannot be read. */
export function readStdin(problems: ProblemList): Uint8Array | null {
  try {
    return stdinBytes();
  } catch (e) {
    if (e instanceof InputTooLarge) problems.error({}, 'file.tooLarge', { size: `> ${megabytes(e.max)}`, max: megabytes(e.max) });
    else problems.error({}, 'file.unreadable', { reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
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
  if (path === STDIN) return readStdin(problems);
  return withInputFile(path, problems, () => {
    const fd = openRegular(path);
    try {
      return readLimited(fd, max);
    } finally {
      closeSync(fd);
    }
  });
}

/** The file argument `-`: standard input. */
export const STDIN = '-';
/** How messages name standard input. */
export const STDIN_NAME = '<stdin>';
/** Standard input is read whole (it cannot be read twice): at most this much. */
export const MAX_STDIN_BYTES = 256 * 1_048_576;

/** A path as messages show it: `<stdin>` for `-`. */
export const shownPath = (path: string): string => (path === STDIN ? STDIN_NAME : path);

let stdin: Uint8Array | undefined;

/** Standard input's bytes, read once (a pipe, a file or a terminal), at most MAX_STDIN_BYTES. */
export function stdinBytes(): Uint8Array {
  if (stdin) return stdin;
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.allocUnsafe(65_536);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking pipe with nothing in it yet: wait a little for the writer.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_STDIN_BYTES) throw new InputTooLarge(MAX_STDIN_BYTES);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  stdin = Buffer.concat(chunks, total);
  return stdin;
}

/** What standard input holds, from its bytes: a workbook (a zip), a YAML review, or a table (CSV). */
export function sniffStdin(): 'workbook' | 'yaml' | 'table' {
  const bytes = stdinBytes();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'workbook';
  return sniffText(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'));
}

/**
 * A YAML document or a table, from its first lines: YAML starts with a comment, `---`, a directive, a
 * flow mapping or a `key:` line; a table's header line has none of these.
 */
export function sniffText(head: string): 'yaml' | 'table' {
  const lines = head.replace(/^\ufeff|^\xef\xbb\xbf/, '').split(/\r\n|\r|\n/);
  const first = lines.find((l) => l.trim() !== '');
  if (first === undefined) return 'table';
  return /^\s*(#|---|%YAML|\{|[^\s,;\t"'][^,;\t]*:(\s|$))/.test(first) ? 'yaml' : 'table';
}

/** A program folder is a directory (its tables are checked when it is read). */
export function isProgramFolder(path: string): boolean {
  if (path === STDIN) return false;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export const isWorkbook = (path: string): boolean => (path === STDIN ? sniffStdin() === 'workbook' : /\.xlsx$/i.test(path));
