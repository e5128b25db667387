// The next review date: calendar months with end-of-month clamping, the interval by band at every band
// edge of the built-in scales, the built-in policies, and overdue on the due date and the day after.
import { describe, expect, it } from 'vitest';
import { addMonths, intervalFor, isOverdue, latestDate, nextReviewOf } from '../../src/core/next-review.js';
import { loadPolicy } from '../../src/read/data-files.js';
import { bandOf } from '../../src/scale/scale.js';
import { loadScale } from '../../src/read/data-files.js';
import type { ReviewPolicy } from '../../src/scale/review-policies.js';

describe('addMonths', () => {
  it.each([
    ['2026-03-12', 6, '2026-09-12'],
    ['2026-03-12', 12, '2027-03-12'],
    ['2026-07-15', 6, '2027-01-15'], // across the year end
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-08-31', 6, '2027-02-28'], // clamped to February's last day
    ['2027-08-31', 6, '2028-02-29'], // leap year: February has 29 days
    ['2024-02-29', 12, '2025-02-28'], // from a leap day to a common year
    ['2024-02-29', 48, '2028-02-29'], // leap day to leap day
    ['2099-08-31', 6, '2100-02-28'], // 2100 is not a leap year
    ['2399-08-31', 6, '2400-02-29'], // 2400 is
    ['2026-03-31', 6, '2026-09-30'], // 30-day month
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-01-30', 1, '2026-02-28'],
    ['2026-02-28', 6, '2026-08-28'], // the 28th stays the 28th (no end-of-month snapping)
  ])('%s + %i months = %s', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });
});

describe('the interval by band, at the band edges', () => {
  const policy = loadPolicy('default');
  const ips25 = loadScale('ips-25');
  const ips15 = loadScale('ips-15');
  it.each([
    [ips25, 125, 12],
    [ips25, 115, 12], // exemplary
    [ips25, 114, 12],
    [ips25, 100, 12], // good: the lowest total of good fidelity
    [ips25, 99, 6], // fair: one point below good
    [ips25, 74, 6],
    [ips25, 73, 6], // not supported employment
    [ips25, 25, 6],
    [ips15, 66, 12],
    [ips15, 65, 6],
    [ips15, 56, 6],
    [ips15, 55, 6],
  ])('%s total %i: next review after %i months', (scale, total, months) => {
    const band = bandOf(scale, total);
    expect(intervalFor(policy, band, scale.bands).months).toBe(months);
    expect(nextReviewOf({ date: '2026-03-12', band }, scale.bands, policy)?.date).toBe(months === 12 ? '2027-03-12' : '2026-09-12');
  });
  it('a review without a band (incomplete) or without a date has no next review', () => {
    expect(nextReviewOf({ date: '2026-03-12', band: null }, ips25.bands, policy)).toBeNull();
    expect(nextReviewOf({ date: null, band: bandOf(ips25, 110) }, ips25.bands, policy)).toBeNull();
  });
  it('an interval naming a band the scale lacks never applies', () => {
    const custom: ReviewPolicy = { id: 'x', name: { en: 'x' }, intervals: [{ atLeast: 'excellent', months: 24 }, { months: 3 }] };
    expect(intervalFor(custom, bandOf(ips25, 125), ips25.bands)).toEqual({ months: 3, atLeast: null });
  });
  it('the built-in policies: default, ips-grow and annual', () => {
    const good = bandOf(ips25, 100);
    const fair = bandOf(ips25, 99);
    expect(intervalFor(loadPolicy('ips-grow'), good, ips25.bands)).toEqual({ months: 12, atLeast: 'good' });
    expect(intervalFor(loadPolicy('ips-grow'), fair, ips25.bands)).toEqual({ months: 6, atLeast: null });
    expect(intervalFor(loadPolicy('annual'), fair, ips25.bands).months).toBe(12);
    expect(nextReviewOf({ date: '2026-08-31', band: fair }, ips25.bands, policy)).toEqual({
      date: '2027-02-28',
      months: 6,
      policy: 'default',
      atLeast: null,
    });
  });
});

describe('overdue', () => {
  it('is overdue only after the due date', () => {
    expect(isOverdue('2026-09-12', '2026-09-11')).toBe(false);
    expect(isOverdue('2026-09-12', '2026-09-12')).toBe(false);
    expect(isOverdue('2026-09-12', '2026-09-13')).toBe(true);
  });
  it('the default as-of date is the latest date in the data', () => {
    expect(latestDate(['2026-01-02', null, '2026-08-18', '2025-12-31'])).toBe('2026-08-18');
    expect(latestDate([null])).toBeNull();
  });
});
