// Outputs that never lose data. A regular file (or a missing one) is written to a temporary file beside
// it (random name, created exclusively, no-follow, mode 0600), every byte checked written and synced,
// then renamed over the target: a full disk or an error leaves the previous file as it was. Devices,
// FIFOs and /dev/stdout are written directly, never renamed over.
import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** The file-system calls of the writer: the real ones, or a test's (short writes, failures). */
export interface WriteFs {
  openSync(path: string, flags: number, mode?: number): number;
  /** Returns the number of bytes written, which may be fewer than given. */
  writeSync(fd: number, data: string | Uint8Array): number;
  fsyncSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, opts: { force: boolean }): void;
  statSync(path: string): nodeFs.Stats | undefined;
  realpathSync(path: string): string;
  readdirSync(path: string): string[];
}

export const realFs: WriteFs = {
  openSync: (p, flags, mode) => nodeFs.openSync(p, flags, mode),
  writeSync: (fd, data) => (typeof data === 'string' ? nodeFs.writeSync(fd, data, null, 'utf8') : nodeFs.writeSync(fd, data)),
  fsyncSync: (fd) => nodeFs.fsyncSync(fd),
  fchmodSync: (fd, mode) => nodeFs.fchmodSync(fd, mode),
  closeSync: (fd) => nodeFs.closeSync(fd),
  renameSync: (a, b) => nodeFs.renameSync(a, b),
  rmSync: (p, opts) => nodeFs.rmSync(p, opts),
  statSync: (p) => nodeFs.statSync(p, { throwIfNoEntry: false }),
  realpathSync: (p) => nodeFs.realpathSync(p),
  readdirSync: (p) => nodeFs.readdirSync(p),
};

const pending = new Set<string>();
let hooked = false;

/** Remove temporary files if the process is interrupted while writing. */
function hookSignals(): void {
  if (hooked) return;
  hooked = true;
  const clean = () => {
    for (const p of pending) nodeFs.rmSync(p, { force: true });
  };
  process.on('exit', clean);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      clean();
      process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
    });
  }
}

/** What a command writes: text, bytes, or text made piece by piece (a large output never held whole). */
export type Output = string | Uint8Array | Iterable<string | Uint8Array>;

/** Each piece of an output, in order. */
export function* piecesOf(data: Output): Iterable<string | Uint8Array> {
  if (typeof data === 'string' || data instanceof Uint8Array) yield data;
  else yield* data;
}

/** An fs-like error (code and syscall), as the callers report fs errors. */
export function fsError(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall}${path ? ` '${path}'` : ''}`), { code, syscall, ...(path ? { path } : {}) });
}

/** Write all of `piece` to `fd`: a short write is continued; a write that makes no progress is ENOSPC. */
export function writeAll(fs: WriteFs, fd: number, piece: string | Uint8Array): void {
  let bytes: Uint8Array;
  let done: number;
  if (typeof piece === 'string') {
    // A string is written as it is: encoding it first would leave a buffer per piece for the collector.
    done = fs.writeSync(fd, piece);
    if (done >= Buffer.byteLength(piece, 'utf8')) return;
    bytes = Buffer.from(piece, 'utf8');
  } else {
    bytes = piece;
    done = 0;
  }
  while (done < bytes.length) {
    const n = fs.writeSync(fd, bytes.subarray(done));
    if (!(n > 0)) throw fsError('ENOSPC', 'write');
    done += n;
  }
}

/** Temporary files are named `.NAME.ips-fidelity-PID-RANDOM.tmp`: a later run knows its own stale ones. */
const TMP_TAG = '.ips-fidelity-';
const tmpName = (name: string) => `.${name}${TMP_TAG}${process.pid}-${randomBytes(6).toString('hex')}.tmp`;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the temporary files of `name` left in `dir` by runs that were killed (their process is gone). */
export function removeStale(dir: string, name: string, fs: WriteFs = realFs): string[] {
  const prefix = `.${name}${TMP_TAG}`;
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const e of entries) {
    const m = e.startsWith(prefix) ? /^(\d+)-[0-9a-f]{12}\.tmp$/.exec(e.slice(prefix.length)) : null;
    if (!m || alive(Number(m[1]))) continue;
    try {
      fs.rmSync(join(dir, e), { force: true });
      removed.push(e);
    } catch {
      // Not ours to remove after all (permissions): left as it is.
    }
  }
  return removed;
}

/** /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: the descriptor itself. */
export function descriptorOf(path: string): number | undefined {
  const m = /^\/(?:dev\/(stdout|stderr|fd\/(\d+))|proc\/self\/fd\/(\d+))$/.exec(path);
  if (!m) return undefined;
  return m[1] === 'stdout' ? 1 : m[1] === 'stderr' ? 2 : Number(m[2] ?? m[3]);
}

/** An output written but not yet in place: `commit` renames it over the target, `abort` removes it. */
export interface Prepared {
  commit(): void;
  abort(): void;
}

const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = nodeFs.constants;

/**
 * Write `data` for `path`. A regular or missing target: to a temporary file, put in place by `commit`.
 * A device, FIFO or descriptor: written directly when committed. Throws the fs error for the caller to report.
 */
export function prepareOutput(path: string, data: Output, fs: WriteFs = realFs): Prepared {
  const fdTarget = descriptorOf(path);
  const stat = fdTarget === undefined ? fs.statSync(path) : undefined;
  if (stat?.isDirectory()) throw fsError('EISDIR', 'open', path);
  if (fdTarget !== undefined || (stat && !stat.isFile())) {
    return {
      commit() {
        // Standard output as for any output of the command (a pipe through process.stdout).
        if (fdTarget === 1 && fs === realFs) return writeStdout(data);
        const fd = fdTarget ?? fs.openSync(path, O_WRONLY);
        try {
          for (const piece of piecesOf(data)) writeAll(fs, fd, piece);
        } finally {
          if (fdTarget === undefined) fs.closeSync(fd);
        }
      },
      abort() {},
    };
  }
  hookSignals();
  // A link to a regular file stays a link: its target is replaced.
  const real = stat ? fs.realpathSync(path) : path;
  removeStale(dirname(real), basename(real), fs);
  const tmp = join(dirname(real), tmpName(basename(real)));
  pending.add(tmp);
  const drop = () => {
    pending.delete(tmp);
    fs.rmSync(tmp, { force: true });
  };
  try {
    const fd = fs.openSync(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
    try {
      for (const piece of piecesOf(data)) writeAll(fs, fd, piece);
      // The mode the target had, else what a new file gets; set only once the data is complete.
      fs.fchmodSync(fd, stat ? stat.mode & 0o7777 : 0o666 & ~process.umask());
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    drop();
    throw e;
  }
  return {
    commit() {
      try {
        fs.renameSync(tmp, real);
      } catch (e) {
        drop();
        throw e;
      }
      pending.delete(tmp);
    },
    abort: drop,
  };
}

/** Write `data` to `path` so that it is whole or not there. Throws the fs error (ENOSPC, EACCES...) for the caller. */
export function writeAtomic(path: string, data: Output, fs: WriteFs = realFs): void {
  prepareOutput(path, data, fs).commit();
}

/** Several files written together: all in place, or (on an error) none changed. */
export function writeTogether(files: [path: string, data: Output][], fs: WriteFs = realFs): void {
  const done: Prepared[] = [];
  for (const [path, data] of files) {
    try {
      done.push(prepareOutput(path, data, fs));
    } catch (e) {
      for (const p of done) p.abort();
      // Which of the files could not be written (the error's own path may be the temporary file's).
      throw Object.assign(e as object, { output: path });
    }
  }
  for (const p of done) p.commit();
}

let stdoutDirect: boolean | undefined;

/**
 * Standard output. A file or a device (not a terminal): written here, every byte checked, so that a
 * full disk is an error now; a pipe or terminal: through process.stdout (its errors end the run in main).
 */
export function writeStdout(data: Output): void {
  if (stdoutDirect === undefined) {
    try {
      const s = nodeFs.fstatSync(1);
      stdoutDirect = s.isFile() || (s.isCharacterDevice() && !process.stdout.isTTY);
    } catch {
      stdoutDirect = false;
    }
  }
  for (const piece of piecesOf(data)) {
    if (stdoutDirect) writeAll(realFs, 1, piece);
    else process.stdout.write(piece);
  }
}
