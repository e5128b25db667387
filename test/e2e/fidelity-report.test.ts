// The fidelity report read back page by page: the executive summary on page 1 (result, trajectory over
// every review with each date and total, strengths, priorities with their recommendations, agreement),
// the printable action plan, the review-cycle slots when given, and no page left more than half empty.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { parse } from 'yaml';
import { cli, fixture, ROOT, tempDir } from '../helpers.js';
import { pdfStructure, type StructElement } from '../pdf-structure.js';
import { readAndScore, type ReadOptions } from '../../src/cli/pipeline.js';
import { fidelityReportPdf } from '../../src/render/pdf/fidelity-report.js';

const dir = tempDir();
const ips25 = parse(readFileSync(join(ROOT, 'scales', 'ips-25.yaml'), 'utf8'));
const anchor = (code: string, score: number, lang: 'en' | 'fr') =>
  ips25.items.find((i: any) => i.code === code).anchors[String(score)][lang] as string;

/** Each page's text (spaces collapsed), and how far down its usable height its text reaches (0 to 1). */
async function pages(bytes: Buffer): Promise<{ text: string; fill: number }[]> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(doc, { mergePages: false });
  const out: { text: string; fill: number }[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.view[3]!;
    // Text between the running header and the footer (margins: 64 at the top, 60 at the bottom).
    const ys = (await page.getTextContent()).items.flatMap((i: any) =>
      i.str?.trim() && i.transform[5] > 60 && i.transform[5] < height - 60 ? [i.transform[5] as number] : [],
    );
    out.push({ text: (text as string[])[p - 1]!.replace(/\s+/g, ' '), fill: (height - 64 - Math.min(...ys)) / (height - 124) });
  }
  return out;
}

function report(args: string[], name: string): Buffer {
  const out = join(dir, name);
  const r = cli(['report', ...args, '-o', out, '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return readFileSync(out);
}

/** Two earlier reviews of the same program (from the 2025 one, a few items lower). */
function earlier(date: string, changes: [RegExp, string][], name: string): string {
  let src = readFileSync(fixture('reviews', 'jardins-emploi-2025.yaml'), 'utf8').replace('date: 20/03/2025', `date: ${date}`);
  for (const [from, to] of changes) src = src.replace(from, to);
  const file = join(dir, name);
  writeFileSync(file, src);
  return file;
}
const y2024 = earlier(
  '15/09/2024',
  [
    [/O3: \{score: 2,/, 'O3: {score: 1,'],
    [/O4: \{score: 3,/, 'O4: {score: 2,'],
  ],
  'j2024.yaml',
);
const y2023 = earlier(
  '10/10/2023',
  [
    [/O3: \{score: 2,/, 'O3: {score: 1,'],
    [/O4: \{score: 3,/, 'O4: {score: 1,'],
    [/S1: \{value: "22,8"/, 'S1: {score: 1'],
  ],
  'j2023.yaml',
);
const four = [fixture('reviews', 'jardins-emploi-2026.yaml'), fixture('reviews', 'jardins-emploi-2025.yaml'), y2024, y2023];

function* walk(e: StructElement): Generator<StructElement> {
  yield e;
  for (const c of e.children) yield* walk(c);
}

describe('the fidelity report of a program with several reviews', () => {
  let en: { text: string; fill: number }[];
  let fr: { text: string; fill: number }[];
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = report([...four, '--lang', 'en', '--paper', 'letter'], 'four-en.pdf');
    en = await pages(bytes);
    fr = await pages(report([...four, '--pdfa'], 'four-fr.pdf'));
  }, 120_000);

  it('is one program report (not a portfolio) for the latest review', () => {
    expect(en[0]!.text).toContain('IPS FIDELITY REPORT · EXECUTIVE SUMMARY');
    expect(en[0]!.text).toContain("Les Jardins de l'Emploi");
    expect(en[0]!.text).toContain('review of 2026-03-12');
    expect(en.map((p) => p.text).join(' ')).not.toContain('PORTFOLIO');
  });

  it('gives on page 1 the total and band, the trajectory with every date and total, strengths and priorities', () => {
    const p1 = en[0]!.text;
    expect(p1).toContain('103 / 125');
    expect(p1).toContain('Good fidelity');
    expect(p1).toContain('Trajectory');
    for (const [date, total] of [
      ['2023-10-10', 79],
      ['2024-09-15', 83],
      ['2025-03-20', 85],
      ['2026-03-12', 103],
    ] as const) {
      expect(p1).toContain(date);
      expect(p1).toMatch(new RegExp(`\\b${total}\\b`));
    }
    expect(p1).toContain('Since the review of 2025-03-20: 85 → 103 (+18)');
    // The chart's alternative text pairs each date with its total.
    const figures = [...walk(pdfStructure(bytes).root)].filter((e) => e.role === 'Figure').map((e) => e.alt ?? '');
    expect(figures.some((alt) => alt.includes('2023-10-10: 79; 2024-09-15: 83; 2025-03-20: 85; 2026-03-12: 103'))).toBe(true);
    expect(p1).toContain('Three strengths');
    expect(p1).toMatch(/S1 Caseload size 5/);
    expect(p1).toContain('Three priorities');
    // The three lowest items, lowest first, each with its computed recommendation.
    expect(p1).toMatch(/O3 Collaboration with vocational rehabilitation counselors 2/);
    expect(p1).toContain(anchor('O3', 5, 'en').slice(0, 40));
    expect(p1).toContain(anchor('V1', 5, 'en').slice(0, 40));
    expect(p1).toContain('Camille 45%, Karim 32%');
  });

  it('in French, with French dates and labels', () => {
    const p1 = fr[0]!.text;
    expect(p1).toContain('SYNTHÈSE');
    expect(p1).toContain('Trajectoire');
    for (const date of ['10/10/2023', '15/09/2024', '20/03/2025', '12/03/2026']) expect(p1).toContain(date);
    expect(p1).toContain('Trois priorités');
    expect(p1).toContain(anchor('O3', 5, 'fr').slice(0, 40));
  });

  it('ends with the action plan to print and fill (the priority items, blank), then the method and glossary', () => {
    const all = en.map((p) => p.text).join(' ');
    const plan = all.indexOf('Action plan');
    expect(plan).toBeGreaterThan(all.indexOf('Items, scores and evidence'));
    expect(all.indexOf('Method')).toBeGreaterThan(plan);
    expect(all.indexOf('Glossary')).toBeGreaterThan(plan);
    const table = all.slice(plan, all.indexOf('About this review'));
    expect(table).toMatch(/Item Now → target Action Owner Due Status/);
    expect(table).toMatch(/O3 Collaboration with vocational rehabilitation counselors 2 → 3/);
    expect(table).toMatch(/V6 Job development: frequency of employer contact 3 → 4/);
    expect(table).not.toMatch(/\bS1 Caseload size\b/); // at the top score: no action needed
    const frAll = fr.map((p) => p.text).join(' ');
    expect(frAll).toMatch(/Plan d'action .*Action Responsable Échéance Statut/);
  });

  it('leaves no page more than half empty, except the last', () => {
    for (const [lang, doc] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      doc.slice(0, -1).forEach((p, i) => expect(p.fill, `${lang} page ${i + 1}`).toBeGreaterThanOrEqual(0.5));
    }
  });

  it('gives the same bytes on every run', () => {
    expect(report([...four, '--lang', 'en', '--paper', 'letter'], 'four-en-again.pdf').equals(bytes)).toBe(true);
  });
});

describe('page 1 with two reviewers and an incomplete review', () => {
  it("gives the reviewers' agreement and the items still to reconcile, not 'not rated'", async () => {
    const doc = await pages(report([fixture('reviews', 'two-reviewers.yaml')], 'two.pdf'));
    const p1 = doc[0]!.text;
    expect(p1).toContain("Reviewers' agreement");
    expect(p1).toContain('Dana Whitfield / Marcus Ocampo: exact agreement 19/25 (76%) · within one point 24/25 (96%) · weighted kappa 0.51');
    expect(p1).toContain('Still to reconcile (no consensus score yet): V5 (4 vs 2), V12 (3 vs 4)');
    expect(p1).toContain('First review of this program in the data');
    const all = doc.map((p) => p.text).join(' ');
    expect(all).toContain('To reconcile: no consensus score yet (Dana Whitfield 4, Marcus Ocampo 2)');
    expect(all).not.toMatch(/Not rated \(no recommendation\)/);
  });
  it('lists what an incomplete review still lacks', async () => {
    const p1 = (await pages(report([fixture('reviews', 'partial-review.yaml'), '--lang', 'en'], 'partial.pdf')))[0]!.text;
    expect(p1).toContain('Incomplete: 18 of 25 items rated');
    expect(p1).toMatch(/Not rated yet: [A-Z]\d+(, [A-Z]\d+){6}/);
  });
});

describe('the review cycle on the report', () => {
  async function build(cycle: Parameters<typeof fidelityReportPdf>[3]) {
    const { ctx, scored } = await readAndScore([fixture('reviews', 'jardins-emploi-2025.yaml'), fixture('reviews', 'jardins-emploi-2026.yaml')], {
      lang: 'en',
      quiet: true,
    } as ReadOptions);
    return pages(await fidelityReportPdf(scored, ctx.m, { paper: 'a4', pdfa: false, date: new Date('2026-03-12T00:00:00Z') }, cycle));
  }
  it("shows the action plan's state, the next review and the actions when given", async () => {
    const doc = await build({
      actions: {
        done: 1,
        open: 2,
        overdue: 1,
        rows: [
          {
            item: 'V1',
            action: 'Book benefits counselling training for both job coaches',
            owner: 'Coordinator',
            due: '2026-06-30',
            status: 'in-progress',
          },
          {
            item: 'O3',
            action: 'Monthly meeting with the Cap emploi counsellor',
            owner: 'Claire',
            due: '2026-01-31',
            status: 'planned',
            overdue: true,
          },
        ],
      },
      nextReview: '2026-09-12',
    });
    const p1 = doc[0]!.text;
    expect(p1).toContain('Action plan 1 done · 2 open · 1 overdue');
    expect(p1).toContain('Next review 2026-09-12');
    const all = doc.map((p) => p.text).join(' ');
    const plan = all.slice(all.lastIndexOf('Action plan'));
    expect(plan).toMatch(
      /O3 Collaboration with vocational rehabilitation counselors 2 → 3 Monthly meeting with the Cap emploi counsellor Claire 2026-01-31 planned · overdue/,
    );
    expect(plan).toMatch(
      /V1 Work incentives planning 2 → 3 Book benefits counselling training for both job coaches Coordinator 2026-06-30 in progress/,
    );
    // Items with no action yet keep a blank row.
    expect(plan).toMatch(/V13 Community-based services 2 → 3/);
  });
  it('draws neither slot when nothing is given', async () => {
    const p1 = (await build({}))[0]!.text;
    expect(p1).not.toContain('Next review');
    expect(p1).not.toMatch(/\d+ done ·/);
  });
});
