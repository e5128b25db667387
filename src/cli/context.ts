// What every command shares: language, colour, output, problem reporting and exit codes.
import { chooseLang, messages, type Lang, type Messages } from '../i18n/locale.js';
import type { Place, Problem } from '../shared/problems.js';
import { jsonText, visible } from '../render/safe-text.js';
import { terminalWidth } from '../render/layout.js';
import { csvStyle, type CsvStyle } from '../render/csv.js';
import { piecesOf, writeAtomic, writeStdout, type Output } from './write.js';
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ProblemJson } from '../contract/problem-json.js';

export const EXIT = { ok: 0, checkFailed: 1, invalid: 2, internal: 3 } as const;

/** How many problems of one kind in one file are printed before a count of the rest. */
export const MAX_SHOWN = { error: 100, warning: 10 };

/** Ends a command with an exit code after its message was printed. */
export class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** A command-line mistake (bad option value, conflicting options): exit 2. */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

export interface CommonOptions {
  lang?: string;
  color?: boolean;
  quiet?: boolean;
  output?: string;
  reporter?: string;
  /** The output format: JSON is written to standard output even with --quiet. */
  format?: string;
  /** --max-warnings N: exit 1 when more warnings than N were reported (checked in main). */
  maxWarnings?: number;
  debug?: boolean;
  /** Let program.yaml's `tables:` name files outside the program folder. */
  allowOutsideTables?: boolean;
  /** --csv-style: rfc (default) or excel. */
  csvStyle?: 'rfc' | 'excel';
}

export interface Context {
  m: Messages;
  color: boolean;
  quiet: boolean;
  github: boolean;
  width: number;
  /** The CSV style of every CSV the command writes (--csv-style, in the output language). */
  csv: CsvStyle;
  /** Print to stdout, or write atomically to -o FILE. */
  emit(text: Output, output?: string): void;
  /** Print problems (errors and warnings) to stderr, each after `label: ` when given (a program's name); returns the number of errors. */
  report(problems: Problem[], label?: string): number;
  warn(text: string, label?: string): void;
  /** A failed check (threshold): printed, annotated for GitHub. */
  fail(at: Place | undefined, text: string): void;
}

export function useColor(opts: { color?: boolean }, stream: NodeJS.WriteStream = process.stdout, env = process.env): boolean {
  if (opts.color === false) return false;
  if ('NO_COLOR' in env && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/** A problem with what it echoes from the data (file name, value, field, parameters) shown visibly, line breaks too. */
function shownProblem<P extends Place & Partial<Problem>>(p: P): P {
  const params = p.params && Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, typeof v === 'string' ? visible(v) : v]));
  return {
    ...p,
    file: visible(p.file),
    ...(p.sheet !== undefined ? { sheet: visible(p.sheet) } : {}),
    ...(p.value !== undefined ? { value: visible(p.value) } : {}),
    ...(p.field !== undefined ? { field: visible(p.field) } : {}),
    ...(params ? { params } : {}),
  };
}

/** file:line:column (or file [sheet!cell]) of a problem. */
export function placeText(p: Place): string {
  p = shownProblem(p);
  if (p.sheet !== undefined) return `${p.file} [${p.sheet}${p.cell ? '!' + p.cell : ''}]`;
  return [p.file, p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(':');
}

/**
 * The locale key of a problem's message: under `problem.`, else a block's own key as it is (the review
 * cycle's `cycle.`, the policies' `policy.`), else the readers' own block (keys holding `readers.`).
 */
export function messageKey(key: string, m: Messages): string {
  if (!m.has(`problem.${key}`) && m.has(key)) return key;
  const at = key.indexOf('readers.');
  return at >= 0 && !m.has(`problem.${key}`) ? key.slice(at) : `problem.${key}`;
}

/** The message of a problem without its place and severity. */
export function problemMessage(p: Problem, m: Messages): string {
  p = shownProblem(p);
  let text = m.t(messageKey(p.key, m), { ...p.params, value: p.value ?? '' });
  const detail: string[] = [];
  if (p.field) detail.push(m.t(p.fieldKind === 'key' ? 'problem.key' : 'problem.field', { field: p.field }));
  if (p.value !== undefined && !text.includes(p.value)) detail.push(m.t('problem.value', { value: p.value }));
  if (detail.length) text += ` (${detail.join(', ')})`;
  const hintKey = `hint.${p.key}`;
  if (m.has(hintKey)) text += `\n    ${m.t('problem.hint')}${m.t('format.labelSep')}${m.t(hintKey, p.params)}`;
  return text;
}

/** A problem as JSON (src/contract/problem-json.ts): `validate --format json` and `--reporter json`. */
export function problemJson(p: Problem, m: Messages): ProblemJson {
  return {
    file: p.file,
    line: p.line ?? null,
    column: p.line !== undefined ? (p.column ?? null) : null,
    sheet: p.sheet ?? null,
    cell: p.cell ?? null,
    code: p.key,
    message: problemMessage(p, m),
    severity: p.severity,
    field: p.field ?? null,
    value: p.value ?? null,
    more: p.more ?? 0,
  };
}

/** Warnings reported in this run (each counted once, those only counted too): what --max-warnings compares. */
export const reported: { warnings: number; lang?: Lang } = { warnings: 0 };

/** A new run (main): no warnings reported yet. */
export function resetReported(): void {
  reported.warnings = 0;
  delete reported.lang;
}

/** Whether more warnings were reported than --max-warnings allows (said on standard error): exit 1, like eslint. */
export function tooManyWarnings(opts: CommonOptions, m: Messages): boolean {
  // (--max-warnings is parsed by its declaration in src/cli/options.ts: a bad value is a usage error there.)
  const max = opts.maxWarnings;
  if (max === undefined || reported.warnings <= max) return false;
  // In the language the warnings were written in (a French folder's, without --lang).
  if (reported.lang) m = messages(reported.lang);
  process.stderr.write(`${m.t('severity.failed')}: ${m.t('machine.gate.maxWarnings', { n: reported.warnings, max })}\n`);
  return true;
}

export function problemText(p: Problem, m: Messages): string {
  return `${placeText(p)}: ${m.t(`severity.${p.severity}`)}: ${problemMessage(p, m)}`;
}

/** A workflow command's data: % CR LF escaped; a property's value: also : and , (GitHub's own rules). */
export const annotationData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const annotationProperty = (s: string) => annotationData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function annotation(kind: 'error' | 'warning', at: Place | undefined, text: string): string {
  const props = at
    ? [`file=${annotationProperty(at.file)}`, at.line !== undefined ? `line=${at.line}` : '', at.column !== undefined ? `col=${at.column}` : '']
        .filter(Boolean)
        .join(',')
    : '';
  return `::${kind}${props ? ' ' + props : ''}::${annotationData(visible(text, '\n'))}`;
}

export function makeContext(opts: CommonOptions, dataLang?: string): Context {
  const lang: Lang = chooseLang(opts.lang, dataLang);
  const m = messages(lang);
  const github = opts.reporter === 'github' || (opts.reporter === undefined && process.env.GITHUB_ACTIONS === 'true');
  const color = useColor(opts);
  const quiet = Boolean(opts.quiet);
  const jsonReporter = opts.reporter === 'json';
  const machine = opts.format === 'json';
  const seen = new Set<string>();
  return {
    m,
    color,
    quiet,
    github,
    width: terminalWidth(process.stdout, process.env),
    csv: csvStyle(opts.csvStyle, lang),
    emit(text, output) {
      if (output && output !== '-') writeAtomic(output, text);
      else if (!quiet || machine) writeStdout(text);
      // Quiet or not, the output is made to the end: what is checked while it is made (thresholds) must be.
      else for (const _ of piecesOf(text));
    },
    report(problems, label) {
      const lead = label === undefined ? '' : `${visible(label)}: `;
      if (problems.length) reported.lang = lang;
      let errors = 0;
      // Every problem counts; of one kind in one file, the first ones are printed, then how many more.
      const shown = new Map<string, number>();
      const more = new Map<string, { p: Problem; n: number }>();
      if (jsonReporter) {
        // One JSON object per line on standard error, every problem (none held back by MAX_SHOWN).
        for (const p of problems) {
          const text = problemText(p, m);
          if (seen.has(text)) continue;
          seen.add(text);
          if (p.severity === 'error') errors += 1 + (p.more ?? 0);
          else reported.warnings += 1 + (p.more ?? 0);
          if (p.severity === 'warning' && quiet) continue;
          process.stderr.write(jsonText(JSON.stringify(problemJson(p, m))) + '\n');
        }
        return errors;
      }
      for (const p of problems) {
        const kind = `${p.file}\u0000${p.severity}\u0000${p.key}`;
        // Problems past the readers' cap are only counted, on the last one kept of their kind.
        if (p.more) {
          if (p.severity === 'error') errors += p.more;
          if (p.severity === 'error' || !quiet) more.set(kind, { p, n: (more.get(kind)?.n ?? 0) + p.more });
        }
        const text = problemText(p, m);
        if (seen.has(text)) continue;
        seen.add(text);
        if (p.severity === 'warning') reported.warnings += 1 + (p.more ?? 0);
        if (p.severity === 'error') errors++;
        else if (quiet) continue;
        const count = (shown.get(kind) ?? 0) + 1;
        shown.set(kind, count);
        if (count > (p.severity === 'error' ? MAX_SHOWN.error : MAX_SHOWN.warning)) {
          more.set(kind, { p, n: (more.get(kind)?.n ?? 0) + 1 });
          continue;
        }
        process.stderr.write(lead + text + '\n');
        if (github) process.stdout.write(annotation(p.severity, p, problemMessage(p, m)) + '\n');
      }
      for (const { p, n } of more.values()) {
        const q = shownProblem(p);
        process.stderr.write(
          `${lead}${q.file}: ${m.t(`severity.${p.severity}`)}: ${m.t('problem.more', { n, what: m.t(messageKey(p.key, m), { ...q.params, value: '' }) })}\n`,
        );
      }
      return errors;
    },
    warn(text, label) {
      if (!quiet) process.stderr.write(`${label === undefined ? '' : `${visible(label)}: `}${m.t('severity.warning')}: ${visible(text, '\n')}\n`);
    },
    fail(at, text) {
      process.stderr.write(visible(text, '\n') + '\n');
      if (github) process.stdout.write(annotation('error', at, text) + '\n');
    },
  };
}

/** Write output and turn an fs error into a clear message and exit 2. */
export function emitOrExplain(ctx: Context, text: Output, output: string | undefined): void {
  try {
    ctx.emit(text, output);
  } catch (e) {
    explainWriteError(ctx.m, e, output);
  }
}

/** The message of a failed write (`output` undefined or '-': standard output), printed; then exit 2. Not an fs error: rethrown. */
export function explainWriteError(m: Messages, e: unknown, output: string | undefined): never {
  const err = e as NodeJS.ErrnoException;
  if (!err.syscall) throw e; // not the file system: a fault while the output was made
  let code = err.code ?? '';
  const folderExists = output !== undefined && existsSync(dirname(output));
  // A folder that exists but cannot be written to: ask it why (mkdir says ENOENT on a read-only file system).
  if (code === 'ENOENT' && folderExists) {
    try {
      accessSync(dirname(output), constants.W_OK);
    } catch (e2) {
      code = (e2 as NodeJS.ErrnoException).code ?? code;
    }
  }
  const stdout = output === undefined || output === '-';
  const key = ['ENOSPC', 'EDQUOT', 'EFBIG'].includes(code)
    ? stdout
      ? 'writes.fullStdout'
      : 'writes.full'
    : code === 'EROFS'
      ? 'writes.readOnly'
      : code === 'ENOTDIR'
        ? 'writes.notDir'
        : code === 'ENOENT' && !folderExists
          ? 'problem.output.noDir'
          : ['EACCES', 'EPERM', 'ENOENT'].includes(code)
            ? 'problem.output.denied'
            : 'problem.output.failed';
  const where = stdout ? m.t('writes.stdout') : visible(output);
  process.stderr.write(`${where}: ${m.t('severity.error')}: ${m.t(key, { reason: code || err.message })}\n`);
  throw new Exit(EXIT.invalid);
}
