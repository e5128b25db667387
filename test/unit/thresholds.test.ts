import { describe, expect, it } from 'vitest';
import { checkRate, latestPositions, parseItemMinimum } from '../../src/core/thresholds.js';
import { closest } from '../../src/shared/suggest.js';
import type { PeriodOutcome } from '../../src/core/outcomes.js';

describe('gate helpers', () => {
  it('parseItemMinimum reads CODE=N and nothing else', () => {
    expect(parseItemMinimum('V1=4')).toEqual({ code: 'V1', min: 4 });
    expect(parseItemMinimum(' caseload-size = 3 ')).toEqual({ code: 'caseload-size', min: 3 });
    for (const bad of ['V1', 'V1=', '=3', 'V1=3.5', 'V1=-1', 'V1=x']) expect(parseItemMinimum(bad), bad).toBeNull();
  });
  it('latestPositions: the last review of each program group', () => {
    expect([...latestPositions([2, 1, 3])]).toEqual([1, 2, 5]);
    expect([...latestPositions([])]).toEqual([]);
  });
  it('closest suggests only near codes', () => {
    expect(closest('V66', ['V1', 'V6', 'S1'])).toBe('V6');
    expect(closest('v6', ['V6'])).toBe('V6');
    expect(closest('Z99', ['V1', 'S1'])).toBeUndefined();
  });
  it('checkRate compares the printed rate and leaves out partial and small periods when asked', () => {
    const p = (label: string, rate: number, served: number, partial = false) => ({ label, rate, served, partial }) as PeriodOutcome;
    const printed = (r: number) => Math.round(r * 1000) / 1000;
    const periods = [p('a', 0.3096, 100), p('b', 0.2, 4), p('c', 0.1, 50, true)];
    expect(checkRate(periods, { minRate: 31 }, printed).failing.map((x) => x.label)).toEqual(['b', 'c']);
    const r = checkRate(periods, { minRate: 31, skipPartial: true, minServed: 5 }, printed);
    expect(r.failing).toEqual([]);
    expect(r.skipped.map((x) => x.label)).toEqual(['b', 'c']);
  });
});
