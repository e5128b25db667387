import { describe, expect, it } from 'vitest';
import { messages, plurals } from '../../src/i18n/locale.js';

describe('plural choices in messages', () => {
  it('picks the form the language rules give, # as the number', () => {
    const s = '{n, plural, one {# job} other {# jobs}}, {k, plural, =0 {none} one {# start, {first} first} other {# starts}}';
    expect(plurals(s, 'en', { n: 1, k: 0 })).toBe('{n} job, none');
    expect(plurals(s, 'en', { n: 2, k: 1 })).toBe('{n} jobs, {k} start, {first} first');
    // French: 0 and 1.5 are singular.
    expect(plurals('{n, plural, one {# jour} other {# jours}}', 'fr', { n: 1.5 })).toBe('{n} jour');
    expect(plurals('{n, plural, one {# jour} other {# jours}}', 'fr', { n: 0 })).toBe('{n} jour');
    expect(plurals('{n, plural, one {# jour} other {# jours}}', 'fr', {})).toBe('{n, plural, one {# jour} other {# jours}}');
  });
  it('counts in outcome texts agree with their number, in both languages', () => {
    const en = messages('en');
    const fr = messages('fr');
    expect(en.t('outcomes.starts', { starts: 1, first: 1 })).toBe("1 competitive job start, 1 of them a person's first job");
    expect(en.t('outcomes.starts', { starts: 2, first: 0 })).toBe("2 competitive job starts, none of them a person's first job");
    expect(fr.t('outcomes.starts', { starts: 1, first: 1 })).toBe("1 début d'emploi compétitif, dont 1 premier emploi");
    expect(en.t('outcomes.medianHours', { median: '20', n: 1 })).toBe('median 20 hours a week (n = 1 job)');
    expect(fr.t('history.title', { count: 1 })).toBe("Historique d'un dispositif");
    expect(fr.t('history.title', { count: 3 })).toBe('Historique de 3 dispositifs');
    expect(en.t('validate.fileBad', { file: 'a.csv', errors: 1, warnings: 2 })).toBe('a.csv: 1 error, 2 warnings');
  });
});

describe('the outcome report headline', () => {
  it('agrees with its counts in both languages', () => {
    const p = { from: '2025-01-01', to: '2025-12-31', pct: '100%' };
    expect(messages('en').t('pdf.outcomes.headline', { working: 1, served: 1, ...p })).toMatch(/^1 of 1 person served worked/);
    expect(messages('en').t('pdf.outcomes.headline', { working: 20, served: 30, ...p })).toMatch(/^20 of 30 people served worked/);
    expect(messages('fr').t('pdf.outcomes.headline', { working: 1, served: 1, ...p })).toMatch(/^1 sur 1 personne accompagnée a occupé un emploi/);
    expect(messages('fr').t('pdf.outcomes.headline', { working: 20, served: 30, ...p })).toMatch(
      /^20 des 30 personnes accompagnées ont occupé un emploi/,
    );
  });
});
