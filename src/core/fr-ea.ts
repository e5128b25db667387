// The French national indicators of emploi accompagné (docs/outcomes.md, "Indicateurs nationaux de
// l'emploi accompagné"): what a dispositif reports to its funders for a calendar year or a window.
// Pure: no I/O. Every count of a subgroup passes through small-cell suppression.
import { dayOf, daysInMonth, isoOfDay } from '../shared/days.js';
import { normalizeName } from '../shared/values.js';
import { findContract, type ContractTable } from './contracts.js';
import type { Contract } from '../scale/contract-file.js';
import { daysOf, NO_DAY, NO_NAME, type Period, type ProgramRecords } from './records.js';
import { median } from './median.js';
import { cellOf, isSmall, protect, type Breakdown, type Cell, type SumRelation } from './suppression.js';

/** Where a person works, in the French view: milieu ordinaire hors EA, EA, ESAT, another setting, not in work. */
export const FR_SETTINGS = ['ordinary', 'ea', 'esat', 'other', 'none'] as const;
export type FrSetting = (typeof FR_SETTINGS)[number];

/** Exit reasons grouped (the categories and the words that place a reason in each are documented). */
export const EXIT_CATEGORIES = ['employed', 'reoriented', 'health', 'moved', 'ended-by-person', 'death', 'other', 'not-given'] as const;
export type ExitCategory = (typeof EXIT_CATEGORIES)[number];

/**
 * Words of a free-text exit reason (compared without case, accents, spaces, "_" or "-") that place it in a
 * category; the first category with a word found in the reason wins. A reason written as the category's
 * id (e.g. "reoriented") is placed there too.
 */
export const EXIT_WORDS: Record<Exclude<ExitCategory, 'other' | 'not-given'>, string[]> = {
  employed: [
    'emploi durable',
    'emploi stable',
    'stabilis',
    'maintien dans l emploi',
    'objectif atteint',
    'en emploi',
    'fin d accompagnement emploi',
    'employed',
    'stable job',
    'sustained employment',
  ],
  reoriented: [
    'reorient',
    'orientation',
    'cap emploi',
    'france travail',
    'pole emploi',
    'mission locale',
    'autre dispositif',
    'formation',
    'esat',
    'entreprise adaptee',
    'referred',
    'transfer',
    'training',
  ],
  health: ['hospitalis', 'sante', 'maladie', 'medical', 'health', 'hospital', 'illness', 'sick'],
  moved: ['demenag', 'moved', 'relocat', 'left the area'],
  'ended-by-person': [
    'arret volontaire',
    'abandon',
    'demande de la personne',
    'souhait de la personne',
    'perdu de vue',
    'sans nouvelles',
    'volontaire',
    'withdr',
    'dropped out',
    'drop out',
    'lost to follow',
    'no contact',
    'own choice',
    'declined',
  ],
  death: ['deces', 'decede', 'death', 'died', 'deceased'],
};

/** Length of support in bands of calendar months: under 6, 6 to under 12, 12 to under 24, 24 and more. */
export const DURATION_BANDS = ['under6', '6to12', '12to24', '24plus'] as const;
export type DurationBand = (typeof DURATION_BANDS)[number];
const BAND_MONTHS = [6, 12, 24];

/** Contracts that are durable whatever their length (CDI), and self-employment (a business created). */
export const PERMANENT_CONTRACTS = ['cdi', 'cdi-interimaire', 'permanent'];
export const SELF_EMPLOYED_CONTRACTS = ['independant'];
/** A fixed-term contract or temp assignment is durable from this many months (France Travail). */
export const DURABLE_MONTHS = 6;
/** Average days in a month (365.25 / 12): medians of durations are printed in months. */
export const DAYS_PER_MONTH = 30.4375;

export interface FrEaOptions {
  window: Period;
  /** Subgroup cells with 1 to minCell−1 people are suppressed; 0 disables. */
  minCell: number;
}

/** One count among a known total: the cell as printed and its rate (withheld when either is). */
export interface Share {
  people: Cell;
  of: number;
  rate: number | null;
}

export interface SettingBreakdown {
  /** The people counted (the denominator): present at the end of the window, or accompanied in it. */
  of: number;
  settings: { setting: FrSetting; people: Cell; rate: number | null }[];
  /** In work in any setting. */
  inWork: Share;
  withheld: boolean;
}

export interface FrEaIndicators {
  convention: 'fr-ea';
  window: Period;
  minCell: number;
  /** Personnes accompagnées: accompanied on at least one day of the window. */
  accompanied: number;
  /** Already accompanied when the window starts, entered in it, left in it, still accompanied after it. */
  flow: { atStart: number; entries: number; exits: number; atEnd: number };
  exits: { recorded: boolean; categories: { category: ExitCategory; people: Cell }[]; withheld: boolean };
  duration: {
    /** Everyone accompanied: days from entry to exit, or to the window's end for those still accompanied. */
    n: number;
    medianMonths: number | null;
    /** Those who left in the window: days from entry to exit. */
    exitedN: number;
    exitedMedianMonths: number | null;
    bands: { band: DurationBand; people: Cell }[];
    withheld: boolean;
  };
  workAtEnd: SettingBreakdown;
  workDuring: SettingBreakdown;
  durable: { during: Share; starts: Share; months: number };
  /** null when the records cannot tell who came from an ESAT (no ESAT job and no `from_esat` column). */
  esatToOrdinary: { fromEsat: Cell; toOrdinary: Cell; rate: number | null } | null;
  /** null when no job names its employer. */
  employers: { accompanied: number } | null;
}

/** The day `months` calendar months after `day` (the 31st becomes the month's last day when it has fewer). */
export function addMonths(day: number, months: number): number {
  const [y, m, d] = isoOfDay(day).split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** The category of an exit reason as written (blank: not given). */
export function exitCategory(reason: string | undefined): ExitCategory {
  if (reason === undefined || reason.trim() === '') return 'not-given';
  const n = normalizeName(reason);
  for (const [category, words] of Object.entries(EXIT_WORDS) as [ExitCategory, string[]][]) {
    if (n === normalizeName(category) || words.some((w) => n.includes(normalizeName(w)))) return category;
  }
  return 'other';
}

/** The French setting of a contract (an unknown contract: another setting). */
export function frSettingOf(c: Contract | undefined): Exclude<FrSetting, 'none'> {
  if (!c) return 'other';
  return c.setting === 'ordinary' ? 'ordinary' : c.setting === 'adapted' ? 'ea' : c.setting === 'sheltered' ? 'esat' : 'other';
}

/** Which setting counts when a person works in several: the most ordinary first. */
const RANK: Record<Exclude<FrSetting, 'none'>, number> = { ordinary: 0, ea: 1, esat: 2, other: 3 };

/**
 * Is a job durable employment (emploi durable, as France Travail counts a return to work)? A CDI, a
 * business created, or any other contract of six months or more: its recorded end, or the window's
 * end when it has none yet (an ongoing fixed-term job counts once it has lasted six months). Work in
 * an ESAT is not an employment contract and never counts.
 */
export function isDurable(c: Contract | undefined, start: number, end: number, windowEnd: number): boolean {
  if (c?.setting === 'sheltered') return false;
  if (c && (PERMANENT_CONTRACTS.includes(c.id) || SELF_EMPLOYED_CONTRACTS.includes(c.id))) return true;
  const last = end === NO_DAY ? windowEnd : end;
  return last >= addMonths(start, DURABLE_MONTHS) - 1;
}

/** The cells of a breakdown as printed once primary and complementary suppression are applied. */
function protectedCells(b: Breakdown, minCell: number): { cells: Cell[]; withheld: boolean } {
  const p = protect(b, minCell);
  return { cells: b.values.map((v, i) => cellOf(v, p.state[i]!, minCell)), withheld: p.withheld };
}

/** A single count of a subgroup (no other cell to protect it with): "<N" when small. */
function single(n: number, minCell: number): Cell {
  return isSmall(n, minCell) ? `<${minCell}` : n;
}

const rateOf = (c: Cell, of: number | Cell): number | null => (typeof c === 'number' && typeof of === 'number' && of > 0 ? c / of : null);

/** Setting counts (each person once, in their most ordinary setting) with "in work" beside them, protected together. */
function settingBreakdown(counts: Record<FrSetting, number>, of: number, minCell: number): SettingBreakdown {
  const S = FR_SETTINGS.length;
  const inWork = of - counts.none;
  // Cells: the settings, then "in work". Known: the settings add up to `of`; in work + not in work = `of`.
  const values = [...FR_SETTINGS.map((s) => counts[s]), inWork];
  const sums: SumRelation[] = [{ cells: FR_SETTINGS.map((_, i) => i) }, { cells: [S, S - 1] }];
  const { cells, withheld } = protectedCells({ values, sums }, minCell);
  return {
    of,
    settings: FR_SETTINGS.map((setting, i) => ({ setting, people: cells[i]!, rate: rateOf(cells[i]!, of) })),
    inWork: { people: cells[S]!, of, rate: rateOf(cells[S]!, of) },
    withheld,
  };
}

export function computeFrEa(r: ProgramRecords, contracts: ContractTable, opts: FrEaOptions): FrEaIndicators {
  const W = daysOf(opts.window);
  const P = r.participants;
  const J = r.jobs;
  const minCell = opts.minCell;

  // Each contract name once: its row of the contract table.
  const contractOf = new Map<number, Contract | undefined>();
  const contract = (j: number) => {
    const n = J.contract[j]!;
    if (!contractOf.has(n)) contractOf.set(n, findContract(contracts, r.names.name(n) ?? ''));
    return contractOf.get(n);
  };
  const isJob = (j: number) => contract(j)?.job ?? true;

  // Jobs grouped by participant.
  const offsets = new Int32Array(P.count + 1);
  for (let j = 0; j < J.count; j++) if (J.participant[j]! < P.count) offsets[J.participant[j]! + 1]!++;
  for (let p = 1; p <= P.count; p++) offsets[p]! += offsets[p - 1]!;
  const next = offsets.slice(0, P.count);
  const jobsOf = new Int32Array(offsets[P.count]!);
  for (let j = 0; j < J.count; j++) if (J.participant[j]! < P.count) jobsOf[next[J.participant[j]!]!++] = j;

  let accompanied = 0;
  const flow = { atStart: 0, entries: 0, exits: 0, atEnd: 0 };
  const exitCounts = new Map<ExitCategory, number>(EXIT_CATEGORIES.map((c) => [c, 0]));
  let reasonsGiven = 0;
  const durations: number[] = [];
  const exitedDurations: number[] = [];
  const bands = new Map<DurationBand, number>(DURATION_BANDS.map((b) => [b, 0]));
  const atEnd: Record<FrSetting, number> = { ordinary: 0, ea: 0, esat: 0, other: 0, none: 0 };
  const during: Record<FrSetting, number> = { ordinary: 0, ea: 0, esat: 0, other: 0, none: 0 };
  let durablePeople = 0;
  let durableStarters = 0;
  let fromEsat = 0;
  let toOrdinary = 0;
  const employers = new Set<string>();
  let employerNamed = false;
  for (let j = 0; j < J.count; j++) if (J.employer[j] !== NO_NAME) employerNamed = true;
  let esatKnown = false;
  for (let p = 0; p < P.count; p++) if (P.fromEsat[p] !== -1) esatKnown = true;
  for (let j = 0; j < J.count && !esatKnown; j++) if (contract(j)?.setting === 'sheltered') esatKnown = true;

  for (let p = 0; p < P.count; p++) {
    const entry = P.entry[p]!;
    const exit = P.exit[p]!;
    if (entry === NO_DAY || entry > W.to || exit < W.from) continue;
    accompanied++;
    if (entry < W.from) flow.atStart++;
    else flow.entries++;
    const left = exit <= W.to;
    if (left) {
      flow.exits++;
      const reason = r.names.name(P.exitReason[p]!);
      if (reason !== undefined) reasonsGiven++;
      const c = exitCategory(reason);
      exitCounts.set(c, exitCounts.get(c)! + 1);
    } else flow.atEnd++;

    // Length of support: to the exit, or to the window's end.
    const last = left ? exit : W.to;
    durations.push(last - entry);
    if (left) exitedDurations.push(exit - entry);
    const band = DURATION_BANDS[BAND_MONTHS.findIndex((m) => last < addMonths(entry, m))] ?? '24plus';
    bands.set(band, bands.get(band)! + 1);

    // Work: jobs (not work trials) held while accompanied in the window.
    const from = Math.max(entry, W.from);
    const to = Math.min(exit, W.to);
    let bestEnd: FrSetting = 'none';
    let bestDuring: FrSetting = 'none';
    let durable = false;
    let durableStart = false;
    let firstSheltered = P.fromEsat[p] === 1 ? -Infinity : Infinity;
    for (let g = offsets[p]!; g < offsets[p + 1]!; g++) {
      const j = jobsOf[g]!;
      if (contract(j)?.setting === 'sheltered' && J.start[j]! < firstSheltered) firstSheltered = J.start[j]!;
    }
    let ordinaryAfterEsat = false;
    for (let g = offsets[p]!; g < offsets[p + 1]!; g++) {
      const j = jobsOf[g]!;
      const start = J.start[j]!;
      const end = J.end[j]!;
      if (start > to || end < from) continue;
      const c = contract(j);
      const setting = frSettingOf(c);
      if (employerNamed && J.employer[j] !== NO_NAME && setting !== 'esat') employers.add(normalizeName(r.names.name(J.employer[j]!)!));
      if (!isJob(j)) continue;
      if (bestDuring === 'none' || RANK[setting] < RANK[bestDuring as Exclude<FrSetting, 'none'>]) bestDuring = setting;
      if (!left && start <= W.to && end >= W.to && (bestEnd === 'none' || RANK[setting] < RANK[bestEnd as Exclude<FrSetting, 'none'>]))
        bestEnd = setting;
      if (isDurable(c, start, end, W.to)) {
        durable = true;
        if (start >= from) durableStart = true;
      }
      if (setting === 'ordinary' && start >= from && start > firstSheltered) ordinaryAfterEsat = true;
    }
    during[bestDuring]++;
    if (!left) atEnd[bestEnd]++;
    if (durable) durablePeople++;
    if (durableStart) durableStarters++;
    if (firstSheltered <= to) {
      fromEsat++;
      if (ordinaryAfterEsat) toOrdinary++;
    }
  }

  const exitCells = protectedCells(
    { values: EXIT_CATEGORIES.map((c) => exitCounts.get(c)!), sums: [{ cells: EXIT_CATEGORIES.map((_, i) => i) }] },
    minCell,
  );
  const bandCells = protectedCells({ values: DURATION_BANDS.map((b) => bands.get(b)!), sums: [{ cells: DURATION_BANDS.map((_, i) => i) }] }, minCell);
  const months = (d: number | null) => (d === null ? null : Math.round((d / DAYS_PER_MONTH) * 10) / 10);
  const durableDuring = single(durablePeople, minCell);
  const durableStarts = single(durableStarters, minCell);
  const esatFrom = single(fromEsat, minCell);
  const esatTo = single(toOrdinary, minCell);

  return {
    convention: 'fr-ea',
    window: opts.window,
    minCell,
    accompanied,
    flow,
    exits: {
      recorded: reasonsGiven > 0,
      categories: exitCells.withheld ? [] : EXIT_CATEGORIES.map((category, i) => ({ category, people: exitCells.cells[i]! })),
      withheld: exitCells.withheld,
    },
    duration: {
      n: durations.length,
      medianMonths: months(median(durations)),
      exitedN: exitedDurations.length,
      exitedMedianMonths: months(median(exitedDurations)),
      bands: bandCells.withheld ? [] : DURATION_BANDS.map((band, i) => ({ band, people: bandCells.cells[i]! })),
      withheld: bandCells.withheld,
    },
    workAtEnd: settingBreakdown(atEnd, flow.atEnd, minCell),
    workDuring: settingBreakdown(during, accompanied, minCell),
    durable: {
      during: { people: durableDuring, of: accompanied, rate: rateOf(durableDuring, accompanied) },
      starts: { people: durableStarts, of: accompanied, rate: rateOf(durableStarts, accompanied) },
      months: DURABLE_MONTHS,
    },
    esatToOrdinary: esatKnown ? { fromEsat: esatFrom, toOrdinary: esatTo, rate: rateOf(esatTo, esatFrom) } : null,
    employers: employerNamed ? { accompanied: employers.size } : null,
  };
}

/** The window of a calendar year. */
export const yearWindow = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });
