// Employment outcomes from program records (docs/outcomes.md has the exact definitions). Pure: no I/O.
import { normalizeName } from '../read/values.js';
import { findContract, isCompetitive, jobClasses, type Contract, type ContractTable } from './contracts.js';
import { activeOn, daysOf, heldIn, NO_DAY, NO_NAME, servedIn, type DayPeriod, type Period, type ProgramRecords } from './records.js';

export type By = 'quarter' | 'month' | 'year' | 'none';
export type Convention = 'standard' | 'ips-grow';
export type Benchmark = 'below-minimal' | 'minimal' | 'average' | 'excellent';

export interface OutcomeOptions {
  window: Period;
  by: By;
  convention: Convention;
  /** Breakdown cells with 1 to minCell−1 people are suppressed; 0 disables. */
  minCell: number;
  minimumWage?: number;
}

/** A count in a breakdown: the number, or "<N" when suppressed. */
export type Cell = number | string;

export interface Ratio {
  count: number;
  of: number;
  rate: number | null;
}

export interface PeriodOutcome {
  label: string;
  from: string;
  to: string;
  served: number;
  working: number;
  rate: number | null;
  benchmark: Benchmark | null;
  /** Under ips-grow: whether the 40% benchmark is met. */
  growBenchmarkMet?: boolean | null;
  jobStarts: number;
  firstJobStarts: number;
}

export interface Outcomes {
  window: Period;
  by: By;
  convention: Convention;
  minCell: number;
  periods: PeriodOutcome[];
  measures: {
    served: number;
    working: number;
    rate: number | null;
    jobStarts: number;
    firstJobStarts: number;
    daysToFirstContact: { cohort: number; n: number; mean: number | null; median: number | null };
    daysToFirstJob: { cohort: number; n: number; median: number | null; within: ({ days: number } & Ratio)[] };
    workedWithin12Months: Ratio;
    tenure: { ended: number; medianDays: number | null; stillWorking: ({ days: number } & Ratio)[] };
    hours: { n: number; median: number | null; atLeast20: Ratio };
    wage: { n: number; median: number | null; minimumWage: number | null; atOrAboveMinimum: Ratio | null };
    exits: { exited: number; beforeAnyJob: number; dropOut: Ratio; reasons: { reason: string; people: Cell }[] };
    contracts: {
      jobs: number;
      competitive: number;
      competitiveShare: number | null;
      workTrials: number;
      byContract: { contract: string; known: boolean; competitive: boolean; setting: string | null; jobs: Cell; people: Cell }[];
      bySetting: { setting: string; jobs: Cell; people: Cell }[];
    };
    specialists: { name: string; caseload: Cell; contactsPerWeek: number | null; served: Cell; working: Cell; rate: number | null }[];
  };
}

const DAY = 86_400_000;
const toDate = (iso: string) => new Date(iso + 'T00:00:00Z');
const iso = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => iso(new Date(toDate(day).getTime() + n * DAY));

export function median(xs: ArrayLike<number>): number | null {
  if (xs.length === 0) return null;
  const s = Float64Array.from(xs).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const ratio = (count: number, of: number): Ratio => ({ count, of, rate: of === 0 ? null : count / of });

export function benchmarkOf(rate: number | null): Benchmark | null {
  if (rate === null) return null;
  if (rate < 0.31) return 'below-minimal';
  if (rate < 0.41) return 'minimal';
  if (rate < 0.5) return 'average';
  return 'excellent';
}

/** The periods of a window: calendar quarters, months or years clipped to it, or the window itself. */
export function splitWindow(window: Period, by: By): { label: string; from: string; to: string }[] {
  if (by === 'none') return [{ label: `${window.from}/${window.to}`, ...window }];
  const out: { label: string; from: string; to: string }[] = [];
  let d = toDate(window.from);
  while (iso(d) <= window.to) {
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    let start: Date;
    let next: Date;
    let label: string;
    if (by === 'year') {
      start = new Date(Date.UTC(y, 0, 1));
      next = new Date(Date.UTC(y + 1, 0, 1));
      label = String(y);
    } else if (by === 'quarter') {
      const q = Math.floor(m / 3);
      start = new Date(Date.UTC(y, q * 3, 1));
      next = new Date(Date.UTC(y, q * 3 + 3, 1));
      label = `${y}-Q${q + 1}`;
    } else {
      start = new Date(Date.UTC(y, m, 1));
      next = new Date(Date.UTC(y, m + 1, 1));
      label = `${y}-${String(m + 1).padStart(2, '0')}`;
    }
    const from = iso(start) < window.from ? window.from : iso(start);
    const lastDay = iso(new Date(next.getTime() - DAY));
    out.push({ label, from, to: lastDay > window.to ? window.to : lastDay });
    d = next;
  }
  return out;
}

/** Suppress a breakdown count of 1 to N−1 people. */
export function cell(n: number, minCell: number): Cell {
  return minCell > 0 && n > 0 && n < minCell ? `<${minCell}` : n;
}

/** What every measure needs to know of each participant and job, computed once. */
interface Facts {
  /** Participants that count (under ips-grow, not those working at entry). */
  counted: Uint8Array;
  /** Jobs of counted participants (all jobs when there is no participants table). */
  jobCounts: Uint8Array;
  isJob: Uint8Array;
  competitive: Uint8Array;
  /** Counted jobs that are competitive jobs, by index. */
  comp: Int32Array;
  /** Per participant: start of the first competitive job on or after entry, NO_DAY if none. */
  firstJob: Int32Array;
  /** Per participant: start of the earliest competitive job, NO_DAY if none. */
  anyJob: Int32Array;
}

/** Start of each participant's first competitive job on or after entry (NO_DAY if none). */
export function firstCompetitiveJobs(r: ProgramRecords, contracts: ContractTable): Int32Array {
  return facts(r, contracts, 'standard').firstJob;
}

function facts(r: ProgramRecords, contracts: ContractTable, convention: Convention): Facts {
  const P = r.participants;
  const J = r.jobs;
  const counted = new Uint8Array(P.count);
  for (let p = 0; p < P.count; p++) counted[p] = convention === 'ips-grow' && P.workingAtEntry[p] === 1 ? 0 : 1;
  const { isJob: isJobArr, competitive } = jobClasses(contracts, J, r.names);
  const jobCounts = new Uint8Array(J.count);
  const firstJob = new Int32Array(P.count).fill(NO_DAY);
  const anyJob = new Int32Array(P.count).fill(NO_DAY);
  const comp: number[] = [];
  for (let j = 0; j < J.count; j++) {
    const p = J.participant[j]!;
    jobCounts[j] = P.count === 0 || (p < P.count && counted[p] === 1) ? 1 : 0;
    if (!jobCounts[j] || !isJobArr[j] || !competitive[j]) continue;
    comp.push(j);
    if (p >= P.count) continue;
    const start = J.start[j]!;
    if (start < anyJob[p]!) anyJob[p] = start;
    if (start >= P.entry[p]! && start < firstJob[p]!) firstJob[p] = start;
  }
  return { counted, jobCounts, isJob: isJobArr, competitive, comp: Int32Array.from(comp), firstJob, anyJob };
}

export function computeOutcomes(records: ProgramRecords, contracts: ContractTable, opts: OutcomeOptions): Outcomes {
  const W = daysOf(opts.window);
  const grow = opts.convention === 'ips-grow';
  const P = records.participants;
  const J = records.jobs;
  const f = facts(records, contracts, opts.convention);
  const { counted, comp, firstJob } = f;

  /** When a competitive job starts to count as working: under ips-grow, once its 4th paid hour is reached. */
  const countsFrom = new Int32Array(comp.length);
  for (let k = 0; k < comp.length; k++) {
    const j = comp[k]!;
    const h = J.hoursPerWeek[j]!;
    countsFrom[k] = grow && h > 0 && h < 28 ? J.start[j]! + Math.ceil(28 / h) - 1 : J.start[j]!;
  }
  /** Participants working in a period: holding a competitive job that counts on one of its days. */
  const stamp = new Int32Array(P.count).fill(-1);
  let stampNo = 0;
  const workingIn = (X: DayPeriod, mark?: Uint8Array): number => {
    const no = stampNo++;
    let working = 0;
    for (let k = 0; k < comp.length; k++) {
      const j = comp[k]!;
      const p = J.participant[j]!;
      const from = countsFrom[k]!;
      const end = J.end[j]!;
      if (p >= P.count || from > end || !heldIn(from, end, X) || stamp[p] === no || !servedIn(records, p, X)) continue;
      stamp[p] = no;
      working++;
      if (mark) mark[p] = 1;
    }
    return working;
  };

  const periodOf = (label: string, period: Period, mark?: Uint8Array): PeriodOutcome => {
    const X = daysOf(period);
    let served = 0;
    let firstJobStarts = 0;
    for (let p = 0; p < P.count; p++) {
      if (!counted[p]) continue;
      if (servedIn(records, p, X)) served++;
      if (firstJob[p]! >= X.from && firstJob[p]! <= X.to) firstJobStarts++;
    }
    let jobStarts = 0;
    for (let k = 0; k < comp.length; k++) {
      const start = J.start[comp[k]!]!;
      if (start >= X.from && start <= X.to) jobStarts++;
    }
    const working = workingIn(X, mark);
    const rate = served === 0 ? null : working / served;
    return {
      label,
      from: period.from,
      to: period.to,
      served,
      working,
      rate,
      benchmark: opts.by === 'quarter' && isWholeQuarter(period) ? benchmarkOf(rate) : null,
      ...(grow ? { growBenchmarkMet: rate === null ? null : rate >= 0.4 } : {}),
      jobStarts,
      firstJobStarts,
    };
  };
  const periods = splitWindow(opts.window, opts.by).map((X) => periodOf(X.label, X));
  const workingW = new Uint8Array(P.count);
  const whole = periodOf('window', opts.window, workingW);

  // Cohort (entered in the window), time to first contact and first job, work within 12 months.
  const contactDays: number[] = [];
  const jobDays: number[] = [];
  const cohort: number[] = [];
  const servedW: number[] = [];
  for (let p = 0; p < P.count; p++) {
    if (!counted[p]) continue;
    if (servedIn(records, p, W)) servedW.push(p);
    const entry = P.entry[p]!;
    if (entry < W.from || entry > W.to) continue;
    cohort.push(p);
    const contact = P.firstEmployerContact[p]!;
    if (contact <= W.to) contactDays.push(contact - entry);
    if (firstJob[p]! <= W.to) jobDays.push(firstJob[p]! - entry);
  }
  const within = (pool: number[], d: number): Ratio => {
    let eligible = 0;
    let count = 0;
    for (const p of pool) {
      const entry = P.entry[p]!;
      if (W.to - entry < d) continue;
      eligible++;
      if (firstJob[p] !== NO_DAY && firstJob[p]! - entry <= d) count++;
    }
    return ratio(count, eligible);
  };

  // Competitive jobs: tenure, hours and wages.
  const endedDays: number[] = [];
  const hours: number[] = [];
  const wages: number[] = [];
  const startsW: number[] = [];
  for (let k = 0; k < comp.length; k++) {
    const j = comp[k]!;
    const start = J.start[j]!;
    const end = J.end[j]!;
    if (end !== NO_DAY && end >= W.from && end <= W.to) endedDays.push(end - start);
    if (start >= W.from && start <= W.to) startsW.push(j);
    if (!heldIn(start, end, W)) continue;
    if (!Number.isNaN(J.hoursPerWeek[j]!)) hours.push(J.hoursPerWeek[j]!);
    if (!Number.isNaN(J.hourlyWage[j]!)) wages.push(J.hourlyWage[j]!);
  }
  const stillWorking = [90, 180].map((d) => {
    let eligible = 0;
    let count = 0;
    for (const j of startsW) {
      const start = J.start[j]!;
      const end = J.end[j]!;
      if (W.to - start < d) continue;
      eligible++;
      if (end === NO_DAY || end - start >= d) count++;
    }
    return { days: d, ...ratio(count, eligible) };
  });

  // Exits, and those who left before any competitive job.
  let exited = 0;
  const leftBeforeJob: number[] = [];
  for (let p = 0; p < P.count; p++) {
    const exit = P.exit[p]!;
    if (!counted[p] || exit === NO_DAY || exit < W.from || exit > W.to) continue;
    exited++;
    if (!(f.anyJob[p]! <= exit)) leftBeforeJob.push(p);
  }
  const reasons = countBy(leftBeforeJob, (p) => records.names.name(P.exitReason[p]!)?.trim() || '—');

  // Contract mix of the jobs held in the window (work trials included).
  const byContract = new Map<string, { jobs: number; people: Set<number> }>();
  const bySetting = new Map<string, { jobs: number; people: Set<number> }>();
  const add = (m: Map<string, { jobs: number; people: Set<number> }>, key: string, j: number) => {
    const e = m.get(key) ?? m.set(key, { jobs: 0, people: new Set() }).get(key)!;
    e.jobs++;
    e.people.add(J.participant[j]!);
  };
  const contractOf = new Map<number, Contract | undefined>();
  let heldJobsW = 0;
  let competitiveW = 0;
  let trialsW = 0;
  for (let j = 0; j < J.count; j++) {
    if (!f.jobCounts[j] || !heldIn(J.start[j]!, J.end[j]!, W)) continue;
    const n = J.contract[j]!;
    if (!contractOf.has(n)) contractOf.set(n, findContract(contracts, records.names.name(n) ?? ''));
    const c = contractOf.get(n);
    add(byContract, c?.id ?? normalizeName(records.names.name(n) ?? ''), j);
    add(bySetting, c?.setting ?? 'unknown', j);
    if (!f.isJob[j]) trialsW++;
    else {
      heldJobsW++;
      if (f.competitive[j]) competitiveW++;
    }
  }

  // Specialists: caseload, contacts, served and working.
  const weeks = (W.to - W.from + 1) / 7;
  const specialistKey = (n: number) => normalizeName(records.names.name(n) ?? '');
  const bySpecialist = new Map<string, number[]>();
  const names = new Set<string>();
  for (let p = 0; p < P.count; p++) {
    const n = P.specialist[p]!;
    if (!counted[p] || n === NO_NAME) continue;
    names.add(records.names.name(n)!);
    const k = specialistKey(n);
    (bySpecialist.get(k) ?? bySpecialist.set(k, []).get(k)!).push(p);
  }
  const specialistNames = records.staff.length ? records.staff.map((s) => s.specialist) : [...names].sort();
  const contactsOf = new Map<string, number>();
  const C = records.contacts;
  for (let c = 0; c < C.count; c++) {
    if (!C.faceToFace[c] || C.date[c]! < W.from || C.date[c]! > W.to) continue;
    const k = specialistKey(C.specialist[c]!);
    contactsOf.set(k, (contactsOf.get(k) ?? 0) + 1);
  }
  const small = (n: number) => opts.minCell > 0 && n > 0 && n < opts.minCell;
  const specialists = specialistNames.map((name) => {
    const key = normalizeName(name);
    const mine = bySpecialist.get(key) ?? [];
    let caseload = 0;
    let served = 0;
    let working = 0;
    for (const p of mine) {
      if (activeOn(records, p, W.to)) caseload++;
      if (!servedIn(records, p, W)) continue;
      served++;
      if (workingW[p]) working++;
    }
    return {
      name,
      caseload: cell(caseload, opts.minCell),
      contactsPerWeek: C.count || records.tables.contacts ? Math.round(((contactsOf.get(key) ?? 0) / weeks) * 100) / 100 : null,
      served: cell(served, opts.minCell),
      working: cell(working, opts.minCell),
      rate: served === 0 || small(served) || small(working) ? null : working / served,
    };
  });

  return {
    window: opts.window,
    by: opts.by,
    convention: opts.convention,
    minCell: opts.minCell,
    periods,
    measures: {
      served: whole.served,
      working: whole.working,
      rate: whole.rate,
      jobStarts: whole.jobStarts,
      firstJobStarts: whole.firstJobStarts,
      daysToFirstContact: {
        cohort: cohort.length,
        n: contactDays.length,
        mean: contactDays.length ? contactDays.reduce((a, b) => a + b, 0) / contactDays.length : null,
        median: median(contactDays),
      },
      daysToFirstJob: { cohort: cohort.length, n: jobDays.length, median: median(jobDays), within: [90, 180, 365].map((d) => ({ days: d, ...within(cohort, d) })) },
      workedWithin12Months: within(servedW, 365),
      tenure: { ended: endedDays.length, medianDays: median(endedDays), stillWorking },
      hours: { n: hours.length, median: median(hours), atLeast20: ratio(hours.filter((h) => h >= 20).length, hours.length) },
      wage: {
        n: wages.length,
        median: median(wages),
        minimumWage: opts.minimumWage ?? null,
        atOrAboveMinimum: opts.minimumWage === undefined ? null : ratio(wages.filter((w) => w >= opts.minimumWage!).length, wages.length),
      },
      exits: {
        exited,
        beforeAnyJob: leftBeforeJob.length,
        dropOut: ratio(leftBeforeJob.length, servedW.length),
        reasons: [...reasons].map(([reason, n]) => ({ reason, people: cell(n, opts.minCell) })),
      },
      contracts: {
        jobs: heldJobsW,
        competitive: competitiveW,
        competitiveShare: heldJobsW ? competitiveW / heldJobsW : null,
        workTrials: trialsW,
        byContract: [...byContract].sort(([a], [b]) => contractOrder(contracts, a) - contractOrder(contracts, b) || (a < b ? -1 : 1)).map(([id, e]) => {
          const c = findContract(contracts, id);
          return { contract: id, known: c !== undefined, competitive: isCompetitive(contracts, { contract: id }), setting: c?.setting ?? null, jobs: cell(e.jobs, opts.minCell), people: cell(e.people.size, opts.minCell) };
        }),
        bySetting: [...bySetting].sort(([a], [b]) => settingOrder(contracts, a) - settingOrder(contracts, b)).map(([setting, e]) => ({ setting, jobs: cell(e.jobs, opts.minCell), people: cell(e.people.size, opts.minCell) })),
      },
      specialists,
    },
  };
}

function contractOrder(t: ContractTable, id: string): number {
  const i = t.contracts.findIndex((c) => c.id === id);
  return i < 0 ? t.contracts.length : i;
}

function settingOrder(t: ContractTable, id: string): number {
  const i = t.settings.findIndex((s) => s.id === id);
  return i < 0 ? t.settings.length : i;
}

function isWholeQuarter(P: Period): boolean {
  const start = toDate(P.from);
  return start.getUTCDate() === 1 && start.getUTCMonth() % 3 === 0 && addDays(P.to, 1) === iso(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1)));
}

function countBy<T>(xs: T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return new Map([...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}
