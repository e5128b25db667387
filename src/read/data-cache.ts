// A build-time cache of the package's own YAML data (scales/, locales/) as JSON, keyed by a hash
// of each file's bytes: parsing JSON is far faster than YAML at start-up, and an edited YAML file
// (a user correcting a provisional value) no longer matches its hash, so it is read as YAML again.
// The built-in scales, frameworks and contract table are also checked against their zod schema at
// build time; the checked value (defaults filled in) is cached beside them, so start-up skips zod.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE_DIR = fileURLToPath(new URL('../data/', import.meta.url));

export const hashOf = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

/** Where the cache of a package data file lives, or null for files outside the package. */
export function cachePathOf(file: string): string | null {
  const rel = relative(PACKAGE_ROOT, file);
  if (rel.startsWith('..') || !/^(scales|locales)[\\/]/.test(rel)) return null;
  return CACHE_DIR + rel.split(sep).join('/') + '.json';
}

/** The cached parse of a package YAML file whose bytes are unchanged since the build, else undefined. */
export function cachedYaml(file: string, bytes: Uint8Array): unknown {
  const cache = cachePathOf(file);
  if (!cache || !existsSync(cache)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(cache, 'utf8')) as { sha1: string; data: unknown };
    return entry.sha1 === hashOf(bytes) ? entry.data : undefined;
  } catch {
    return undefined;
  }
}

/** Where the build writes the schema-checked value of a package data file (see cachePathOf). */
export const checkedPathOf = (cache: string) => cache.replace(/\.json$/, '.checked.json');

/**
 * The value of a package data file as its zod schema `kind` gave it at build time, when the file's
 * bytes are unchanged since the build; else undefined (the caller reads and checks the YAML).
 */
export function checkedData(file: string, bytes: Uint8Array, kind: string): unknown {
  const cache = cachePathOf(file);
  if (!cache) return undefined;
  try {
    const entry = JSON.parse(readFileSync(checkedPathOf(cache), 'utf8')) as { sha1: string; kind: string; value: unknown };
    return entry.sha1 === hashOf(bytes) && entry.kind === kind ? entry.value : undefined;
  } catch {
    return undefined;
  }
}
