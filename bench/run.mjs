// npm run bench [-- --quick]: generates synthetic program data of growing size, runs the CLI on it
// and prints the figures product.md names (median of several runs, peak RSS of that run), then
// writes the table and the targets into bench/RESULTS.md (its "## Reading" section is kept).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeData } from './data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'ips-fidelity.js');
const quick = process.argv.includes('--quick');
const { programFolder, ratings, portfolio } = makeData(join(root, 'bench', 'data'));
const out = join(root, 'bench', 'data', 'out');
mkdirSync(out, { recursive: true });
const started = Date.now();

/** Run `node args` `runs` times: the median seconds, and the peak RSS of that run. */
function measure(args, runs) {
  const done = [];
  for (let i = 0; i < runs; i++) {
    const rssFile = join(out, `.rss-${process.pid}`);
    rmSync(rssFile, { force: true });
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', join(root, 'bench', 'rss.cjs'), ...args], { env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 1 << 30 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0 && r.status !== 1) throw new Error(`failed: node ${args.join(' ')}\n${r.stderr}`);
    done.push({ seconds, rss: existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN });
  }
  return done.sort((a, b) => a.seconds - b.seconds)[Math.floor(done.length / 2)];
}

const results = [];
const targets = [];
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;
const int = (n) => Math.round(n).toLocaleString('en');
function row(what, m, note = '') {
  results.push({ what, ...m, note });
  console.log(`${what.padEnd(44)} ${m.seconds.toFixed(3).padStart(8)} s  ${mb(m.rss).padStart(7)}  ${note}`);
}
function target(what, now, goal, met) {
  targets.push({ what, now, goal, met });
}
const lines = (file) => {
  let n = -1;
  const text = readFileSync(file);
  for (let i = text.indexOf(10); i >= 0; i = text.indexOf(10, i + 1)) n++;
  return n;
};

const machine = `${platform()} ${release()}, ${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`ips-fidelity bench${quick ? ' --quick' : ''} · ${machine} · load ${loadavg()[0].toFixed(2)}`);
const runs = quick ? 3 : 7;

const bare = measure(['-e', '0'], runs);
row('node -e 0 (baseline)', bare);
const version = measure([bin, '--version'], runs);
row('--version (cold start)', version, `${(version.seconds / bare.seconds).toFixed(1)}× node -e 0 (target ≤ 3×)`);
target('cold start of `--version` within 3× `node -e 0`', `${(version.seconds / bare.seconds).toFixed(1)}×`, '≤ 3×', version.seconds <= 3 * bare.seconds);
const review = join(root, 'fixtures', 'reviews', 'jardins-emploi-2026.yaml');
const one = measure([bin, 'score', review], runs);
row('score one review (cold start)', one, `${(one.seconds / bare.seconds).toFixed(1)}× node -e 0 (target ≤ 3×)`);
target('cold start of `score` on one review within 3× `node -e 0`', `${(one.seconds / bare.seconds).toFixed(1)}×`, '≤ 3×', one.seconds <= 3 * bare.seconds);
row('score 10 reviews (JSON)', measure([bin, 'score', ratings(10), '-o', join(out, 's10.json'), '--format', 'json'], runs));
const many = measure([bin, 'score', ratings(10_000), '-o', join(out, 's10k.json'), '--format', 'json'], 3);
row('score 10,000 reviews (JSON)', many, `${int(10_000 / many.seconds)} reviews/s`);

for (const jobs of quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 1_000_000]) {
  const dir = programFolder(jobs);
  const n = jobs >= 100_000 ? 3 : runs;
  const all = ['participants', 'jobs', 'contacts', 'staff'].reduce((s, t) => s + lines(join(dir, `${t}.csv`)), 0);
  const base = measure([join(root, 'bench', 'csv-parse-baseline.mjs'), join(dir, 'jobs.csv')], n);
  const o = measure([bin, 'outcomes', dir, '--format', 'json', '-o', join(out, `o${jobs}.json`)], n);
  const ratio = base.seconds / o.seconds;
  row(`csv-parse array mode, ${int(jobs)} job rows`, base, `${int(jobs / base.seconds)} rows/s (${(statSync(join(dir, 'jobs.csv')).size / 1048576).toFixed(1)} MB)`);
  row(`outcomes, ${int(jobs)} job rows`, o, `${int(jobs / o.seconds)} job rows/s (${int(all / o.seconds)} rows/s over all ${int(all)} rows read) · ${(ratio * 100).toFixed(0)}% of csv-parse`);
  if (jobs === 1_000_000 || (quick && jobs === 100_000)) {
    target(`\`outcomes\` at ≥ 80% of csv-parse's array-mode speed (${int(jobs)} job rows)`, `${(ratio * 100).toFixed(0)}%`, '≥ 80%', ratio >= 0.8);
    target(`\`outcomes\` on ${int(jobs)} job rows in < 300 MB peak RSS`, mb(o.rss), '< 300 MB', o.rss < 300 * 1048576);
  }
}
const pdf = measure([bin, 'report', review, '-o', join(out, 'r.pdf'), '-q'], runs);
row('one-review PDF report', pdf, 'target < 1 s');
target('one-review PDF in < 1 s', `${pdf.seconds.toFixed(2)} s`, '< 1 s', pdf.seconds < 1);
const network = measure([bin, 'report', portfolio(300), '-o', join(out, 'p.pdf'), '-q'], 3);
row('300-site portfolio PDF', network, 'target < 30 s');
target('300-site portfolio PDF in < 30 s', `${network.seconds.toFixed(2)} s`, '< 30 s', network.seconds < 30);

const minutes = (Date.now() - started) / 60_000;
console.log(`\n${targets.filter((t) => t.met).length} of ${targets.length} targets met · bench took ${minutes.toFixed(1)} min`);
for (const t of targets) console.log(`${t.met ? 'met   ' : 'MISSED'} ${t.what}: ${t.now} (${t.goal})`);

const md = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` in ${minutes.toFixed(1)} min. Machine: ${machine}; load average ${loadavg()[0].toFixed(2)} at the end. Median of ${runs} runs (3 for 100,000 rows and more, for 10,000 reviews and for the portfolio); peak RSS of the median run.`,
  '',
  '| measure | seconds | peak RSS | note |',
  '|---|---:|---:|---|',
  ...results.map((r) => `| ${r.what} | ${r.seconds.toFixed(3)} | ${Number.isFinite(r.rss) ? mb(r.rss) : '—'} | ${r.note} |`),
  '',
  '## Targets (product.md)',
  '',
  '| target | now | status |',
  '|---|---:|---|',
  ...targets.map((t) => `| ${t.what} | ${t.now} | ${t.met ? 'met' : `**missed** (${t.goal})`} |`),
  '',
];
// Keep the hand-written reading of the figures (everything from "## Reading") across runs.
const resultsFile = join(root, 'bench', 'RESULTS.md');
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
const reading = previous.indexOf('## Reading');
writeFileSync(resultsFile, md.join('\n') + (reading >= 0 ? '\n' + previous.slice(reading) : ''));
console.log('wrote bench/RESULTS.md');
