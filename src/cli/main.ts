// Command-line wiring: commander parses, commands run, errors become exit codes 1/2/3.
import { Argument, Command, CommanderError, Help } from 'commander';
import { InputError } from '../shared/problems.js';
import { chooseLang, messages, type Messages } from '../i18n/locale.js';
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { EXIT, Exit, explainWriteError, makeContext, resetReported, tooManyWarnings, UsageError, type CommonOptions } from './context.js';
import { commanderText } from '../i18n/commander.js';
import { zodMessagesIn } from '../i18n/zod-messages.js';
import { visible } from '../render/safe-text.js';
import { VERSION } from './version.js';
import { addOptions, type CommandName } from './options.js';
import { resolveFormat } from './output-format.js';

function argLang(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
}

/** Options that name a file or folder read, and options that name a file written. */
const INPUT_OPTIONS = ['previous', 'scale', 'principles', 'contracts', 'policy'];
const OUTPUT_OPTIONS = ['output', 'pdf', 'perPerson'];

const statOf = (path: string) => {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
};

/** Whether `name`, in a program folder, is a file the folder's reader reads (program.yaml, a table, a workbook). */
async function readInFolder(name: string): Promise<boolean> {
  const { TABLE_FILES } = await import('../read/record-tables.js');
  const { normalizeName } = await import('../shared/values.js');
  if (/^(program\.ya?ml|programme\.yaml)$/.test(name) || /\.xlsx$/i.test(name)) return true;
  const table = /^(.*)\.(csv|tsv|txt)$/i.exec(name);
  return Boolean(table && Object.values(TABLE_FILES).some((names) => (names as readonly string[]).includes(normalizeName(table[1]!))));
}

/**
 * An output that is also an input (the same file, or a file its program folder reads), or two outputs that
 * are the same file, is refused before anything is read: writing it would replace the user's data.
 */
export async function checkOutputs(cmd: Command, m: Messages): Promise<void> {
  const opts = cmd.opts() as Record<string, unknown>;
  const outputs = OUTPUT_OPTIONS.map((k) => opts[k]).filter(
    (v): v is string => typeof v === 'string' && v !== '-' && !/^\/dev\/(null|stdout|stderr)$/.test(v),
  );
  if (outputs.length === 0 || cmd.name() === 'init') return;
  const inputs = [...cmd.args, ...INPUT_OPTIONS.map((k) => opts[k]).filter((v): v is string => typeof v === 'string')];
  const refuse = (output: string, key: string, other: string) => {
    process.stderr.write(`${visible(output)}: ${m.t('severity.error')}: ${m.t(key, { other: visible(other) })}\n`);
    throw new Exit(EXIT.invalid);
  };
  for (const [i, output] of outputs.entries()) {
    const out = statOf(output);
    for (const other of outputs.slice(0, i)) {
      const o = statOf(other);
      if (other === output || (out && o && out.dev === o.dev && out.ino === o.ino)) refuse(output, 'writes.sameOutputs', other);
    }
    if (!out?.isFile()) continue;
    for (const input of inputs) {
      const s = statOf(input);
      if (!s) continue;
      if (s.isFile() && s.dev === out.dev && s.ino === out.ino) refuse(output, 'writes.sameAsInput', input);
      if (s.isDirectory()) {
        const real = realpathSync(output);
        if (dirname(real) === realpathSync(input) && (await readInFolder(basename(real)))) refuse(output, 'writes.sameAsInput', input);
      }
    }
  }
}

/** commander's own help words (titles, choices, defaults) in the output language. */
function helpWords(m: Messages): Partial<Help> {
  const base = new Help();
  const titles: Record<string, string> = {
    'Usage:': 'usage',
    'Options:': 'options',
    'Arguments:': 'arguments',
    'Commands:': 'commands',
    'Global Options:': 'globalOptions',
  };
  const extras = (s: string) =>
    s.replace(/\(choices: /, `(${m.t('french.help.choices')} `).replace(/(\(|, )default: /, `$1${m.t('french.help.default')} `);
  return {
    styleTitle: (t) => (titles[t] ? m.t(`french.help.${titles[t]}`) : t),
    optionDescription: (o) => extras(base.optionDescription(o)),
    argumentDescription: (a) => extras(base.argumentDescription(a)),
  };
}

export function buildProgram(m: Messages): Command {
  const program = new Command('ips-fidelity')
    .configureHelp(helpWords(m))
    .helpCommand('help [command]', m.t('french.help.command'))
    .description(m.t('help.program'))
    .version(VERSION, '-V, --version', m.t('help.opt.version'))
    .helpOption('-h, --help', m.t('help.opt.help'))
    .addHelpText('after', '\n' + m.t('help.exitCodes'))
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ outputError: (s, write) => write(visible(commanderText(s, m), '\n')) })
    .hook('preAction', async (_, action) => {
      // Standard input is read once: `-` for an option (--scale -) and for a file too is refused here
      // (two files `- -` are refused by the reader, at <stdin>).
      const opts = action.opts() as Record<string, unknown>;
      const fromOptions = INPUT_OPTIONS.filter((k) => opts[k] === '-').length;
      if (fromOptions > 0 && fromOptions + action.args.filter((a) => a === '-').length > 1) throw new UsageError('cliOptions.stdinTwice');
      await checkOutputs(action, m);
      resolveFormat(action);
      // A workbook goes to a file (or a pipe), never to a terminal: said before anything is read.
      if (action.getOptionValue('format') === 'xlsx')
        (await import('./xlsx-output.js')).checkWorkbookOutput(m, action.getOptionValue('output') as string | undefined);
    });

  /** A command with its options (src/cli/options.ts), its help texts, and its module loaded when it runs. */
  const command = (name: CommandName, args: Argument[], help = `help.${name}`) => {
    const cmd = program.command(name).description(m.t(`${help}.description`));
    for (const a of args) cmd.addArgument(a);
    return addOptions(cmd, name, m).addHelpText('after', '\n' + m.t(`${help}.examples`));
  };
  const arg = (spec: string, key: string) => new Argument(spec, m.t(key));

  command('score', [arg('<files...>', 'help.score.files')]).action(async (files: string[], opts) =>
    (await import('./commands/score.js')).runScore(files, opts),
  );
  command('report', [arg('<files...>', 'help.report.files')]).action(async (files: string[], opts) =>
    (await import('./commands/report.js')).runReport(files, opts),
  );
  command('outcomes', [arg('<program...>', 'network.programsArg')]).action(async (dirs: string[], opts) =>
    (await import('./commands/outcomes.js')).runOutcomes(dirs, opts),
  );
  command('consensus', [arg('<files...>', 'help.consensus.files')]).action(async (files: string[], opts) =>
    (await import('./commands/consensus.js')).runConsensus(files, opts),
  );
  command('history', [arg('<files...>', 'help.history.files')]).action(async (files: string[], opts) =>
    (await import('./commands/history.js')).runHistory(files, opts),
  );
  command('plan', [arg('<files...>', 'cycle.help.files')], 'cycle.help').action(async (files: string[], opts) =>
    (await import('./commands/plan.js')).runPlan(files, opts),
  );
  command('validate', [arg('<files...>', 'help.validate.files')]).action(async (files: string[], opts) =>
    (await import('./commands/validate.js')).runValidate(files, opts),
  );
  command('scales', [arg('[id]', 'help.scales.id')]).action(async (id: string | undefined, opts) =>
    (await import('./commands/scales.js')).runScales(id, opts),
  );
  command('init', [arg('[dir]', 'help.init.dir')]).action(async (dir: string | undefined, opts) =>
    (await import('./commands/init.js')).runInit(dir, opts),
  );

  program
    .command('completion')
    .description(m.t('pack.completion.description'))
    .addArgument(new Argument('<shell>', m.t('pack.completion.shell')).choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', '\n' + m.t('pack.completion.examples'))
    .action(async (shell: 'bash' | 'zsh' | 'fish', _opts, cmd: Command) => (await import('./completion.js')).runCompletion(shell, cmd.parent!));

  return program;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, with the status of a process
  // that SIGPIPE ends (what is left unwritten, thresholds included, is not claimed to have passed).
  const args = argv.slice(2);
  resetReported();
  const m = messages(chooseLang(argLang(args), undefined));
  // Messages that cannot be written (standard error on a full disk) have nowhere to go: the exit code still says it.
  process.stderr.on('error', () => undefined);
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(128 + 13);
    // Any other failure to write standard output (a full disk): said, and exit 2, never a stack trace.
    try {
      explainWriteError(m, err, undefined);
    } catch {
      process.exit(EXIT.invalid);
    }
  });
  await zodMessagesIn(m.lang);
  const program = buildProgram(m);
  const debug = args.includes('--debug');
  try {
    await program.parseAsync(argv);
    const opts = (program.commands.find((c) => c.name() === args[0])?.opts() ?? {}) as CommonOptions;
    return tooManyWarnings(opts, makeContext(opts).m) ? EXIT.checkFailed : EXIT.ok;
  } catch (e) {
    if (e instanceof Exit) return e.code;
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.invalid;
    }
    const opts = (program.commands.find((c) => c.name() === args[0])?.opts() ?? {}) as CommonOptions;
    // An option value refused while parsing (before --lang was read): --lang as typed still chooses the language.
    const ctx = makeContext({ ...opts, lang: opts.lang ?? argLang(args) });
    if (e instanceof InputError) {
      ctx.report(e.problems);
      return EXIT.invalid;
    }
    if (e instanceof UsageError) {
      const params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, typeof v === 'string' ? visible(v) : v]));
      const key = e.key.startsWith('cliOptions.') || e.key.startsWith('machine.') ? e.key : `problem.${e.key}`;
      const hint = typeof e.params.suggestion === 'string' ? ctx.m.t('cliOptions.didYouMean', { suggestion: visible(e.params.suggestion) }) : '';
      process.stderr.write(`${ctx.m.t('severity.error')}: ${ctx.m.t(key, params)}${hint}\n`);
      return EXIT.invalid;
    }
    const err = e as Error;
    process.stderr.write(`${ctx.m.t('severity.internal')}: ${visible(err.message)}\n`);
    if (debug) process.stderr.write((err.stack ?? '') + '\n');
    else process.stderr.write(ctx.m.t('problem.internalHint') + '\n');
    return EXIT.internal;
  }
}
