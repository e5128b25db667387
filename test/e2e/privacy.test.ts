// End to end: small cells that cannot be worked out by subtraction, and charts/tables that never mislead,
// the same in every format (issue 11, sections 1 and 2). Harbour: Aisha 12 served / 11 working, Tom 8 / 3,
// 15 working in all; three people left before any job, one reason each; 21 jobs of which 19 competitive.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { cli, fixture, tempDir } from '../helpers.js';

const harbour = fixture('programs', 'harbour');
const dir = tempDir();
const run = (args: string[]) => {
  const r = cli(['outcomes', harbour, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
const json = (args: string[] = []) => JSON.parse(run([...args, '--format', 'json']));
async function pdf(args: string[], name: string): Promise<string> {
  const out = join(dir, name);
  run([...args, '--pdf', out]);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(out))), { mergePages: true });
  return (text as string).replace(/\s+/g, ' ');
}

describe('small cells on the Harbour program', () => {
  const o = json();
  it("hides Aisha's working count too, so Tom's <5 is not 15 − 11; both rates withheld", () => {
    expect(o.measures.working).toBe(15);
    expect(o.measures.specialists.map((s: any) => [s.name, s.served, s.working, s.rate])).toEqual([
      ['Aisha Okafor', 12, 'hidden', null],
      ['Tom Whitfield', 8, '<5', null],
    ]);
  });
  it('does not list three one-person exit reasons that add up to the shown 3 (hospital admission among them)', () => {
    expect(o.measures.exits).toMatchObject({ beforeAnyJob: 3, reasons: [], reasonsWithheld: true });
  });
  it('does not list a contract mix whose one non-competitive row is 21 jobs − 19 competitive', () => {
    expect(o.measures.contracts).toMatchObject({ jobs: 21, competitive: 19, withheld: true, byContract: [], bySetting: [] });
  });
  it('shows every cell with --min-cell 0', () => {
    const open = json(['--min-cell', '0']);
    expect(open.measures.specialists.map((s: any) => s.working)).toEqual([11, 4]);
    expect(open.measures.exits.reasons).toHaveLength(3);
  });
  it('prints the same cells in the table, Markdown and PDF', async () => {
    const texts = [run([]), run(['--format', 'markdown']), await pdf([], 'harbour.pdf')];
    for (const t of texts) {
      expect(t).toMatch(/Aisha Okafor\W+10\W+4\.20\W+12\W+hidden\W+—/);
      expect(t).toMatch(/Tom Whitfield\W+6\W+2\.80\W+8\W+<5\W+—/);
      expect(t).not.toContain('hospital admission');
      expect(t).not.toContain('Seasonal job');
      expect(t).toContain('Not listed: with so few people');
    }
  });
});

describe('periods, benchmarks and charts', () => {
  it('marks a period the window cuts as partial, with no benchmark class, in JSON, CSV, table and PDF', async () => {
    const from = ['--from', '2025-05-15'];
    const o = json(from);
    expect(o.periods.map((p: any) => [p.label, p.partial, p.benchmark])).toEqual([
      ['2025-Q2', true, null],
      ['2025-Q3', false, 'excellent'],
      ['2025-Q4', false, 'excellent'],
      ['2026-Q1', false, 'excellent'],
    ]);
    expect(run([...from, '--format', 'csv']).split('\r\n')[1]).toMatch(/^2025-Q2,2025-05-15,2025-06-30,.*,,\d+,\d+,true$/);
    expect(run(from)).toMatch(/2025-Q2 \(partial\)\s+\d+\s+\d+\s+[\d.]+%\s+—/);
    const t = await pdf(from, 'partial.pdf');
    expect(t).toContain('2025-Q2 (partial)');
    expect(t).toContain('31% minimal 41% average 50% excellent'); // the chart's line labels
  });
  it('draws no benchmark line on monthly charts', async () => {
    const t = await pdf(['--by', 'month'], 'month.pdf');
    expect(t).not.toContain('31% minimal 41% average 50% excellent');
    expect(json(['--by', 'month']).periods.every((p: any) => p.benchmark === null)).toBe(true);
  });
  it('under IPS Grow: its own 40% line and met/missed in the table and PDF, not the 31/41/50% classes', async () => {
    const args = ['--convention', 'ips-grow', '--from', '2025-05-15'];
    const o = json(args);
    expect(o.periods.map((p: any) => [p.partial, p.benchmark, p.growBenchmarkMet])).toEqual([
      [true, null, null],
      [false, null, true],
      [false, null, true],
      [false, null, true],
    ]);
    expect(run(args)).toMatch(/2025-Q3\s+12\s+7\s+58\.3%\s+meets 40%/);
    const csv = run([...args, '--format', 'csv']).split('\r\n');
    expect(csv[0]).toMatch(/,partial,ips_grow_40_met$/);
    expect(csv.slice(1, 3)).toEqual([expect.stringMatching(/^2025-Q2,.*,true,$/), expect.stringMatching(/^2025-Q3,.*,false,true$/)]);
    const t = await pdf(args, 'grow.pdf');
    expect(t).toContain('40% IPS Grow');
    expect(t).toContain('meets 40%');
    expect(t).not.toContain('31% minimal 41% average 50% excellent');
  });
});
