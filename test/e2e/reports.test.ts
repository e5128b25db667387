// End to end: PDF reports read back as text, checked for content, language, privacy and determinism.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { parse } from 'yaml';
import { cli, fixture, ROOT, tempDir } from '../helpers.js';

const dir = tempDir();
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

async function pdfText(file: string): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const { text } = await extractText(doc, { mergePages: true });
  return (text as string).replace(/\s+/g, ' ');
}

function report(args: string[], name: string): string {
  const out = join(dir, name);
  const r = cli(['report', ...args, '-o', out, '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return out;
}

const ips25 = parse(readFileSync(join(ROOT, 'scales', 'ips-25.yaml'), 'utf8'));
const anchor = (code: string, score: number, lang: 'en' | 'fr') =>
  ips25.items.find((i: any) => i.code === code).anchors[String(score)][lang] as string;

describe('fidelity report', () => {
  let en: string;
  let fr: string;
  beforeAll(async () => {
    en = await pdfText(
      report(
        [fixture('reviews', 'jardins-emploi-2026.yaml'), '--previous', fixture('reviews', 'jardins-emploi-2025.yaml'), '--lang', 'en'],
        'fidelity-en.pdf',
      ),
    );
    fr = await pdfText(report([fixture('reviews', 'jardins-emploi-2026.yaml'), fixture('reviews', 'jardins-emploi-2025.yaml')], 'fidelity-fr.pdf'));
  });
  it('has the program, total, band, every item and the recommendations, in English', () => {
    expect(en).toContain("Les Jardins de l'Emploi");
    expect(en).toContain('103 / 125');
    expect(en).toContain('Good fidelity');
    for (const item of ips25.items) {
      expect(en).toContain(item.code);
      expect(en, item.code).toContain(item.name.en);
      expect(fr, item.code).toContain(item.name.fr);
    }
    // O3 is rated 2: its computed recommendation is what a 5 asks for; V13 is rated per specialist: their figures and the number to reach.
    expect(en).toContain(anchor('O3', 5, 'en').slice(0, 60));
    expect(en).toContain('Camille 45%, Karim 32%');
    expect(en).toContain('Change since the review of 2025-03-20');
    expect(en).toContain('85 → 103 (+18)');
  });
  it('is fully French with --lang fr or French data', () => {
    expect(fr).toContain("Rapport d'évaluation de fidélité IPS".toUpperCase());
    expect(fr).toContain('Bonne fidélité');
    expect(fr).toContain('Recommandations');
    expect(fr).toContain(anchor('V1', 5, 'fr').slice(0, 60));
    expect(fr).toContain("Évolution depuis l'évaluation du 20/03/2025");
    // No English label left: every English pdf/col string that differs from its French one is absent.
    const enLoc = parse(readFileSync(join(ROOT, 'locales', 'en.yaml'), 'utf8'));
    const frLoc = parse(readFileSync(join(ROOT, 'locales', 'fr.yaml'), 'utf8'));
    const leaves = (t: any, f: any): [string, string][] =>
      Object.keys(t).flatMap((k) => (typeof t[k] === 'object' ? leaves(t[k], f[k]) : [[t[k], f[k]] as [string, string]]));
    for (const [e, f] of [...leaves(enLoc.pdf, frLoc.pdf), ...leaves(enLoc.col, frLoc.col), ...leaves(enLoc.fidelityReport, frLoc.fidelityReport)]) {
      const fixed = e.replace(/\{\w+\}.*$/, '').trim();
      if (fixed.length >= 6 && e !== f) expect(fr, fixed).not.toContain(fixed);
    }
  });
  it('reports an incomplete review as such, never with a total', async () => {
    const t = await pdfText(report([fixture('reviews', 'partial-review.yaml')], 'partial.pdf'));
    expect(t).toContain('Incomplete: 18 of 25 items rated');
    expect(t).not.toMatch(/\d+ \/ 125/);
  });
  it('gives the same bytes on every run, and honours SOURCE_DATE_EPOCH', () => {
    const a = report([fixture('reviews', 'riverside-2026.yaml')], 'a.pdf');
    const b = report([fixture('reviews', 'riverside-2026.yaml')], 'b.pdf');
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(readFileSync(a, 'latin1')).toContain('(D:20260210000000Z)');
    const out = join(dir, 'epoch.pdf');
    cli(['report', fixture('reviews', 'riverside-2026.yaml'), '-o', out, '-q'], { SOURCE_DATE_EPOCH: '1767225600' });
    expect(readFileSync(out, 'latin1')).toContain('(D:20260101000000Z)');
    expect(readFileSync(out, 'latin1')).not.toContain('(D:20260210000000Z)');
  });
  it('is tagged, titled, in the document language, A4 by default, letter on request, PDF/A on request', () => {
    const a4 = readFileSync(report([fixture('reviews', 'riverside-2026.yaml')], 'a4.pdf'), 'latin1');
    expect(a4).toMatch(/\/Marked true/);
    expect(a4).toMatch(/\/Lang \(en-GB\)/);
    expect(a4).toMatch(/\/DisplayDocTitle true/);
    expect(a4).toContain('/MediaBox [0 0 595.28 841.89]');
    const letter = readFileSync(report([fixture('reviews', 'riverside-2026.yaml'), '--paper', 'letter'], 'letter.pdf'), 'latin1');
    expect(letter).toContain('/MediaBox [0 0 612 792]');
    const pdfa = readFileSync(report([fixture('reviews', 'riverside-2026.yaml'), '--pdfa'], 'pdfa.pdf'), 'latin1');
    expect(pdfa).toContain('pdfaid:part');
  });
  it('needs -o, and reports a missing folder with exit 2 and no file', () => {
    expect(cli(['report', fixture('reviews', 'riverside-2026.yaml')]).code).toBe(2);
    const r = cli(['report', fixture('reviews', 'riverside-2026.yaml'), '-o', join(dir, 'nope', 'x.pdf')]);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});

describe('outcome report', () => {
  it('has the rates by quarter, the benchmarks, the measures, and no participant identifier', async () => {
    const out = join(dir, 'outcomes-fr.pdf');
    expect(cli(['outcomes', fixture('programs', 'jardins'), '--pdf', out, '-q']).code).toBe(0);
    const t = await pdfText(out);
    expect(t).toContain('Rapport de résultats en emploi'.toUpperCase());
    for (const q of ['2025-T1', '2026-T4']) expect(t).toContain(q);
    expect(t).not.toContain('2025-Q1');
    expect(t).toContain('50 % excellent');
    expect(t).toContain('20 sur 30 (66,7 %)');
    expect(t).toContain('EQOLISE');
    const ids = readFileSync(join(fixture('programs', 'jardins'), 'participants.csv'), 'latin1')
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(';')[0])
      .filter(Boolean);
    for (const id of ids) expect(t).not.toMatch(new RegExp(`\\b${id}\\b`));
    const viaReport = join(dir, 'outcomes-en.pdf');
    expect(cli(['report', fixture('programs', 'harbour'), '--outcomes', '-o', viaReport]).code).toBe(0);
    expect(await pdfText(viaReport)).toContain('Employment rate by period');
  });
});

describe('portfolio', () => {
  it('compares the sites: totals, bands, change, heat map, weakest items', async () => {
    const t = await pdfText(report([fixture('ratings', 'sites-wide.csv'), '--lang', 'en'], 'portfolio.pdf'));
    expect(t).toContain('IPS FIDELITY PORTFOLIO');
    expect(t).toContain('3 programs');
    expect(t).toMatch(/Westmoor Pathways — Bradford \(WM-03\) 2026-03-03 110 Good fidelity \+13/);
    expect(t).toMatch(/Northgate IPS Service — Leeds \(NG-01\) 2026-02-17 88 Fair fidelity \+15/);
    expect(t).toContain('Item scores by program');
    expect(t).toContain('Weakest items across the network');
    expect(t).toMatch(
      /O3 Collaboration with vocational rehabilitation counselors 2,67|O3 Collaboration with vocational rehabilitation counselors 2\.67/,
    );
  });
});

describe.skipIf(!has('qpdf') || !has('pdffonts'))('PDF checks with qpdf and pdffonts', () => {
  it('every report passes qpdf --check and embeds all its fonts', () => {
    const files = [
      report([fixture('reviews', 'jardins-emploi-2026.yaml')], 'check-fidelity.pdf'),
      report([fixture('ratings', 'reseau-sud-2026.csv')], 'check-portfolio.pdf'),
      report([fixture('programs', 'harbour'), '--outcomes'], 'check-outcomes.pdf'),
    ];
    for (const f of files) {
      expect(execFileSync('qpdf', ['--check', f], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
      const fonts = execFileSync('pdffonts', [f], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line.split(/\s+/).slice(-5, -4)[0], line).toBe('yes');
    }
  });
});
