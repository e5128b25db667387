// The in-process runner's host: a worker thread that loads the built CLI once and runs `main(argv)`
// for each request of test/helpers.ts, with that run's environment, capturing what it writes.
// The test waits for the answer synchronously (Atomics.wait), so `cli()` stays a plain function.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { workerData } from 'node:worker_threads';

const { port, main: mainPath, shared } = workerData;
const { main } = await import(mainPath);

// Standard output is always a pipe here, as it is for a spawned CLI (never the test process's own fd 1).
const fstatSync = fs.fstatSync;
const pipeStat = Object.assign(Object.create(fs.Stats.prototype), { mode: fs.constants.S_IFIFO | 0o600 });
fs.fstatSync = (fd, ...rest) => (fd === 1 ? pipeStat : fstatSync(fd, ...rest));
syncBuiltinESMExports();

const capture = (stream) => {
  const chunks = [];
  stream.write = (chunk, encoding, callback) => {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk));
    (typeof encoding === 'function' ? encoding : callback)?.();
    return true;
  };
  return () => Buffer.concat(chunks.splice(0)).toString('utf8');
};
const stdout = capture(process.stdout);
const stderr = capture(process.stderr);

/**
 * The run in progress: answered once, whether main returns, throws, or the thread ends. `shared[0]`
 * counts answers (the helper waits for it to move), `shared[1]` is set once this host has ended.
 */
let current;
const wake = () => {
  Atomics.add(shared, 0, 1);
  Atomics.notify(shared, 0);
};
const answer = (code, extra = {}) => {
  if (!current) return;
  const { id } = current;
  current = undefined;
  port.postMessage({ id, code, stdout: stdout(), stderr: stderr(), ...extra });
  wake();
};
// What would end a process ends the run too, and this host: the helper starts a new one.
process.on('exit', (code) => {
  answer(code, { ended: true });
  Atomics.store(shared, 1, 1);
  wake();
});
for (const event of ['uncaughtException', 'unhandledRejection'])
  process.on(event, (e) => {
    process.stderr.write(`host: ${e?.stack ?? e}\n`);
    answer(-1, { ended: true });
    process.exit(1);
  });

port.on('message', async ({ id, argv, env }) => {
  current = { id };
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, env);
  const listeners = [process.stdout, process.stderr].map((s) => s.listeners('error'));
  let code;
  try {
    code = await main(argv);
  } catch (e) {
    process.stderr.write(`host: ${e?.stack ?? e}\n`);
    code = -1;
  }
  // Each run adds its own 'error' listeners to the standard streams: removed, as a process's end would.
  [process.stdout, process.stderr].forEach((s, i) => {
    for (const l of s.listeners('error')) if (!listeners[i].includes(l)) s.off('error', l);
  });
  answer(code);
});
