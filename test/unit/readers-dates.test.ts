// Every date the readers accept survives every date computation and formatting path; the "no end"
// placeholder (year 9999) and dates before 1900 are refused by the parser, never crash later.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeOutcomes, splitWindow } from '../../src/core/outcomes.js';
import { addDays } from '../../src/shared/days.js';
import { dayNumber, isoOfDay } from '../../src/shared/days.js';
import { programRecords, dataSpan } from '../../src/core/records.js';
import { messages } from '../../src/i18n/locale.js';
import { formatDate } from '../../src/render/score-view.js';
import { parseDate, parseDay, PLACEHOLDER } from '../../src/shared/values.js';
import { loadContracts, loadOutcomeRules } from '../../src/read/data-files.js';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Date-like strings over every year a 4-digit field can hold, impossible days included, in both orders. */
const dateText = fc
  .record({
    y: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1899, 1900, 9998, 9999)),
    m: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    dmy: fc.boolean(),
  })
  .map(({ y, m, d, dmy }) => (dmy ? `${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)}` : `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`));

describe('dates the readers accept', () => {
  const contracts = loadContracts();
  const en = messages('en');
  const fr = messages('fr');
  it('survive day numbers, day arithmetic, windows, outcomes and formatting', () => {
    fc.assert(
      fc.property(dateText, (text) => {
        const d = parseDate(text);
        const day = parseDay(text);
        expect(day.ok).toBe(d.ok);
        if (!d.ok) return;
        expect(day.ok && day.value).toBe(dayNumber(d.value));
        expect(isoOfDay(dayNumber(d.value))).toBe(d.value);
        expect(addDays(addDays(d.value, 1), -1)).toBe(d.value);
        for (const by of ['year', 'quarter', 'month', 'none'] as const) {
          const periods = splitWindow({ from: d.value, to: addDays(d.value, 40) }, by);
          expect(periods.length).toBeGreaterThan(0);
          expect(periods[0]!.from).toBe(d.value);
        }
        expect(formatDate(d.value, en)).toMatch(/\d/);
        expect(formatDate(d.value, fr)).toMatch(/\d/);
        const records = programRecords({
          settings: { name: 'P', teams: {} },
          participants: [{ id: 'A', entry: d.value, exit: addDays(d.value, 1) }],
          jobs: [{ participant: 'A', start: d.value, end: addDays(d.value, 1), contract: 'cdi' }],
          tables: { participants: true, jobs: true, contacts: false, staff: false },
        });
        const window = dataSpan(records)!;
        expect(window.from).toBe(d.value);
        computeOutcomes(records, contracts, { window, by: 'quarter', convention: 'standard', minCell: 5, rules: loadOutcomeRules() });
      }),
      { numRuns: 400 },
    );
  });
  it('refuse the "no end" placeholder and dates before 1900 with their own reasons', () => {
    expect(parseDate('9999-12-31')).toEqual({ ok: false, expected: PLACEHOLDER });
    expect(parseDay('31/12/9999')).toEqual({ ok: false, expected: PLACEHOLDER });
    expect(parseDate('0000-01-01')).toEqual({ ok: false, expected: 'readers.before1900' });
    expect(parseDay('1899-12-30')).toEqual({ ok: false, expected: 'readers.before1900' });
    expect(parseDate('1900-01-01')).toEqual({ ok: true, value: '1900-01-01' });
    expect(parseDay('30/12/9998')).toEqual({ ok: true, value: dayNumber('9998-12-30') });
  });
});
