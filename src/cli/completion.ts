// `ips-fidelity completion bash|zsh|fish`: a completion script made from the commander program as defined,
// so a new command, option or choice is completed without a change here. Loaded only by that command.
import type { Argument, Command, Option } from 'commander';
import { BUILTIN_FRAMEWORKS, BUILTIN_SCALES, builtinPolicyIds, loadScale } from '../read/data-files.js';

export type Shell = 'bash' | 'zsh' | 'fish';

/** What a value (of an option or an argument) is completed with: words, and files or folders. */
interface Values {
  words: string[];
  files?: 'file' | 'dir';
}
interface OptSpec {
  flags: string[];
  short?: string;
  long?: string;
  description: string;
  value?: Values;
}
interface CmdSpec {
  name: string;
  description: string;
  options: OptSpec[];
  args: Values;
}

const uniq = (xs: string[]) => [...new Set(xs)];

/** Values no choice list holds: ids of the built-in data, by option or argument name. */
function dataValues(name: string): string[] | undefined {
  const frameworks = Object.entries(BUILTIN_FRAMEWORKS);
  if (name === 'scale') return [...BUILTIN_SCALES];
  if (name === 'principles') return frameworks.map(([n]) => n);
  if (name === 'policy') return builtinPolicyIds();
  // `scales [id]` shows a scale or a framework.
  if (name === 'id') return [...BUILTIN_SCALES, ...frameworks.map(([, id]) => id)];
  // The bands a threshold may name (all but the lowest), over the built-in scales.
  if (name === 'minLevel')
    return uniq(
      BUILTIN_SCALES.flatMap((id) =>
        loadScale(id)
          .bands.map((b) => b.id)
          .slice(0, -1),
      ),
    );
  return undefined;
}

/** A value's completion from its choices, the built-in ids it names, or its placeholder (`<en|fr>`, `<file>`, `<id|path>`). */
function valuesOf(name: string, placeholder: string, choices: readonly string[] | undefined): Values {
  const parts = placeholder.replace(/\.\.\.$/, '').split('|');
  const files = parts.some((p) => /^(file|path|files)$/.test(p)) ? 'file' : parts.some((p) => /^(dir|program|folder)$/.test(p)) ? 'dir' : undefined;
  const literal = parts.length > 1 ? parts.filter((p) => !/^(file|path|files|dir|program|folder|id)$/.test(p)) : [];
  return { words: uniq([...(choices ?? dataValues(name) ?? literal)]), files };
}

function optSpec(o: Option): OptSpec {
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1];
  return {
    flags: [o.short, o.long].filter((f): f is string => Boolean(f)),
    short: o.short,
    long: o.long,
    description: o.description,
    value: placeholder === undefined ? undefined : valuesOf(o.attributeName(), placeholder, o.argChoices),
  };
}

function argsOf(args: readonly Argument[]): Values {
  const all = args.map((a) => valuesOf(a.name(), a.name(), a.argChoices));
  return {
    words: uniq(all.flatMap((v) => v.words)),
    files: all.find((v) => v.files)?.files ?? (args.length && all.every((v) => !v.words.length) ? 'file' : undefined),
  };
}

/** The commands and options of `program`, as its help lists them (commander's help command and option included). */
export function specOf(program: Command): { commands: CmdSpec[]; options: OptSpec[] } {
  const help = program.createHelp();
  const commands: CmdSpec[] = help.visibleCommands(program).map((c) => ({
    name: c.name(),
    description: c.description(),
    options: help.visibleOptions(c).map(optSpec),
    args: argsOf(c.registeredArguments),
  }));
  // `help [command]` completes command names.
  for (const c of commands) if (c.name === 'help') c.args = { words: commands.map((x) => x.name).filter((n) => n !== 'help') };
  return { commands, options: help.visibleOptions(program).map(optSpec) };
}

const firstLine = (s: string) => s.split('\n')[0]!.trim();
/** Single-quoted for sh and fish. */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const fishq = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const fn = (name: string) => name.replace(/[^A-Za-z0-9]/g, '_');

function bash(name: string, spec: ReturnType<typeof specOf>): string {
  const f = `_${fn(name)}`;
  // Words of a value, then files when no word matches (or the word started is a path).
  const reply = (v: Values) => {
    const lines: string[] = [];
    if (v.words.length) lines.push(`COMPREPLY=($(compgen -W ${sq(v.words.join(' '))} -- "$cur"))`);
    if (v.files) {
      const files = `compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -${v.files === 'dir' ? 'd' : 'f'} -- "$cur")`;
      lines.push(v.words.length ? `if [[ \${#COMPREPLY[@]} -eq 0 || $cur == */* ]]; then ${files}; fi` : files);
    }
    return lines.join('; ') || ':';
  };
  const valueCases = (opts: OptSpec[]) =>
    opts
      .filter((o) => o.value)
      .map((o) => `        ${o.flags.join('|')}) ${reply(o.value!)}; return ;;`)
      .join('\n');
  const cmdCases = spec.commands
    .map((c) => {
      const vals = valueCases(c.options);
      return [
        `    ${c.name})`,
        ...(vals ? ['      case $prev in', vals, '      esac'] : []),
        `      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W ${sq(c.options.flatMap((o) => o.flags).join(' '))} -- "$cur")); else ${reply(c.args)}; fi`,
        '      ;;',
      ].join('\n');
    })
    .join('\n');
  return `# ${name} completion for bash. Load it with: source <(${name} completion bash)
${f}() {
  local cur prev cmd i
  COMPREPLY=()
  cur=\${COMP_WORDS[COMP_CWORD]}
  prev=
  (( COMP_CWORD > 0 )) && prev=\${COMP_WORDS[COMP_CWORD-1]}
  # --option=value: bash splits at '='.
  if [[ $cur == = ]]; then cur=; elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then prev=\${COMP_WORDS[COMP_CWORD-2]}; fi
  cmd=
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in -*) ;; *) cmd=\${COMP_WORDS[i]}; break ;; esac
  done
  case $cmd in
    '')
      COMPREPLY=($(compgen -W ${sq([...spec.commands.map((c) => c.name), ...spec.options.flatMap((o) => o.flags)].join(' '))} -- "$cur"))
      ;;
${cmdCases}
  esac
}
complete -F ${f} ${name}
`;
}

function zsh(name: string, spec: ReturnType<typeof specOf>): string {
  const f = `_${fn(name)}`;
  // In _arguments specs, ':' '[' ']' and '\' are special; the whole spec is single-quoted.
  const esc = (s: string) =>
    firstLine(s)
      .replace(/\\/g, '\\\\')
      .replace(/([:[\]])/g, '\\$1')
      .replace(/'/g, `'\\''`);
  const helpers: string[] = []; // bodies of the functions that complete words or files
  const action = (v: Values, what: string): string => {
    const files = v.files === 'dir' ? '_files -/' : v.files ? '_files' : '';
    if (!v.words.length) return files || ' ';
    const words = `(${v.words.map((w) => w.replace(/([ ()\\])/g, '\\$1')).join(' ')})`;
    if (!files) return words;
    const body = `_alternative 'values:${what}:${words}' 'files:file:${files}'`;
    const i = helpers.indexOf(body);
    return `${f}_${i < 0 ? helpers.push(body) - 1 : i}`;
  };
  const optLines = (opts: OptSpec[]) =>
    opts.map((o) => {
      const names = o.flags.length > 1 ? `'(${o.flags.join(' ')})'{${o.flags.join(',')}}'` : `'${o.flags[0]}`;
      const value = o.value
        ? `:${esc(o.long ?? o.short ?? 'value').replace(/^-+/, '')}:${action(o.value, (o.long ?? o.short ?? '').replace(/^-+/, ''))}`
        : '';
      return `${names}[${esc(o.description)}]${value}'`;
    });
  const cmdCases = spec.commands
    .map((c) => {
      const args = c.args.words.length || c.args.files ? [`'*:${c.name === 'help' ? 'command' : 'argument'}:${action(c.args, 'value')}'`] : [];
      return `        ${c.name}) _arguments -s ${[...optLines(c.options), ...args].join(' \\\n            ')} ;;`;
    })
    .join('\n');
  const cmds = spec.commands.map((c) => `    ${sq(`${c.name.replace(/:/g, '\\:')}:${firstLine(c.description)}`)}`).join('\n');
  return `#compdef ${name}
# ${name} completion for zsh. Load it with: source <(${name} completion zsh)
# (or save it as _${name} in a folder of $fpath).
__HELPERS__
${f}() {
  local curcontext=$curcontext state line
  typeset -A opt_args
  local -a commands
  commands=(
${cmds}
  )
  _arguments -C ${optLines(spec.options).join(' ')} '1: :->command' '*:: :->args'
  case $state in
    command) _describe -t commands '${name} command' commands ;;
    args)
      case $line[1] in
${cmdCases}
      esac
      ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  ${f} "$@"
else
  compdef ${f} ${name}
fi
`.replace('__HELPERS__\n', helpers.map((h, i) => `${f}_${i}() { ${h} }\n`).join(''));
}

function fish(name: string, spec: ReturnType<typeof specOf>): string {
  const c = `complete -c ${name}`;
  const optLine = (cond: string, o: OptSpec) => {
    const flags = [o.short ? `-s ${o.short.replace(/^-/, '')}` : '', o.long ? `-l ${o.long.replace(/^--/, '')}` : ''].filter(Boolean).join(' ');
    const v = o.value;
    const value = !v
      ? ''
      : v.files
        ? `-r -F${v.words.length ? ` -a ${fishq(v.words.join(' '))}` : ''}`
        : `-x${v.words.length ? ` -a ${fishq(v.words.join(' '))}` : ''}`;
    return [c, `-n ${fishq(cond)}`, flags, value, o.description ? `-d ${fishq(firstLine(o.description))}` : ''].filter(Boolean).join(' ');
  };
  const lines = [`# ${name} completion for fish. Load it with: ${name} completion fish | source`, `${c} -f`];
  for (const o of spec.options) lines.push(optLine('__fish_use_subcommand', o));
  for (const x of spec.commands) lines.push(`${c} -n __fish_use_subcommand -a ${x.name} -d ${fishq(firstLine(x.description))}`);
  for (const x of spec.commands) {
    const seen = `__fish_seen_subcommand_from ${x.name}`;
    for (const o of x.options) lines.push(optLine(seen, o));
    if (x.args.words.length) lines.push(`${c} -n ${fishq(seen)} -a ${fishq(x.args.words.join(' '))}`);
    if (x.args.files) lines.push(`${c} -n ${fishq(seen)} -F`);
  }
  return lines.join('\n') + '\n';
}

/** The completion script for `shell`. */
export function completionScript(program: Command, shell: Shell): string {
  const spec = specOf(program);
  return { bash, zsh, fish }[shell](program.name(), spec);
}

export function runCompletion(shell: Shell, program: Command): void {
  process.stdout.write(completionScript(program, shell));
}
