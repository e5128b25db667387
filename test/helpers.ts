// Test helpers: run the built CLI as a user would, and temporary folders.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'ips-fidelity.js');
export const fixture = (...p: string[]) => join(ROOT, 'fixtures', ...p);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `ips-fidelity ARGS` from the repository root, no colour, English unless LANG says otherwise. */
export function cli(args: string[], env: Record<string, string | undefined> = {}, input?: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1', IPS_FIDELITY_TODAY: '2030-01-01', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ips-fidelity-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
