// Test helpers: run the built CLI as a user would (in a process of its own, or in a host that keeps it
// loaded, with the same arguments and environment), and temporary folders.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { afterAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'ips-fidelity.js');
export const fixture = (...p: string[]) => join(ROOT, 'fixtures', ...p);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// The same time zone for hosted and spawned runs (test/setup.ts sets it for the test process).
const BASE_ENV = { LANG: 'C', NO_COLOR: '1', IPS_FIDELITY_TODAY: '2030-01-01', TZ: 'UTC' };

/** Run `ips-fidelity ARGS` from the repository root, no colour, English unless LANG says otherwise. */
export function cli(args: string[], env: Record<string, string | undefined> = {}, input?: string): Run {
  return inProcess(args, env, input) ? hosted(args, env) : spawned(args, env, input);
}

/** Run the CLI in a process of its own, always: for what only a process shows (signals, pipes, exit status). */
export function spawned(args: string[], env: Record<string, string | undefined> = {}, input?: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { PATH: process.env.PATH, ...BASE_ENV, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Environment variables a run in the host may change: read on each run. Any other (a pinned today, TZ,
 * FORCE_COLOR, read once per process) needs a process of its own.
 */
const HOSTED_ENV = new Set(['LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'COLUMNS', 'NO_COLOR', 'SOURCE_DATE_EPOCH', 'GITHUB_ACTIONS']);

/**
 * Whether a run can be hosted: nothing on standard input, no descriptor or /proc path, no environment
 * read once per process. IPS_FIDELITY_TEST_SPAWN=1 spawns every run (the suite then checks the host).
 */
function inProcess(args: string[], env: Record<string, string | undefined>, input?: string): boolean {
  if (process.env.IPS_FIDELITY_TEST_SPAWN === '1' || input !== undefined || process.cwd() !== ROOT) return false;
  if (args.some((a) => a === '-' || a === '--debug' || /^(--[\w-]+=)?\/(dev|proc)\//.test(a))) return false;
  return Object.keys(env).every((k) => HOSTED_ENV.has(k) && (k !== 'NO_COLOR' || env[k] !== undefined));
}

let host: { port: MessagePort; worker: Worker; shared: Int32Array } | undefined;
let requests = 0;

/**
 * Run the built CLI's `main` in a worker thread that stays loaded for the whole test file (see
 * test/cli-host.mjs): the same code and arguments as `spawned`, without starting Node each time.
 */
export function hosted(args: string[], env: Record<string, string | undefined>): Run {
  // A host that has ended (a run ended its thread, as it would have ended its process) is replaced.
  if (host && Atomics.load(host.shared, 1) === 1) host = undefined;
  if (!host) {
    const { port1, port2 } = new MessageChannel();
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(join(ROOT, 'test', 'cli-host.mjs'), {
      workerData: { port: port2, shared, main: pathToFileURL(join(ROOT, 'dist', 'bundle', 'cli-main.js')).href },
      transferList: [port2],
      stdout: true,
      stderr: true,
    });
    worker.unref();
    host = { port: port1, worker, shared };
  }
  const { port, worker, shared } = host;
  const id = ++requests;
  const runEnv = Object.fromEntries(Object.entries({ PATH: process.env.PATH, ...BASE_ENV, ...env }).filter(([, v]) => v !== undefined));
  const before = Atomics.load(shared, 0);
  port.postMessage({ id, argv: [process.execPath, BIN, ...args], env: runEnv });
  const timedOut = Atomics.wait(shared, 0, before, 120_000) === 'timed-out';
  const answer = receiveMessageOnPort(port)?.message as (Run & { id: number; ended?: boolean }) | undefined;
  if (timedOut || !answer || answer.id !== id || answer.ended) {
    // A host that hangs, answers out of turn or has ended is not used again: the next run starts a new one.
    host = undefined;
    void worker.terminate();
  }
  if (timedOut) throw new Error(`ips-fidelity ${args.join(' ')}: no answer from the in-process host in 120 s`);
  // Ended before it took the run (what an earlier run left behind ended it): the run goes to a new host.
  if (!answer && Atomics.load(shared, 1) === 1) return hosted(args, env);
  if (!answer || answer.id !== id) throw new Error(`ips-fidelity ${args.join(' ')}: the in-process host gave no answer to this run`);
  return { code: answer.code, stdout: answer.stdout, stderr: answer.stderr };
}

/** A temporary folder removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ips-fidelity-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
