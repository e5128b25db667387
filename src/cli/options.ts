// Every command-line option, declared once: its flags, help key, choices, default and parser. Each
// command lists the options it takes (COMMANDS below); commander is given only those (any other is
// commander's "unknown option", exit 2), and the command's options type is derived from the list
// (`OptionsOf<'score'>`), never written by hand.
//
// To add an option: one entry in OPTIONS (its key is commander's attribute name: `--min-item` → minItem),
// its help text under the key given, in both locale files, and its key in the list of each command
// that takes it.
import { Option, type Command } from 'commander';
import type { Messages } from '../i18n/locale.js';
import { closest } from '../shared/suggest.js';
import { UsageError } from './context.js';
import type { FormatName } from '../render/formats.js';

/** One option: how commander declares it, and the value a command gets (`T`). */
interface Spec<T> {
  flags: string;
  /** Locale key of the help text. */
  help: string;
  choices?: readonly string[];
  /** Whether help lists the choices (`--lang <en|fr>` names them in its flags already). */
  showChoices?: boolean;
  /** Turns the typed value into the command's value; throws a UsageError for a bad one. */
  parse?: (raw: string, flag: string) => T;
  /** Repeatable: each use adds its parsed values to the list. */
  collect?: boolean;
  /** The value's type only: never set. */
  readonly value?: T;
}

/** A bad value of an option: a usage error listing the valid values, with the closest when one is close. */
export function badValue(flag: string, value: string, allowed: readonly string[]): UsageError {
  const suggestion = closest(value, allowed);
  return new UsageError('cliOptions.badValue', { option: flag, value, allowed: allowed.join(', '), ...(suggestion ? { suggestion } : {}) });
}

/** `value` if it is one of `allowed` (exactly), else the usage error of badValue. */
export function checkValue<C extends string>(value: string, allowed: readonly C[], flag: string): C {
  if (!(allowed as readonly string[]).includes(value)) throw badValue(flag, value, allowed);
  return value as C;
}

export function parseWhole(value: string, option: string): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError('usage.whole', { option, value });
  return Number(value);
}

export function parsePercent(value: string, option: string): number {
  const n = Number(value.replace(',', '.').replace(/%$/, ''));
  if (!(n >= 0 && n <= 100)) throw new UsageError('usage.percent', { option, value });
  return n;
}

const text = (flags: string, help: string): Spec<string> => ({ flags, help });
const flag = (flags: string, help: string): Spec<boolean> => ({ flags, help });
const whole = (flags: string, help: string): Spec<number> => ({ flags, help, parse: parseWhole });
const choice = <const C extends string>(flags: string, help: string, choices: readonly C[], showChoices = true): Spec<C> => ({
  flags,
  help,
  choices,
  showChoices,
  parse: (raw, f) => checkValue(raw, choices, f),
});

const BY = ['quarter', 'semester', 'month', 'year', 'none'] as const;
const CONVENTIONS = ['standard', 'ips-grow', 'fr-ea'] as const;

/** Every option of every command. The key is commander's attribute name of the flags (checked when built). */
export const OPTIONS = {
  // score
  minTotal: whole('--min-total <n>', 'help.opt.minTotal'),
  minLevel: text('--min-level <band>', 'help.opt.minLevel'),
  minItem: { flags: '--min-item <code=n>', help: 'machine.opt.minItem', parse: (raw: string) => [raw], collect: true } as Spec<string[]>,
  latest: flag('--latest', 'machine.opt.latest'),
  sort: choice('--sort <order>', 'help.opt.sort', ['scale', 'score']),
  detail: flag('--detail', 'help.opt.detail'),
  notes: flag('--no-notes', 'help.opt.noNotes'),
  layout: choice('--layout <layout>', 'help.opt.layout', ['wide', 'long']),
  // score, history: the next review due (scales/review-policies.yaml)
  policy: text('--policy <id|path>', 'policy.opt.policy'),
  asOf: text('--as-of <date>', 'policy.opt.asOf'),
  // report
  previous: text('--previous <file>', 'help.opt.previous'),
  title: text('--title <text>', 'networkReport.titleOption'),
  outcomes: flag('--outcomes', 'help.opt.outcomesReport'),
  // outcomes (and report --outcomes)
  by: choice('--by <period>', 'help.opt.by', BY),
  from: text('--from <date>', 'help.opt.from'),
  to: text('--to <date>', 'help.opt.to'),
  convention: choice('--convention <name>', 'help.opt.convention', CONVENTIONS),
  year: text('--year <yyyy>', 'frEa.optYear'),
  minCell: whole('--min-cell <n>', 'help.opt.minCell'),
  minRate: { flags: '--min-rate <pct>', help: 'help.opt.minRate', parse: parsePercent } as Spec<number>,
  skipPartial: flag('--skip-partial', 'machine.opt.skipPartial'),
  minServed: whole('--min-served <n>', 'machine.opt.minServed'),
  perPerson: text('--per-person <file>', 'help.opt.perPerson'),
  contracts: text('--contracts <path>', 'help.opt.contracts'),
  outcomeRules: text('--outcome-rules <path>', 'measures.optOutcomeRules'),
  pdf: text('--pdf <file>', 'help.opt.pdf'),
  paper: choice('--paper <size>', 'help.opt.paper', ['a4', 'letter']),
  pdfa: flag('--pdfa', 'help.opt.pdfa'),
  // scales
  item: text('--item <code>', 'help.opt.item'),
  // init
  force: flag('--force', 'help.opt.force'),
  xlsx: flag('--xlsx', 'xlsx.optXlsx'),
  // reading reviews
  scale: text('--scale <id|path>', 'help.opt.scale'),
  principles: text('--principles <8|9|path>', 'help.opt.principles'),
  allowOutsideTables: flag('--allow-outside-tables', 'readers.allowOutsideTables'),
  // output and messages
  format: choice<FormatName>('--format <format>', 'help.opt.format', ['table', 'json', 'csv', 'markdown', 'xlsx']),
  csvStyle: choice('--csv-style <style>', 'xlsx.optCsvStyle', ['rfc', 'excel']),
  lang: choice('--lang <en|fr>', 'help.opt.lang', ['en', 'fr'], false),
  output: text('-o, --output <file>', 'help.opt.output'),
  quiet: flag('-q, --quiet', 'help.opt.quiet'),
  color: flag('--no-color', 'help.opt.noColor'),
  reporter: choice('--reporter <name>', 'machine.opt.reporter', ['text', 'github', 'json']),
  maxWarnings: whole('--max-warnings <n>', 'machine.opt.maxWarnings'),
  debug: flag('--debug', 'help.opt.debug'),
} satisfies Record<string, Spec<unknown>>;

export type OptionKey = keyof typeof OPTIONS;
type ValueOf<K extends OptionKey> = (typeof OPTIONS)[K] extends Spec<infer T> ? T : never;

/** An option as a command takes it: by key, or with its own default (and, for --format, its own choices). */
type Use = OptionKey | { key: OptionKey; default?: unknown; defaultText?: string; choices?: readonly string[] };
const use = <const K extends OptionKey, const E extends { default?: ValueOf<K>; defaultText?: string; choices?: readonly ValueOf<K>[] }>(
  key: K,
  extra: E,
) => ({ key, ...extra });

/** `--format` with the formats the command offers; the first is the default. */
const format = <const F extends readonly FormatName[]>(...formats: F) => use('format', { choices: formats, default: formats[0] });

/** The options every command takes (output last, except for commands that write no output file). */
const MESSAGES = ['lang', 'quiet', 'color', 'reporter', 'maxWarnings', 'debug'] as const;
const ALL = ['lang', 'output', 'quiet', 'color', 'reporter', 'maxWarnings', 'debug'] as const;
const READ = ['scale', use('principles', { default: '8' }), 'allowOutsideTables'] as const;

/** Each command's options, in the order help lists them. */
export const COMMANDS = {
  score: [
    'minTotal',
    'minLevel',
    'minItem',
    'latest',
    use('sort', { default: 'scale' }),
    'detail',
    'notes',
    use('layout', { default: 'wide' }),
    'policy',
    ...READ,
    format('table', 'json', 'csv', 'markdown', 'xlsx'),
    'csvStyle',
    ...ALL,
  ],
  report: [
    'previous',
    'title',
    'policy',
    'outcomes',
    // With --outcomes, the options of `outcomes`, with its defaults (set in runReport, so that their use without --outcomes is seen).
    'by',
    'from',
    'to',
    'convention',
    'minCell',
    use('paper', { default: 'a4' }),
    'pdfa',
    ...READ,
    ...ALL,
  ],
  outcomes: [
    use('by', { default: 'quarter' }),
    'from',
    'to',
    use('convention', { default: 'standard' }),
    'year',
    use('minCell', { default: 5, defaultText: '"5"' }),
    'minRate',
    'skipPartial',
    'minServed',
    'perPerson',
    'contracts',
    'outcomeRules',
    'pdf',
    use('paper', { default: 'a4' }),
    'pdfa',
    'allowOutsideTables',
    format('table', 'json', 'csv', 'markdown', 'xlsx'),
    'csvStyle',
    ...ALL,
  ],
  consensus: [...READ, format('table', 'markdown', 'csv', 'json', 'xlsx'), 'csvStyle', ...ALL],
  history: ['policy', 'asOf', ...READ, format('table', 'markdown', 'json', 'xlsx'), ...ALL],
  plan: ['policy', ...READ, format('table', 'markdown', 'json', 'csv', 'xlsx'), 'csvStyle', ...ALL],
  validate: [...READ, format('table', 'json'), ...MESSAGES],
  scales: ['item', format('table', 'markdown', 'json'), ...ALL],
  init: ['scale', 'force', 'xlsx', 'csvStyle', ...MESSAGES],
} as const satisfies Record<string, readonly Use[]>;

export type CommandName = keyof typeof COMMANDS;

type KeyOf<U> = U extends { key: infer K } ? K : U;
type Defaulted<U> = U extends { key: infer K; default: unknown } ? K : U extends 'notes' | 'color' ? U : never;
type Listed<C extends CommandName> = (typeof COMMANDS)[C][number];

/**
 * The options a command gets from commander: those with a default (or a `--no-` flag) always set,
 * the others when given.
 */
export type OptionsOf<C extends CommandName> = { [K in Defaulted<Listed<C>> & OptionKey]: ValueOf<K> } & {
  [K in Exclude<KeyOf<Listed<C>>, Defaulted<Listed<C>>> & OptionKey]?: ValueOf<K>;
};

/** Add the command's options, in its list's order, to `cmd`. */
export function addOptions(cmd: Command, name: CommandName, m: Messages): Command {
  for (const u of COMMANDS[name] as readonly Use[]) {
    const { key, ...extra } = typeof u === 'string' ? { key: u } : u;
    const spec: Spec<unknown> = OPTIONS[key];
    const option = new Option(spec.flags, m.t(spec.help));
    if (option.attributeName() !== key) throw new Error(`option ${spec.flags} is declared as ${key}`);
    const choices = 'choices' in extra && extra.choices ? extra.choices : spec.choices;
    if (spec.parse) {
      const parse = spec.parse;
      const f = option.long ?? spec.flags;
      if (spec.collect)
        option.argParser((raw: string, list: unknown) => [...((list as unknown[] | undefined) ?? []), ...(parse(raw, f) as unknown[])]);
      else option.argParser(choices ? (raw: string) => checkValue(raw, choices, f) : (raw: string) => parse(raw, f));
    }
    if (choices && spec.showChoices !== false) option.argChoices = [...choices];
    if ('default' in extra && extra.default !== undefined) option.default(extra.default, 'defaultText' in extra ? extra.defaultText : undefined);
    cmd.addOption(option);
  }
  return cmd;
}
