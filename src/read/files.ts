// Reading input files: bytes, or a clear problem when the file cannot be read.
import { readFileSync, statSync } from 'node:fs';
import type { ProblemList } from './problems.js';

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
