// The output format follows -o's extension (x.json → json) unless --format says otherwise; a --format
// that contradicts the extension, or an extension the command cannot write, is a usage error.
import type { Command } from 'commander';
import { formatOfPath } from '../render/formats.js';
import { UsageError } from './context.js';

/** The formats a command writes: its --format choices, or PDF for `report`. */
function formatsOf(cmd: Command): readonly string[] | undefined {
  const option = cmd.options.find((o) => o.attributeName() === 'format');
  if (option?.argChoices) return option.argChoices;
  return cmd.name() === 'report' ? ['pdf'] : undefined;
}

/** Set the command's --format from -o's extension, before the command runs (commander's preAction). */
export function resolveFormat(cmd: Command): void {
  const output = cmd.getOptionValue('output') as string | undefined;
  const formats = formatsOf(cmd);
  if (output === undefined || output === '-' || !formats) return;
  const implied = formatOfPath(output);
  if (implied === undefined) return;
  const hasFormat = cmd.options.some((o) => o.attributeName() === 'format');
  const given = hasFormat && cmd.getOptionValueSource('format') !== 'default' ? (cmd.getOptionValue('format') as string) : undefined;
  // `--format table -o notes.txt` and `--format markdown -o x.md` agree; any other pair is a contradiction.
  if (given !== undefined && given !== implied) throw new UsageError('cliOptions.formatConflict', { format: given, file: output, implied });
  if (!formats.includes(implied))
    throw new UsageError('cliOptions.formatUnsupported', { command: cmd.name(), file: output, format: implied, allowed: formats.join(', ') });
  if (hasFormat) cmd.setOptionValueWithSource('format', implied, 'config');
}
