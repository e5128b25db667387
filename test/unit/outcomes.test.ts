import { describe, expect, it } from 'vitest';
import { benchmarkOf, cell, computeOutcomes, median, splitWindow, type OutcomeOptions } from '../../src/core/outcomes.js';
import { programRecords, type Job, type Participant, type ProgramRecords } from '../../src/core/records.js';
import { loadContracts, loadOutcomeRules } from '../../src/read/data-files.js';
import { isCompetitive, isJob } from '../../src/core/contracts.js';
import { messages } from '../../src/i18n/locale.js';
import { rateText } from '../../src/render/outcomes-view.js';

const contracts = loadContracts();
const rules = loadOutcomeRules();

function records(participants: Participant[], jobs: Job[] = []): ProgramRecords {
  return programRecords({
    settings: { name: 'Test', teams: {} },
    participants,
    jobs,
    tables: { participants: true, jobs: true, contacts: false, staff: false },
  });
}
const opts = (from: string, to: string, more: Partial<OutcomeOptions> = {}): OutcomeOptions => ({
  window: { from, to },
  by: 'quarter',
  convention: 'standard',
  minCell: 5,
  rules,
  ...more,
});
const person = (id: string, entry: string, more: Partial<Participant> = {}): Participant => ({ id, entry, ...more });
const job = (participant: string, start: string, contract = 'cdi', more: Partial<Job> = {}): Job => ({ participant, start, contract, ...more });

describe('periods', () => {
  it('splits a window into calendar quarters, months and years, clipped to the window', () => {
    expect(splitWindow({ from: '2025-02-15', to: '2025-07-10' }, 'quarter')).toEqual([
      { label: '2025-Q1', from: '2025-02-15', to: '2025-03-31' },
      { label: '2025-Q2', from: '2025-04-01', to: '2025-06-30' },
      { label: '2025-Q3', from: '2025-07-01', to: '2025-07-10' },
    ]);
    expect(splitWindow({ from: '2024-01-01', to: '2024-03-31' }, 'month').map((p) => [p.label, p.to])).toEqual([
      ['2024-01', '2024-01-31'],
      ['2024-02', '2024-02-29'],
      ['2024-03', '2024-03-31'],
    ]);
    expect(splitWindow({ from: '2025-06-01', to: '2026-02-01' }, 'year').map((p) => p.label)).toEqual(['2025', '2026']);
    expect(splitWindow({ from: '2025-01-01', to: '2025-12-31' }, 'none')).toHaveLength(1);
  });
  it('classifies rates against the 31/41/50% benchmarks', () => {
    expect([0.309, 0.31, 0.409, 0.41, 0.499, 0.5, null].map((r) => benchmarkOf(r, rules.benchmarks))).toEqual([
      'below-minimal',
      'minimal',
      'minimal',
      'average',
      'average',
      'excellent',
      null,
    ]);
  });
  it('classes a rate as printed (one decimal): a 30.96% quarter reads 31.0% and is minimal, 30.94% reads 30.9% and is below', () => {
    const m = messages('en');
    expect([0.3096, 0.3094, 0.40951, 0.4994].map((r) => [rateText(r, m), benchmarkOf(r, rules.benchmarks)])).toEqual([
      ['31.0%', 'minimal'],
      ['30.9%', 'below-minimal'],
      ['41.0%', 'average'],
      ['49.9%', 'average'],
    ]);
  });
  it('marks periods the window cuts as partial, with no benchmark class', () => {
    const r = records([person('a', '2025-01-01'), person('b', '2025-01-01')], [job('a', '2025-01-01')]);
    const q = computeOutcomes(r, contracts, opts('2025-02-15', '2025-09-30'));
    expect(q.periods.map((p) => [p.label, p.partial, p.benchmark])).toEqual([
      ['2025-Q1', true, null],
      ['2025-Q2', false, 'excellent'],
      ['2025-Q3', false, 'excellent'],
    ]);
    const months = computeOutcomes(r, contracts, opts('2025-02-15', '2025-04-10', { by: 'month' }));
    expect(months.periods.map((p) => [p.label, p.partial, p.benchmark])).toEqual([
      ['2025-02', true, null],
      ['2025-03', false, null],
      ['2025-04', true, null],
    ]);
    const grow = computeOutcomes(r, contracts, opts('2025-02-15', '2025-06-30', { convention: 'ips-grow' }));
    expect(grow.periods.map((p) => [p.benchmark, p.growBenchmarkMet])).toEqual([
      [null, null],
      [null, true],
    ]);
  });
});

describe('who counts, and when', () => {
  const q2 = opts('2026-04-01', '2026-06-30');
  it('counts a job that ends on the first day of a quarter in that quarter', () => {
    const o = computeOutcomes(records([person('a', '2026-01-01')], [job('a', '2026-02-01', 'cdi', { end: '2026-04-01' })]), contracts, q2);
    expect(o.periods[0]).toMatchObject({ served: 1, working: 1, rate: 1 });
  });
  it('does not count a job that ended the day before the quarter', () => {
    const o = computeOutcomes(records([person('a', '2026-01-01')], [job('a', '2026-02-01', 'cdi', { end: '2026-03-31' })]), contracts, q2);
    expect(o.periods[0]).toMatchObject({ served: 1, working: 0, rate: 0 });
  });
  it('does not serve a person who exited the day before the quarter, but serves one exiting on its first day', () => {
    const o = computeOutcomes(
      records([person('a', '2026-01-01', { exit: '2026-03-31' }), person('b', '2026-01-01', { exit: '2026-04-01' })]),
      contracts,
      q2,
    );
    expect(o.periods[0]!.served).toBe(1);
  });
  it('counts someone entering on the last day of the quarter, and an ongoing job (no end)', () => {
    const o = computeOutcomes(records([person('a', '2026-06-30')], [job('a', '2026-06-30')]), contracts, q2);
    expect(o.periods[0]).toMatchObject({ served: 1, working: 1 });
    const later = computeOutcomes(records([person('a', '2025-01-01')], [job('a', '2025-02-01')]), contracts, q2);
    expect(later.periods[0]).toMatchObject({ served: 1, working: 1 });
  });
  it('never counts reserved, sheltered, transitional jobs or work trials as competitive', () => {
    for (const c of ['ea', 'esat', 'mad', 'stage', 'pmsmp', 'cddi', 'transitional']) {
      expect(isCompetitive(contracts, { contract: c }), c).toBe(false);
      const o = computeOutcomes(records([person('a', '2026-01-01')], [job('a', '2026-04-10', c)]), contracts, q2);
      expect(o.periods[0]!.working, c).toBe(0);
    }
    expect(isJob(contracts, { contract: 'stage' })).toBe(false);
    expect(isJob(contracts, { contract: 'PMSMP' })).toBe(false);
    for (const c of [
      'cdi',
      'CDD',
      'intérim',
      'apprentissage',
      'professionnalisation',
      'fonction-publique',
      'independant',
      'permanent',
      'temporary',
      'seasonal',
    ]) {
      expect(isCompetitive(contracts, { contract: c }), c).toBe(true);
    }
  });
  it('lets a job override its contract with the competitive column', () => {
    const o = computeOutcomes(
      records(
        [person('a', '2026-01-01'), person('b', '2026-01-01')],
        [job('a', '2026-04-10', 'cdd', { competitive: false }), job('b', '2026-04-10', 'ea', { competitive: true })],
      ),
      contracts,
      q2,
    );
    expect(o.periods[0]).toMatchObject({ served: 2, working: 1 });
  });
});

describe('a cohort of 156 people of whom 85 worked', () => {
  const people = Array.from({ length: 156 }, (_, i) => person(`p${i}`, '2024-01-15'));
  const jobs = people.slice(0, 85).map((p, i) => job(p.id, i % 2 ? '2024-06-01' : '2025-03-01', i % 3 ? 'cdi' : 'interim', { end: '2025-05-01' }));
  const cohort = records(people, [...jobs, job('p100', '2024-05-01', 'esat'), job('p101', '2024-05-01', 'stage')]);
  it('has a 54.5% employment rate over the whole window (--by none), with its counts', () => {
    const o = computeOutcomes(cohort, contracts, opts('2024-01-01', '2025-06-30', { by: 'none' }));
    expect(o.periods).toHaveLength(1);
    expect(o.periods[0]).toMatchObject({ served: 156, working: 85, benchmark: null });
    expect(o.periods[0]!.rate).toBeCloseTo(0.5449, 4);
    expect((o.periods[0]!.rate! * 100).toFixed(1)).toBe('54.5');
    expect(o.measures).toMatchObject({ served: 156, working: 85, jobStarts: 85, firstJobStarts: 85 });
  });
  it('gives quarterly rates with their benchmark classes', () => {
    const o = computeOutcomes(cohort, contracts, opts('2024-01-01', '2025-06-30'));
    const q = Object.fromEntries(o.periods.map((p) => [p.label, [p.working, p.benchmark]]));
    expect(q['2024-Q1']).toEqual([0, 'below-minimal']);
    expect(q['2024-Q2']).toEqual([42, 'below-minimal']); // 42/156 = 26.9%
    expect(q['2025-Q1']).toEqual([85, 'excellent']);
    expect(q['2025-Q2']).toEqual([85, 'excellent']); // jobs end 2025-05-01, inside Q2
  });
  it('counts work trials apart from jobs in the contract mix', () => {
    const o = computeOutcomes(cohort, contracts, opts('2024-01-01', '2025-06-30', { by: 'none' }));
    expect(o.measures.contracts).toMatchObject({ jobs: 86, competitive: 85, workTrials: 1 });
    // 86 − 85 gives the one ESAT job and the one work trial is the stage: no listing can hide them.
    expect(o.measures.contracts).toMatchObject({ byContract: [], bySetting: [], withheld: true });
    const open = computeOutcomes(cohort, contracts, opts('2024-01-01', '2025-06-30', { by: 'none', minCell: 0 }));
    expect(open.measures.contracts.byContract.map((c) => [c.contract, c.jobs])).toEqual([
      ['cdi', 56],
      ['interim', 29],
      ['esat', 1],
      ['stage', 1],
    ]);
  });
});

describe('time to job, tenure, hours, wages, exits', () => {
  const r = records(
    [
      person('a', '2025-01-01', { firstEmployerContact: '2025-01-21' }),
      person('b', '2025-01-01', { firstEmployerContact: '2025-03-01' }),
      person('c', '2025-06-01', { exit: '2025-07-01', exitReason: 'moved' }),
      person('d', '2025-10-01'),
    ],
    [
      job('a', '2025-03-01', 'cdi', { end: '2025-08-29', hoursPerWeek: 24, hourlyWage: 12.5 }), // 59 days after entry; lasted 182 days (both ends counted)
      job('b', '2025-07-20', 'cdd', { hoursPerWeek: 15, hourlyWage: 11 }), // 200 days after entry
    ],
  );
  const o = computeOutcomes(r, contracts, opts('2025-01-01', '2025-12-31', { by: 'none', minimumWage: 11.88 }));
  it('measures days from entry to first employer contact and first job', () => {
    // c and d have no contact after more than 30 days: counted at the days elapsed (213, 91), as V4 does.
    expect(o.measures.daysToFirstContact).toEqual({
      cohort: 4,
      n: 4,
      mean: (20 + 59 + 213 + 91) / 4,
      median: 75,
      observed: 2,
      late: 2,
      recent: 0,
      limit: 30,
    });
    const recent = computeOutcomes(r, contracts, opts('2025-01-01', '2025-10-20', { by: 'none', contactLimit: 30 }));
    expect(recent.measures.daysToFirstContact).toMatchObject({ cohort: 4, n: 3, observed: 2, late: 1, recent: 1 });
    expect(o.measures.daysToFirstJob.median).toBe(129.5);
    expect(o.measures.daysToFirstJob.within).toEqual([
      { days: 90, count: 1, of: 4, rate: 0.25 },
      { days: 180, count: 1, of: 3, rate: 1 / 3 }, // d entered 91 days before the end: not eligible
      { days: 365, count: 0, of: 0, rate: null },
    ]);
  });
  it('measures tenure and jobs still held at 90 and 180 days', () => {
    expect(o.measures.tenure.ended).toBe(1);
    expect(o.measures.tenure.medianDays).toBe(182);
    expect(o.measures.tenure.stillWorking).toEqual([
      { days: 90, count: 2, of: 2, rate: 1 },
      { days: 180, count: 1, of: 1, rate: 1 },
    ]);
  });
  it('measures hours and wages against the program minimum wage', () => {
    expect(o.measures.hours).toEqual({
      n: 2,
      median: 19.5,
      line: 20,
      atLeast20: { count: 1, of: 2, rate: 0.5 },
      peopleAtLeast20: { count: 1, of: 2, rate: 0.5 },
    });
    expect(o.measures.wage).toEqual({ n: 2, median: 11.75, minimumWage: 11.88, atOrAboveMinimum: { count: 1, of: 2, rate: 0.5 } });
    const noWage = computeOutcomes(r, contracts, opts('2025-01-01', '2025-12-31', { by: 'none' }));
    expect(noWage.measures.wage.atOrAboveMinimum).toBeNull();
  });
  it('counts people who left before any job, reasons suppressed under the minimum cell', () => {
    expect(o.measures.exits).toMatchObject({ exited: 1, beforeAnyJob: 1, dropOut: { count: 1, of: 4, rate: 0.25 } });
    // One reason of one person equals the shown total: not listed at all.
    expect(o.measures.exits).toMatchObject({ reasons: [], reasonsWithheld: true });
    const open = computeOutcomes(r, contracts, opts('2025-01-01', '2025-12-31', { by: 'none', minCell: 0 }));
    expect(open.measures.exits.reasons).toEqual([{ reason: 'moved', people: 1 }]);
  });
});

describe('conventions and privacy', () => {
  it('ips-grow leaves out people working at entry and counts a job from its 4th paid hour', () => {
    const r = records(
      [person('a', '2026-01-01', { workingAtEntry: true }), person('b', '2026-01-01'), person('c', '2026-01-01')],
      [job('a', '2026-02-01'), job('b', '2026-06-29', 'cdi', { hoursPerWeek: 8 }), job('c', '2026-06-25', 'cdi', { hoursPerWeek: 8 })],
    );
    const standard = computeOutcomes(r, contracts, opts('2026-04-01', '2026-06-30'));
    expect(standard.periods[0]).toMatchObject({ served: 3, working: 3 });
    const grow = computeOutcomes(r, contracts, opts('2026-04-01', '2026-06-30', { convention: 'ips-grow' }));
    // 8 h/week: the 4th hour comes on day ceil(28/8) = 4, i.e. start + 3 days: c counts (06-28), b not (07-02).
    expect(grow.periods[0]).toMatchObject({ served: 2, working: 1, growBenchmarkMet: true });
  });
  it('suppresses small cells, shows zero, and keeps program totals', () => {
    expect([0, 1, 4, 5].map((n) => cell(n, 5))).toEqual([0, '<5', '<5', 5]);
    expect(cell(3, 0)).toBe(3);
    expect(median([3, 1, 2])).toBe(2);
  });
  it('never puts a participant id in the result', () => {
    const r = records([person('SECRET-ID-1', '2025-01-01', { specialist: 'Ann' })], [job('SECRET-ID-1', '2025-02-01')]);
    const o = computeOutcomes(r, contracts, opts('2025-01-01', '2025-12-31'));
    expect(JSON.stringify(o)).not.toContain('SECRET-ID');
  });
});

describe('ips-grow with a few minutes a week', () => {
  it('never counts a job whose 4th hour falls past any real day, and does not overflow', () => {
    for (const hoursPerWeek of [1e-9, 0.001, 1]) {
      const o = computeOutcomes(
        records([person('a', '2024-01-01')], [job('a', '2024-02-01', 'cdi', { hoursPerWeek })]),
        contracts,
        opts('2024-01-01', '2024-03-31', { by: 'month', convention: 'ips-grow' }),
      );
      // At 1 h a week the 4th hour is reached on the job's 28th day (28 February); at less, never in the window.
      expect(
        o.periods.map((p) => p.working),
        String(hoursPerWeek),
      ).toEqual(hoursPerWeek === 1 ? [0, 1, 1] : [0, 0, 0]);
    }
  });
});

describe('tenure and person-level measures', () => {
  const W = opts('2026-01-01', '2026-12-31', { by: 'none', minCell: 0 });
  it('counts job days inclusively: a job started and ended on the same day lasted 1 day', () => {
    const one = computeOutcomes(records([person('a', '2026-01-01')], [job('a', '2026-03-02', 'cdi', { end: '2026-03-02' })]), contracts, W);
    expect(one.measures.tenure).toMatchObject({ ended: 1, medianDays: 1 });
    const two = computeOutcomes(records([person('a', '2026-01-01')], [job('a', '2026-03-02', 'cdi', { end: '2026-03-03' })]), contracts, W);
    expect(two.measures.tenure.medianDays).toBe(2);
  });
  it("takes each person's longest-held job, an ongoing one counted to the window end and censored", () => {
    const r = records(
      [person('a', '2026-01-01'), person('b', '2026-01-01'), person('c', '2026-01-01')],
      [
        job('a', '2026-02-01', 'cdi', { end: '2026-02-10', hoursPerWeek: 10 }), // 10 days
        job('a', '2026-12-02', 'cdd', { hoursPerWeek: 25 }), // ongoing: 30 days to 2026-12-31, censored
        job('b', '2026-03-01', 'cdi', { end: '2026-05-31', hoursPerWeek: 15 }), // 92 days
        job('b', '2026-04-01', 'cdd', { end: '2026-04-07' }), // overlaps the first: no extra weeks
        job('c', '2026-05-01', 'esat', { end: '2026-05-31', hoursPerWeek: 35 }), // not competitive
      ],
    );
    const M = computeOutcomes(r, contracts, W).measures;
    expect(M.tenure.longest).toEqual({ people: 2, medianDays: 61, meanDays: 61, censored: 1 });
    expect(M.weeksWorked).toEqual({ people: 2, mean: (40 / 7 + 92 / 7) / 2, median: (40 / 7 + 92 / 7) / 2 });
    // People (not jobs): a has a 25-hour job, b none of 20+; c has no competitive job.
    expect(M.hours.peopleAtLeast20).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(M.hours.atLeast20).toEqual({ count: 1, of: 3, rate: 1 / 3 });
  });
  it('clips weeks worked to the window but counts tenure from the job start', () => {
    const r = records([person('a', '2025-01-01')], [job('a', '2025-12-25', 'cdi', { end: '2026-01-07' })]);
    const M = computeOutcomes(r, contracts, W).measures;
    expect(M.tenure.longest).toMatchObject({ people: 1, medianDays: 14, censored: 0 });
    expect(M.weeksWorked.mean).toBe(1);
  });
});

describe('exits', () => {
  it('says exits are not recorded when no participant has an exit date', () => {
    const o = computeOutcomes(
      records([person('a', '2026-01-01'), person('b', '2026-02-01')]),
      contracts,
      opts('2026-01-01', '2026-06-30', { by: 'none' }),
    );
    expect(o.measures.exits.recorded).toBe(false);
    const some = computeOutcomes(
      records([person('a', '2026-01-01', { exit: '2027-01-01' })]),
      contracts,
      opts('2026-01-01', '2026-06-30', { by: 'none' }),
    );
    expect(some.measures.exits.recorded).toBe(true);
  });
});

describe('outcome rules from data', () => {
  it('takes benchmarks, windows and the hours line from the rules', () => {
    const mine = {
      ...rules,
      benchmarks: { ...rules.benchmarks, minimal: 20 },
      windows: { ...rules.windows, firstJobWithin: [30] },
      hours: { ...rules.hours, atLeast: 30 },
    };
    const r = records(
      [person('a', '2026-01-01'), person('b', '2026-01-01'), person('c', '2026-01-01'), person('d', '2026-01-01')],
      [job('a', '2026-01-20', 'cdi', { hoursPerWeek: 25 })],
    );
    const std = computeOutcomes(r, contracts, opts('2026-04-01', '2026-06-30'));
    const own = computeOutcomes(r, contracts, opts('2026-04-01', '2026-06-30', { rules: mine }));
    expect(std.periods[0]).toMatchObject({ rate: 0.25, benchmark: 'below-minimal' });
    expect(own.periods[0]).toMatchObject({ rate: 0.25, benchmark: 'minimal' });
    expect(own.measures.daysToFirstJob.within.map((w) => w.days)).toEqual([30]);
    expect(std.measures.hours.atLeast20.count).toBe(1);
    expect(own.measures.hours).toMatchObject({ line: 30, atLeast20: { count: 0 } });
    expect(own.rules).toBe(mine);
  });
});
