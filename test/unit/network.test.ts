// The network total and half-year periods, on made-up outcomes.
import { describe, expect, it } from 'vitest';
import { splitWindow, type Outcomes, type PeriodOutcome } from '../../src/core/outcomes.js';
import { networkOutcomes } from '../../src/core/network.js';
import { loadOutcomeRules } from '../../src/read/data-files.js';

const rules = loadOutcomeRules();
const period = (label: string, from: string, to: string, served: number, working: number): PeriodOutcome => ({
  label,
  from,
  to,
  served,
  working,
  rate: served ? working / served : null,
  partial: false,
  benchmark: null,
  jobStarts: working,
  firstJobStarts: 0,
});
const program = (periods: PeriodOutcome[]) =>
  ({
    periods,
    measures: { served: periods[0]!.served, working: periods[0]!.working, rate: null, jobStarts: 1, firstJobStarts: 0 },
  }) as unknown as Outcomes;

describe('half-years', () => {
  it('cuts at 1 January and 1 July, clipped to the window', () => {
    expect(splitWindow({ from: '2025-03-15', to: '2026-07-01' }, 'semester')).toEqual([
      { label: '2025-H1', from: '2025-03-15', to: '2025-06-30' },
      { label: '2025-H2', from: '2025-07-01', to: '2025-12-31' },
      { label: '2026-H1', from: '2026-01-01', to: '2026-06-30' },
      { label: '2026-H2', from: '2026-07-01', to: '2026-07-01' },
    ]);
  });
});

describe('the network total', () => {
  const opts = { window: { from: '2025-07-01', to: '2025-12-31' }, by: 'quarter' as const, convention: 'standard' as const, minCell: 5, rules };
  const a = program([period('2025-Q3', '2025-07-01', '2025-09-30', 10, 1), period('2025-Q4', '2025-10-01', '2025-12-31', 0, 0)]);
  const b = program([period('2025-Q3', '2025-07-01', '2025-09-30', 90, 54), period('2025-Q4', '2025-10-01', '2025-12-31', 4, 2)]);
  const n = networkOutcomes([a, b], opts);
  it("adds the programs' people: the rate is not an average of rates", () => {
    expect(n.periods[0]).toMatchObject({ served: 100, working: 55, rate: 0.55, benchmark: 'excellent', partial: false });
    // An average of the two rates would be 0.35 (below minimal).
    expect(n.periods[1]).toMatchObject({ served: 4, working: 2, rate: 0.5 });
    expect(n.measures).toMatchObject({ served: 100, working: 55, jobStarts: 2 });
  });
  it('classes only whole quarters, as for a program', () => {
    const m = networkOutcomes([a, b], { ...opts, by: 'semester' });
    expect(m.periods.every((p) => p.benchmark === null)).toBe(true);
  });
});
