// `--format xlsx` in the commands: a workbook is written to the file of -o, never to a terminal.
// The tables and the workbook writer are loaded here, when a workbook is asked for.
import type { XlsxTable } from '../render/xlsx.js';
import { emitOrExplain, Exit, EXIT, type Context } from './context.js';
import type { Messages } from '../i18n/locale.js';

/** Before anything is read: a workbook needs -o FILE (or -o - into a pipe or file, not a terminal). */
export function checkWorkbookOutput(m: Messages, output: string | undefined): void {
  if (output === undefined || (output === '-' && process.stdout.isTTY)) {
    process.stderr.write(`${m.t('severity.error')}: ${m.t('xlsx.needsOutput')}\n`);
    throw new Exit(EXIT.invalid);
  }
}

/** Write the tables as a workbook to -o. */
export async function emitWorkbook(ctx: Context, tables: XlsxTable[], output: string | undefined): Promise<void> {
  checkWorkbookOutput(ctx.m, output);
  const { workbookBytes } = await import('../render/xlsx.js');
  emitOrExplain(ctx, await workbookBytes(tables), output);
}
