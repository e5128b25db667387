// Reports that agree with the terminal: one program identity rule, one outcome path, a schema
// that matches the JSON, an accessible PDF structure, and clear errors (issue 11, section 5).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { z } from 'zod';
import { BIN, cli, fixture, ROOT, tempDir } from '../helpers.js';
import { pdfStructure, type StructElement } from '../pdf-structure.js';
import { jsonSchemaOf } from '../../src/contract/index.js';
import { COLORS } from '../../src/render/pdf/document.js';
import { bandTextColor } from '../../src/render/pdf/fidelity-report.js';

const dir = tempDir();

async function pdfText(file: string): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const { text } = await extractText(doc, { mergePages: true });
  return (text as string).replace(/\s+/g, ' ');
}

/** The text of the fidelity report of a fixture review, written with `report -q` (which must succeed). */
async function reportText(review: string): Promise<string> {
  const out = join(dir, review.replace(/\.yaml$/, '.pdf'));
  expect(cli(['report', fixture('reviews', review), '-o', out, '-q']).code).toBe(0);
  return pdfText(out);
}

/** A copy of a fixture review with its program changed. */
function reviewWith(name: string, program: string, date: string): string {
  const src = readFileSync(fixture('reviews', 'riverside-2026.yaml'), 'utf8');
  const file = join(dir, name);
  writeFileSync(file, src.replace(/program:\n(  .*\n)+/, `program:\n${program}`).replace('date: "2026-02-10"', `date: "${date}"`));
  return file;
}

describe('report --outcomes is outcomes --pdf', () => {
  it('takes the same options and gives the same bytes and the same warnings', () => {
    const env = { IPS_FIDELITY_TODAY: '2026-06-01' }; // dates after it in the fixture give warnings
    const opts = ['--by', 'year', '--from', '2025-01-01', '--to', '2026-12-31', '--convention', 'ips-grow', '--min-cell', '3', '--lang', 'en'];
    const a = join(dir, 'via-outcomes.pdf');
    const b = join(dir, 'via-report.pdf');
    const viaOutcomes = cli(['outcomes', fixture('programs', 'jardins'), ...opts, '--pdf', a], env);
    const viaReport = cli(['report', fixture('programs', 'jardins'), '--outcomes', ...opts, '-o', b], env);
    expect(viaOutcomes.code).toBe(0);
    expect(viaReport.code).toBe(0);
    expect(viaReport.stderr).toMatch(/warning: this date is in the future/);
    expect(viaReport.stderr.replace(b, 'X')).toBe(viaOutcomes.stderr.replace(a, 'X'));
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
  });
  it('refuses the outcome options without --outcomes, and --previous with it', () => {
    const r = cli(['report', fixture('reviews', 'riverside-2026.yaml'), '--by', 'year', '-o', join(dir, 'no.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--by applies to outcome reports only');
    expect(
      cli([
        'report',
        fixture('programs', 'harbour'),
        '--outcomes',
        '--previous',
        fixture('reviews', 'riverside-2026.yaml'),
        '-o',
        join(dir, 'no.pdf'),
      ]).code,
    ).toBe(2);
    expect(existsSync(join(dir, 'no.pdf'))).toBe(false);
  });
});

describe('one program identity rule', () => {
  const withId = reviewWith('with-id.yaml', '  id: X1\n  name: Riverside Employment Partners\n', '2026-02-10');
  const withoutId = reviewWith('without-id.yaml', '  name: Riverside Employment Partners\n', '2025-02-10');
  it('history, score and report group a review without id with the one of the same name and an id', () => {
    const h = JSON.parse(cli(['history', withId, withoutId, '--format', 'json']).stdout);
    expect(h.programs).toHaveLength(1);
    const s = cli(['score', withId, withoutId, '--lang', 'en', '--format', 'markdown']);
    expect(s.stdout).toMatch(
      /\| Riverside Employment Partners \| 2025-02-10 .*\n\| Riverside Employment Partners \(X1\) \| 2026-02-10 \| 89\/125 \| 0 \|/,
    );
    const scored = JSON.parse(cli(['score', withoutId, withId, '--format', 'json']).stdout).reviews;
    expect(scored.map((r: any) => r.date)).toEqual(['2025-02-10', '2026-02-10']);
    expect(scored[1].change.previousDate).toBe('2025-02-10');
    const out = join(dir, 'one.pdf');
    const r = cli(['report', withId, withoutId, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('fidelity report');
  });
  it('tells apart two programs of the same name by id (and site), in the terminal and the portfolio', async () => {
    const other = reviewWith('other-id.yaml', '  id: X2\n  name: Riverside Employment Partners\n  site: Eastside\n', '2026-01-10');
    const s = cli(['score', withId, other, '--lang', 'en', '--format', 'markdown']);
    expect(s.stdout).toContain('Riverside Employment Partners (X1)');
    expect(s.stdout).toContain('Riverside Employment Partners — Eastside (X2)');
    const out = join(dir, 'two.pdf');
    expect(cli(['report', withId, other, '-o', out, '-q']).code).toBe(0);
    const t = await pdfText(out);
    expect(t).toContain('2 programs');
    expect(t).toMatch(/Riverside Employment Partners — Eastside \(X2\) 2026-01-10/);
    expect(t).toMatch(/Riverside Employment Partners \(X1\) 2026-02-10/);
  });
  it('report --previous of another program is an error, not a portfolio', () => {
    const out = join(dir, 'previous.pdf');
    const r = cli(['report', fixture('reviews', 'riverside-2026.yaml'), '--previous', fixture('reviews', 'jardins-emploi-2025.yaml'), '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /--previous .*jardins-emploi-2025\.yaml is a review of Les Jardins de l'Emploi .*\(JE-13-001\), not of Riverside Employment Partners .*\(RV-OH-014\)/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('a program without a name', () => {
  it('takes its folder name, never ".", with a warning that program.yaml gives none', async () => {
    const folder = join(dir, 'Port Alder');
    cpSync(fixture('programs', 'harbour'), folder, { recursive: true });
    const yaml = join(folder, 'program.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('name: Harbour Employment Support Service, ', ''));
    const r = spawnSync(process.execPath, [BIN, 'outcomes', '.', '--pdf', 'out.pdf', '--format', 'json', '-o', 'out.json'], {
      cwd: folder,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'C', IPS_FIDELITY_TODAY: '2030-01-01' },
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(folder, 'out.json'), 'utf8')).program.name).toBe('Port Alder');
    expect(r.stderr).toMatch(/program\.yaml:\d+:\d+: warning: program\.yaml gives no program name: the reports call the program "Port Alder"/);
    const t = await pdfText(join(folder, 'out.pdf'));
    expect(t).toContain('Port Alder');
    expect(t).not.toMatch(/— \. |^\. /);
  });
});

describe('principle chart of an incomplete review', () => {
  it('says how many items each mean rests on, as the terminal does', async () => {
    const t = await reportText('partial-review.yaml');
    const terminal = cli(['score', fixture('reviews', 'partial-review.yaml'), '--lang', 'en']).stdout;
    // Each principle's rated/items in the terminal appears beside it in the chart.
    const counts = [...terminal.matchAll(/\s(\d+)\/(\d+)\s+(?:[SOV]\d+\s?)+$/gm)].map((m) => `${m[1]}/${m[2]} items rated`);
    expect(counts.length).toBe(8);
    for (const c of counts) expect(t).toContain(c);
    expect(t).toContain('2/4 items rated');
    expectSameNumbers(t, JSON.parse(cli(['score', fixture('reviews', 'partial-review.yaml'), '--format', 'json']).stdout).reviews[0]);
  });
});

/** The PDF text shows the terminal's numbers: total (or incomplete count), band, each section row, each principle mean. */
function expectSameNumbers(t: string, r: any): void {
  if (r.total === null) expect(t).toContain(`Incomplete: ${r.rated} of ${r.itemCount} items rated`);
  else expect(t).toContain(`${r.total} / ${r.max} ${r.band.label}`);
  const mean = (x: number | null) => (x === null ? '—' : x.toFixed(2));
  for (const s of r.sections) expect(t).toContain(`${s.code} — ${s.label} ${s.score ?? '—'} ${s.max} ${s.rated}/${s.items} ${mean(s.mean)}`);
  for (const p of r.principles)
    expect(t).toMatch(
      new RegExp(
        `${p.label.replace(/[()]/g, '.')} \\(${p.items.join(' ')}\\)( · ${p.rated}/${p.items.length} items rated)? ${mean(p.mean).replace('.', '\\.')}`,
      ),
    );
}

describe('fidelity report numbers', () => {
  it('are the numbers of score --format json, for a complete review', async () => {
    expectSameNumbers(
      await reportText('riverside-2026.yaml'),
      JSON.parse(cli(['score', fixture('reviews', 'riverside-2026.yaml'), '--format', 'json']).stdout).reviews[0],
    );
  });
});

describe('two reviewers', () => {
  it("the fidelity report gives the reviewers' agreement as the terminal does", async () => {
    const t = await reportText('two-reviewers.yaml');
    const terminal = cli(['score', fixture('reviews', 'two-reviewers.yaml'), '--lang', 'en']).stdout;
    const section = terminal
      .slice(terminal.indexOf("Agreement of the reviewers' own ratings"))
      .split(/\n\s*\n/)[0]!
      .replace(/\s+/g, ' ')
      .trim();
    expect(section).toContain('weighted kappa (quadratic) 0.51');
    expect(t).toContain(section);
    expectSameNumbers(t, JSON.parse(cli(['score', fixture('reviews', 'two-reviewers.yaml'), '--format', 'json']).stdout).reviews[0]);
  });
});

describe('JSON Schema', () => {
  const shipped = JSON.parse(readFileSync(join(ROOT, 'schema', 'score.schema.json'), 'utf8'));
  it('is the one the zod contract gives (written at build)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(jsonSchemaOf('score'))));
  });
  it("validates every fixture's score --format json, two raters included", () => {
    const schema = z.fromJSONSchema(shipped);
    const files = [
      ...readdirSync(fixture('reviews')).map((f) => fixture('reviews', f)),
      ...readdirSync(fixture('ratings')).map((f) => fixture('ratings', f)),
      fixture('programs', 'harbour'),
      fixture('programs', 'jardins'),
      fixture('programs', 'harbour-workbook'),
    ];
    // All at once: one run, one JSON document with every fixture's reviews.
    const r = cli(['score', ...files, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.reviews.length).toBeGreaterThan(files.length);
    const check = schema.safeParse(out);
    expect(check.success, JSON.stringify(check.error?.issues.slice(0, 2))).toBe(true);
    const two = JSON.parse(cli(['score', fixture('reviews', 'two-reviewers.yaml'), '--format', 'json']).stdout);
    expect(two.reviews[0].agreement.byReviewer.length).toBe(2);
  });
  const python = spawnSync('/usr/bin/python3', ['-c', 'import jsonschema'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!python)('is a valid draft 2020-12 schema that an independent validator (python jsonschema) applies too', () => {
    const outputs = [join(dir, 'score.json')];
    writeFileSync(
      outputs[0]!,
      cli([
        'score',
        fixture('reviews', 'two-reviewers.yaml'),
        fixture('reviews', 'partial-review.yaml'),
        fixture('ratings', 'two-reviewers.csv'),
        '--format',
        'json',
      ]).stdout,
    );
    const script = [
      'import json, sys, jsonschema',
      'schema = json.load(open(sys.argv[1]))',
      'jsonschema.Draft202012Validator.check_schema(schema)',
      'v = jsonschema.Draft202012Validator(schema)',
      'for f in sys.argv[2:]:',
      '    for e in v.iter_errors(json.load(open(f))): print(f, e.message[:200])',
    ].join('\n');
    const r = spawnSync('/usr/bin/python3', ['-c', script, join(ROOT, 'schema', 'score.schema.json'), ...outputs], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });
});

/** Every element under `e`, with its parent. */
function* walk(e: StructElement, parent: StructElement | null = null): Generator<[StructElement, StructElement | null]> {
  yield [e, parent];
  for (const c of e.children) yield* walk(c, e);
}

describe('PDF accessibility', () => {
  const reports: [string, string[]][] = [
    ['fidelity', [fixture('reviews', 'jardins-emploi-2026.yaml'), '--previous', fixture('reviews', 'jardins-emploi-2025.yaml')]],
    ['portfolio', [fixture('ratings', 'sites-wide.csv')]],
    ['outcomes', [fixture('programs', 'harbour'), '--outcomes']],
  ];
  for (const [kind, args] of reports) {
    it(`${kind}: nothing untagged, header cells with scope, tables of rows, nested sections, one header row per table`, () => {
      const out = join(dir, `a11y-${kind}.pdf`);
      expect(cli(['report', ...args, '-o', out, '-q']).code).toBe(0);
      const s = pdfStructure(readFileSync(out));
      s.untagged.forEach((ops, i) => expect(ops, `page ${i + 1}`).toEqual([]));
      const all = [...walk(s.root)];
      const roles = (x: StructElement) => x.children.map((c) => c.role);
      for (const [e, parent] of all) {
        if (e.role === 'TH') expect(e.attrs, kind).toMatch(/\/Scope \/(Column|Row)/);
        if (e.role === 'Table') {
          expect(e.children.length).toBeGreaterThan(0);
          expect(new Set(roles(e))).toEqual(new Set(['TR']));
          // The header row repeated on a later page is an artifact: at most one row of column headers.
          expect(e.children.filter((tr) => tr.children.some((c) => /Column/.test(c.attrs))).length).toBeLessThanOrEqual(1);
        }
        if (e.role === 'Figure') {
          expect(e.alt, kind).toBeTruthy();
          expect(e.attrs, kind).toMatch(/\/BBox \[/);
        }
        if (e.role === 'H1') expect(parent!.role).toBe('Document');
        if (e.role === 'H2') expect([parent!.role, all.find(([x]) => x === parent)![1]!.role]).toEqual(['Sect', 'Document']);
        if (e.role === 'H3') expect([parent!.role, all.find(([x]) => x === parent)![1]!.role]).toEqual(['Sect', 'Sect']);
        if (e.role === 'Sect') expect(roles(e)[0]).toMatch(/^H[23]$/);
      }
      const document = s.root.children[0]!;
      expect(document.role).toBe('Document');
      // Sections, not one heading over everything.
      expect(document.children.filter((c) => c.role === 'Sect').length).toBeGreaterThan(kind === 'portfolio' ? 3 : 4);
    });
  }
  it('writes band names in colours of at least 4.5:1 contrast on white and on the shaded boxes', () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5]
        .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    const bands = ['exemplary', 'good', 'fair', 'not-se'].map((id, i) => ({ id, label: id, min: 100 - i * 20 }));
    for (const b of bands) {
      for (const bg of ['#ffffff', COLORS.fill])
        expect(contrast(bandTextColor(bands as never, b as never), bg), `${b.id} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  for (const value of ['1.5e9', '99999999999999']) {
    it(`"${value}" is a clear error (exit 2), with no file written`, () => {
      const out = join(dir, 'epoch.pdf');
      for (const args of [
        ['report', fixture('reviews', 'riverside-2026.yaml'), '-o', out],
        ['outcomes', fixture('programs', 'harbour'), '--pdf', out],
      ]) {
        const r = cli(args, { SOURCE_DATE_EPOCH: value });
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`SOURCE_DATE_EPOCH "${value}" is not a date`);
        expect(r.stderr).not.toMatch(/internal/i);
        expect(existsSync(out)).toBe(false);
      }
    });
  }
});
