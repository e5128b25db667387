// Loading scales and principle frameworks: built-in ids from scales/, or a user's YAML file.
import { existsSync } from 'node:fs';
import { readInputBytes } from '../read/files.js';
import { cachedYaml } from '../read/data-cache.js';
import { fileURLToPath } from 'node:url';
import { InputError, ProblemList } from '../read/problems.js';
import { readYamlWith, placeInYaml } from '../read/yaml-file.js';
import { PrincipleFramework, ScaleFile } from './schema.js';
import { ContractFile, toContractTable, type ContractTable } from '../core/contracts.js';
import { checkFramework, checkScale, toScale, type DataIssue, type Scale } from './scale.js';

/** The folder of built-in scales and frameworks shipped with the package. */
export const BUILTIN_DIR = fileURLToPath(new URL('../../scales/', import.meta.url));

export const BUILTIN_SCALES = ['ips-25', 'ips-15'] as const;
export const BUILTIN_FRAMEWORKS: Record<string, string> = { '8': 'principles-8', '9': 'principles-9' };


function pathOf(ref: string, builtins: readonly string[]): { path: string; source: string } {
  if (builtins.includes(ref)) return { path: BUILTIN_DIR + ref + '.yaml', source: `builtin:${ref}` };
  return { path: ref, source: ref };
}

function load<T>(ref: string, builtins: readonly string[], schema: import('zod').ZodType<T>, check: (v: T) => DataIssue[]): { value: T; source: string; warnings: ProblemList } {
  const { path, source } = pathOf(ref, builtins);
  const problems = new ProblemList(builtins.includes(ref) ? path : ref);
  if (!builtins.includes(ref) && !/[\\/]|\.ya?ml$/i.test(ref) && !existsSync(ref)) {
    problems.error({}, 'scale.notFound', { builtins: builtins.join(', ') });
    throw new InputError(problems.items);
  }
  const bytes = readInputBytes(path, problems);
  const cached = bytes ? cachedYaml(path, bytes) : undefined;
  if (cached !== undefined) {
    const parsed = schema.safeParse(cached);
    if (parsed.success && check(parsed.data).length === 0) return { value: parsed.data, source, warnings: problems };
  }
  const read = bytes && readYamlWith(bytes, schema, problems);
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

/** Load the contract table (built-in `contracts`, or a path given with --contracts). */
export function loadContracts(ref = 'contracts'): ContractTable {
  return toContractTable(load(ref, ['contracts'], ContractFile, () => []).value);
}

const scaleCache = new Map<string, Scale>();

/** Load a scale by built-in id (`ips-25`, `ips-15`) or file path. Throws InputError listing every problem. */
export function loadScale(ref: string): Scale {
  const cached = scaleCache.get(ref);
  if (cached) return cached;
  const { value, source } = load(ref, BUILTIN_SCALES, ScaleFile, checkScale);
  const scale = toScale(value, source);
  scaleCache.set(ref, scale);
  return scale;
}

/** Load a principle framework (`8`, `9`, a built-in id or a path) and check it against a scale. */
export function loadFramework(ref: string, scale: Scale): { framework: PrincipleFramework; warnings: ProblemList } {
  const id = BUILTIN_FRAMEWORKS[ref] ?? ref;
  const { value, warnings } = load(id, Object.values(BUILTIN_FRAMEWORKS), PrincipleFramework, (f) => checkFramework(f, scale));
  return { framework: value, warnings };
}
