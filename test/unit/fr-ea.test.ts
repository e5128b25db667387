// The French national indicators of emploi accompagné on a small program whose every figure was
// worked out by hand (the comments give the working), then the definitions one by one.
import { describe, expect, it } from 'vitest';
import { addMonths, computeFrEa, exitCategory, isDurable } from '../../src/core/fr-ea.js';
import { findContract } from '../../src/core/contracts.js';
import { NO_DAY, programRecords, type Job, type Participant } from '../../src/core/records.js';
import { dayNumber, isoOfDay } from '../../src/shared/days.js';
import { loadContracts } from '../../src/read/data-files.js';
import { messages } from '../../src/i18n/locale.js';
import { frEaBlocks, frEaCsv } from '../../src/render/fr-ea-view.js';
import { renderText } from '../../src/render/view.js';

const contracts = loadContracts();
const job = (participant: string, start: string, end: string | undefined, contract: string, employer: string): Job => ({
  participant,
  start,
  ...(end ? { end } : {}),
  contract,
  employer,
});

// Window: the calendar year 2025.
const participants: Participant[] = [
  { id: 'A', entry: '2024-03-01' }, // before the year; CDI since 2024: ordinary, durable; 670 days → 12–24 months
  { id: 'B', entry: '2025-02-10', exit: '2025-08-20', exitReason: 'Déménagement' }, // 3-month CDD: not durable; 191 days → 6–12
  { id: 'C', entry: '2023-01-15', exit: '2025-03-31', exitReason: 'emploi durable' }, // 9-month intérim: durable; 806 days → 24+
  { id: 'D', entry: '2025-05-05', fromEsat: true }, // ESAT, then a 6-month CDD from 2025-09-01: durable start, ESAT → ordinary; 240 days → 6–12
  { id: 'E', entry: '2025-11-01' }, // EA since 2025-11-15; 60 days → under 6
  { id: 'F', entry: '2025-01-20', exit: '2025-04-30' }, // a stage only (not a job); no reason; 100 days → under 6
  { id: 'G', entry: '2024-01-01', exit: '2024-12-31', exitReason: 'décès' }, // left before the year: not counted
  { id: 'H', entry: '2026-01-05' }, // entered after the year: not counted
  { id: 'I', entry: '2025-06-01' }, // placed by an ESAT (MAD) since entry: ESAT at the end; 213 days → 6–12
  { id: 'J', entry: '2025-03-01', exit: '2025-10-15', exitReason: 'Hospitalisation longue' }, // no job; 228 days → 6–12
];
const jobs: Job[] = [
  job('A', '2024-06-01', undefined, 'cdi', 'Boulangerie'),
  job('B', '2025-03-01', '2025-05-31', 'cdd', 'Supérette'),
  job('C', '2024-10-01', '2025-06-30', 'interim', 'Intérim Sud'),
  job('D', '2024-01-01', '2025-06-30', 'esat', 'ESAT Les Ateliers'),
  job('D', '2025-09-01', '2026-02-28', 'cdd', 'Mairie'),
  job('E', '2025-11-15', undefined, 'ea', 'EA Sud'),
  job('F', '2025-02-01', '2025-02-14', 'stage', 'Jardinerie'),
  job('I', '2025-06-01', undefined, 'mad', 'ESAT Les Ateliers (MAD)'),
  job('G', '2024-02-01', undefined, 'cdi', 'Ancien employeur'),
];
const records = programRecords({
  settings: { name: 'Test', teams: {} },
  participants,
  jobs,
  tables: { participants: true, jobs: true, contacts: false, staff: false },
});
const year = { from: '2025-01-01', to: '2025-12-31' };

describe('French national indicators on a hand-worked program (2025)', () => {
  const o = computeFrEa(records, contracts, { window: year, minCell: 0 });
  it('counts the people accompanied, entries, exits and those still accompanied at the end', () => {
    // A, B, C, D, E, F, I, J; already there: A, C; entered: B, D, E, F, I, J; left: B, C, F, J; still there: A, D, E, I.
    expect(o.accompanied).toBe(8);
    expect(o.flow).toEqual({ atStart: 2, entries: 6, exits: 4, atEnd: 4 });
  });
  it('groups the exit reasons into the national categories', () => {
    const byCategory = Object.fromEntries(o.exits.categories.map((c) => [c.category, c.people]));
    expect(byCategory).toEqual({ employed: 1, reoriented: 0, health: 1, moved: 1, 'ended-by-person': 0, death: 0, other: 0, 'not-given': 1 });
    expect(o.exits.recorded).toBe(true);
  });
  it('gives the length of support: medians in months and bands', () => {
    // Days: 60, 100, 191, 213, 228, 240, 670, 806 → median 220.5 days = 7.2 months; exits 100, 191, 228, 806 → 209.5 days = 6.9 months.
    expect(o.duration).toMatchObject({ n: 8, medianMonths: 7.2, exitedN: 4, exitedMedianMonths: 6.9 });
    expect(o.duration.bands).toEqual([
      { band: 'under6', people: 2 },
      { band: '6to12', people: 4 },
      { band: '12to24', people: 1 },
      { band: '24plus', people: 1 },
    ]);
  });
  it('counts people in work at the end of the year and during it, by setting, each once', () => {
    const at = Object.fromEntries(o.workAtEnd.settings.map((s) => [s.setting, s.people]));
    expect(at).toEqual({ ordinary: 2, ea: 1, esat: 1, other: 0, none: 0 });
    expect(o.workAtEnd.inWork).toEqual({ people: 4, of: 4, rate: 1 });
    const during = Object.fromEntries(o.workDuring.settings.map((s) => [s.setting, s.people]));
    // A, B, C, D ordinary (D's ESAT job gives way to its CDD); E EA; I ESAT; F (a stage) and J not in work.
    expect(during).toEqual({ ordinary: 4, ea: 1, esat: 1, other: 0, none: 2 });
    expect(o.workDuring.inWork).toEqual({ people: 6, of: 8, rate: 0.75 });
  });
  it('counts durable employment (CDI, or six months or more) and the durable jobs started in the year', () => {
    expect(o.durable.during).toEqual({ people: 3, of: 8, rate: 0.375 }); // A, C, D
    expect(o.durable.starts).toEqual({ people: 1, of: 8, rate: 0.125 }); // D
  });
  it('counts people who left an ESAT for ordinary work, and the employers accompanied', () => {
    expect(o.esatToOrdinary).toEqual({ fromEsat: 2, toOrdinary: 1, rate: 0.5 }); // D (column), I (MAD job); D went on to a CDD
    // Boulangerie, Supérette, Intérim Sud, Mairie, EA Sud, Jardinerie (the stage's host); not the ESAT, not G's employer.
    expect(o.employers).toEqual({ accompanied: 6 });
  });
  it('says "not available" when the records cannot tell the ESAT origin or the employers', () => {
    const bare = programRecords({
      settings: { name: 'T', teams: {} },
      participants: [{ id: 'x', entry: '2025-01-01' }],
      jobs: [{ participant: 'x', start: '2025-02-01', contract: 'cdi' }],
      tables: { participants: true, jobs: true, contacts: false, staff: false },
    });
    const b = computeFrEa(bare, contracts, { window: year, minCell: 0 });
    expect(b.esatToOrdinary).toBeNull();
    expect(b.employers).toBeNull();
    const m = messages('fr');
    const text = renderText(frEaBlocks(b, bare.settings, m), { color: false, width: 120 });
    expect(text).toContain("Sorties d'ESAT vers le milieu ordinaire");
    expect(text).toMatch(/Sorties d'ESAT vers le milieu ordinaire +non disponible/);
    expect(frEaCsv(b)).toContain('esat_to_ordinary,not available,,');
  });
});

describe('small cells', () => {
  const o = computeFrEa(records, contracts, { window: year, minCell: 5 });
  it('prints every subgroup count of 1 to 4 as <5 and withholds its rate; head counts stay', () => {
    expect(o.accompanied).toBe(8);
    expect(o.flow).toEqual({ atStart: 2, entries: 6, exits: 4, atEnd: 4 });
    // Four exits in four categories: each is 1 to 4 and they add up to 4, so each is 1: no listing is safe.
    expect(o.exits).toMatchObject({ withheld: true, categories: [] });
    expect(o.durable.during).toEqual({ people: '<5', of: 8, rate: null });
    expect(o.esatToOrdinary).toEqual({ fromEsat: '<5', toOrdinary: '<5', rate: null });
    expect(o.workDuring.settings.every((s) => s.people === 0 || s.people === '<5' || s.people === 'hidden')).toBe(true);
    expect(o.workDuring.inWork.rate).toBeNull();
  });
  it('hides a further cell so that no small count can be worked out by subtraction', () => {
    // Bands 2, 4, 1, 1 of 8: all small here; with 12 people in one band the others would still be hidden.
    const many = programRecords({
      settings: { name: 'T', teams: {} },
      participants: [...Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, entry: '2025-11-01' })), { id: 'q', entry: '2025-03-01' }],
      tables: { participants: true, jobs: false, contacts: false, staff: false },
    });
    const b = computeFrEa(many, contracts, { window: year, minCell: 5 });
    // 12 under 6 months and 1 of 6–12: the 1 is "<5" and, as the total (13) is known, the 12 is hidden too.
    expect(b.duration.bands.map((x) => x.people)).toEqual(['hidden', '<5', 0, 0]);
  });
});

describe('definitions', () => {
  it('adds calendar months, the 31st becoming the month end', () => {
    const add = (iso: string, n: number) => isoOfDay(addMonths(dayNumber(iso), n));
    expect(add('2025-01-31', 1)).toBe('2025-02-28');
    expect(add('2024-08-31', 6)).toBe('2025-02-28');
    expect(add('2025-09-01', 6)).toBe('2026-03-01');
    expect(add('2025-11-15', 24)).toBe('2027-11-15');
  });
  it('counts a fixed-term job as durable from six months (its recorded end, else the window end), a CDI always, ESAT never', () => {
    const c = (id: string) => findContract(contracts, id);
    const d = (iso: string) => dayNumber(iso);
    const end = d('2025-12-31');
    expect(isDurable(c('cdd'), d('2025-09-01'), d('2026-02-28'), end)).toBe(true); // exactly six months
    expect(isDurable(c('cdd'), d('2025-09-01'), d('2026-02-27'), end)).toBe(false);
    expect(isDurable(c('interim'), d('2025-05-01'), NO_DAY, end)).toBe(true); // ongoing for 8 months
    expect(isDurable(c('interim'), d('2025-08-01'), NO_DAY, end)).toBe(false); // ongoing, 5 months so far
    expect(isDurable(c('cdi'), d('2025-12-01'), d('2025-12-15'), end)).toBe(true);
    expect(isDurable(c('independant'), d('2025-12-01'), NO_DAY, end)).toBe(true); // a business created
    expect(isDurable(c('esat'), d('2020-01-01'), NO_DAY, end)).toBe(false);
    expect(isDurable(c('mad'), d('2020-01-01'), NO_DAY, end)).toBe(false);
  });
  it('places exit reasons written in French or English in their category', () => {
    expect(
      [
        'déménagement',
        'Moved to Lyon',
        'HOSPITALISATION',
        'raisons de santé',
        'arrêt volontaire',
        'perdu de vue',
        'Réorientation ESAT',
        'orientation Cap emploi',
        'emploi durable',
        "Stabilisé dans l'emploi",
        'décès',
        'retraite',
        '',
        undefined,
      ].map(exitCategory),
    ).toEqual([
      'moved',
      'moved',
      'health',
      'health',
      'ended-by-person',
      'ended-by-person',
      'reoriented',
      'reoriented',
      'employed',
      'employed',
      'death',
      'other',
      'not-given',
      'not-given',
    ]);
    expect(exitCategory('reoriented')).toBe('reoriented');
  });
});
