// Regenerates the sample reports in examples/ from the fixtures, in English and French, and checks
// them with qpdf and pdffonts when those tools are installed (apt-get install qpdf poppler-utils).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = 'bin/ips-fidelity.js';
const out = 'examples';
mkdirSync(new URL('../examples/', import.meta.url), { recursive: true });

const jobs = [];
for (const lang of ['en', 'fr']) {
  jobs.push([
    `${out}/fidelity-report-${lang}.pdf`,
    ['report', 'fixtures/reviews/jardins-emploi-2026.yaml', 'fixtures/reviews/jardins-emploi-2025.yaml'],
  ]);
  jobs.push([`${out}/outcome-report-${lang}.pdf`, ['report', 'fixtures/programs/jardins', '--outcomes']]);
  jobs.push([`${out}/portfolio-${lang}.pdf`, ['report', lang === 'fr' ? 'fixtures/ratings/reseau-sud-2026.csv' : 'fixtures/ratings/sites-wide.csv']]);
  jobs.push([`${out}/network-report-${lang}.pdf`, ['report', 'fixtures/network']]);
  for (const job of jobs.slice(-4)) job[1].push('--lang', lang);
}

const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
let failed = 0;
for (const [file, args] of jobs) {
  const r = spawnSync(process.execPath, [bin, ...args, '-o', file, '--quiet'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    failed++;
    console.log(`FAILED ${file}: ${r.stderr.trim()}`);
    continue;
  }
  const checks = [];
  if (has('qpdf')) {
    const q = spawnSync('qpdf', ['--check', file], { cwd: root, encoding: 'utf8' });
    checks.push(q.status === 0 ? 'qpdf ok' : 'qpdf FAILED');
    if (q.status !== 0) failed++;
  }
  if (has('pdffonts')) {
    const fonts = execFileSync('pdffonts', [file], { cwd: root, encoding: 'utf8' }).trim().split('\n').slice(2);
    const notEmbedded = fonts.filter((l) => l.split(/\s+/).slice(-5, -4)[0] !== 'yes');
    checks.push(notEmbedded.length ? `fonts NOT embedded: ${notEmbedded.join('; ')}` : `${fonts.length} fonts, all embedded`);
    if (notEmbedded.length) failed++;
  }
  console.log(`wrote ${file}${checks.length ? ` (${checks.join(', ')})` : ''}`);
}
if (!has('qpdf') || !has('pdffonts')) console.log('qpdf/pdffonts not installed: structure and font checks skipped');
process.exit(failed ? 1 : 0);
