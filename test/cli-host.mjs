// The in-process runner's host: a worker thread that loads the built CLI once and runs `main(argv)`
// for each request of test/helpers.ts, with that run's environment, capturing what it writes.
// The test waits for the answer synchronously (Atomics.wait), so `cli()` stays a plain function.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { workerData } from 'node:worker_threads';

const { port, main: mainPath } = workerData;
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

port.on('message', async ({ argv, env, signal }) => {
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
  port.postMessage({ code, stdout: stdout(), stderr: stderr() });
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
