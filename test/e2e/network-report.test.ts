// End to end: `report DIR... -o network.pdf`, the network report of fixtures/network (fixtures/README.md,
// "Network fixture"). Every number of a program's row is checked against the one-program commands.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { cli, fixture, tempDir } from '../helpers.js';

const dir = tempDir();
const network = fixture('network');

async function pdfText(file: string): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const { text } = await extractText(doc, { mergePages: true });
  return (text as string).replace(/\s+/g, ' ');
}

function report(args: string[], name: string): { file: string; stderr: string } {
  const file = join(dir, name);
  const r = cli(['report', ...args, '-o', file]);
  expect(r.code, r.stderr).toBe(0);
  return { file, stderr: r.stderr };
}

const json = (args: string[]) => {
  const r = cli([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

/** A program's row of the table: from its id to the next row (or the note under the table). */
function rowOf(text: string, id: string, ids: string[]): string {
  const start = text.indexOf(`${id} `, text.indexOf(' Network 4 programs '));
  expect(start, `row of ${id}`).toBeGreaterThan(0);
  const ends = [...ids.filter((x) => x !== id).map((x) => text.indexOf(`${x} `, start + 1)), text.indexOf('Change: since', start)].filter(
    (i) => i > start,
  );
  return text.slice(start, Math.min(...ends));
}

/** Each of `parts` found in `row`, in this order. */
function inOrder(row: string, parts: string[]): void {
  let at = 0;
  for (const p of parts) {
    const i = row.indexOf(p, at);
    expect(i, `"${p}" after position ${at} in: ${row}`).toBeGreaterThanOrEqual(0);
    at = i + p.length;
  }
}

const pct = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
const FOLDERS = { 'CB-13-010': 'cote-bleue', 'NG-01': 'northgate', 'RV-OH-014': 'riverside', 'VL-46-003': 'vallee-du-lot' } as const;

describe('the network report of fixtures/network (4 program folders)', async () => {
  const { file, stderr } = report([network], 'network-en.pdf');
  const text = await pdfText(file);
  const ids = Object.keys(FOLDERS);

  it('names the network from network.yaml, and says it wrote the network report', () => {
    expect(text).toContain('IPS NETWORK REPORT · LN-01 IPS Learning Network (fictional)');
    expect(stderr).toContain('Wrote the network report');
  });

  it('gives the network at a glance: programs, data date, reviews on time, the network rate', () => {
    expect(text).toContain('4 · 3 with a fidelity review · 3 with employment records');
    expect(text).toContain('Data as of 2026-03-12');
    // Northgate (due 2026-08-17), Riverside (2026-08-10) and Côte Bleue (2027-03-12) on time; Vallée du Lot not reviewed.
    expect(text).toContain('3 of 4 programs (next review not overdue on 2026-03-12)');
    const o = json(['outcomes', network]);
    expect(text).toContain(`${o.network.measures.working} of ${o.network.measures.served} (${pct(o.network.measures.rate)})`);
    for (const p of o.network.periods) expect(text).toContain(pct(p.rate));
  });

  it("gives each program's row the numbers of score and outcomes on that program alone", () => {
    const net = json(['outcomes', network]).network;
    const netLatest = net.periods.filter((p: any) => !p.partial).at(-1);
    for (const [id, folder] of Object.entries(FOLDERS)) {
      const row = rowOf(text, id, ids);
      const parts: string[] = [];
      const dirOf = join(network, folder, 'reviews');
      const files = existsSync(dirOf) ? readdirSync(dirOf).map((f) => join(dirOf, f)) : [];
      const scored = files.length ? json(['score', ...files, '--lang', 'en']).reviews : [];
      const latest = scored.at(-1);
      if (latest) {
        parts.push(String(latest.total), latest.band.label);
        if (latest.change) parts.push(`${latest.change.total.delta > 0 ? '+' : ''}${latest.change.total.delta}`);
      } else parts.push('not reviewed');
      const hasRecords = folder !== 'northgate';
      if (hasRecords) {
        const o = json(['outcomes', join(network, folder)]);
        const whole = o.periods.filter((p: any) => !p.partial && p.served > 0);
        const last = whole.at(-1);
        expect(last.served).toBeGreaterThanOrEqual(5); // shown: not a small cell
        parts.push(pct(last.rate), last.benchmark);
        const diff = Math.round(Math.round(last.rate * 1000) - Math.round(netLatest.rate * 1000)) / 10;
        parts.push(`${diff > 0 ? '+' : '−'}${Math.abs(diff).toFixed(1)}`);
      } else parts.push('no records');
      if (latest) parts.push(latest.nextReview.date);
      inOrder(row, parts);
    }
  });

  it('withholds a rate over fewer than --min-cell people, as the small-cell rule says', async () => {
    // Vallée du Lot's 2025-Q3 (3 people served) is withheld at the default 5: no trend from it.
    expect(rowOf(text, 'VL-46-003', ids)).toMatch(/40\.0% minimal −3\.8 — —/);
    const six = await pdfText(report([network, '--min-cell', '6'], 'network-6.pdf').file);
    // Riverside's 2025-Q4 has 5 people served: withheld at 6.
    expect(rowOf(six, 'RV-OH-014', ids)).toContain('withheld (<6)');
    expect(rowOf(six, 'CB-13-010', ids)).toContain('50.0%');
  });

  it('shows the heat map with the network mean and the weakest items', () => {
    expect(text).toContain('Item scores by program');
    expect(text).toContain('Network mean');
    expect(text).toContain('Weakest items across the network');
  });

  it('is the same bytes run after run, and takes --title, --paper letter and --pdfa', () => {
    const again = report([network], 'network-again.pdf').file;
    expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
    const letter = readFileSync(report([network, '--title', 'Funder view', '--paper', 'letter', '--pdfa'], 'network-letter.pdf').file).toString(
      'latin1',
    );
    expect(letter).toContain('/MediaBox [0 0 612 792]');
    expect(letter).toContain('pdfaid:part');
  });

  it('is written in French', async () => {
    const fr = await pdfText(report([network, '--lang', 'fr'], 'network-fr.pdf').file);
    expect(fr).toContain('Programmes par niveau de fidélité');
    expect(fr).toContain('non évalué');
    expect(fr).toContain('pas de données');
    expect(fr).toContain('3 programmes sur 4');
  });

  it('takes program folders one by one, and reviews given beside them', async () => {
    const t = await pdfText(
      report([join(network, 'riverside'), join(network, 'vallee-du-lot'), fixture('reviews', 'jardins-emploi-2026.yaml')], 'network-some.pdf').file,
    );
    expect(t).toContain('IPS Learning Network (fictional)'); // network.yaml of the folders' parent
    expect(t).toContain('Programs 3 · 2 with a fidelity review · 2 with employment records');
    expect(t).toContain('not reviewed');
    expect(t).toContain('no records'); // the review given without its folder
  });

  it('refuses a bad network.yaml with its place, and --title without several folders', () => {
    const copy = join(dir, 'net-copy');
    rmSync(copy, { recursive: true, force: true });
    cpSync(network, copy, { recursive: true });
    writeFileSync(join(copy, 'network.yaml'), 'name: X\ncolour: blue\n');
    const r = cli(['report', copy, '-o', join(dir, 'bad.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('network.yaml');
    const t = cli(['report', fixture('reviews', 'jardins-emploi-2026.yaml'), '--title', 'X', '-o', join(dir, 'x.pdf')]);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('--title applies to the network report');
  });
});
