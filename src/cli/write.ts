// Atomic output: write a temporary file beside the target, then rename, so no half-written file remains.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();
let hooked = false;

/** Remove temporary files if the process is interrupted while writing. */
function hookSignals(): void {
  if (hooked) return;
  hooked = true;
  const clean = () => {
    for (const p of pending) rmSync(p, { force: true });
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
export type Output = string | Uint8Array | Iterable<string>;

/** Each piece of an output, in order. */
export function* piecesOf(data: Output): Iterable<string | Uint8Array> {
  if (typeof data === 'string' || data instanceof Uint8Array) yield data;
  else yield* data;
}

/** Write `data` to `path` atomically. Throws the fs error (ENOENT, EACCES...) for the caller to report. */
export function writeAtomic(path: string, data: Output): void {
  hookSignals();
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  pending.add(tmp);
  try {
    const fd = openSync(tmp, 'w');
    try {
      // A string is written as it is: encoding it into a Buffer first would leave a buffer per piece for the collector.
      for (const piece of piecesOf(data)) if (typeof piece === 'string') writeSync(fd, piece, null, 'utf8');
      else writeSync(fd, piece);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    pending.delete(tmp);
  }
}
