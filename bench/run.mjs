// npm run bench [-- --quick]: generates synthetic program data of growing size, runs the CLI on it
// and prints the figures product.md names (median of several runs, peak RSS of that run), then
// writes the table and the targets into bench/RESULTS.md (its "## Reading" section is kept).
// `outcomes` runs side by side with the pandas peer (bench/peer_pandas.py, interleaved runs) when
// the distribution's python3 has pandas; their served/working figures are checked to agree.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeData } from './data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'ips-fidelity.js');
const quick = process.argv.includes('--quick');
const { programFolder, network: networkFolder, networkWithReviews, ratings, portfolio } = makeData(join(root, 'bench', 'data'));
const out = join(root, 'bench', 'data', 'out');
mkdirSync(out, { recursive: true });
const started = Date.now();

/** One run of `node args`: seconds, and peak RSS (from bench/rss.cjs). */
function once(args) {
  const rssFile = join(out, `.rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', join(root, 'bench', 'rss.cjs'), ...args], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`failed: node ${args.join(' ')}\n${r.stderr}`);
  return { seconds, rss: existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN };
}
const median = (done) => done.sort((a, b) => a.seconds - b.seconds)[Math.floor(done.length / 2)];
/** Run `node args` `runs` times: the median seconds, and the peak RSS of that run. */
function measure(args, runs) {
  return median(Array.from({ length: runs }, () => once(args)));
}

// The pandas peer: the distribution's python3 (a pyenv python3 on PATH may lack pandas).
const python = '/usr/bin/python3';
const pandas = existsSync(python) && spawnSync(python, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
/** One run of the peer on a program folder: seconds, peak RSS (it prints it), and its quarterly figures. */
function peerOnce(dir) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(python, [join(root, 'bench', 'peer_pandas.py'), dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`failed: pandas peer on ${dir}\n${r.stderr}`);
  return { seconds, rss: Number(r.stderr.match(/maxrss (\d+)/)?.[1] ?? NaN) * 1024, quarters: r.stdout.trim() };
}
/** `outcomes` and the peer, interleaved run by run (the same load on both): the median of each. */
function sideBySide(args, dir, runs) {
  const ours = [];
  const theirs = [];
  for (let i = 0; i < runs; i++) {
    ours.push(once(args));
    if (pandas) theirs.push(peerOnce(dir));
  }
  return { ours: median(ours), theirs: pandas ? median(theirs) : null };
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
target(
  'cold start of `--version` within 3× `node -e 0`',
  `${(version.seconds / bare.seconds).toFixed(1)}×`,
  '≤ 3×',
  version.seconds <= 3 * bare.seconds,
);
const review = join(root, 'fixtures', 'reviews', 'jardins-emploi-2026.yaml');
const one = measure([bin, 'score', review], runs);
row('score one review (cold start)', one, `${(one.seconds / bare.seconds).toFixed(1)}× node -e 0 (target ≤ 3×)`);
target(
  'cold start of `score` on one review within 3× `node -e 0`',
  `${(one.seconds / bare.seconds).toFixed(1)}×`,
  '≤ 3×',
  one.seconds <= 3 * bare.seconds,
);
row('score 10 reviews (JSON)', measure([bin, 'score', ratings(10), '-o', join(out, 's10.json'), '--format', 'json'], runs));
const many = measure([bin, 'score', ratings(10_000), '-o', join(out, 's10k.json'), '--format', 'json'], 3);
row('score 10,000 reviews (JSON)', many, `${int(10_000 / many.seconds)} reviews/s`);

for (const jobs of quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 1_000_000, 3_000_000]) {
  const dir = programFolder(jobs);
  const n = jobs >= 100_000 ? 3 : runs;
  const all = ['participants', 'jobs', 'contacts', 'staff'].reduce((s, t) => s + lines(join(dir, `${t}.csv`)), 0);
  const base = jobs <= 1_000_000 ? measure([join(root, 'bench', 'csv-parse-baseline.mjs'), join(dir, 'jobs.csv')], n) : null;
  const json = join(out, `o${jobs}.json`);
  const { ours: o, theirs: peer } = sideBySide([bin, 'outcomes', dir, '--format', 'json', '-o', json], dir, n);
  if (base)
    row(
      `csv-parse array mode, ${int(jobs)} job rows`,
      base,
      `${int(jobs / base.seconds)} rows/s (${(statSync(join(dir, 'jobs.csv')).size / 1048576).toFixed(1)} MB)`,
    );
  const vsBase = base ? ` · ${((base.seconds / o.seconds) * 100).toFixed(0)}% of csv-parse's speed on the jobs file alone` : '';
  const ratio = peer ? o.seconds / peer.seconds : null;
  row(
    `outcomes, ${int(jobs)} job rows`,
    o,
    `${int(jobs / o.seconds)} job rows/s (${int(all / o.seconds)} rows/s over all ${int(all)} rows read)${vsBase}${peer ? ` · ${ratio.toFixed(2)}× pandas` : ''}`,
  );
  if (peer) {
    const ourQuarters = JSON.parse(readFileSync(json, 'utf8'))
      .periods.map((p) => `${p.label} ${p.served} ${p.working}`)
      .join('\n');
    row(
      `pandas peer, ${int(jobs)} job rows`,
      peer,
      ourQuarters === peer.quarters ? 'quarterly served/working: the same as outcomes' : '**quarterly served/working differ from outcomes**',
    );
  }
  const goal = { 1_000_000: [0.8, 300], 3_000_000: [0.5, 600] }[jobs] ?? (quick && jobs === 100_000 ? [0.8, 300] : null);
  if (goal) {
    const [times, limit] = goal;
    target(
      `\`outcomes\` on ${int(jobs)} job rows at ≤ ${times}× the pandas peer's wall time`,
      ratio === null ? 'pandas not installed' : `${ratio.toFixed(2)}×`,
      `≤ ${times}×`,
      ratio !== null && ratio <= times,
    );
    target(`\`outcomes\` on ${int(jobs)} job rows in < ${limit} MB peak RSS`, mb(o.rss), `< ${limit} MB`, o.rss < limit * 1048576);
  }
}
// Several programs in one run: a network folder of 300 programs of typical size (2,000 job rows,
// 1,000 participants, 1,000 contacts and 40 specialists each), beside one of them alone.
{
  const dir = networkFolder(300, 2_000);
  const all = 300 * ['participants', 'jobs', 'contacts', 'staff'].reduce((s, t) => s + lines(join(dir, 'program-000', `${t}.csv`)), 0);
  const alone = measure([bin, 'outcomes', join(dir, 'program-000'), '--format', 'json', '-o', join(out, 'n1.json')], runs);
  const many = measure([bin, 'outcomes', dir, '--format', 'json', '-o', join(out, 'n300.json'), '-q'], 3);
  row('outcomes, one program of 2,000 job rows', alone, 'one of the 300 below, alone');
  row(
    'outcomes, 300 programs × 2,000 job rows (network folder)',
    many,
    `${int(all / many.seconds)} rows/s over all ${int(all)} rows read · ${((many.seconds / 300) * 1000).toFixed(0)} ms a program · ${(many.seconds / alone.seconds).toFixed(0)}× one program alone`,
  );
}
if (!pandas) console.log('pandas peer skipped: /usr/bin/python3 has no pandas (apt-get install python3-pandas)');
const pdf = measure([bin, 'report', review, '-o', join(out, 'r.pdf'), '-q'], runs);
row('one-review PDF report', pdf, 'target < 1 s');
target('one-review PDF in < 1 s', `${pdf.seconds.toFixed(2)} s`, '< 1 s', pdf.seconds < 1);
const network = measure([bin, 'report', portfolio(300), '-o', join(out, 'p.pdf'), '-q'], 3);
row('300-site portfolio PDF', network, 'target < 30 s');
target('300-site portfolio PDF in < 30 s', `${network.seconds.toFixed(2)} s`, '< 30 s', network.seconds < 30);
// The network report: the 300 program folders above (records of 2,000 job rows each), 270 with a review.
{
  const dir = networkWithReviews(300, 2_000);
  const report = measure([bin, 'report', dir, '-o', join(out, 'network.pdf'), '-q'], 3);
  row('network report PDF, 300 programs × 2,000 job rows, 270 reviews', report, 'target < 30 s');
  target('300-program network report PDF in < 30 s', `${report.seconds.toFixed(2)} s`, '< 30 s', report.seconds < 30);
}

const minutes = (Date.now() - started) / 60_000;
console.log(`\n${targets.filter((t) => t.met).length} of ${targets.length} targets met · bench took ${minutes.toFixed(1)} min`);
for (const t of targets) console.log(`${t.met ? 'met   ' : 'MISSED'} ${t.what}: ${t.now} (${t.goal})`);

const md = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` in ${minutes.toFixed(1)} min. Machine: ${machine}; load average ${loadavg()[0].toFixed(2)} at the end. Median of ${runs} runs (3 for 100,000 rows and more, for 10,000 reviews and for the portfolio); peak RSS of the median run. \`outcomes\` and the pandas peer run interleaved, run by run.${pandas ? '' : ' The pandas peer was skipped: /usr/bin/python3 has no pandas (apt-get install python3-pandas).'}`,
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
