// End to end: two reviewers and their consensus, history across reviews, Excel workbooks.
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { cli, fixture, tempDir } from '../helpers.js';

const json = (args: string[]) => {
  const r = cli([...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('two reviewers and their consensus', () => {
  it('reports agreement, the items to reconcile and the items without consensus, without averaging', () => {
    const r = json(['score', fixture('reviews', 'two-reviewers.yaml')]).reviews[0];
    const pair = r.agreement.pairs[0];
    expect(pair).toMatchObject({
      a: 'Dana Whitfield',
      b: 'Marcus Ocampo',
      items: 25,
      exact: { count: 19, of: 25 },
      withinOne: { count: 24, of: 25 },
    });
    expect(pair.kappa).toBeGreaterThan(0);
    expect(pair.kappa).toBeLessThan(1);
    expect(r.agreement.weights).toBe('quadratic');
    expect(r.agreement.reconcile[0]).toMatchObject({ code: 'V5', spread: 2 });
    expect(r.agreement.reconcile.map((x: any) => x.code).sort()).toEqual(['O2', 'O3', 'S2', 'V12', 'V5', 'V7']);
    expect(r.agreement.noConsensus).toEqual(['V5', 'V12']);
    expect(r).toMatchObject({ complete: false, rated: 23, total: null });
    const v5 = r.items.find((i: any) => i.code === 'V5');
    expect(v5.score).toBeNull();
  });
  it('reads the same review from a table with a reviewer column', () => {
    const yaml = json(['score', fixture('reviews', 'two-reviewers.yaml')]).reviews[0].agreement;
    const csv = json(['score', fixture('ratings', 'two-reviewers.csv')]).reviews[0].agreement;
    expect(csv.pairs).toEqual(yaml.pairs);
    expect(csv.noConsensus).toEqual(['S1', 'V5', 'V12']); // the CSV consensus has no S1 (a value in the YAML)
  });
  it('says in the table that no consensus is invented', () => {
    const r = cli(['score', fixture('reviews', 'two-reviewers.yaml')]);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain("No consensus score yet for: V5, V12. The tool does not average the reviewers' ratings");
    expect(r.stdout).toMatch(/weighted kappa \(quadratic\) 0\.\d\d/);
  });
  it('prints the consensus sheet, differences first', () => {
    const r = cli(['consensus', fixture('reviews', 'two-reviewers.yaml')]);
    expect(r.code).toBe(0);
    const codes = [...r.stdout.matchAll(/^(S\d|O\d|V\d+) {2,}/gm)].map((m) => m[1]);
    expect(codes.slice(0, 6)).toEqual(['V5', 'S2', 'O2', 'O3', 'V7', 'V12']);
    expect(codes).toHaveLength(25);
    const csv = cli(['consensus', fixture('reviews', 'two-reviewers.yaml'), '--format', 'csv']).stdout.split('\r\n');
    expect(csv[0]).toBe('program,program_id,date,item,code,Dana Whitfield,Marcus Ocampo,spread,consensus');
    expect(csv[1]).toBe('Riverside Employment Partners,RV-OH-014,2026-08-18,individualized-job-search,V5,4,2,2,');
    const none = cli(['consensus', fixture('reviews', 'riverside-2026.yaml')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no review here carries each reviewer's own ratings");
  });
});

describe('history', () => {
  const dir = tempDir();
  const write = (name: string, program: string, id: string, date: string, s1: number, o3: number) => {
    const f = join(dir, name);
    writeFileSync(
      f,
      `program: {id: ${id}, name: "${program}"}\nreview: {date: ${date}}\nitems: {${'S1 S2 S3 O1 O2 O3 O4 O5 O6 O7 O8 V1 V2 V3 V4 V5 V6 V7 V8 V9 V10 V11 V12 V13 V14'
        .split(' ')
        .map((c) => `${c}: ${c === 'S1' ? s1 : c === 'O3' ? o3 : 4}`)
        .join(', ')}}\n`,
    );
    return f;
  };
  const a = write('a.yaml', 'Les Jardins', 'JE-13-001', '2024-03-01', 3, 2);
  const b = write('b.yaml', "Les Jardins de l'Emploi", 'JE-13-001', '2025-03-01', 4, 2);
  const c = write('c.yaml', "Les Jardins de l'Emploi", 'JE-13-001', '2026-03-01', 5, 4);
  const other = write('d.yaml', 'Les Jardins', 'JA-75-002', '2026-01-01', 4, 4);
  it('shows the change per item and total in score, across three reviews of a renamed program', () => {
    const out = json(['score', c, a, b, other]).reviews;
    const mine = out.filter((r: any) => r.program.id === 'JE-13-001');
    expect(mine.map((r: any) => [r.date, r.total, r.change?.total.delta ?? null])).toEqual([
      ['2024-03-01', 97, null],
      ['2025-03-01', 98, 1],
      ['2026-03-01', 101, 3],
    ]);
    expect(mine[2].change.items.filter((i: any) => i.delta).map((i: any) => [i.code, i.from, i.to])).toEqual([
      ['S1', 4, 5],
      ['O3', 2, 4],
    ]);
    expect(out.find((r: any) => r.program.id === 'JA-75-002').change).toBeNull();
  });
  it('prints each trajectory with the history command, same-name programs apart', () => {
    const h = json(['history', a, b, c, other]);
    expect(h.programs).toHaveLength(2);
    const je = h.programs.find((p: any) => p.program.id === 'JE-13-001');
    expect(je.program.names).toEqual(['Les Jardins', "Les Jardins de l'Emploi"]);
    expect(je.reviews.map((r: any) => [r.total, r.band])).toEqual([
      [97, 'fair'],
      [98, 'fair'],
      [101, 'good'],
    ]);
    expect(je.change.items.filter((i: any) => i.delta).map((i: any) => [i.code, i.delta])).toEqual([
      ['S1', 2],
      ['O3', 2],
    ]);
    const t = cli(['history', a, b, c]);
    expect(t.stdout).toMatch(/2026-03-01 +101\/125 +\+3 +Good fidelity/);
    expect(t.stdout).toContain('Improved since 2024-03-01: S1 3→5, O3 2→4');
  });
});

describe('Excel workbooks', () => {
  it('gives the same JSON as the CSV twin (Excel dates, numbers, a formula read as its result)', () => {
    const csv = cli(['score', fixture('ratings', 'reseau-sud-2026.csv'), '--format', 'json']).stdout;
    const xlsx = cli(['score', fixture('ratings', 'reseau-sud-2026.xlsx'), '--format', 'json']).stdout;
    expect(xlsx).toBe(csv);
    const folder = cli(['outcomes', fixture('programs', 'harbour'), '--format', 'json']).stdout;
    const workbook = cli(['outcomes', fixture('programs', 'harbour-workbook'), '--format', 'json']).stdout;
    expect(workbook).toBe(folder);
    expect(cli(['score', fixture('programs', 'harbour-workbook', 'harbour.xlsx'), '--format', 'json']).stdout).toBe(
      cli(['score', fixture('programs', 'harbour'), '--format', 'json']).stdout,
    );
  });
  it('reports problems by sheet and cell', async () => {
    const f = join(tempDir(), 'bad.xlsx');
    const data = [
      ['programme', 'date', 'item', 'cotation'].map((value) => ({ value })),
      [{ value: 'Élan' }, { value: new Date(Date.UTC(2026, 0, 22)), type: Date, format: 'dd/mm/yyyy' }, { value: 'S1' }, { value: 6, type: Number }],
      [{ value: 'Élan' }, { value: '31/02/2026' }, { value: 'S2' }, { value: 4, type: Number }],
    ];
    writeFileSync(f, await writeXlsxFile([{ sheet: 'Cotations', data }]).toBuffer());
    const r = cli(['validate', f, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${f} [Cotations!D2]: error: a score must be a whole number from 1 to 5 (column cotation, value "6")`);
    expect(r.stderr).toContain(`${f} [Cotations!B3]: error: this date does not exist (column date, value "31/02/2026")`);
    const garbage = join(tempDir(), 'not-really.xlsx');
    writeFileSync(garbage, 'this is not a zip file');
    const g = cli(['score', garbage]);
    expect(g.code).toBe(2);
    expect(g.stderr).toContain('cannot read the workbook');
  });
  it('reads a program workbook with French sheet and column names', async () => {
    const dir = tempDir();
    const d = (iso: string) => ({ value: new Date(iso + 'T00:00:00Z'), type: Date, format: 'dd/mm/yyyy' });
    const t = (value: string) => ({ value });
    const participants = [
      ['identifiant', 'date_entree', 'date_sortie', 'conseiller'].map(t),
      [t('P1'), d('2026-01-05'), null, t('Camille')],
      [t('P2'), d('2026-02-10'), d('2026-03-31'), t('Camille')],
      [t('P3'), d('2026-03-01'), null, t('Karim')],
    ];
    const emplois = [
      ['participant', 'employeur', 'date_debut', 'date_fin', 'contrat'].map(t),
      [t('P1'), t('Boulangerie Roux'), d('2026-04-01'), null, t('CDI')],
      [t('P3'), t('ESAT du Lez'), d('2026-04-15'), null, t('ESAT')],
    ];
    writeFileSync(
      join(dir, 'dispositif.xlsx'),
      await writeXlsxFile([
        { sheet: 'Participants', data: participants },
        { sheet: 'Emplois', data: emplois },
      ]).toBuffer(),
    );
    const r = cli(['outcomes', dir, '--from', '01/04/2026', '--to', '30/06/2026', '--format', 'json']);
    expect(r.code).toBe(0);
    // No program.yaml: the program takes the folder's name, and a warning says so.
    expect(r.stderr).toMatch(/program\.yaml: avertissement: program\.yaml ne donne pas de nom de dispositif/);
    const o = JSON.parse(r.stdout);
    expect(o.program.name).toBe(basename(dir));
    expect(o.periods).toEqual([expect.objectContaining({ label: '2026-Q2', served: 2, working: 1, rate: 0.5 })]);
    expect(cli(['outcomes', dir, '--from', '01/04/2026', '--to', '30/06/2026']).stdout).toContain("Taux d'emploi par période");
  });
});
