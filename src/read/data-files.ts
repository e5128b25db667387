// Loading data files (scales, principle frameworks, contract table, outcome rules): built-in ids from scales/, or a user's YAML file.
import { existsSync, statSync } from 'node:fs';
import { readInputBytes, shownPath, STDIN } from './files.js';
import { checkedData } from './data-cache.js';
import { fileURLToPath } from 'node:url';
import { InputError, ProblemList } from '../shared/problems.js';
import { readYamlWith, placeInYaml } from './yaml-file.js';
import { scaleSchemas, type PrincipleFramework, type ScaleFile } from '../scale/schema.js';
import { contractSchema, type ContractFile } from '../scale/contract-file.js';
import { toContractTable, type ContractTable } from '../core/contracts.js';
import { outcomeRulesSchema, type OutcomeRules } from '../scale/outcome-rules.js';
import { checkPolicies, reviewPoliciesSchema, type ReviewPolicy, type ReviewPolicyFile } from '../scale/review-policies.js';
import { checkFramework, checkScale, toScale, type DataIssue, type Scale } from '../scale/scale.js';

/** The folder of built-in scales and frameworks shipped with the package. */
export const BUILTIN_DIR = fileURLToPath(new URL('../../scales/', import.meta.url));

export const BUILTIN_SCALES = ['ips-25', 'ips-15'] as const;
export const BUILTIN_FRAMEWORKS: Record<string, string> = { '8': 'principles-8', '9': 'principles-9' };

/** The kinds of data file, each with its zod schema (built on first use). */
export const DATA_SCHEMAS = {
  scale: () => scaleSchemas().ScaleFile,
  framework: () => scaleSchemas().PrincipleFramework,
  contracts: contractSchema,
  outcomeRules: outcomeRulesSchema,
  reviewPolicies: reviewPoliciesSchema,
};
export type DataKind = keyof typeof DATA_SCHEMAS;

/** The built-in files of scales/ by id, with their kind: the build checks each against its schema. */
export const BUILTIN_FILES: Record<string, DataKind> = {
  ...Object.fromEntries(BUILTIN_SCALES.map((id) => [id, 'scale'])),
  ...Object.fromEntries(Object.values(BUILTIN_FRAMEWORKS).map((id) => [id, 'framework'])),
  contracts: 'contracts',
  'outcome-rules': 'outcomeRules',
  'review-policies': 'reviewPolicies',
};

function pathOf(ref: string, builtins: readonly string[]): { path: string; source: string } {
  if (builtins.includes(ref)) return { path: BUILTIN_DIR + ref + '.yaml', source: `builtin:${ref}` };
  return { path: ref, source: ref };
}

/** Whether `ref` is meant as a file: standard input, a path, a .yaml name, or a file that exists (else a misspelt built-in id). */
const namesAFile = (ref: string): boolean => ref === STDIN || /[\\/]|\.ya?ml$/i.test(ref) || existsSync(ref);

interface Loaded<T> {
  value: T;
  source: string;
  warnings: ProblemList;
}

function load<T>(
  ref: string,
  builtins: readonly string[],
  kind: DataKind,
  check: (v: T) => DataIssue[],
  opts: { useBuild?: boolean } = {},
): Loaded<T> {
  const { path, source } = pathOf(ref, builtins);
  const problems = new ProblemList(builtins.includes(ref) ? path : shownPath(ref));
  if (!builtins.includes(ref) && !namesAFile(ref)) {
    problems.error({}, 'scale.notFound', { builtins: builtins.join(', ') });
    throw new InputError(problems.items);
  }
  const bytes = readInputBytes(path, problems);
  // A package file unchanged since the build: its schema was checked then; the checks that depend
  // on other data (a framework against its scale) run here, and any issue means a full read below.
  const checked = bytes && opts.useBuild !== false ? (checkedData(path, bytes, kind) as T | undefined) : undefined;
  if (checked !== undefined && check(checked).length === 0) return { value: checked, source, warnings: problems };
  const read = bytes && readYamlWith(bytes, DATA_SCHEMAS[kind]() as unknown as import('zod').ZodType<T>, problems);
  if (read) {
    for (const issue of check(read.value)) {
      const at = placeInYaml(read.src, issue.path);
      if (issue.severity === 'warning') problems.warn(at, issue.key, issue.params);
      else problems.error(at, issue.key, issue.params);
    }
  }
  if (!read || problems.hasErrors) throw new InputError(problems.items);
  return { value: read.value, source, warnings: problems };
}

/**
 * Build step: read a built-in file of scales/ as a user's file is read (YAML, zod schema, and the
 * checks that need no other file); throws InputError with every problem. Returns the checked value.
 */
export function checkBuiltinFile(id: string): { kind: DataKind; value: unknown } {
  const kind = BUILTIN_FILES[id];
  if (!kind) throw new Error(`not a built-in data file: ${id}`);
  const check =
    kind === 'scale'
      ? (checkScale as (v: unknown) => DataIssue[])
      : kind === 'reviewPolicies'
        ? (checkPolicies as (v: unknown) => DataIssue[])
        : () => [];
  return { kind, value: load<unknown>(id, [id], kind, check, { useBuild: false }).value };
}

/** Load the contract table (built-in `contracts`, or a path given with --contracts). */
export function loadContracts(ref = 'contracts'): ContractTable {
  return toContractTable(load<ContractFile>(ref, ['contracts'], 'contracts', () => []).value);
}

/** Load the outcome rules (built-in `outcome-rules`, or a path given with --outcome-rules). */
export function loadOutcomeRules(ref = 'outcome-rules'): OutcomeRules {
  return load<OutcomeRules>(ref, ['outcome-rules'], 'outcomeRules', () => []).value;
}

const scaleCache = new Map<string, Scale>();

/** What a scale is cached under: a built-in id, or a file with its inode, size and times (an edited file is read again). */
function scaleKey(ref: string): string {
  if ((BUILTIN_SCALES as readonly string[]).includes(ref)) return ref;
  const s = statSync(ref, { throwIfNoEntry: false, bigint: true });
  return s ? `${ref}\0${s.ino}\0${s.size}\0${s.mtimeNs}\0${s.ctimeNs}` : ref;
}

/** Load a scale by built-in id (`ips-25`, `ips-15`) or file path. Throws InputError listing every problem. */
export function loadScale(ref: string): Scale {
  const key = scaleKey(ref);
  const cached = scaleCache.get(key);
  if (cached) return cached;
  const { value, source } = load<ScaleFile>(ref, BUILTIN_SCALES, 'scale', checkScale);
  const scale = toScale(withToolkitFrom(value, ref), source);
  scaleCache.set(key, scale);
  return scale;
}

/**
 * A scale whose `toolkitFrom` names a built-in scale: its items without a toolkit take the toolkit of
 * that scale's item with the same id (or the id of `toolkitRef`), and it gets that scale's roles.
 */
function withToolkitFrom(file: ScaleFile, ref: string): ScaleFile {
  const from = file.toolkitFrom;
  if (!from || from === ref || !(BUILTIN_SCALES as readonly string[]).includes(from)) return file;
  const other = loadScale(from);
  const byId = new Map(other.items.map((i) => [i.id, i]));
  const own = new Set(file.roles.map((r) => r.id));
  return {
    ...file,
    toolkitSource: file.toolkitSource ?? other.toolkitSource,
    roles: [...file.roles, ...other.roles.filter((r) => !own.has(r.id))],
    items: file.items.map((it) => (it.toolkit ? it : { ...it, toolkit: byId.get(it.toolkitRef ?? it.id)?.toolkit })),
  };
}

/** Load a principle framework (`8`, `9`, a built-in id or a path) and check it against a scale. */
export function loadFramework(ref: string, scale: Scale): { framework: PrincipleFramework; warnings: ProblemList } {
  const id = BUILTIN_FRAMEWORKS[ref] ?? ref;
  const { value, warnings } = load<PrincipleFramework>(id, Object.values(BUILTIN_FRAMEWORKS), 'framework', (f) => checkFramework(f, scale));
  return { framework: value, warnings };
}

/** The ids of the built-in review-interval policies (scales/review-policies.yaml). */
export function builtinPolicyIds(): string[] {
  return load<ReviewPolicyFile>('review-policies', ['review-policies'], 'reviewPolicies', checkPolicies).value.policies.map((p) => p.id);
}

/**
 * Load a review-interval policy: a built-in id (`default`, `ips-grow`, `annual`), or the path of a
 * policies file (its first policy). Throws InputError listing every problem.
 */
export function loadPolicy(ref = 'default'): ReviewPolicy {
  const builtin = load<ReviewPolicyFile>('review-policies', ['review-policies'], 'reviewPolicies', checkPolicies).value;
  const found = builtin.policies.find((p) => p.id === ref);
  if (found) return found;
  if (!namesAFile(ref)) {
    const problems = new ProblemList(ref);
    problems.error({}, 'policy.problem.notFound', { ids: builtin.policies.map((p) => p.id).join(', ') });
    throw new InputError(problems.items);
  }
  return load<ReviewPolicyFile>(ref, ['review-policies'], 'reviewPolicies', checkPolicies).value.policies[0]!;
}
