// Command-line wiring: commander parses, commands run, errors become exit codes 1/2/3.
import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { InputError } from '../shared/problems.js';
import { chooseLang, messages, type Messages } from '../i18n/locale.js';
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { EXIT, Exit, explainWriteError, makeContext, UsageError, type CommonOptions } from './context.js';
import { visible } from '../render/safe-text.js';
import { VERSION } from './version.js';

function argLang(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
}

function common(cmd: Command, m: Messages, opts: { scale?: boolean; folder?: boolean; format?: string[] } = {}): Command {
  if (opts.scale) {
    cmd.option('--scale <id|path>', m.t('help.opt.scale'));
    cmd.option('--principles <8|9|path>', m.t('help.opt.principles'), '8');
  }
  if (opts.scale || opts.folder) cmd.option('--allow-outside-tables', m.t('readers.allowOutsideTables'));
  if (opts.format) cmd.addOption(new Option('--format <format>', m.t('help.opt.format')).choices(opts.format).default(opts.format[0]));
  return cmd
    .option('--lang <en|fr>', m.t('help.opt.lang'))
    .option('-o, --output <file>', m.t('help.opt.output'))
    .option('-q, --quiet', m.t('help.opt.quiet'))
    .option('--no-color', m.t('help.opt.noColor'))
    .addOption(new Option('--reporter <name>', m.t('help.opt.reporter')).choices(['text', 'github']))
    .option('--debug', m.t('help.opt.debug'));
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
  const outputs = OUTPUT_OPTIONS.map((k) => opts[k]).filter((v): v is string => typeof v === 'string' && v !== '-' && !/^\/dev\/(null|stdout|stderr)$/.test(v));
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
  const titles: Record<string, string> = { 'Usage:': 'usage', 'Options:': 'options', 'Arguments:': 'arguments', 'Commands:': 'commands', 'Global Options:': 'globalOptions' };
  const extras = (s: string) => s.replace(/\(choices: /, `(${m.t('french.help.choices')} `).replace(/(\(|, )default: /, `$1${m.t('french.help.default')} `);
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
    .configureOutput({ outputError: (s, write) => write(visible(s, '\n')) })
    .hook('preAction', async (_, action) => checkOutputs(action, m));

  common(
    program
      .command('score')
      .description(m.t('help.score.description'))
      .argument('<files...>', m.t('help.score.files'))
      .option('--min-total <n>', m.t('help.opt.minTotal'))
      .addOption(new Option('--min-level <band>', m.t('help.opt.minLevel')))
      .addOption(new Option('--sort <order>', m.t('help.opt.sort')).choices(['scale', 'score']).default('scale'))
      .option('--detail', m.t('help.opt.detail'))
      .option('--no-notes', m.t('help.opt.noNotes'))
      .addOption(new Option('--layout <layout>', m.t('help.opt.layout')).choices(['wide', 'long']).default('wide'))
      .option('--policy <id|path>', m.t('policy.opt.policy'))
      .addHelpText('after', '\n' + m.t('help.score.examples')),
    m,
    { scale: true, format: ['table', 'json', 'csv', 'markdown'] },
  ).action(async (files: string[], opts) => (await import('./commands/score.js')).runScore(files, opts));

  common(
    program
      .command('report')
      .description(m.t('help.report.description'))
      .argument('<files...>', m.t('help.report.files'))
      .option('--previous <file>', m.t('help.opt.previous'))
      .option('--outcomes', m.t('help.opt.outcomesReport'))
      // With --outcomes, the options of `outcomes`, with its defaults (set in runReport, so that their use without --outcomes is seen).
      .addOption(new Option('--by <period>', m.t('help.opt.by')).choices(['quarter', 'semester', 'month', 'year', 'none']))
      .option('--from <date>', m.t('help.opt.from'))
      .option('--to <date>', m.t('help.opt.to'))
      .addOption(new Option('--convention <name>', m.t('help.opt.convention')).choices(['standard', 'ips-grow']))
      .option('--min-cell <n>', m.t('help.opt.minCell'))
      .addOption(new Option('--paper <size>', m.t('help.opt.paper')).choices(['a4', 'letter']).default('a4'))
      .option('--pdfa', m.t('help.opt.pdfa'))
      .option('--title <text>', m.t('networkReport.titleOption'))
      .addHelpText('after', '\n' + m.t('help.report.examples')),
    m,
    { scale: true },
  ).action(async (files: string[], opts) => (await import('./commands/report.js')).runReport(files, opts));

  common(
    program
      .command('outcomes')
      .description(m.t('help.outcomes.description'))
      .argument('<program...>', m.t('network.programsArg'))
      .addOption(new Option('--by <period>', m.t('help.opt.by')).choices(['quarter', 'semester', 'month', 'year', 'none']).default('quarter'))
      .option('--from <date>', m.t('help.opt.from'))
      .option('--to <date>', m.t('help.opt.to'))
      .addOption(new Option('--convention <name>', m.t('help.opt.convention')).choices(['standard', 'ips-grow', 'fr-ea']).default('standard'))
      .option('--year <yyyy>', m.t('frEa.optYear'))
      .option('--min-cell <n>', m.t('help.opt.minCell'), '5')
      .option('--min-rate <pct>', m.t('help.opt.minRate'))
      .option('--per-person <file>', m.t('help.opt.perPerson'))
      .option('--contracts <path>', m.t('help.opt.contracts'))
      .option('--outcome-rules <path>', m.t('measures.optOutcomeRules'))
      .option('--pdf <file>', m.t('help.opt.pdf'))
      .addOption(new Option('--paper <size>', m.t('help.opt.paper')).choices(['a4', 'letter']).default('a4'))
      .option('--pdfa', m.t('help.opt.pdfa'))
      .addHelpText('after', '\n' + m.t('help.outcomes.examples')),
    m,
    { folder: true, format: ['table', 'json', 'csv', 'markdown'] },
  ).action(async (dirs: string[], opts) => (await import('./commands/outcomes.js')).runOutcomes(dirs, opts));

  common(
    program
      .command('consensus')
      .description(m.t('help.consensus.description'))
      .argument('<files...>', m.t('help.consensus.files'))
      .addHelpText('after', '\n' + m.t('help.consensus.examples')),
    m,
    { scale: true, format: ['table', 'markdown', 'csv'] },
  ).action(async (files: string[], opts) => (await import('./commands/consensus.js')).runConsensus(files, opts));

  common(
    program
      .command('history')
      .description(m.t('help.history.description'))
      .argument('<files...>', m.t('help.history.files'))
      .option('--policy <id|path>', m.t('policy.opt.policy'))
      .option('--as-of <date>', m.t('policy.opt.asOf'))
      .addHelpText('after', '\n' + m.t('help.history.examples')),
    m,
    { scale: true, format: ['table', 'markdown', 'json'] },
  ).action(async (files: string[], opts) => (await import('./commands/history.js')).runHistory(files, opts));

  common(
    program
      .command('plan')
      .description(m.t('cycle.help.description'))
      .argument('<files...>', m.t('cycle.help.files'))
      .addHelpText('after', '\n' + m.t('cycle.help.examples')),
    m,
    { scale: true, format: ['table', 'markdown', 'json', 'csv'] },
  ).action(async (files: string[], opts) => (await import('./commands/plan.js')).runPlan(files, opts));

  common(
    program
      .command('validate')
      .description(m.t('help.validate.description'))
      .argument('<files...>', m.t('help.validate.files'))
      .addHelpText('after', '\n' + m.t('help.validate.examples')),
    m,
    { scale: true },
  ).action(async (files: string[], opts) => (await import('./commands/validate.js')).runValidate(files, opts));

  common(
    program
      .command('scales')
      .description(m.t('help.scales.description'))
      .argument('[id]', m.t('help.scales.id'))
      .option('--item <code>', m.t('help.opt.item'))
      .addHelpText('after', '\n' + m.t('help.scales.examples')),
    m,
    { format: ['table', 'markdown', 'json'] },
  ).action(async (id: string | undefined, opts) => (await import('./commands/scales.js')).runScales(id, opts));

  common(
    program
      .command('init')
      .description(m.t('help.init.description'))
      .argument('[dir]', m.t('help.init.dir'))
      .option('--scale <id|path>', m.t('help.opt.scale'))
      .option('--force', m.t('help.opt.force'))
      .addHelpText('after', '\n' + m.t('help.init.examples')),
    m,
  ).action(async (dir: string | undefined, opts) => (await import('./commands/init.js')).runInit(dir, opts));

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
  if (m.lang === 'fr') {
    // zod's own messages (in schema problems) in French too.
    const [{ config }, { default: fr }] = await Promise.all([import('zod'), import('zod/v4/locales/fr.js')]);
    config(fr());
  }
  const program = buildProgram(m);
  const debug = args.includes('--debug');
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof Exit) return e.code;
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.invalid;
    }
    const opts = (program.commands.find((c) => c.name() === args[0])?.opts() ?? {}) as CommonOptions;
    const ctx = makeContext(opts);
    if (e instanceof InputError) {
      ctx.report(e.problems);
      return EXIT.invalid;
    }
    if (e instanceof UsageError) {
      const params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, typeof v === 'string' ? visible(v) : v]));
      process.stderr.write(`${ctx.m.t('severity.error')}: ${ctx.m.t(`problem.${e.key}`, params)}\n`);
      return EXIT.invalid;
    }
    const err = e as Error;
    process.stderr.write(`${ctx.m.t('severity.internal')}: ${visible(err.message)}\n`);
    if (debug) process.stderr.write((err.stack ?? '') + '\n');
    else process.stderr.write(ctx.m.t('problem.internalHint') + '\n');
    return EXIT.internal;
  }
}
