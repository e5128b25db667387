// Completion scripts follow the program's definition: a command or option added is completed with no change to completion.ts.
import { Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { completionScript } from '../../src/cli/completion.js';
import { buildProgram } from '../../src/cli/main.js';
import { messages } from '../../src/i18n/locale.js';

describe('completion scripts', () => {
  const program = buildProgram(messages('en'));
  program
    .command('audit')
    .description('a new command')
    .argument('<files...>')
    .addOption(new Option('--style <name>', 'a new option').choices(['brief', 'full']));
  program.commands.find((c) => c.name() === 'score')!.option('--secret-new <file>', 'another new option');

  it.each(['bash', 'zsh', 'fish'] as const)('%s: a new command, its option and choices, and a new option of a command', (shell) => {
    const script = completionScript(program, shell);
    expect(script).toMatch(/\baudit\b/);
    expect(script).toContain('brief full');
    expect(script).toContain('style');
    expect(script).toContain('secret-new');
  });
  it('bash: the new option completes its choices, the new file option files', () => {
    const script = completionScript(program, 'bash');
    expect(script).toContain(`--style) COMPREPLY=($(compgen -W 'brief full' -- "$cur")); return ;;`);
    expect(script).toContain(`--secret-new) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;`);
  });
});
