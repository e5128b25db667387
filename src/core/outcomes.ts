// Employment outcomes from program records (docs/outcomes.md has the exact definitions). Pure: no I/O.
import { normalizeName } from '../read/values.js';
import { findContract, isCompetitive, jobClasses, type ContractTable } from './contracts.js';
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
  const a = new Float64Array(xs);
  const mid = a.length >> 1;
  const upper = select(a, mid);
  return a.length % 2 ? upper : (select(a, mid - 1) + upper) / 2;
}

/** The k-th smallest value (0-based), rearranging `a` (quickselect: linear time, no full sort). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
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
  const end = toDate(window.to).getTime();
  while (d.getTime() <= end) {
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
  const comp = new Int32Array(J.count);
  let n = 0;
  for (let j = 0; j < J.count; j++) {
    const p = J.participant[j]!;
    jobCounts[j] = P.count === 0 || (p < P.count && counted[p] === 1) ? 1 : 0;
    if (!jobCounts[j] || !isJobArr[j] || !competitive[j]) continue;
    comp[n++] = j;
    if (p >= P.count) continue;
    const start = J.start[j]!;
    if (start < anyJob[p]!) anyJob[p] = start;
    if (start >= P.entry[p]! && start < firstJob[p]!) firstJob[p] = start;
  }
  return { counted, jobCounts, isJob: isJobArr, competitive, comp: comp.subarray(0, n), firstJob, anyJob };
}

export function computeOutcomes(records: ProgramRecords, contracts: ContractTable, opts: OutcomeOptions): Outcomes {
  const W = daysOf(opts.window);
  const grow = opts.convention === 'ips-grow';
  const P = records.participants;
  const J = records.jobs;
  const f = facts(records, contracts, opts.convention);
  const { counted, comp, firstJob } = f;

  /** When a competitive job starts to count as working: under ips-grow, once its 4th paid hour is reached. */
  const countsFrom = (j: number) => {
    const h = J.hoursPerWeek[j]!;
    // At a few minutes a week the 4th hour falls past any real day: never (NO_DAY), not an overflow.
    return grow && h > 0 && h < 28 ? Math.min(NO_DAY, J.start[j]! + Math.ceil(28 / h) - 1) : J.start[j]!;
  };
  const held = byParticipant(records, comp, countsFrom);

  /** Served, working, job starts and first job starts in each of a run of consecutive periods. */
  const count = (list: (Period & { label: string })[], mark?: Uint8Array) => {
    const periods = new PeriodIndex(list.map(daysOf));
    const K = list.length;
    const served = new Int32Array(K + 1);
    const workingIn = new Int32Array(K);
    const jobStarts = new Int32Array(K);
    const firstJobStarts = new Int32Array(K);
    const lastCounted = new Int32Array(K).fill(-1);
    for (let k = 0; k < comp.length; k++) {
      const at = periods.at(J.start[comp[k]!]!);
      if (at >= 0) jobStarts[at]!++;
    }
    for (let p = 0; p < P.count; p++) {
      if (!counted[p]) continue;
      const at = periods.at(firstJob[p]!);
      if (at >= 0) firstJobStarts[at]!++;
      const [s1, s2] = periods.overlapping(P.entry[p]!, P.exit[p]!);
      if (s1 > s2) continue;
      served[s1]!++;
      served[s2 + 1]!--;
      // Working in a period: served in it, and holding a competitive job that counts on one of its days.
      for (let g = held.offsets[p]!; g < held.offsets[p + 1]!; g++) {
        if (held.from[g]! > held.end[g]!) continue;
        const [w1, w2] = periods.overlapping(held.from[g]!, held.end[g]!);
        for (let k = Math.max(w1, s1); k <= Math.min(w2, s2); k++) {
          if (lastCounted[k] === p) continue;
          lastCounted[k] = p;
          workingIn[k]!++;
          if (mark) mark[p] = 1;
        }
      }
    }
    for (let k = 1; k < K; k++) served[k]! += served[k - 1]!;
    return list.map((period, k): PeriodOutcome => {
      const rate = served[k] === 0 ? null : workingIn[k]! / served[k]!;
      return {
        label: period.label,
        from: period.from,
        to: period.to,
        served: served[k]!,
        working: workingIn[k]!,
        rate,
        benchmark: opts.by === 'quarter' && isWholeQuarter(period) ? benchmarkOf(rate) : null,
        ...(grow ? { growBenchmarkMet: rate === null ? null : rate >= 0.4 } : {}),
        jobStarts: jobStarts[k]!,
        firstJobStarts: firstJobStarts[k]!,
      };
    });
  };
  const periods = count(splitWindow(opts.window, opts.by));
  const workingW = new Uint8Array(P.count);
  const whole = count([{ label: 'window', ...opts.window }], workingW)[0]!;

  // Cohort (entered in the window), time to first contact and first job, work within 12 months.
  const inCohort = (p: number) => counted[p] === 1 && P.entry[p]! >= W.from && P.entry[p]! <= W.to;
  const inServedW = (p: number) => counted[p] === 1 && servedIn(records, p, W);
  const contactDays = new Values(P.count);
  const jobDays = new Values(P.count);
  let cohort = 0;
  let servedW = 0;
  for (let p = 0; p < P.count; p++) {
    if (inServedW(p)) servedW++;
    if (!inCohort(p)) continue;
    cohort++;
    const entry = P.entry[p]!;
    const contact = P.firstEmployerContact[p]!;
    if (contact <= W.to) contactDays.push(contact - entry);
    if (firstJob[p]! <= W.to) jobDays.push(firstJob[p]! - entry);
  }
  /** Of the pool who could have been followed `d` days, how many had a first job within `d` days of entry. */
  const within = (pool: (p: number) => boolean, d: number): Ratio => {
    let eligible = 0;
    let count = 0;
    for (let p = 0; p < P.count; p++) {
      const entry = P.entry[p]!;
      if (W.to - entry < d || !pool(p)) continue;
      eligible++;
      if (firstJob[p] !== NO_DAY && firstJob[p]! - entry <= d) count++;
    }
    return ratio(count, eligible);
  };

  // Competitive jobs: tenure, hours and wages.
  const endedDays = new Values(comp.length);
  const hours = new Values(comp.length);
  const wages = new Values(comp.length);
  const startsW = new Int32Array(comp.length);
  let starts = 0;
  for (let k = 0; k < comp.length; k++) {
    const j = comp[k]!;
    const start = J.start[j]!;
    const end = J.end[j]!;
    if (end !== NO_DAY && end >= W.from && end <= W.to) endedDays.push(end - start);
    if (start >= W.from && start <= W.to) startsW[starts++] = j;
    if (!heldIn(start, end, W)) continue;
    if (!Number.isNaN(J.hoursPerWeek[j]!)) hours.push(J.hoursPerWeek[j]!);
    if (!Number.isNaN(J.hourlyWage[j]!)) wages.push(J.hourlyWage[j]!);
  }
  const stillWorking = [90, 180].map((d) => {
    let eligible = 0;
    let count = 0;
    for (const j of startsW.subarray(0, starts)) {
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

  // Contract mix of the jobs held in the window (work trials included), visited participant by
  // participant so that people are counted once per contract with no set per contract.
  const byContract = new Tally();
  const bySetting = new Tally();
  const keyOf = new Map<number, { contract: string; setting: string }>();
  let heldJobsW = 0;
  let competitiveW = 0;
  let trialsW = 0;
  const heldW = new Int32Array(J.count);
  let heldCount = 0;
  for (let j = 0; j < J.count; j++) if (f.jobCounts[j] && heldIn(J.start[j]!, J.end[j]!, W)) heldW[heldCount++] = j;
  for (const j of inParticipantOrder(records, heldW.subarray(0, heldCount))) {
    const n = J.contract[j]!;
    let key = keyOf.get(n);
    if (!key) {
      const written = records.names.name(n) ?? '';
      const c = findContract(contracts, written);
      keyOf.set(n, (key = { contract: c?.id ?? normalizeName(written), setting: c?.setting ?? 'unknown' }));
    }
    byContract.add(key.contract, J.participant[j]!, j);
    bySetting.add(key.setting, J.participant[j]!, j);
    if (!f.isJob[j]) trialsW++;
    else {
      heldJobsW++;
      if (f.competitive[j]) competitiveW++;
    }
  }

  // Specialists: caseload, contacts, served and working.
  const weeks = (W.to - W.from + 1) / 7;
  // Specialists are matched by the normalised form of their name.
  const specialistKey = (n: number) => normalizeName(records.names.name(n) ?? '');
  const keys = new Map<string, number>();
  const keyOfName = new Map<number, number>();
  const names = new Set<string>();
  for (let p = 0; p < P.count; p++) {
    const n = P.specialist[p]!;
    if (!counted[p] || n === NO_NAME || keyOfName.has(n)) continue;
    const k = specialistKey(n);
    keyOfName.set(n, keys.get(k) ?? keys.set(k, keys.size).get(k)!);
    names.add(records.names.name(n)!);
  }
  const caseloads = new Int32Array(keys.size);
  const servedBy = new Int32Array(keys.size);
  const workingBy = new Int32Array(keys.size);
  for (let p = 0; p < P.count; p++) {
    const n = P.specialist[p]!;
    if (!counted[p] || n === NO_NAME) continue;
    const k = keyOfName.get(n)!;
    if (activeOn(records, p, W.to)) caseloads[k]!++;
    if (!servedIn(records, p, W)) continue;
    servedBy[k]!++;
    if (workingW[p]) workingBy[k]!++;
  }
  const specialistNames = records.staff.length ? records.staff.map((s) => s.specialist) : [...names].sort();
  const C = records.contacts;
  const contactsOfName = new Int32Array(records.names.values.length);
  for (let c = 0; c < C.count; c++) if (C.faceToFace[c] && C.date[c]! >= W.from && C.date[c]! <= W.to) contactsOfName[C.specialist[c]!]!++;
  const contactsOf = new Map<string, number>();
  contactsOfName.forEach((n, name) => {
    if (n > 0) contactsOf.set(specialistKey(name), (contactsOf.get(specialistKey(name)) ?? 0) + n);
  });
  const small = (n: number) => opts.minCell > 0 && n > 0 && n < opts.minCell;
  const specialists = specialistNames.map((name) => {
    const key = normalizeName(name);
    const k = keys.get(key);
    const [caseload, served, working] = k === undefined ? [0, 0, 0] : [caseloads[k]!, servedBy[k]!, workingBy[k]!];
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
        cohort,
        n: contactDays.length,
        mean: contactDays.length ? contactDays.sum() / contactDays.length : null,
        median: median(contactDays.values()),
      },
      daysToFirstJob: { cohort, n: jobDays.length, median: median(jobDays.values()), within: [90, 180, 365].map((d) => ({ days: d, ...within(inCohort, d) })) },
      workedWithin12Months: within(inServedW, 365),
      tenure: { ended: endedDays.length, medianDays: median(endedDays.values()), stillWorking },
      hours: { n: hours.length, median: median(hours.values()), atLeast20: ratio(hours.atLeast(20), hours.length) },
      wage: {
        n: wages.length,
        median: median(wages.values()),
        minimumWage: opts.minimumWage ?? null,
        atOrAboveMinimum: opts.minimumWage === undefined ? null : ratio(wages.atLeast(opts.minimumWage), wages.length),
      },
      exits: {
        exited,
        beforeAnyJob: leftBeforeJob.length,
        dropOut: ratio(leftBeforeJob.length, servedW),
        reasons: [...reasons].map(([reason, n]) => ({ reason, people: cell(n, opts.minCell) })),
      },
      contracts: {
        jobs: heldJobsW,
        competitive: competitiveW,
        competitiveShare: heldJobsW ? competitiveW / heldJobsW : null,
        workTrials: trialsW,
        byContract: byContract.sorted((a, b) => contractOrder(contracts, a) - contractOrder(contracts, b) || (a < b ? -1 : 1)).map(([id, e]) => {
          const c = findContract(contracts, id);
          return { contract: id, known: c !== undefined, competitive: isCompetitive(contracts, { contract: id }), setting: c?.setting ?? null, jobs: cell(e.jobs, opts.minCell), people: cell(e.people, opts.minCell) };
        }),
        bySetting: bySetting.sorted((a, b) => settingOrder(contracts, a) - settingOrder(contracts, b)).map(([setting, e]) => ({ setting, jobs: cell(e.jobs, opts.minCell), people: cell(e.people, opts.minCell) })),
      },
      specialists,
    },
  };
}

/** Numbers collected up to a known most, without a growing array. */
class Values {
  private readonly data: Float64Array;
  length = 0;
  constructor(most: number) {
    this.data = new Float64Array(most);
  }
  push(v: number): void {
    this.data[this.length++] = v;
  }
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
  sum(): number {
    let s = 0;
    for (const v of this.values()) s += v;
    return s;
  }
  atLeast(x: number): number {
    let n = 0;
    for (const v of this.values()) if (v >= x) n++;
    return n;
  }
}

/** Some jobs of known participants grouped by participant, with the days each counts from and ends, in group order. */
function byParticipant(r: ProgramRecords, jobs: Int32Array, from: (j: number) => number): { offsets: Int32Array; from: Int32Array; end: Int32Array } {
  const J = r.jobs;
  const n = r.participants.count;
  const offsets = new Int32Array(n + 1);
  for (const j of jobs) if (J.participant[j]! < n) offsets[J.participant[j]! + 1]!++;
  for (let p = 1; p <= n; p++) offsets[p]! += offsets[p - 1]!;
  const next = offsets.slice(0, n);
  const starts = new Int32Array(offsets[n]!);
  const ends = new Int32Array(offsets[n]!);
  for (const j of jobs) {
    const p = J.participant[j]!;
    if (p >= n) continue;
    const g = next[p]!++;
    starts[g] = from(j);
    ends[g] = J.end[j]!;
  }
  return { offsets, from: starts, end: ends };
}

/** Consecutive periods, found by day. */
class PeriodIndex {
  constructor(private readonly periods: DayPeriod[]) {}
  /** The first period that ends on or after `day` (periods.length when none). */
  private firstEndingFrom(day: number): number {
    let lo = 0;
    let hi = this.periods.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.periods[mid]!.to < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** The period holding `day`, or -1. */
  at(day: number): number {
    const k = this.firstEndingFrom(day);
    return k < this.periods.length && this.periods[k]!.from <= day ? k : -1;
  }
  /** The first and last periods that share a day with [from, to] (first > last when none). */
  overlapping(from: number, to: number): [number, number] {
    const first = this.firstEndingFrom(from);
    let last = this.firstEndingFrom(to);
    if (last === this.periods.length || this.periods[last]!.from > to) last--;
    return [first, last];
  }
}

/** Jobs in the order of their participants (each participant's in file order): a counting sort. */
function inParticipantOrder(r: ProgramRecords, jobs: Int32Array): Int32Array {
  const J = r.jobs;
  const start = new Int32Array(r.participantIds.length + 1);
  for (const j of jobs) start[J.participant[j]! + 1]!++;
  for (let p = 1; p < start.length; p++) start[p]! += start[p - 1]!;
  const out = new Int32Array(jobs.length);
  for (const j of jobs) out[start[J.participant[j]!]!++] = j;
  return out;
}

/** Jobs and distinct people by key, for jobs visited participant by participant; ties sort in file order. */
class Tally {
  private readonly rows = new Map<string, { jobs: number; people: number; last: number; first: number }>();
  add(key: string, person: number, job: number): void {
    let e = this.rows.get(key);
    if (!e) this.rows.set(key, (e = { jobs: 0, people: 0, last: -1, first: job }));
    e.jobs++;
    if (job < e.first) e.first = job;
    if (e.last !== person) {
      e.last = person;
      e.people++;
    }
  }
  sorted(order: (a: string, b: string) => number): [string, { jobs: number; people: number }][] {
    return [...this.rows].sort(([a, x], [b, y]) => order(a, b) || x.first - y.first);
  }
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
