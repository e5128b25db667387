// Excel both ways (issue 14, items 1 and 2): --format xlsx workbooks read back with read-excel-file,
// the review form of `init --xlsx` filled in and scored like the same review in YAML, and
// `--csv-style excel` CSV (BOM, `;` and decimal commas in French, CRLF) read back unchanged.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { cli, fixture, ROOT, tempDir } from '../helpers.js';

type Sheets = { sheet: string; data: unknown[][] }[];
const read = async (file: string): Promise<Sheets> => (await readXlsxFile(file)) as Sheets;
const sheetXml = (file: string, n = 1) => strFromU8(unzipSync(readFileSync(file))[`xl/worksheets/sheet${n}.xml`]!);
const ok = (args: string[], env: Record<string, string> = {}) => {
  const r = cli(args, env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
};
const scoreJson = (file: string) => JSON.parse(ok(['score', file, '--format', 'json']).stdout).reviews;
/** A review's scores without where they were read from. */
const scoresOf = (r: { total: number | null; rated: number; items: { code: string; score: number | null; evidence: unknown }[] }) => ({
  total: r.total,
  rated: r.rated,
  items: r.items.map((i) => [i.code, i.score, JSON.stringify(i.evidence)]),
});

describe('--format xlsx', () => {
  const dir = tempDir();
  it('writes score as a workbook: one sheet per table, typed cells, header frozen, read back by read-excel-file', async () => {
    const out = join(dir, 'scores.xlsx');
    ok([
      'score',
      fixture('reviews', 'jardins-emploi-2025.yaml'),
      fixture('reviews', 'jardins-emploi-2026.yaml'),
      '--format',
      'xlsx',
      '-o',
      out,
      '--lang',
      'en',
    ]);
    const sheets = await read(out);
    expect(sheets.map((s) => s.sheet)).toEqual(['Scores', 'Items']);
    const [head, first] = sheets[0]!.data;
    expect(head!.slice(0, 12)).toEqual([
      'Program',
      'Program id',
      'Site',
      'Date',
      'Scale',
      'Complete',
      'Rated',
      'Total',
      'Max',
      'Band',
      'Band name',
      'Mean',
    ]);
    const json = scoreJson(fixture('reviews', 'jardins-emploi-2025.yaml'))[0];
    expect(first![0]).toBe("Les Jardins de l'Emploi");
    expect(first![3]).toEqual(new Date(`${json.date}T00:00:00Z`)); // a date, not text
    expect(first![5]).toBe(json.complete);
    expect(first![7]).toBe(json.total); // a number, not text
    const items = sheets[1]!.data;
    expect(items[0]!.slice(5, 9)).toEqual(['Code', 'Item', 'Section', 'Score']);
    expect(items.length).toBe(1 + 2 * 25);
    const xml = sheetXml(out);
    expect(xml).toContain('state="frozen"');
    expect(xml).toMatch(/<col [^>]*width=/);
  });
  it('names sheets and columns in French with --lang fr, and writes the same bytes each time', async () => {
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    ok(['score', fixture('reviews', 'jardins-emploi-2026.yaml'), '--format', 'xlsx', '-o', a, '--lang', 'fr']);
    ok(['score', fixture('reviews', 'jardins-emploi-2026.yaml'), '--format', 'xlsx', '-o', b, '--lang', 'fr']);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const sheets = await read(a);
    expect(sheets.map((s) => s.sheet)).toEqual(['Cotations', 'Items']);
    expect(sheets[0]!.data[0]!.slice(0, 4)).toEqual(['Dispositif', 'Identifiant du dispositif', 'Site', 'Date']);
  });
  it('refuses to write a workbook without -o, before reading anything', () => {
    const r = cli(['score', fixture('reviews', 'riverside-2026.yaml'), '--format', 'xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-o FILE.xlsx');
    expect(r.stdout).toBe('');
  });
  it('writes consensus and history workbooks', async () => {
    const c = join(dir, 'consensus.xlsx');
    ok(['consensus', fixture('reviews', 'two-reviewers.yaml'), '--format', 'xlsx', '-o', c]);
    const [consensus] = await read(c);
    expect(consensus!.sheet).toBe('Consensus');
    expect(consensus!.data[0]).toEqual(['Program', 'Program id', 'Date', 'Code', 'Item', 'Dana Whitfield', 'Marcus Ocampo', 'Spread', 'Consensus']);
    expect(consensus!.data[1]![3]).toBe('V5'); // widest spread first, as in the CSV
    expect(typeof consensus!.data[1]![5]).toBe('number');
    const h = join(dir, 'history.xlsx');
    ok([
      'history',
      fixture('reviews', 'jardins-emploi-2025.yaml'),
      fixture('reviews', 'jardins-emploi-2026.yaml'),
      '--format',
      'xlsx',
      '-o',
      h,
      '--lang',
      'fr',
    ]);
    const [history] = await read(h);
    expect(history!.sheet).toBe('Historique');
    expect(history!.data.length).toBe(3);
    expect(history!.data[2]![3]).toBeInstanceOf(Date);
    expect(typeof history!.data[2]![6]).toBe('number'); // the change since the first review
  });
  it('writes the action plan workbook: the rows of its CSV, typed, titled in French', async () => {
    const reviews = [fixture('reviews', 'ateliers-2025.yaml'), fixture('reviews', 'ateliers-2026.yaml')];
    const p = join(dir, 'plan.xlsx');
    ok(['plan', ...reviews, '-o', p, '--lang', 'fr']);
    const [plan] = await read(p);
    expect(plan!.sheet).toBe("Plan d'action");
    expect(plan!.data[0]!.slice(0, 5)).toEqual(['Dispositif', 'Identifiant du dispositif', 'Date de la revue', 'Partie', 'Item']);
    const csv = ok(['plan', ...reviews, '--format', 'csv', '--lang', 'fr'])
      .stdout.trimEnd()
      .split('\n');
    expect(plan!.data.length).toBe(csv.length);
    const last = plan!.data[plan!.data.length - 1]!;
    expect(last.slice(3, 6)).toEqual(['follow-up', 'V13', 2]);
    expect(last[12]).toBeInstanceOf(Date); // the action's due date
  });
  it('writes outcomes with rates as percentages', async () => {
    const o = join(dir, 'outcomes.xlsx');
    ok(['outcomes', fixture('programs', 'harbour'), '--format', 'xlsx', '-o', o]);
    const sheets = await read(o);
    expect(sheets.map((s) => s.sheet)).toEqual(['Periods', 'Measures']);
    const csv = cli(['outcomes', fixture('programs', 'harbour'), '--format', 'csv']).stdout.split('\r\n');
    const firstPeriod = csv[1]!.split(',');
    const row = sheets[0]!.data[1]!;
    expect(row[0]).toBe(firstPeriod[0]);
    expect(row[1]).toBeInstanceOf(Date);
    expect(row[5]).toBeCloseTo(Number(firstPeriod[5]), 6);
    const xml = sheetXml(o);
    const styles = strFromU8(unzipSync(readFileSync(o))['xl/styles.xml']!);
    expect(styles).toContain('formatCode="0.0%"');
    expect(xml).toContain('state="frozen"');
    const measures = sheets[1]!.data;
    expect(measures[0]).toEqual(['Measure', 'Value', 'n', 'Of']);
    expect(measures.find((r) => r[0] === 'employment_rate')).toBeDefined();
  });
  it('does not load the workbook writer for other commands', () => {
    const main = readFileSync(join(ROOT, 'dist', 'bundle', 'ips-fidelity.js'), 'utf8');
    expect(main).not.toMatch(/from ["']write-excel-file/);
  });
});

describe('init --xlsx: the review form', () => {
  const dir = tempDir();
  const same = `lang: en
scale: ips-25
program: {id: RV-1, name: Riverside Works, site: North}
review:
  date: 2026-03-12
  type: external
  reviewers: [Ann Lee, Bo Chen]
items:
  S1: {value: 18.5, note: "37 people for 2.0 FTE"}
  S2: {value: 92}
  S3: {elements: [a, b, c, d, e, f]}
  O1: {value: 94.6, n: 37}
  O2: {elements: [a, b, c, e]}
  O3: 2
  V6:
    specialists:
      - {name: Camille, value: 5.5}
      - {name: Karim, value: 4}
  V7:
    specialists:
      - {name: Camille, score: 5}
      - {name: Karim, score: 4}
`;

  it('writes a form with labelled cells, one row per item, score cells limited to the scale range and an action plan', async () => {
    ok(['init', join(dir, 'en'), '--xlsx']);
    const file = join(dir, 'en', 'review.xlsx');
    const sheets = await read(file);
    expect(sheets.map((s) => s.sheet)).toEqual(['Review', 'Action plan']);
    const rows = sheets[0]!.data;
    expect(rows.slice(0, 7).map((r) => r[0])).toEqual(['Program', 'Program id', 'Site', 'Review date', 'Review type', 'Reviewers', 'Scale']);
    expect(rows[8]!.slice(0, 5)).toEqual(['Code', 'Item', 'Score', 'Value', 'n']);
    expect(rows[9]!.slice(0, 2)).toEqual(['S1', 'Caseload size']);
    expect(sheets[1]!.data[0]).toEqual(['Item', 'Action', 'Owner', 'Due', 'Status']);
    const xml = sheetXml(file);
    expect(xml).toMatch(
      /<dataValidation type="whole" allowBlank="1" showErrorMessage="1"[^>]* sqref="C10 C11 [^"]*"><formula1>1<\/formula1><formula2>5<\/formula2>/,
    );
    expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="F12 G12 H12 I12 J12 K12 /);
    expect(xml).toContain('state="frozen"');
    // Not filled in: the missing program and date are named by their cells.
    const r = cli(['score', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} [Review!B1]`);
    expect(r.stderr).toContain(`${file} [Review!B4]`);
  });

  it('is read back by score once filled in, as the same review in YAML', async () => {
    const file = join(dir, 'en1', 'review.xlsx');
    ok(['init', join(dir, 'en1'), '--xlsx']);
    const rows = (await read(file))[0]!.data.map((r) => [...r]);
    const header = rows[8]!;
    const col = (name: string) => header.indexOf(name);
    const rowOf = (code: string, k = 0) => rows.map((r, i) => (r[0] === code ? i : -1)).filter((i) => i >= 0)[k]!;
    const put = (code: string, name: string, v: unknown, k = 0) => (rows[rowOf(code, k)]![col(name)] = v);
    rows[0]![1] = 'Riverside Works';
    rows[1]![1] = 'RV-1';
    rows[2]![1] = 'North';
    rows[3]![1] = new Date('2026-03-12T00:00:00Z');
    rows[5]![1] = 'Ann Lee, Bo Chen';
    put('S1', 'Value', 18.5);
    put('S1', 'Note', '37 people for 2.0 FTE');
    put('S2', 'Value', 92);
    for (const e of 'abcdef') put('S3', e, 'x');
    put('O1', 'Value', 94.6);
    put('O1', 'n', 37);
    for (const e of 'abce') put('O2', e, 'x');
    put('O2', 'd', 0);
    put('O3', 'Score', 2);
    put('V6', 'Specialist', 'Camille', 1);
    put('V6', 'Value', 5.5, 1);
    put('V6', 'Specialist', 'Karim', 2);
    put('V6', 'Value', 4, 2);
    put('V7', 'Specialist', 'Camille', 1);
    put('V7', 'Score', 5, 1);
    put('V7', 'Specialist', 'Karim', 2);
    put('V7', 'Score', 4, 2);
    const filled = join(dir, 'filled.xlsx');
    const cells = rows.map((r) =>
      r.map((v) => (v === null || v === undefined ? null : v instanceof Date ? { value: v, type: Date, format: 'yyyy-mm-dd' } : { value: v })),
    );
    await writeXlsxFile(cells as never, { sheet: 'Review' } as never).toFile(filled);
    const yaml = join(dir, 'same.yaml');
    writeFileSync(yaml, same);
    const fromForm = scoreJson(filled)[0];
    const fromYaml = scoreJson(yaml)[0];
    expect(fromForm.program).toEqual(fromYaml.program);
    expect(fromForm.date).toBe('2026-03-12');
    expect(scoresOf(fromForm)).toEqual(scoresOf(fromYaml));
    expect(fromForm.rated).toBe(8);
  });

  it('names the sheet and cell of a bad value', async () => {
    ok(['init', join(dir, 'en2'), '--xlsx']);
    const rows = (await read(join(dir, 'en2', 'review.xlsx')))[0]!.data.map((r) => [...r]);
    rows[0]![1] = 'Riverside Works';
    rows[3]![1] = '31/02/2026';
    rows[9]![2] = 7; // S1's score
    rows[11]![5] = 'maybe'; // S3's element a
    const bad = join(dir, 'bad.xlsx');
    await writeXlsxFile(rows.map((r) => r.map((v) => (v === null ? null : { value: v }))) as never, { sheet: 'Review' } as never).toFile(bad);
    const r = cli(['score', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad} [Review!B4]`);
    expect(r.stderr).toContain(`${bad} [Review!C10]`);
    expect(r.stderr).toContain(`${bad} [Review!F12]`);
    expect(r.stderr).toContain('neither x nor 0');
    expect(r.stderr.match(/Review!F12/g)).toHaveLength(1); // no second message about the count
    expect(r.stderr).not.toContain('has no score');
  });

  const python = '/usr/bin/python3';
  const openpyxl = existsSync(python) && spawnSync(python, ['-c', 'import openpyxl']).status === 0;
  it.skipIf(!openpyxl)('is filled in and saved by openpyxl (another spreadsheet library), then scored in French', () => {
    ok(['init', join(dir, 'fr'), '--xlsx', '--lang', 'fr']);
    const filled = join(dir, 'fr-filled.xlsx');
    const script = `
import openpyxl, datetime, sys, warnings
warnings.filterwarnings('error', category=UserWarning, module='openpyxl')  # a workbook openpyxl warns about (no default style...) fails
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
ws['B1'] = 'Les Jardins'; ws['B4'] = datetime.datetime(2026, 3, 12); ws['B5'] = 'auto-évaluation'
hdr = {c.value: c.column for c in ws[9]}
row = {r[0].value: r[0].row for r in reversed(list(ws.iter_rows(min_row=10)))}
ws.cell(row=row['S1'], column=hdr['Valeur'], value=18.5)
for e in 'abcdef': ws.cell(row=row['S3'], column=hdr[e], value='x')
ws.cell(row=row['O3'], column=hdr['Cote'], value=2)
wb.save(sys.argv[2])
`;
    const p = spawnSync(python, ['-c', script, join(dir, 'fr', 'revue.xlsx'), filled], { encoding: 'utf8' });
    expect(p.status, p.stderr).toBe(0);
    const r = scoreJson(filled)[0];
    expect(r.program.name).toBe('Les Jardins');
    expect(
      r.items.filter((i: { score: number | null }) => i.score !== null).map((i: { code: string; score: number }) => `${i.code}=${i.score}`),
    ).toEqual(['S1=5', 'S3=5', 'O3=2']);
  });

  const libreOffice = openpyxl && spawnSync('sh', ['-c', 'command -v soffice']).status === 0 && spawnSync(python, ['-c', 'import uno']).status === 0;
  it.skipIf(!libreOffice)('is filled in and saved as .xlsx by LibreOffice Calc, then scored in French', () => {
    ok(['init', join(dir, 'lo'), '--xlsx', '--lang', 'fr']);
    const filled = join(dir, 'lo-filled.xlsx');
    const p = spawnSync(python, [join(ROOT, 'test', 'libreoffice-fill.py'), join(dir, 'lo', 'revue.xlsx'), filled], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(p.status, p.stderr).toBe(0);
    const r = scoreJson(filled)[0];
    expect(r.program.name).toBe('Les Jardins');
    expect(r.date).toBe('2026-03-12');
    expect(
      r.items.filter((i: { score: number | null }) => i.score !== null).map((i: { code: string; score: number }) => `${i.code}=${i.score}`),
    ).toEqual(['S1=5', 'S3=5', 'O3=2']);
  });
});

describe('--csv-style excel', () => {
  const dir = tempDir();
  it('writes a BOM, semicolons and decimal commas in French, CRLF; the default stays RFC 4180', () => {
    const review = fixture('reviews', 'jardins-emploi-2026.yaml');
    const rfc = ok(['score', review, '--format', 'csv']).stdout;
    expect(rfc.startsWith('program,program_id,')).toBe(true);
    const excelFr = ok(['score', review, '--format', 'csv', '--csv-style', 'excel', '--lang', 'fr']).stdout;
    expect(excelFr.startsWith('\uFEFFprogram;program_id;site;date;')).toBe(true);
    expect(excelFr).toMatch(/;\d+,\d+;/); // the mean with a decimal comma
    expect(excelFr.split('\r\n').length).toBe(rfc.split('\r\n').length);
    expect(excelFr.replace(/\r\n/g, '')).not.toContain('\n');
    const excelEn = ok(['score', review, '--format', 'csv', '--csv-style', 'excel', '--lang', 'en']).stdout;
    expect(excelEn.startsWith('\uFEFFprogram,program_id,')).toBe(true);
  });

  it('every command that writes CSV takes the style: the network, the French indicators, the plan', () => {
    const runs = [
      ['outcomes', fixture('network')],
      ['outcomes', fixture('programs', 'jardins'), '--convention', 'fr-ea', '--year', '2026'],
      ['plan', fixture('reviews', 'ateliers-2025.yaml'), fixture('reviews', 'ateliers-2026.yaml')],
    ];
    for (const args of runs) {
      // (cli, not ok: a network program without records is warned about on standard error.)
      const rfc = cli([...args, '--format', 'csv', '--lang', 'fr']).stdout;
      const excel = cli([...args, '--format', 'csv', '--lang', 'fr', '--csv-style', 'excel']).stdout;
      expect(rfc.startsWith('\uFEFF'), args[1]).toBe(false);
      expect(excel.startsWith('\uFEFF'), args[1]).toBe(true);
      expect(excel.split('\r\n')[0], args[1]).toBe(rfc.split('\r\n')[0]!.replaceAll(',', ';').replace(/^/, '\uFEFF'));
    }
  });

  for (const style of ['rfc', 'excel']) {
    it(`reads back the long score CSV it writes (${style}, French)`, () => {
      const review = fixture('reviews', 'jardins-emploi-2026.yaml');
      const csv = join(dir, `long-${style}.csv`);
      ok(['score', review, '--format', 'csv', '--layout', 'long', '--csv-style', style, '--lang', 'fr', '-o', csv]);
      const r = cli(['score', csv, '--format', 'json']);
      expect(r.code).toBe(0);
      const back = JSON.parse(r.stdout).reviews[0];
      const original = scoreJson(review)[0];
      expect(back.items.map((i: { score: number | null }) => i.score)).toEqual(original.items.map((i: { score: number | null }) => i.score));
      expect(back.total).toBe(original.total);
    });
  }

  it('makes the French init templates Excel-style, and reads them back once filled in (both styles)', () => {
    for (const style of ['excel', 'rfc']) {
      const target = join(dir, `init-${style}`);
      ok(['init', target, '--lang', 'fr', ...(style === 'rfc' ? ['--csv-style', 'rfc'] : [])]);
      const file = join(target, 'cotations-long.csv');
      const text = readFileSync(file, 'utf8');
      const sep = style === 'excel' ? ';' : ',';
      expect(text.startsWith(style === 'excel' ? '\uFEFFprogramme;identifiant_programme;' : 'programme,identifiant_programme,')).toBe(true);
      expect(
        readFileSync(join(target, 'records', 'emplois.csv'), 'utf8').startsWith(
          style === 'excel' ? '\uFEFFparticipant;employeur;' : 'participant,employeur,',
        ),
      ).toBe(true);
      const lines = text.split('\r\n').map((l, i) => {
        if (i === 0 || l === '') return l;
        const c = l.split(sep);
        c[0] = 'Les Jardins';
        c[3] = '12/03/2026';
        if (c[5] === 'S1') c[7] = style === 'excel' ? '18,5' : '18.5';
        if (c[5] === 'O3') c[6] = '2';
        return c.join(sep);
      });
      writeFileSync(file, lines.join('\r\n'));
      const r = scoreJson(file)[0];
      expect(
        r.items.filter((i: { score: number | null }) => i.score !== null).map((i: { code: string; score: number }) => `${i.code}=${i.score}`),
      ).toEqual(['S1=5', 'O3=2']);
      expect(r.items[0].evidence.value).toBe(18.5);
    }
  });

  it('writes outcomes and the per-person table Excel-style', () => {
    const per = join(dir, 'per-person.csv');
    const r = cli(['outcomes', fixture('programs', 'harbour'), '--format', 'csv', '--csv-style', 'excel', '--lang', 'fr', '--per-person', per]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFFperiod;from;to;')).toBe(true);
    expect(r.stdout).toMatch(/;0,\d+;/);
    expect(readFileSync(per, 'utf8').startsWith('\uFEFFid;entry_date;')).toBe(true);
  });
});
