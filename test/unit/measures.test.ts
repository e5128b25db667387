// Issue 11 §3: V4 from records with censoring, plurals of days, what the outcome view prints.
import { describe, expect, it } from 'vitest';
import { computeItems } from '../../src/core/fidelity-from-records.js';
import { computeOutcomes, type OutcomeOptions } from '../../src/core/outcomes.js';
import { programRecords, type Job, type Participant } from '../../src/core/records.js';
import { scoreValue } from '../../src/core/score-item.js';
import { messages } from '../../src/i18n/locale.js';
import { outcomesBlocks, ratioText, unitText } from '../../src/render/outcomes-view.js';
import { renderText } from '../../src/render/view.js';
import { loadContracts, loadOutcomeRules, loadScale } from '../../src/read/data-files.js';
import { findItem } from '../../src/scale/scale.js';

const contracts = loadContracts();
const rules = loadOutcomeRules();
const ips25 = loadScale('ips-25');
const v4 = findItem(ips25, 'V4')!;
const period = { from: '2026-01-01', to: '2026-12-31' };
const records = (participants: Participant[], jobs: Job[] = []) =>
  programRecords({
    settings: { name: 'Test', teams: {} },
    participants,
    jobs,
    tables: { participants: true, jobs: true, contacts: true, staff: false },
  });
/** A participant who entered `elapsed` days before the period end, with a contact `contact` days after entry (none if undefined). */
const entrant = (id: string, elapsed: number, contact?: number): Participant => {
  const day = (n: number) => new Date(Date.UTC(2026, 11, 31) + n * 86_400_000).toISOString().slice(0, 10);
  return { id, entry: day(-elapsed), ...(contact === undefined ? {} : { firstEmployerContact: day(contact - elapsed) }) };
};
const V4 = (people: Participant[]) => {
  const out = computeItems(records(people), ips25, period, contracts);
  const rating = out.ratings.find((r) => r.itemId === v4.id);
  if (!rating) return { skipped: out.skipped.get(v4.id)!.key };
  const value = rating.observation!.kind === 'value' ? rating.observation!.value : NaN;
  return {
    value,
    n: rating.observation!.kind === 'value' ? rating.observation!.n : 0,
    score: scoreValue(v4, value).score,
    key: rating.records!.key,
    params: rating.records!.params,
  };
};

describe('V4 from records: the entrants of the period, with censoring', () => {
  it('scores observed waits at each anchor edge', () => {
    for (const [days, score] of [
      [30, 5],
      [31, 4],
      [60, 4],
      [61, 3],
      [150, 3],
      [151, 2],
      [270, 2],
      [271, 1],
    ] as const) {
      expect(V4([entrant('a', 300, days)]), `${days} days`).toMatchObject({ value: days, n: 1, score });
    }
  });
  it('counts a person without a contact past the 30-day limit at the days elapsed, at each anchor edge', () => {
    for (const [elapsed, score] of [
      [31, 4],
      [60, 4],
      [61, 3],
      [150, 3],
      [151, 2],
      [270, 2],
      [271, 1],
    ] as const) {
      expect(V4([entrant('a', elapsed)]), `${elapsed} days elapsed`).toMatchObject({
        value: elapsed,
        n: 1,
        score,
        params: { observed: 0, late: 1, recent: 0 },
      });
    }
  });
  it('leaves out a person without a contact for 30 days or fewer: too recent to decide', () => {
    expect(V4([entrant('a', 30)])).toEqual({ skipped: 'measures.v4None' });
    expect(V4([entrant('a', 100, 20), entrant('b', 30)])).toMatchObject({
      value: 20,
      n: 1,
      score: 5,
      key: 'measures.v4Recent',
      params: { observed: 1, late: 0, recent: 1 },
    });
    // Dropping the late one (as before) would give 20 days and a 5; counted, the mean is (20 + 101) / 2.
    expect(V4([entrant('a', 100, 20), entrant('b', 101)])).toMatchObject({ value: 60.5, n: 2, score: 3, key: 'measures.v4' });
  });
  it('uses only the people who entered during the period', () => {
    const before: Participant = { id: 'old', entry: '2025-06-01', firstEmployerContact: '2026-03-01' };
    expect(V4([before, entrant('a', 200, 10)])).toMatchObject({ value: 10, n: 1 });
  });
});

describe('days and weeks in words', () => {
  it('says 1 day, 2 days, 1 jour, 2 jours', () => {
    const en = messages('en');
    const fr = messages('fr');
    expect([1, 2, 1.5, 0].map((n) => unitText('days', n, en))).toEqual(['1 day', '2 days', '1.5 days', '0 days']);
    expect([1, 2, 1.5, 0].map((n) => unitText('days', n, fr))).toEqual(['1 jour', '2 jours', '1,5 jour', '0 jour']);
    expect([1, 3].map((n) => unitText('weeks', n, en))).toEqual(['1 week', '3 weeks']);
    expect(unitText('days', null, en)).toBe('—');
  });
  it('prints the median tenure of two one-day jobs as "1 day"', () => {
    const r = records(
      [
        { id: 'a', entry: '2026-01-01' },
        { id: 'b', entry: '2026-01-01' },
      ],
      [
        { participant: 'a', start: '2026-02-02', end: '2026-02-02', contract: 'cdi' },
        { participant: 'b', start: '2026-02-03', end: '2026-02-03', contract: 'cdi' },
      ],
    );
    const text = view(computeOutcomes(r, contracts, opts()), 'en');
    expect(text).toMatch(/Tenure of ended jobs +median 1 day \(n = 2 ended jobs\)/);
  });
});

const opts = (more: Partial<OutcomeOptions> = {}): OutcomeOptions => ({
  window: period,
  by: 'none',
  convention: 'standard',
  minCell: 5,
  rules,
  ...more,
});
const view = (o: ReturnType<typeof computeOutcomes>, lang: 'en' | 'fr') =>
  renderText(outcomesBlocks(o, { name: 'Test', teams: {} }, contracts, messages(lang)), { color: false, width: 200 });

describe('what the outcome view prints', () => {
  const r = records(
    [
      { id: 'a', entry: '2026-01-01' },
      { id: 'b', entry: '2026-02-01' },
    ],
    [
      { participant: 'a', start: '2026-03-01', contract: 'bogus' },
      { participant: 'b', start: '2026-03-01', contract: 'cdi', hoursPerWeek: 24 },
    ],
  );
  const o = computeOutcomes(r, contracts, opts());
  it('never prints "0 of 0"', () => {
    expect(ratioText({ count: 0, of: 0, rate: null }, messages('en'))).toBe('— (none yet)');
    expect(view(o, 'en')).not.toMatch(/\b0 of 0\b/);
    expect(view(o, 'fr')).not.toMatch(/\b0 sur 0\b/);
  });
  it('says "not recorded" for drop-out when the records have no exit date, never "0 of N (0.0%)"', () => {
    expect(view(o, 'en')).toMatch(/Exits before any job +not recorded \(no exit date in the records\)/);
    expect(view(o, 'fr')).toContain('non renseigné');
  });
  it('omits the per-specialist table when there is no specialist column', () => {
    expect(view(o, 'en')).not.toContain('Per employment specialist');
    const withSpecialist = records([{ id: 'a', entry: '2026-01-01', specialist: 'Ana' }]);
    expect(view(computeOutcomes(withSpecialist, contracts, opts()), 'en')).toContain('Per employment specialist');
  });
  it('shows an unknown contract as unclassified and not competitive, and the person-level rows', () => {
    const text = view(computeOutcomes(r, contracts, opts({ minCell: 0 })), 'en');
    expect(text).toMatch(/Unclassified \(bogus\) +— +no +1 +1/);
    expect(text).toMatch(
      /Longest-held job, per person who worked +median 306 days \(n = 1 person; of them 1 still in that job at the window end, counted to that day\)/,
    );
    expect(text).toMatch(/People working 20 hours a week or more \(in one +1 of 1 \(100\.0%\)/);
    expect(text).toContain('Weeks worked in the window, per person who worked');
  });
});

describe('reference figures in the outcome report', () => {
  it('state their source and follow-up in both languages, and no drop-out defined otherwise than ours', () => {
    for (const lang of ['en', 'fr'] as const) {
      const m = messages(lang);
      for (const k of ['eqolise', 'trials', 'france']) {
        const text = m.t(`pdf.outcomes.reference.${k}`);
        expect(text, `${lang} ${k}`).toMatch(lang === 'en' ? /follow-up/ : /suivi/);
        expect(text, `${lang} ${k}`).toMatch(/\b(19|20)\d\d\b/); // a dated source
        expect(text, `${lang} ${k}`).not.toMatch(/drop-out|abandon/i);
      }
      expect(m.t('pdf.outcomes.reference.trials')).not.toMatch(/\bUS\b|américains/);
    }
    expect(messages('en').t('pdf.outcomes.reference.trials')).toContain('several countries (Bond, Drake & Becker 2008)');
  });
});

describe('scales show the anchor status', () => {
  it('says for each item whether its anchors are checked, in both languages', async () => {
    const { cli } = await import('../helpers.js');
    expect(cli(['scales', 'ips-25', '--item', 'O4', '--lang', 'en']).stdout).toContain(
      'Anchors not yet checked word for word against the published form (provisional).',
    );
    expect(cli(['scales', 'ips-25', '--item', 'O4', '--lang', 'fr']).stdout).toContain('Ancrages pas encore vérifiés mot à mot');
  });
});

describe('work trials in words', () => {
  it('says 1 work trial, 2 work trials, 1 stage, 2 stages', () => {
    const r = (n: number) =>
      records(
        [{ id: 'a', entry: '2026-01-01' }],
        Array.from({ length: n }, (_, i) => ({ participant: 'a', start: `2026-02-0${i + 1}`, contract: 'stage' })),
      );
    expect(view(computeOutcomes(r(1), contracts, opts()), 'en')).toContain('1 work trial (stage, PMSMP) not counted as a job');
    expect(view(computeOutcomes(r(2), contracts, opts()), 'en')).toContain('2 work trials (stage, PMSMP) not counted as jobs');
    expect(view(computeOutcomes(r(1), contracts, opts()), 'fr')).toContain('1 stage ou PMSMP non compté comme emploi');
    expect(view(computeOutcomes(r(2), contracts, opts()), 'fr')).toContain('2 stages ou PMSMP non comptés comme emplois');
  });
});
