// End to end: `outcomes DIR...` over several programs and the network fixture (fixtures/README.md,
// "Network fixture": the figures below were worked out by hand from the CSV files).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { cli, fixture, tempDir } from '../helpers.js';

const network = fixture('network');
const run = (args: string[]) => {
  const r = cli(args);
  expect(r.code, r.stderr).toBe(0);
  return r;
};
const json = (args: string[]) => JSON.parse(run([...args, '--format', 'json']).stdout);
const rows = (periods: any[]) =>
  periods.map((p: any) => [p.label, p.served, p.working, p.rate === null ? null : Number(p.rate.toFixed(4)), p.benchmark, p.jobStarts]);

describe('outcomes of a network folder (4 program folders: one with reviews only)', () => {
  const r = run(['outcomes', network, '--format', 'json']);
  const o = JSON.parse(r.stdout);
  const byId = Object.fromEntries(o.programs.map((p: any) => [p.program.id, p]));

  it('has the several-program shape: schemaVersion, programs, network', () => {
    expect(Object.keys(o)).toEqual(['schemaVersion', 'programs', 'network']);
    expect(o.schemaVersion).toBe(1);
    expect(o.programs.map((p: any) => p.program.id)).toEqual(['CB-13-010', 'RV-OH-014', 'VL-46-003']);
    expect(o.network.programs).toBe(3);
  });

  it('says which program has no records, by its name, and leaves it out', () => {
    expect(r.stderr).toContain('Northgate IPS Service: warning:');
    expect(r.stderr).toContain('no records yet');
  });

  it('gives the hand-checked quarters of two programs and of the network', () => {
    expect(rows(byId['CB-13-010'].periods)).toEqual([
      ['2025-Q3', 5, 2, 0.4, 'minimal', 1],
      ['2025-Q4', 6, 3, 0.5, 'excellent', 2],
    ]);
    expect(rows(byId['RV-OH-014'].periods)).toEqual([
      ['2025-Q3', 5, 3, 0.6, 'excellent', 1],
      ['2025-Q4', 5, 2, 0.4, 'minimal', 1],
    ]);
    expect(rows(byId['VL-46-003'].periods)).toEqual([
      ['2025-Q3', 3, 1, 0.3333, 'minimal', 0],
      ['2025-Q4', 5, 2, 0.4, 'minimal', 1],
    ]);
    // The network: the programs' people together (13 = 5 + 5 + 3), not an average of rates (0.4444).
    expect(rows(o.network.periods)).toEqual([
      ['2025-Q3', 13, 6, 0.4615, 'average', 2],
      ['2025-Q4', 16, 7, 0.4375, 'average', 4],
    ]);
    expect(o.network.measures).toEqual({ served: 18, working: 10, rate: 10 / 18, jobStarts: 6, firstJobStarts: 6 });
  });

  it('gives each program the numbers of the one-program command on its folder', () => {
    for (const [id, dir] of [
      ['CB-13-010', 'cote-bleue'],
      ['RV-OH-014', 'riverside'],
      ['VL-46-003', 'vallee-du-lot'],
    ] as const) {
      const { schemaVersion, ...alone } = json(['outcomes', fixture('network', dir)]);
      expect(schemaVersion).toBe(1);
      expect(byId[id]).toEqual(alone);
    }
  });

  it('prints one row per program and period, then the network, in the terminal and Markdown', () => {
    const text = run(['outcomes', network]).stdout;
    expect(text).toContain('Employment outcomes of 3 programs');
    expect(text).toMatch(/Network\s+2025-Q3\s+13\s+6\s+46\.2%\s+average/);
    const md = run(['outcomes', network, '--format', 'markdown', '--lang', 'fr']).stdout;
    expect(md).toMatch(/\| Réseau \| 2025-T3 \| 13 \| 6 \| 46,2\s% \|/);
    expect(md).toMatch(/\| Côte Bleue Emploi Accompagné \(CB-13-010\) \| 2025-T3 \| 5 \| 2 \| 40,0\s% \|/);
  });

  it('writes CSV rows per program then the network, with their level', () => {
    const csv = run(['outcomes', network, '--format', 'csv']).stdout.split('\r\n');
    expect(csv[0]).toBe('level,program_id,program,period,from,to,served,working,rate,benchmark,job_starts,first_job_starts,partial');
    expect(csv).toContain('program,RV-OH-014,Riverside Employment Partners,2025-Q4,2025-10-01,2025-12-31,5,2,0.4,minimal,1,1,false');
    expect(csv).toContain('network,,,2025-Q3,2025-07-01,2025-09-30,13,6,0.461538,average,2,2,false');
    expect(csv).toContain('network,,,employment_rate,0.555556,10,18');
  });
});

describe('outcomes of several program folders given one by one', () => {
  const jardins = fixture('programs', 'jardins');
  const harbour = fixture('programs', 'harbour');
  const window = ['--from', '2025-04-01', '--to', '2026-03-31'];

  it('equals the one-program command for each, over the same window and periods', () => {
    for (const by of ['quarter', 'semester']) {
      const o = json(['outcomes', jardins, harbour, ...window, '--by', by]);
      const { schemaVersion: _a, ...j } = json(['outcomes', jardins, ...window, '--by', by]);
      const { schemaVersion: _b, ...h } = json(['outcomes', harbour, ...window, '--by', by]);
      expect(o.programs).toEqual([j, h]);
      expect(o.network.periods.map((p: any) => p.served)).toEqual(j.periods.map((p: any, k: number) => p.served + h.periods[k].served));
      expect(o.network.periods.map((p: any) => p.working)).toEqual(j.periods.map((p: any, k: number) => p.working + h.periods[k].working));
    }
  });

  it("takes, without --from/--to, the earliest start and latest end of the programs' windows", () => {
    const o = json(['outcomes', jardins, harbour]);
    expect(o.network.window).toEqual({ from: '2025-01-01', to: '2026-12-31' });
    expect(o.programs.every((p: any) => p.window.from === '2025-01-01' && p.window.to === '2026-12-31')).toBe(true);
  });

  it("labels each program's warnings with its name", () => {
    const r = cli(['outcomes', jardins, harbour], { IPS_FIDELITY_TODAY: '2026-06-30' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Les Jardins de l'Emploi: .*jardins.*warning/m);
  });

  it('refuses --pdf and --per-person with several programs (exit 2, nothing written)', () => {
    const pdf = cli(['outcomes', jardins, harbour, '--pdf', 'never.pdf']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('--pdf takes one program folder');
    const pp = cli(['outcomes', jardins, harbour, '--per-person', 'never.csv']);
    expect(pp.code).toBe(2);
    expect(pp.stdout).toBe('');
  });

  it('reports every missing folder at once', () => {
    const r = cli(['outcomes', jardins, 'no/such/a', 'no/such/b']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/a');
    expect(r.stderr).toContain('no/such/b');
  });

  it('keeps the one-program shape for a folder of one program', () => {
    const o = json(['outcomes', fixture('network', 'riverside')]);
    expect(o.program.id).toBe('RV-OH-014');
    expect(o.programs).toBeUndefined();
  });
});

describe('outcomes --by semester', () => {
  const harbour = fixture('programs', 'harbour');
  const dir = tempDir();
  it('splits the window into half-years, whole ones unclassed like months and years', () => {
    const o = json(['outcomes', harbour, '--by', 'semester']);
    expect(o.by).toBe('semester');
    expect(o.periods.map((p: any) => [p.label, p.from, p.to, p.partial, p.benchmark])).toEqual([
      ['2025-H1', '2025-04-01', '2025-06-30', true, null],
      ['2025-H2', '2025-07-01', '2025-12-31', false, null],
      ['2026-H1', '2026-01-01', '2026-03-31', true, null],
    ]);
  });
  it('labels half-years H in English and S (semestre) in French', () => {
    expect(run(['outcomes', harbour, '--by', 'semester']).stdout).toMatch(/2025-H2\s+18\s+13\s+72\.2%/);
    const fr = run(['outcomes', harbour, '--by', 'semester', '--lang', 'fr', '--format', 'markdown']).stdout;
    expect(fr).toContain('par semestre');
    expect(fr).toMatch(/\| 2025-S2 \| 18 \| 13 \| 72,2\s% \|/);
  });
  it('prints half-years in the PDF, in English and French', async () => {
    for (const [lang, label] of [
      ['en', '2025-H2'],
      ['fr', '2025-S2'],
    ] as const) {
      const file = join(dir, `semester-${lang}.pdf`);
      run(['outcomes', harbour, '--by', 'semester', '--lang', lang, '--pdf', file, '-q']);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(file))), { mergePages: true });
      expect(text).toContain(label);
      expect(text).toContain(lang === 'en' ? 'half-years' : 'par semestre');
    }
  });
});
