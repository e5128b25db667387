// End to end: the built CLI on the fixtures, as an evaluator or a CI pipeline runs it.
import { readFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cli, fixture, ROOT, tempDir } from '../helpers.js';

const CODES = 'S1 S2 S3 O1 O2 O3 O4 O5 O6 O7 O8 V1 V2 V3 V4 V5 V6 V7 V8 V9 V10 V11 V12 V13 V14'.split(' ');
/** Item scores computed by hand (fixtures/README.md), in CODES order; '-' = not rated. */
const EXPECTED: Record<string, { items: string; total: number | null; band: string | null }> = {
  'JE-13-001@2026-03-12': { items: '5 4 5 5 4 2 4 5 5 5 4 2 5 4 4 4 3 4 4 5 4 5 4 2 5', total: 103, band: 'good' },
  'JE-13-001@2025-03-20': { items: '4 3 4 4 3 2 3 3 4 3 3 2 4 4 4 4 3 3 4 4 3 4 4 2 4', total: 85, band: 'fair' },
  'RV-OH-014@2026-02-10': { items: '4 4 4 3 3 3 4 3 4 4 3 3 4 3 4 4 3 3 4 4 4 4 3 3 4', total: 89, band: 'fair' },
  'HL-WA-007@2026-01-22': { items: '3 3 3 4 3 2 3 2 4 4 - 3 3 4 3 3 2 3 - - - 4 - - -', total: null, band: null },
  'TH-34-002@2026-01-15': { items: '5 5 5 5 4 3 5 4 5 4 4 3 5 4 5 4 4 4 4 4 4 5 5 3 5', total: 108, band: 'good' },
  'EE-30-011@2026-01-22': { items: '4 4 4 3 3 2 4 3 4 4 3 2 4 4 4 3 3 3 4 4 3 4 4 3 4', total: 87, band: 'fair' },
  'PM-13-004@2026-02-05': { items: '2 2 3 2 2 1 2 2 3 3 2 2 3 2 2 3 2 3 4 3 2 3 3 3 3', total: 62, band: 'not-se' },
  'CA-06-009@2026-02-19': { items: '4 4 5 4 4 3 4 4 5 3 - 3 4 4 4 4 3 4 - - 4 4 4 - 4', total: null, band: null },
  'NG-01@2025-02-11': { items: '3 3 3 2 3 2 3 2 3 3 3 2 3 3 3 3 3 3 4 4 3 3 3 3 3', total: 73, band: 'not-se' },
  'NG-01@2026-02-17': { items: '4 4 4 3 3 2 4 3 4 4 3 3 4 3 4 4 3 3 4 4 4 4 3 3 4', total: 88, band: 'fair' },
  'EB-02@2025-01-28': { items: '4 4 4 4 3 3 4 3 4 4 3 3 4 4 4 4 3 3 4 4 3 4 4 3 4', total: 91, band: 'fair' },
  'EB-02@2026-01-20': { items: '5 4 5 4 4 3 4 4 5 4 4 3 4 4 4 4 4 4 4 4 4 4 4 3 4', total: 100, band: 'good' },
  'WM-03@2025-03-04': { items: '5 4 4 4 4 3 4 4 4 4 4 3 4 4 4 4 3 4 4 4 4 4 4 3 4', total: 97, band: 'fair' },
  'WM-03@2026-03-03': { items: '5 5 5 5 4 3 5 4 5 5 4 3 5 4 5 4 4 4 5 4 4 5 5 3 5', total: 110, band: 'good' },
};

type Json = { schemaVersion: number; reviews: Record<string, any>[] };
const json = (args: string[]): Json => {
  const r = cli([...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
};

function checkAgainstHand(reviews: Record<string, any>[]) {
  for (const r of reviews) {
    const key = `${r.program.id}@${r.date}`;
    const want = EXPECTED[key];
    expect(want, key).toBeDefined();
    const got = CODES.map((c) => r.items.find((i: any) => i.code === c).score ?? '-').join(' ');
    expect(got, key).toBe(want!.items);
    expect(r.total, key).toBe(want!.total);
    expect(r.band?.id ?? null, key).toBe(want!.band);
    expect(r.complete).toBe(want!.total !== null);
  }
}

describe('score on the bundled sample', () => {
  it('prints a readable table in the language of the data', () => {
    const r = cli(['score', fixture('reviews', 'jardins-emploi-2026.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Les Jardins de l'Emploi — Marseille 5e (JE-13-001)");
    expect(r.stdout).toContain('Total 103 / 125 · Bonne fidélité');
    expect(r.stdout).toContain('S  Personnel       14   15    3/3     4,67');
    expect(r.stdout).toMatch(/V6 +Prospection : fréquence des contacts employeurs +3\/5/);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Camille 5,5/semaine → 4, Karim 4/semaine → 3 ; moyenne 3,50, ramenée à la cote la plus proche');
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
  it('speaks English with --lang en', () => {
    const r = cli(['score', fixture('reviews', 'jardins-emploi-2026.yaml'), '--lang', 'en']);
    expect(r.stdout).toContain('Total 103 / 125 · Good fidelity');
    expect(r.stdout).toContain('18.5 clients/FTE (≤ 20 → 5)');
    expect(r.stdout).toContain('Competitive employment is the goal');
  });
  it('sorts items lowest first with --sort score', () => {
    const r = cli(['score', fixture('reviews', 'jardins-emploi-2026.yaml'), '--sort', 'score', '--lang', 'en']);
    const codes = [...r.stdout.matchAll(/^(S\d|O\d|V\d+) .* (\d)\/5$/gm)].map((m) => Number(m[2]));
    expect(codes).toHaveLength(25);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
  });
  it('colours only on request or on a terminal, never under NO_COLOR', () => {
    expect(cli(['score', fixture('reviews', 'riverside-2026.yaml')], { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout).toMatch(/\x1b\[/);
    expect(cli(['score', fixture('reviews', 'riverside-2026.yaml'), '--no-color'], { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout).not.toMatch(
      /\x1b\[/,
    );
    expect(cli(['score', fixture('reviews', 'riverside-2026.yaml')], { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toMatch(/\x1b\[/);
  });
});

describe('JSON contract', () => {
  const schema = z.fromJSONSchema(JSON.parse(readFileSync(join(ROOT, 'schema', 'score.schema.json'), 'utf8')));
  it('validates against the shipped JSON Schema and keeps the documented fields', () => {
    const out = json(['score', fixture('reviews', 'jardins-emploi-2026.yaml')]);
    expect(() => schema.parse(out)).not.toThrow();
    expect(out.schemaVersion).toBe(1);
    const r = out.reviews[0]!;
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining(['program', 'date', 'scale', 'complete', 'total', 'max', 'band', 'sections', 'principles', 'items']),
    );
    expect(r.program).toMatchObject({ name: "Les Jardins de l'Emploi", id: 'JE-13-001' });
    expect(r).toMatchObject({
      date: '2026-03-12',
      scale: 'ips-25',
      complete: true,
      total: 103,
      max: 125,
      band: { id: 'good', label: 'Bonne fidélité' },
    });
    expect(r.sections.map((s: any) => [s.id, s.score, s.max, s.rated])).toEqual([
      ['staffing', 14, 15, 3],
      ['organization', 34, 40, 8],
      ['services', 55, 70, 14],
    ]);
    expect(r.principles).toHaveLength(8);
    const s1 = r.items.find((i: any) => i.code === 'S1');
    expect(s1).toMatchObject({ id: 'caseload-size', score: 5, source: 'value', evidence: { value: 18.5, rule: { max: 20, score: 5 } } });
    expect(s1.note).toContain('37 personnes');
  });
  it('every shipped sample validates, and an incomplete review has null total and band', () => {
    for (const f of ['reviews/partial-review.yaml', 'ratings/reseau-sud-2026.csv', 'ratings/sites-wide.csv']) {
      expect(() => schema.parse(json(['score', fixture(...f.split('/'))]))).not.toThrow();
    }
    const partial = json(['score', fixture('reviews', 'partial-review.yaml')]).reviews[0]!;
    expect(partial).toMatchObject({ complete: false, rated: 18, total: null, band: null, ratedSum: 56 });
    expect(partial.mean).toBeCloseTo(56 / 18, 10);
  });
  it('is byte-identical from one run to the next', () => {
    const a = cli(['score', fixture('ratings', 'sites-wide.csv'), '--format', 'json']).stdout;
    const b = cli(['score', fixture('ratings', 'sites-wide.csv'), '--format', 'json']).stdout;
    expect(a).toBe(b);
  });
  it('gives the 9-principle profile with --principles 9', () => {
    const r = json(['score', fixture('reviews', 'jardins-emploi-2026.yaml'), '--principles', '9']).reviews[0]!;
    expect(r.principleFramework).toBe('principles-9');
    expect(r.principles.map((p: any) => p.id)).toEqual([
      'integration',
      'individualisation',
      'zero-exclusion',
      'empowerment',
      'coordination',
      'information',
      'efficacite',
      'disponibilite',
      'reseau',
    ]);
    const dispo = r.principles.find((p: any) => p.id === 'disponibilite');
    expect(dispo.items).toEqual(['S1', 'S3', 'V11', 'V12', 'V14']);
    expect(dispo.mean).toBeCloseTo((5 + 5 + 5 + 4 + 5) / 5, 10);
  });
});

describe('every fixture scores as computed by hand', () => {
  it('YAML reviews (French, English, previous, partial)', () => {
    checkAgainstHand(
      json([
        'score',
        ...['jardins-emploi-2026', 'jardins-emploi-2025', 'riverside-2026', 'partial-review'].map((f) => fixture('reviews', `${f}.yaml`)),
      ]).reviews,
    );
  });
  it('the French-Excel export: Windows-1252, ";", DD/MM/YYYY, decimal commas', () => {
    const out = json(['score', fixture('ratings', 'reseau-sud-2026.csv')]);
    expect(out.reviews).toHaveLength(4);
    checkAgainstHand(out.reviews);
    const text = JSON.stringify(out);
    expect(text).toContain('Cœur d');
    expect(text).toMatch(/[€’]/);
  });
  it('the English wide CSV with two reviews per site, including the 73 and 100 band edges', () => {
    const out = json(['score', fixture('ratings', 'sites-wide.csv')]);
    expect(out.reviews).toHaveLength(6);
    checkAgainstHand(out.reviews);
  });
  it('several files in one command, in a stable order', () => {
    const a = json(['score', fixture('ratings', 'sites-wide.csv'), fixture('reviews', 'riverside-2026.yaml')]);
    const b = json(['score', fixture('reviews', 'riverside-2026.yaml'), fixture('ratings', 'sites-wide.csv')]);
    expect(a).toEqual(b);
    expect(a.reviews).toHaveLength(7);
  });
  it('prints a summary for several reviews, and every review with --detail', () => {
    const r = cli(['score', fixture('ratings', 'sites-wide.csv')]);
    expect(r.stdout).toContain('6 reviews');
    expect(r.stdout).toMatch(/2026-01-20 +100\/125 +\+9 +Good fidelity +25\/25/);
    expect(r.stdout).toMatch(/2025-02-11 +73\/125 +Not supported/);
    const d = cli(['score', fixture('ratings', 'sites-wide.csv'), '--detail']);
    expect(d.stdout.match(/^Total \d+ \/ 125/gm)).toHaveLength(6);
  });
});

describe('CSV and Markdown output', () => {
  it('wide CSV: one row per review with sections and item columns', () => {
    const r = cli(['score', fixture('ratings', 'sites-wide.csv'), '--format', 'csv']);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(
      'program,program_id,site,date,scale,complete,rated,total,max,band,band_label,mean,staffing,organization,services,' + CODES.join(','),
    );
    expect(lines.find((l) => l.includes('EB-02,') && l.includes('2026-01-20'))).toContain(',true,25,100,125,good,Good fidelity,4,14,32,54,5,4,5,');
  });
  it('long CSV: one row per item, formula-like text neutralised', () => {
    const dir = tempDir();
    const file = join(dir, 'formula.csv');
    writeFileSync(
      file,
      'program,date,item,score,note\n=cmd|calc,2026-01-01,S1,4,"=HYPERLINK(""http://x"",""click"")"\n=cmd|calc,2026-01-01,S2,3,+1 more\n',
    );
    const r = cli(['score', file, '--format', 'csv', '--layout', 'long']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(26); // every item of the scale, rated or not
    const s1 = lines.find((l) => l.includes(',caseload-size,'))!;
    expect(s1).toMatch(/^'=cmd\|calc,/);
    expect(s1).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(lines.find((l) => l.includes(',employment-services-staff,'))).toContain(",'+1 more");
    expect(lines.find((l) => l.includes(',vocational-generalists,'))).toContain(',S3,staffing,,,not rated,');
    expect(r.stdout).not.toMatch(/(^|,)[=+@]/m);
  });
  it('Markdown has the total, the sections and an item table', () => {
    const r = cli(['score', fixture('reviews', 'riverside-2026.yaml'), '--format', 'markdown']);
    expect(r.stdout).toMatch(/^# Riverside/);
    expect(r.stdout).toContain('**Total 89 / 125 · Fair fidelity**');
    expect(r.stdout).toContain('| Code | Item | Score | Evidence | Note |');
    expect(r.stdout.match(/^\| (S|O|V)\d+ \|/gm)).toHaveLength(25);
  });
});

describe('thresholds for CI (exit 1)', () => {
  const sample = fixture('reviews', 'jardins-emploi-2026.yaml');
  it('passes when met', () => {
    expect(cli(['score', sample, '--min-total', '103', '--quiet']).code).toBe(0);
    expect(cli(['score', sample, '--min-level', 'good', '--quiet']).code).toBe(0);
    expect(cli(['score', sample, '--min-level', 'fair', '--quiet']).code).toBe(0);
  });
  it('fails with exit 1 and says why', () => {
    const r = cli(['score', sample, '--min-total', '104', '--quiet', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('total 103 is below the minimum 104');
    const l = cli(['score', sample, '--min-level', 'exemplary', '--lang', 'en']);
    expect(l.code).toBe(1);
    expect(l.stderr).toContain('Good fidelity is below the required level Exemplary fidelity');
  });
  it('fails an incomplete review, since it has no total', () => {
    const r = cli(['score', fixture('reviews', 'partial-review.yaml'), '--min-total', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('incomplete (18/25 items rated)');
  });
  it('checks every review of a file', () => {
    const r = cli(['score', fixture('ratings', 'sites-wide.csv'), '--min-level', 'good', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(4);
  });
  it('annotates failures for GitHub Actions', () => {
    const r = cli(['score', sample, '--min-total', '110'], { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=.*jardins-emploi-2026\.yaml,line=1::/m);
  });
  it('rejects a bad threshold with exit 2', () => {
    expect(cli(['score', sample, '--min-total', 'abc']).code).toBe(2);
    const l = cli(['score', sample, '--min-level', 'excellent']);
    expect(l.code).toBe(2);
    expect(l.stderr).toContain('not a band of scale ips-25');
  });
});

describe('output files', () => {
  const sample = fixture('reviews', 'riverside-2026.yaml');
  it('-o writes the file and nothing to stdout', () => {
    const dir = tempDir();
    const out = join(dir, 'scores.json');
    const r = cli(['score', sample, '--format', 'json', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).reviews[0].total).toBe(89);
    expect(readdirSync(dir)).toEqual(['scores.json']);
  });
  it('a folder that does not exist: exit 2, clear message, nothing written', () => {
    const dir = tempDir();
    const r = cli(['score', sample, '-o', join(dir, 'missing', 'out.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the folder does not exist');
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
  it('invalid input writes nothing, not even an empty file', () => {
    const dir = tempDir();
    const out = join(dir, 'out.json');
    const r = cli(['score', fixture('broken', 'bad-ratings.csv'), '-o', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
