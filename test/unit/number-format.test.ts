// The messages' number formatting gives the same text as Intl.NumberFormat, for any number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/locale.js';
import { formatNumber, NUMBER_STYLES } from '../../src/i18n/number.js';

const LOCALES = { en: 'en-GB', fr: 'fr-FR' } as const;

const numbers = fc.oneof(
  fc.double(),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 8),
  fc.integer({ min: -100000, max: 100000 }).map((n) => n / 100 + 0.005),
  fc.constantFrom(0, -0, 1.005, 2.675, 0.125, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, -Infinity, Infinity, NaN, 999.995, 99999.5),
);

describe('number formatting without Intl', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`fixed decimals, grouped, as Intl.NumberFormat('${LOCALES[lang]}')`, () => {
      fc.assert(
        fc.property(numbers, fc.integer({ min: 0, max: 4 }), (x, d) => {
          const intl = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: d, maximumFractionDigits: d }).format(x);
          expect(formatNumber(x, NUMBER_STYLES[lang], { min: d, max: d, grouping: true })).toBe(intl);
        }),
        { numRuns: 5000 },
      );
    });
    it(`at most two decimals, not grouped, as Intl.NumberFormat('${LOCALES[lang]}')`, () => {
      const intl = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2, useGrouping: false });
      fc.assert(
        fc.property(numbers, (x) => {
          expect(formatNumber(x, NUMBER_STYLES[lang], { min: 0, max: 2, grouping: false })).toBe(intl.format(x));
        }),
        { numRuns: 5000 },
      );
    });
  }
  it('messages format numbers, percentages and message parameters with it', () => {
    const fr = messages('fr');
    expect(fr.num(1234.5, 2)).toBe('1\u202f234,50');
    expect(fr.num(4)).toBe('4');
    expect(messages('en').num(18.5)).toBe('18.50');
    expect(messages('en').pct(0.5455)).toBe(messages('en').t('format.percent', { n: '54.6' }));
  });
});
