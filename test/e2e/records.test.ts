// End to end: program folders (records) → computed fidelity items and employment outcomes.
// Expected values were computed independently of the code (fixtures/programs/README.md).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, ROOT, tempDir } from '../helpers.js';

const jardins = fixture('programs', 'jardins');
const harbour = fixture('programs', 'harbour');
const json = (args: string[]) => {
  const r = cli([...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};
const itemsOf = (review: any) => Object.fromEntries(review.items.map((i: any) => [i.code, i]));

describe('outcomes of the French program (Windows-1252, ";", French names)', () => {
  const o = json(['outcomes', jardins]);
  it('counts served, working and the rate per quarter, with benchmark classes', () => {
    expect(o.schemaVersion).toBe(1);
    expect(o.window).toEqual({ from: '2025-01-01', to: '2026-12-31' });
    expect(o.periods.map((p: any) => [p.label, p.served, p.working, Number(p.rate.toFixed(4)), p.benchmark, p.jobStarts, p.firstJobStarts])).toEqual([
      ['2025-Q1', 9, 2, 0.2222, 'below-minimal', 1, 1],
      ['2025-Q2', 15, 6, 0.4, 'minimal', 4, 4],
      ['2025-Q3', 20, 9, 0.45, 'average', 4, 3],
      ['2025-Q4', 21, 10, 0.4762, 'average', 4, 2],
      ['2026-Q1', 24, 14, 0.5833, 'excellent', 5, 4],
      ['2026-Q2', 22, 13, 0.5909, 'excellent', 3, 3],
      ['2026-Q3', 23, 13, 0.5652, 'excellent', 1, 1],
      ['2026-Q4', 22, 10, 0.4545, 'average', 1, 1],
    ]);
  });
  it('reports every measure with its n and denominator', () => {
    const M = o.measures;
    expect(M).toMatchObject({ served: 30, working: 20, jobStarts: 23, firstJobStarts: 19 });
    // The rule of V4: the 4 entrants without a contact after more than 30 days count at the days elapsed.
    expect(M.daysToFirstContact).toMatchObject({ cohort: 30, n: 30, observed: 26, late: 4, recent: 0, median: 21.5 });
    expect(M.daysToFirstContact.mean.toFixed(2)).toBe('73.53');
    expect(M.daysToFirstJob.median).toBe(114);
    expect(M.daysToFirstJob.within.map((w: any) => [w.days, w.count, w.of])).toEqual([
      [90, 6, 29],
      [180, 17, 28],
      [365, 15, 23],
    ]);
    expect(M.workedWithin12Months).toMatchObject({ count: 15, of: 23 });
    expect(M.tenure).toMatchObject({ ended: 15, medianDays: 182 });
    expect(M.tenure.stillWorking.map((s: any) => [s.days, s.count, s.of])).toEqual([
      [90, 21, 22],
      [180, 17, 22],
    ]);
    expect(M.hours).toMatchObject({ n: 24, median: 28, atLeast20: { count: 20, of: 24 } });
    expect(M.wage).toMatchObject({ n: 24, median: 12, minimumWage: 11.88, atOrAboveMinimum: { count: 22, of: 24 } });
    expect(M.exits).toMatchObject({ exited: 8, beforeAnyJob: 6, dropOut: { count: 6, of: 30, rate: 0.2 } });
    expect(M.contracts).toMatchObject({ jobs: 29, competitive: 24, workTrials: 3 });
    expect(M.specialists).toEqual([
      { name: 'Camille Durand', caseload: 12, contactsPerWeek: 0.3, served: 15, working: 14, rate: 14 / 15 },
      { name: 'Karim Benali', caseload: 10, contactsPerWeek: 0.21, served: 15, working: 6, rate: 0.4 },
    ]);
  });
  it('suppresses small breakdown cells, never the program totals', () => {
    const byContract = Object.fromEntries(
      o.measures.contracts.byContract.map((c: any) => [c.contract, [c.jobs, c.people, c.competitive, c.setting]]),
    );
    expect(byContract).toEqual({
      cdi: ['hidden', 'hidden', true, 'ordinary'],
      cdd: [9, 9, true, 'ordinary'],
      interim: [5, 5, true, 'ordinary'],
      apprentissage: ['<5', '<5', true, 'ordinary'],
      independant: ['<5', '<5', true, 'ordinary'],
      ea: ['<5', '<5', false, 'adapted'],
      esat: ['<5', '<5', false, 'sheltered'],
      mad: ['<5', '<5', false, 'sheltered'],
      stage: ['<5', '<5', false, 'ordinary'],
      pmsmp: ['<5', '<5', false, 'ordinary'],
    });
    expect(o.measures.exits.reasons.every((r: any) => r.people === '<5')).toBe(true);
    const open = json(['outcomes', jardins, '--min-cell', '0']);
    expect(open.measures.exits.reasons).toEqual([
      { reason: 'hospitalisation', people: 3 },
      { reason: 'arrêt volontaire', people: 2 },
      { reason: 'déménagement', people: 1 },
    ]);
  });
  it('gives one cumulative period with --by none, and no benchmark class for it', () => {
    const none = json(['outcomes', jardins, '--by', 'none']);
    expect(none.periods).toHaveLength(1);
    expect(none.periods[0]).toMatchObject({ served: 30, working: 20, benchmark: null });
    expect(none.periods[0].rate.toFixed(4)).toBe('0.6667');
  });
  it('takes --from and --to in either date order', () => {
    const q = json(['outcomes', jardins, '--from', '01/01/2026', '--to', '2026-03-31']);
    expect(q.periods.map((p: any) => [p.label, p.served, p.working])).toEqual([['2026-Q1', 24, 14]]);
  });
  it('prints a French table from the French program, with counts beside every rate', () => {
    const r = cli(['outcomes', jardins]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Taux d'emploi par période");
    expect(r.stdout).toMatch(/2025-T1 +9 +2 +22,2\u00a0% +sous le minimum/);
    expect(r.stdout).toContain('20 sur 30 (66,7\u00a0%)');
    expect(r.stdout).toContain('Milieu protégé');
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });
  it('writes CSV rows per period', () => {
    const r = cli(['outcomes', jardins, '--format', 'csv']);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('period,from,to,served,working,rate,benchmark,job_starts,first_job_starts,partial');
    expect(lines[5]).toBe('2026-Q1,2026-01-01,2026-03-31,24,14,0.583333,excellent,5,4,false');
  });
});

describe('outcomes of the English program', () => {
  it('counts the 50% edge as excellent', () => {
    const o = json(['outcomes', harbour]);
    expect(o.periods.map((p: any) => [p.label, p.served, p.working, p.benchmark])).toEqual([
      ['2025-Q2', 10, 5, 'excellent'],
      ['2025-Q3', 15, 11, 'excellent'],
      ['2025-Q4', 18, 11, 'excellent'],
      ['2026-Q1', 19, 11, 'excellent'],
    ]);
    expect(o.measures.specialists[1]).toEqual({ name: 'Tom Whitfield', caseload: 6, contactsPerWeek: 2.8, served: 8, working: '<5', rate: null });
  });
  it('applies the IPS Grow conventions on request', () => {
    const o = json(['outcomes', harbour, '--convention', 'ips-grow']);
    expect(o.convention).toBe('ips-grow');
    expect(o.periods.map((p: any) => [p.label, p.served, p.working, p.growBenchmarkMet])).toEqual([
      ['2025-Q2', 8, 2, false],
      ['2025-Q3', 12, 7, true],
      ['2025-Q4', 14, 7, true],
      ['2026-Q1', 15, 7, true],
    ]);
  });
  it('fails --min-rate with exit 1, naming the period', () => {
    expect(cli(['outcomes', harbour, '--min-rate', '50', '--quiet']).code).toBe(0);
    const r = cli(['outcomes', jardins, '--min-rate', '41', '--quiet', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2025-Q1: employment rate 22.2% is below the minimum 41%');
    expect(r.stderr).toContain('2025-Q2: employment rate 40.0%');
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(cli(['outcomes', jardins, '--min-rate', 'lots']).code).toBe(2);
  });
});

describe('privacy', () => {
  const ids = (dir: string) =>
    readFileSync(join(dir, dir.endsWith('jardins') ? 'participants.csv' : 'participants.csv'), 'latin1')
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(/[;,]/)[0])
      .filter(Boolean);
  it('no participant identifier in any outcomes output', () => {
    for (const dir of [jardins, harbour]) {
      const known = ids(dir);
      expect(known.length).toBeGreaterThan(10);
      for (const format of ['table', 'json', 'csv', 'markdown']) {
        const out = cli(['outcomes', dir, '--format', format, '--min-cell', '0']).stdout;
        for (const id of known) expect(out, `${id} in ${format}`).not.toMatch(new RegExp(`\\b${id}\\b`));
      }
    }
  });
  it('writes participant ids only to an explicit per-person export, with a warning', () => {
    const out = join(tempDir(), 'people.csv');
    const r = cli(['outcomes', jardins, '--per-person', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('holds participant identifiers: for internal use only');
    const rows = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(rows[0]).toBe('id,entry_date,exit_date,specialist,served_in_window,first_competitive_job,days_to_first_job,first_employer_contact');
    expect(rows).toHaveLength(31);
    expect(rows[1]).toMatch(/^P001,2025-/);
  });
});

describe('score on a program folder: computed items with evidence', () => {
  it('computes items from the records and shows the explicit rating beside the computed one', () => {
    const r = json(['score', jardins]).reviews[0];
    const it = itemsOf(r);
    expect(r.program).toMatchObject({ id: 'JE-13-001' });
    expect(it.S1).toMatchObject({ score: 4, source: 'score', overridden: { score: 5, source: 'records', evidence: { value: 12.22 } } });
    expect(it.S2).toMatchObject({ score: 4, source: 'records', evidence: { value: 90.6 } });
    expect(it.O1).toMatchObject({ score: 4, evidence: { value: 86.4, n: 22 } });
    expect(it.V4).toMatchObject({ score: 3, evidence: { value: 73.5, n: 30 } });
    expect(it.V6).toMatchObject({ score: 1, source: 'records' });
    expect(it.V8).toMatchObject({ score: 3, evidence: { value: 62.1, n: 29 } });
    expect(it.V9).toMatchObject({ score: 3, evidence: { value: 62.1, n: 29 } });
    expect(it.V10).toMatchObject({ score: 3, evidence: { value: 75, n: 12 } });
    expect(it.V13).toMatchObject({
      score: 3,
      evidence: {
        specialists: [
          { value: 55, score: 4 },
          { value: 35, score: 2 },
        ],
      },
    });
    expect(it.S3).toMatchObject({ score: 5, source: 'elements' });
    expect(it.O3).toMatchObject({ score: 2, source: 'score' });
    expect(it.S1.evidenceText).toContain('les données donneraient 5 : 12,22 = 22 personnes en file active / 1,8 ETP de conseillers au 31/12/2026');
    expect(r).toMatchObject({ complete: false, rated: 13 });
    expect(itemsOf(r).V12.evidenceText).toBe('non coté');
  });
  it('computes the English program from records alone, ties going down on V6', () => {
    const it = itemsOf(json(['score', harbour]).reviews[0]);
    expect(Object.fromEntries(['S1', 'S2', 'O1', 'V4', 'V6', 'V8', 'V9', 'V10', 'V13'].map((c) => [c, it[c].score]))).toEqual({
      S1: 5,
      S2: 4,
      O1: 5,
      V4: 4,
      V6: 2,
      V8: 4,
      V9: 3,
      V10: 4,
      V13: 4,
    });
    expect(it.V6.evidence.specialists).toEqual([
      { name: 'Aisha Okafor', value: 4.2, score: 3 },
      { name: 'Tom Whitfield', value: 2.8, score: 2 },
    ]);
    expect(it.V10.evidence).toMatchObject({ value: 90, n: 10 });
    expect(it.V10.evidenceText).toBe('90% = 9 competitive jobs / 10 current jobs (on 2026-03-31) (≥ 85 → 4)');
  });
  it('says why an item could not be computed', () => {
    const dir = tempDir();
    const r = cli(['score', dir, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no program data found');
  });
});

describe('broken program folder', () => {
  it('reports every problem with file, line and column, exit 2, nothing written', () => {
    const out = join(tempDir(), 'o.json');
    // --lang en: the folder is French data (its problems are in French without it).
    const r = cli(['outcomes', fixture('programs', 'broken'), '-o', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    const b = (f: string) => join(fixture('programs', 'broken'), f);
    for (const line of [
      `${b('participants.csv')}:3:2: error: this date does not exist (column date_entree, value "31/02/2026")`,
      `${b('participants.csv')}:6:1: error: participant id already used on line 4 (column identifiant, value "B003")`,
      `${b('emplois.csv')}:3:1: error: no participant with this id in the participants table (column participant, value "B099")`,
      `${b('emplois.csv')}:4:5: error: the job ends before it starts (2026-06-01) (column date_fin, value "15/05/2026")`,
      `${b('emplois.csv')}:5:6: error: out of range: expected ≥ 0, ≤ 80 (column heures_semaine, value "-35")`,
      `${b('emplois.csv')}:6:8: warning: unknown contract, counted as unclassified (not competitive); rows with this value: 1; known: `,
      `${b('contacts.csv')}:4:1: error: no specialist of this name in the staff table (column conseiller, value "Sophie Lambert")`,
    ])
      expect(r.stderr).toContain(line);
    expect(existsSync(out)).toBe(false);
    expect(cli(['validate', fixture('programs', 'broken')]).code).toBe(2);
  });
  it('outcomes needs a folder', () => {
    const r = cli(['outcomes', fixture('reviews', 'riverside-2026.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a program folder');
  });
});

describe('a large program folder', () => {
  // A jobs file over 8 MB is read in a worker thread while the other tables are read; the results,
  // problems included, are those of reading it in one thread (IPS_FIDELITY_THREADS=1).
  const dir = tempDir();
  const people = 40_000;
  const rows = ['id,entry_date,exit_date,specialist,working_at_entry'];
  for (let i = 0; i < people; i++)
    rows.push(
      `P${i},2024-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)},${i % 5 === 0 ? '2025-06-30' : ''},ES${i % 40},${i % 10 === 0 ? 'oui' : 'non'}`,
    );
  writeFileSync(join(dir, 'participants.csv'), rows.join('\n') + '\n');
  const jobs = ['participant,employer,job_type,start_date,end_date,hours_per_week,hourly_wage,contract'];
  for (let j = 0; j < 150_000; j++) {
    const p = (j * 7919) % people;
    jobs.push(
      `P${p},Employer ${j % 997},type ${j % 31},2024-${String(1 + (j % 12)).padStart(2, '0')}-15,${j % 3 ? '' : '2025-12-31'},${8 + (j % 30)},${(11.5 + (j % 60) / 10).toFixed(2)},${['cdi', 'cdd', 'interim', 'esat'][j % 4]}`,
    );
  }
  writeFileSync(join(dir, 'jobs.csv'), jobs.join('\n') + '\n');
  const broken = join(dir, 'broken');
  mkdirSync(broken);
  writeFileSync(join(broken, 'participants.csv'), rows.join('\n') + '\n');
  const bad = [...jobs];
  bad[1000] = bad[1000]!.replace(/^P\d+/, 'P999999');
  bad[2000] = bad[2000]!.replace('2024-', '2024-13-');
  bad[3000] = bad[3000]!.replace(/,cd[id]$|,interim$|,esat$/, ',bogus');
  bad[4000] = bad[4000]!.replace(/^P\d+/, 'P888888').replace(/,[a-z]+$/, ',');
  writeFileSync(join(broken, 'jobs.csv'), bad.join('\n') + '\n');

  it('gives the same outcomes, per-person table and problems in one thread and in two', () => {
    expect(statSync(join(dir, 'jobs.csv')).size).toBeGreaterThan(8 * 1_048_576);
    for (const args of [
      ['outcomes', dir, '--format', 'json'],
      ['outcomes', dir, '--convention', 'ips-grow', '--by', 'month', '--format', 'csv'],
      ['score', dir, '--format', 'json'],
      ['outcomes', broken],
    ]) {
      const one = cli(args, { IPS_FIDELITY_THREADS: '1' });
      const two = cli(args);
      expect(two.code, args.join(' ')).toBe(one.code);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
    }
    const r = cli(['outcomes', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('jobs.csv:1001:1: error: no participant with this id in the participants table (column participant, value "P999999")');
    expect(r.stderr).toContain('jobs.csv:3001:8: warning: unknown contract');
    // A row that is not kept (no contract) still has its participant checked.
    expect(r.stderr).toContain('jobs.csv:4001:8: error: "contract" is empty');
    expect(r.stderr).toContain('jobs.csv:4001:1: error: no participant with this id in the participants table (column participant, value "P888888")');
    expect(r.stderr.indexOf(':1001:1:')).toBeLessThan(r.stderr.indexOf(':2001:'));
  }, 120_000); // nine runs on a 9 MB folder: ~50 s on a loaded 2-core machine
});

describe('unknown contract values', () => {
  it('warn with the file line and value, count the job as unclassified, and do not stop the run', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'participants.csv'), 'id,entry_date\nA,2026-01-05\nB,2026-01-05\n');
    const rows = ['participant,start_date,contract,competitive', 'A,2026-02-01,cdi,', 'B,2026-02-01,contrat aidé,', 'B,2026-03-01,other thing,yes'];
    for (let i = 0; i < 40; i++) rows.push(`A,2026-04-${String(1 + (i % 28)).padStart(2, '0')},mystery ${i},`);
    writeFileSync(join(dir, 'jobs.csv'), rows.join('\n') + '\n');
    const r = cli(['outcomes', dir, '--format', 'json', '--from', '2026-01-01', '--to', '2026-06-30', '--min-cell', '0']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `${join(dir, 'jobs.csv')}:3:3: warning: unknown contract, counted as unclassified (not competitive); rows with this value: 1; known: cdi,`,
    );
    expect(r.stderr).toContain('(column contract, value "contrat aidé")');
    expect(r.stderr).toContain(`${join(dir, 'jobs.csv')}:4:3: warning: unknown contract, classified by its competitive column`);
    // 41 warnings of one kind: the first 10 are printed, then how many more.
    expect(r.stderr.split('\n').filter((l) => l.includes(': warning: unknown contract, counted')).length).toBe(10);
    expect(r.stderr).toMatch(/and 31 more/);
    const o = JSON.parse(r.stdout);
    const aided = o.measures.contracts.byContract.find((c: any) => c.contract === 'contrat aidé');
    expect(aided).toMatchObject({ known: false, competitive: false, jobs: 1 });
    // B works only through the job whose competitive column says yes.
    expect(o.measures).toMatchObject({ served: 2, working: 2 });
  });
  it('give one warning per value however many rows carry it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'program.yaml'), 'program: {name: Test}\n');
    writeFileSync(join(dir, 'participants.csv'), ['id,entry_date', ...Array.from({ length: 3000 }, (_, i) => `P${i},2026-01-05`)].join('\n') + '\n');
    writeFileSync(
      join(dir, 'jobs.csv'),
      ['participant,start_date,contract', ...Array.from({ length: 3000 }, (_, i) => `P${i},2026-02-01,CDI temps plein`)].join('\n') + '\n',
    );
    const r = cli(['outcomes', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('jobs.csv:2:3: warning: unknown contract, counted as unclassified (not competitive); rows with this value: 3,000;');
    expect(JSON.parse(r.stdout).measures).toMatchObject({ served: 3000, working: 0 });
  });
  it('classifies the French contract types real files carry', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'program.yaml'), 'program: {name: Test}\n');
    writeFileSync(join(dir, 'participants.csv'), 'id,entry_date\nA,2026-01-05\n');
    const values = [
      'CDD Tremplin',
      'EATT',
      'ETTI',
      'intérim d’insertion',
      'PEC',
      'CUI-CAE',
      'service civique',
      'CDI intérimaire',
      'particulier employeur',
      'CESU',
    ];
    writeFileSync(join(dir, 'jobs.csv'), ['participant,start_date,contract', ...values.map((v) => `A,2026-02-01,${v}`)].join('\n') + '\n');
    const r = cli(['outcomes', dir, '--format', 'json', '--min-cell', '0']);
    expect(r.stderr).toBe('');
    const by = Object.fromEntries(
      JSON.parse(r.stdout).measures.contracts.byContract.map((c: any) => [c.contract, [c.competitive, c.setting, c.jobs]]),
    );
    expect(by).toEqual({
      'cdi-interimaire': [true, 'ordinary', 1],
      'particulier-employeur': [true, 'ordinary', 2],
      'cdd-tremplin': [false, 'adapted', 1],
      eatt: [false, 'adapted', 1],
      etti: [false, 'ordinary', 2],
      pec: [false, 'ordinary', 2],
      'service-civique': [false, 'ordinary', 1],
    });
  });
});

describe('person-level measures in every format (harbour, fixtures/programs/README.md)', () => {
  it('gives the longest job, weeks worked and people at 20+ hours in JSON, the table and Markdown', () => {
    const M = json(['outcomes', harbour]).measures;
    expect(M.tenure.longest).toEqual({ people: 15, medianDays: 166, meanDays: 305.4, censored: 9 });
    expect(M.weeksWorked.people).toBe(15);
    expect(M.weeksWorked.mean * 7 * 15).toBeCloseTo(2890, 6);
    expect(M.weeksWorked.median * 7).toBeCloseTo(198, 6);
    expect(M.hours).toMatchObject({ line: 20, atLeast20: { count: 8, of: 18 }, peopleAtLeast20: { count: 6, of: 15 } });
    const table = cli(['outcomes', harbour, '--lang', 'en']).stdout;
    expect(table).toMatch(/People working 20 hours +6 of 15 \(40\.0%\)/);
    expect(table).toMatch(/Longest-held job, per +median 166 days/);
    for (const format of ['markdown']) {
      const r = cli(['outcomes', harbour, '--format', format, '--lang', 'en']);
      expect(r.code).toBe(0);
      const text = r.stdout.replace(/\s+/g, ' ');
      expect(text, format).toContain('median 166 days (n = 15 people; of them 9 still in that job at the window end, counted to that day)');
      expect(text, format).toContain('mean 27.5 weeks, median 28.3 weeks (n = 15)');
      expect(text, format).toMatch(/People working 20 hours a week or more \(in one job\) \|? ?6 of 15 \(40\.0%\)/);
      expect(text, format).toContain('median 93 days (n = 10 ended jobs)');
    }
  });
});

describe('--outcome-rules: a user copy of scales/outcome-rules.yaml', () => {
  const builtin = readFileSync(join(ROOT, 'scales', 'outcome-rules.yaml'), 'utf8');
  it('moves the benchmarks and the sanity limits', () => {
    const dir = tempDir();
    const rules = join(dir, 'rules.yaml');
    writeFileSync(rules, builtin.replace('minimal: 31', 'minimal: 20').replace('max: 80', 'max: 40'));
    const o = json(['outcomes', harbour, '--outcome-rules', rules]);
    expect(o.rules.benchmarks.minimal).toBe(20);
    writeFileSync(join(dir, 'participants.csv'), 'id,entry_date\nA,2026-01-05\n');
    writeFileSync(join(dir, 'jobs.csv'), 'participant,start_date,contract,hours_per_week\nA,2026-02-01,cdi,45\n');
    expect(cli(['outcomes', dir]).code).toBe(0);
    const r = cli(['outcomes', dir, '--outcome-rules', rules]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('jobs.csv:2:4: error: out of range: expected ≥ 0, ≤ 40');
  });
  it('names a problem of the rules file with its line, exit 2', () => {
    const rules = join(tempDir(), 'rules.yaml');
    writeFileSync(rules, builtin.replace('average: 41', 'average: 25'));
    const r = cli(['outcomes', harbour, '--outcome-rules', rules]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rules\.yaml:\d+:\d+: error: .*minimal ≤ average ≤ excellent/);
  });
});
