// `--format xlsx`: a workbook is written to the file of -o (or a pipe), never to a terminal (src/render/formats.ts writes it).
import { Exit, EXIT } from './context.js';
import type { Messages } from '../i18n/locale.js';

/** Before anything is read: a workbook needs -o FILE (or -o - into a pipe or file, not a terminal). */
export function checkWorkbookOutput(m: Messages, output: string | undefined): void {
  if (output === undefined || (output === '-' && process.stdout.isTTY)) {
    process.stderr.write(`${m.t('severity.error')}: ${m.t('xlsx.needsOutput')}\n`);
    throw new Exit(EXIT.invalid);
  }
}
