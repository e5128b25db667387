#!/usr/bin/env node
// Fuzz the built CLI: random mutations of every fixture (byte flips, truncation, duplication,
// inserted delimiters, quotes, huge numbers and odd dates, encoding and line-break swaps), run
// through score, validate, outcomes and report. Flags any exit 3 (or a signal), any run over the
// time limit, and any difference between two runs of the same case (stdout, stderr, exit code,
// output bytes). Seeded and reproducible; failing cases are saved with the command that fails.
//
//   npm run fuzz -- [--seed 1] [--cases 500] [--timeout 10] [--out .fuzz-failures] [--only 17]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = join(ROOT, 'bin', 'ips-fidelity.js');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const SEED = Number(opt('seed', '1'));
const CASES = Number(opt('cases', '500'));
const TIMEOUT_MS = Number(opt('timeout', '10')) * 1000;
const OUT = resolve(opt('out', join(ROOT, '.fuzz-failures')));
const ONLY = opt('only', undefined);

/** mulberry32: a small seeded generator, so a case is the same on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The inputs: single files (reviews, ratings) and program folders.
function inputs() {
  const files = [];
  const folders = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (readdirSync(p).some((f) => /\.(csv|xlsx)$/i.test(f))) folders.push(p);
        else walk(p);
      } else if (/\.(ya?ml|csv|xlsx)$/i.test(name) && !/program\.ya?ml$/.test(name)) files.push(p);
    }
  };
  walk(join(ROOT, 'fixtures'));
  walk(join(ROOT, 'test', 'hostile'));
  return { files, folders };
}

const ODD = [
  ',',
  ';',
  '\t',
  '"',
  '""',
  '"\n',
  '\r',
  '\r\n',
  '\n\n',
  '\u0000',
  '\ufeff',
  '%',
  '-0',
  '-0%',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '3.9999999999999999',
  '99999999999999999999999',
  '0x1F',
  '9999-12-31',
  '31/12/9999',
  '0000-01-01',
  '1899-12-30',
  '2026-02-29',
  '2024-02-29',
  '29/02/2023',
  '2026-13-01',
  '12/31/2026',
  '00/00/0000',
  '2026-1-1',
  '  ',
  '*a',
  '&a',
  '!!binary',
  '[',
  '{',
  ']',
  '}',
  ': ',
  '- ',
  '#',
  '|',
  '>',
  '__proto__',
  'é',
  'Ã©',
  '\u202e',
  '\u001b[2J',
  '=1+1',
];

/** One mutation of the bytes, described for the report. */
function mutate(bytes, rand) {
  const pick = (n) => Math.floor(rand() * n);
  const at = () => pick(bytes.length + 1);
  const kind = pick(11);
  switch (kind) {
    case 9:
    case 10: {
      // One value replaced, the file otherwise intact: a CSV cell, or a YAML scalar after `: `.
      const lines = bytes.toString('utf8').split('\n');
      const i = 1 + pick(Math.max(1, lines.length - 1));
      const s = ODD[pick(ODD.length)];
      if (lines[i] === undefined) return { out: bytes, what: 'unchanged' };
      const yaml = /:\s/.test(lines[i]) && !lines[i].includes(',');
      if (yaml) lines[i] = lines[i].replace(/(:\s+).*$/, `$1${s}`);
      else {
        const cells = lines[i].split(/([,;\t])/);
        const c = 2 * pick(Math.ceil(cells.length / 2));
        cells[c] = s;
        lines[i] = cells.join('');
      }
      return { out: Buffer.from(lines.join('\n')), what: `value ${JSON.stringify(s)} at line ${i + 1}` };
    }
    case 0: {
      const out = Buffer.from(bytes);
      const n = 1 + pick(8);
      for (let k = 0; k < n && out.length; k++) out[pick(out.length)] ^= 1 << pick(8);
      return { out, what: `flip ${n} bits` };
    }
    case 1: {
      const n = at();
      return { out: bytes.subarray(0, n), what: `truncate at ${n}` };
    }
    case 2: {
      const a = at();
      const b = Math.min(bytes.length, a + pick(400));
      const times = 1 + pick(50);
      return {
        out: Buffer.concat([bytes.subarray(0, b), ...Array(times).fill(bytes.subarray(a, b)), bytes.subarray(b)]),
        what: `duplicate ${a}-${b} x${times}`,
      };
    }
    case 3:
    case 4:
    case 5: {
      const n = 1 + pick(4);
      let out = Buffer.from(bytes);
      const added = [];
      for (let k = 0; k < n; k++) {
        const s = ODD[pick(ODD.length)];
        const p = pick(out.length + 1);
        // Replace a short run (a cell, a date) or insert.
        const cut = rand() < 0.5 ? pick(12) : 0;
        out = Buffer.concat([out.subarray(0, p), Buffer.from(s), out.subarray(Math.min(out.length, p + cut))]);
        added.push(JSON.stringify(s));
      }
      return { out, what: `insert ${added.join(' ')}` };
    }
    case 6: {
      const text = bytes.toString('utf8');
      const to = ['latin1', 'utf16le', 'bom', 'crlf', 'cr'][pick(5)];
      const out =
        to === 'latin1'
          ? Buffer.from(text, 'latin1')
          : to === 'utf16le'
            ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
            : to === 'bom'
              ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])
              : Buffer.from(text.replace(/\r?\n/g, to === 'crlf' ? '\r\n' : '\r'));
      return { out, what: `encoding ${to}` };
    }
    case 7: {
      // A huge number or a long word in place of a cell.
      const s = rand() < 0.5 ? '9'.repeat(1 + pick(400)) : 'x'.repeat(1 + pick(20000));
      const p = at();
      return { out: Buffer.concat([bytes.subarray(0, p), Buffer.from(s), bytes.subarray(p)]), what: `long ${s.length}` };
    }
    default: {
      // Lines shuffled or dropped.
      const lines = bytes.toString('utf8').split('\n');
      const i = pick(lines.length);
      const j = pick(lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      if (rand() < 0.3) lines.splice(pick(lines.length), 1);
      return { out: Buffer.from(lines.join('\n')), what: `swap lines ${i} ${j}` };
    }
  }
}

/** Run the CLI once; output files are read back and removed, so a second run starts the same. */
function run(argv, outFiles) {
  for (const f of outFiles) rmSync(f, { force: true });
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: ROOT,
    encoding: 'buffer',
    timeout: TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1', IPS_FIDELITY_TODAY: '2030-01-01', SOURCE_DATE_EPOCH: '1767225600' },
  });
  const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
  const outputs = outFiles.map((f) => (existsSync(f) ? readFileSync(f).toString('base64') : null));
  return {
    status: r.status,
    signal: r.signal,
    timedOut: r.error?.code === 'ETIMEDOUT',
    stdout: r.stdout?.toString('utf8') ?? '',
    stderr: r.stderr?.toString('utf8') ?? '',
    outputs,
    ms,
  };
}

function commandsFor(input, isFolder, out) {
  const pdf = join(out, 'report.pdf');
  const json = join(out, 'out.json');
  if (isFolder) {
    return [
      { argv: ['outcomes', input, '--format', 'json', '-o', json], outs: [json] },
      { argv: ['validate', input], outs: [] },
      { argv: ['report', input, '--outcomes', '-o', pdf], outs: [pdf] },
    ];
  }
  return [
    { argv: ['score', input, '--format', 'json', '-o', json], outs: [json] },
    { argv: ['validate', input], outs: [] },
    { argv: ['report', input, '-o', pdf], outs: [pdf] },
  ];
}

const { files, folders } = inputs();
const pool = [...files.map((f) => ({ path: f, folder: false })), ...folders.map((f) => ({ path: f, folder: true }))];
const work = mkdtempSync(join(tmpdir(), 'ips-fidelity-fuzz-'));
const summary = { cases: 0, runs: 0, crashes: 0, hangs: 0, nondeterministic: 0, byExit: {} };
const failures = [];
console.log(`fuzz: seed ${SEED}, ${CASES} cases over ${files.length} files and ${folders.length} folders, timeout ${TIMEOUT_MS / 1000} s`);

try {
  for (let c = 0; c < CASES; c++) {
    if (ONLY !== undefined && String(c) !== ONLY) continue;
    const rand = rng(SEED * 1_000_003 + c);
    const src = pool[Math.floor(rand() * pool.length)];
    const caseDir = join(work, `case-${c}`);
    mkdirSync(caseDir, { recursive: true });
    let input;
    let target;
    if (src.folder) {
      input = join(caseDir, basename(src.path));
      cpSync(src.path, input, { recursive: true });
      const names = readdirSync(input)
        .filter((f) => /\.(ya?ml|csv|xlsx)$/i.test(f))
        .sort();
      target = join(input, names[Math.floor(rand() * names.length)]);
    } else {
      input = join(caseDir, basename(src.path));
      cpSync(src.path, input);
      target = input;
    }
    const { out, what } = mutate(readFileSync(target), rand);
    writeFileSync(target, out);
    const cmds = commandsFor(input, src.folder, caseDir);
    const cmd = cmds[Math.floor(rand() * cmds.length)];
    const a = run(cmd.argv, cmd.outs);
    const b = run(cmd.argv, cmd.outs);
    summary.cases++;
    summary.runs += 2;
    summary.byExit[a.status ?? a.signal] = (summary.byExit[a.status ?? a.signal] ?? 0) + 1;
    const problems = [];
    for (const r of [a, b]) {
      if (r.timedOut) problems.push(`hang: over ${TIMEOUT_MS / 1000} s`);
      else if (r.signal) problems.push(`killed by ${r.signal}`);
      else if (r.status === 3 || ![0, 1, 2].includes(r.status)) problems.push(`exit ${r.status}: ${r.stderr.split('\n').slice(0, 3).join(' | ')}`);
    }
    if (
      !a.timedOut &&
      !b.timedOut &&
      (a.status !== b.status || a.stdout !== b.stdout || a.stderr !== b.stderr || a.outputs.join() !== b.outputs.join())
    )
      problems.push('runs differ');
    if (problems.length) {
      const unique = [...new Set(problems)];
      if (unique.some((p) => p.startsWith('hang'))) summary.hangs++;
      if (unique.some((p) => p.startsWith('exit') || p.startsWith('killed'))) summary.crashes++;
      if (unique.includes('runs differ')) summary.nondeterministic++;
      const saved = join(OUT, `seed-${SEED}-case-${c}`);
      rmSync(saved, { recursive: true, force: true });
      mkdirSync(saved, { recursive: true });
      cpSync(input, join(saved, basename(input)), { recursive: true });
      const argv = cmd.argv.map((x) => (x.startsWith(caseDir) ? join(saved, relative(caseDir, x)) : x));
      writeFileSync(
        join(saved, 'case.json'),
        JSON.stringify(
          {
            seed: SEED,
            case: c,
            from: relative(ROOT, src.path),
            mutated: relative(caseDir, target),
            mutation: what,
            command: ['ips-fidelity', ...argv],
            problems: unique,
            stderr: a.stderr.slice(0, 4000),
          },
          null,
          2,
        ) + '\n',
      );
      failures.push(`case ${c} (${relative(ROOT, src.path)}, ${what}, ${cmd.argv[0]}): ${unique.join('; ')}`);
      console.log(`FAIL case ${c}: ${failures.at(-1)}`);
    } else if ((c + 1) % 50 === 0) console.log(`… ${c + 1} cases`);
    rmSync(caseDir, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\n${summary.cases} cases, ${summary.runs} runs; exit codes of first runs: ${JSON.stringify(summary.byExit)}`);
console.log(`crashes (exit 3 or signal): ${summary.crashes}, hangs: ${summary.hangs}, run-to-run differences: ${summary.nondeterministic}`);
if (failures.length) console.log(`failing cases saved in ${OUT} (rerun one with --seed ${SEED} --only N)`);
process.exit(failures.length ? 1 : 0);
