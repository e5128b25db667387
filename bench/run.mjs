// npm run bench: generates synthetic program data of growing size, runs the CLI on it and prints
// the figures product.md names (median of several runs), then writes bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = join(root, 'bench', 'data');
const bin = join(root, 'bin', 'ips-fidelity.js');
const quick = process.argv.includes('--quick');
mkdirSync(data, { recursive: true });

// Deterministic pseudo-random numbers (same data on every run).
let seed = 20261122;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const day = (n) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const CODES = 'S1 S2 S3 O1 O2 O3 O4 O5 O6 O7 O8 V1 V2 V3 V4 V5 V6 V7 V8 V9 V10 V11 V12 V13 V14'.split(' ');

function programFolder(jobs) {
  const dir = join(data, `program-${jobs}`);
  if (existsSync(join(dir, 'jobs.csv'))) return dir;
  mkdirSync(dir, { recursive: true });
  const people = Math.max(10, Math.floor(jobs / 2));
  const specialists = Math.max(2, Math.floor(people / 25));
  const write = (name, header, n, row) => {
    const chunks = [header + '\n'];
    for (let i = 0; i < n; i++) chunks.push(row(i) + '\n');
    writeFileSync(join(dir, name), chunks.join(''));
  };
  const entry = Array.from({ length: people }, () => Math.floor(rand() * 1400));
  write('participants.csv', 'id,entry_date,exit_date,specialist,team,first_employer_contact,working_at_entry', people, (i) =>
    [`P${i}`, day(entry[i]), rand() < 0.2 ? day(entry[i] + 60 + Math.floor(rand() * 400)) : '', `ES${i % specialists}`, `Team${i % (specialists * 2)}`, rand() < 0.8 ? day(entry[i] + Math.floor(rand() * 90)) : '', rand() < 0.1 ? 'yes' : 'no'].join(','),
  );
  write('jobs.csv', 'participant,employer,job_type,start_date,end_date,hours_per_week,hourly_wage,contract', jobs, () => {
    const p = Math.floor(rand() * people);
    const start = entry[p] + 20 + Math.floor(rand() * 500);
    return [`P${p}`, `Employer${Math.floor(rand() * 5000)}`, `type${Math.floor(rand() * 60)}`, day(start), rand() < 0.5 ? day(start + Math.floor(rand() * 400)) : '', 8 + Math.floor(rand() * 32), (11 + rand() * 6).toFixed(2), pick(['cdi', 'cdd', 'interim', 'ea', 'esat', 'stage'])].join(',');
  });
  write('contacts.csv', 'specialist,date,employer,face_to_face', Math.floor(jobs / 2), () => [`ES${Math.floor(rand() * specialists)}`, day(Math.floor(rand() * 1800)), `Employer${Math.floor(rand() * 5000)}`, rand() < 0.8 ? 'yes' : 'no'].join(','));
  write('staff.csv', 'specialist,fte,employment_services_pct,community_pct', specialists, (i) => [`ES${i}`, (0.5 + rand() * 0.5).toFixed(1), 70 + Math.floor(rand() * 30), 30 + Math.floor(rand() * 50)].join(','));
  writeFileSync(join(dir, 'program.yaml'), 'program: {name: Synthetic program, id: SYN-1}\nperiod: {from: 2021-01-01, to: 2025-12-31}\nminimum_wage: 11.88\n');
  return dir;
}

function ratings(reviews) {
  const file = join(data, `ratings-${reviews}.csv`);
  if (existsSync(file)) return file;
  const rows = ['program,program_id,date,item,score'];
  for (let r = 0; r < reviews; r++) for (const c of CODES) rows.push(`Program ${r % 3000},PRG-${r % 3000},${day(1000 + Math.floor(r / 3000) * 200)},${c},${1 + Math.floor(rand() * 5)}`);
  writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

function portfolio(sites) {
  const file = join(data, `portfolio-${sites}.csv`);
  if (existsSync(file)) return file;
  const rows = [`program,program_id,date,${CODES.join(',')}`];
  for (let s = 0; s < sites; s++) rows.push(`Site ${s},SITE-${s},2026-01-15,${CODES.map(() => 2 + Math.floor(rand() * 4)).join(',')}`);
  writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

/** Run a command `runs` times; median seconds and the peak RSS of the median run. */
function measure(args, runs, command = process.execPath) {
  const times = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const rssFile = join(data, `.rss-${process.pid}`);
    rmSync(rssFile, { force: true });
    const t0 = process.hrtime.bigint();
    const r = spawnSync(command, ['--require', join(root, 'bench', 'rss.cjs'), ...args], { env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 1 << 30 });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0 && r.status !== 1) throw new Error(`failed: ${args.join(' ')}\n${r.stderr}`);
    times.push(s);
    rss.push(existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN);
  }
  const order = times.map((t, i) => [t, i]).sort((a, b) => a[0] - b[0]);
  const mid = order[Math.floor(order.length / 2)];
  return { seconds: mid[0], rss: rss[mid[1]], out: '' };
}

const results = [];
const row = (what, m, extra = {}) => {
  results.push({ what, seconds: m.seconds, rss: m.rss, ...extra });
  console.log(`${what.padEnd(44)} ${m.seconds.toFixed(3).padStart(8)} s  ${(m.rss / 1048576).toFixed(0).padStart(6)} MB  ${extra.note ?? ''}`);
};
const runs = quick ? 3 : 7;
const out = join(data, 'out');
mkdirSync(out, { recursive: true });

console.log(`ips-fidelity bench · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
const bare = measure(['-e', '0'], runs);
row('node -e 0 (baseline)', bare);
const version = measure([bin, '--version'], runs);
row('--version (cold start)', version, { note: `${(version.seconds / bare.seconds).toFixed(1)}× node -e 0 (target ≤ 3×)` });
const one = measure([bin, 'score', join(root, 'fixtures', 'reviews', 'jardins-emploi-2026.yaml')], runs);
row('score one review (cold start)', one, { note: `${(one.seconds / bare.seconds).toFixed(1)}× node -e 0 (target ≤ 3×)` });
row('score 10 reviews', measure([bin, 'score', ratings(10), '-o', join(out, 's10.json'), '--format', 'json'], runs));
row('score 10,000 reviews', measure([bin, 'score', ratings(10_000), '-o', join(out, 's10k.json'), '--format', 'json'], quick ? 1 : 3));

const sizes = quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 1_000_000];
for (const jobs of sizes) {
  const dir = programFolder(jobs);
  const n = jobs >= 1_000_000 ? 1 : jobs >= 100_000 ? 3 : runs;
  const base = measure([join(root, 'bench', 'csv-parse-baseline.mjs'), join(dir, 'jobs.csv')], n);
  const o = measure([bin, 'outcomes', dir, '--format', 'json', '-o', join(out, `o${jobs}.json`)], n);
  row(`csv-parse array mode, ${jobs.toLocaleString('en')} job rows`, base, { note: `${Math.round(jobs / base.seconds).toLocaleString('en')} rows/s` });
  row(`outcomes, ${jobs.toLocaleString('en')} job rows`, o, { note: `${Math.round(jobs / o.seconds).toLocaleString('en')} rows/s · ${((base.seconds / o.seconds) * 100).toFixed(0)}% of csv-parse (target ≥ 80%) · RSS target < 300 MB` });
}
row('one-review PDF report', measure([bin, 'report', join(root, 'fixtures', 'reviews', 'jardins-emploi-2026.yaml'), '-o', join(out, 'r.pdf'), '-q'], runs), { note: 'target < 1 s' });
row('300-site portfolio PDF', measure([bin, 'report', portfolio(300), '-o', join(out, 'p.pdf'), '-q'], quick ? 1 : 3), { note: 'target < 30 s' });

const lines = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\`${quick ? ' --quick' : ''}. Machine: ${platform()} ${release()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Median of several runs; peak RSS of the median run.`,
  '',
  '| measure | seconds | peak RSS | note |',
  '|---|---:|---:|---|',
  ...results.map((r) => `| ${r.what} | ${r.seconds.toFixed(3)} | ${Number.isFinite(r.rss) ? `${(r.rss / 1048576).toFixed(0)} MB` : '—'} | ${r.note ?? ''} |`),
  '',
];
// Keep the hand-written reading of the figures (everything from "## Reading") across runs.
const resultsFile = join(root, 'bench', 'RESULTS.md');
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
const reading = previous.indexOf('## Reading');
writeFileSync(resultsFile, lines.join('\n') + (reading >= 0 ? '\n' + previous.slice(reading) : ''));
console.log('wrote bench/RESULTS.md');
