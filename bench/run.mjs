// npm run bench: generates synthetic program data of growing size, runs the CLI on it and prints
// the figures product.md names (median of several runs), then writes bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeData } from './data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = join(root, 'bench', 'data');
const bin = join(root, 'bin', 'ips-fidelity.js');
const quick = process.argv.includes('--quick');
mkdirSync(data, { recursive: true });

const { programFolder, ratings, portfolio } = makeData(data);

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
