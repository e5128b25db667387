// Employment outcomes from program records (docs/outcomes.md has the exact definitions). Pure: no I/O.
import { daysBetween, normalizeName } from '../read/values.js';
import { findContract, isCompetitive, isJob, type ContractTable } from './contracts.js';
import { activeOn, heldIn, servedIn, type Job, type Participant, type Period, type ProgramRecords } from './records.js';

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

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
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

export function computeOutcomes(records: ProgramRecords, contracts: ContractTable, opts: OutcomeOptions): Outcomes {
  const W = opts.window;
  const grow = opts.convention === 'ips-grow';
  const people = records.participants.filter((p) => !(grow && p.workingAtEntry === true));
  const counted = new Set(people.map((p) => p.id));
  const jobs = records.jobs.filter((j) => counted.has(j.participant) || !records.participants.length);
  const realJobs = jobs.filter((j) => isJob(contracts, j));
  const competitive = realJobs.filter((j) => isCompetitive(contracts, j));

  /** When a job starts to count: under ips-grow, once its 4th paid hour is reached. */
  const countsFrom = (j: Job) => (grow && j.hoursPerWeek && j.hoursPerWeek < 28 ? addDays(j.start, Math.ceil(28 / j.hoursPerWeek) - 1) : j.start);
  const jobsOf = new Map<string, Job[]>();
  for (const j of competitive) {
    const list = jobsOf.get(j.participant);
    if (list) list.push(j);
    else jobsOf.set(j.participant, [j]);
  }
  const firstJob = new Map<string, Job>();
  for (const p of people) {
    const own = (jobsOf.get(p.id) ?? []).filter((j) => j.start >= p.entry).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    if (own[0]) firstJob.set(p.id, own[0]);
  }
  const workingIn = (p: Participant, P: Period) => (jobsOf.get(p.id) ?? []).some((j) => heldIn({ start: countsFrom(j), end: j.end }, P) && (j.end === undefined || countsFrom(j) <= j.end));

  const periodOf = (P: { label: string; from: string; to: string }): PeriodOutcome => {
    const served = people.filter((p) => servedIn(p, P));
    const working = served.filter((p) => workingIn(p, P)).length;
    const rate = served.length === 0 ? null : working / served.length;
    return {
      label: P.label,
      from: P.from,
      to: P.to,
      served: served.length,
      working,
      rate,
      benchmark: opts.by === 'quarter' && isWholeQuarter(P) ? benchmarkOf(rate) : null,
      ...(grow ? { growBenchmarkMet: rate === null ? null : rate >= 0.4 } : {}),
      jobStarts: competitive.filter((j) => j.start >= P.from && j.start <= P.to).length,
      firstJobStarts: [...firstJob.values()].filter((j) => j.start >= P.from && j.start <= P.to).length,
    };
  };
  const periods = splitWindow(W, opts.by).map(periodOf);
  const whole = periodOf({ label: 'window', ...W });

  const cohort = people.filter((p) => p.entry >= W.from && p.entry <= W.to);
  const contactDays = cohort.filter((p) => p.firstEmployerContact && p.firstEmployerContact <= W.to).map((p) => daysBetween(p.entry, p.firstEmployerContact!));
  const jobDays = cohort.flatMap((p) => {
    const j = firstJob.get(p.id);
    return j && j.start <= W.to ? [daysBetween(p.entry, j.start)] : [];
  });
  const within = (pool: Participant[], d: number) => {
    const eligible = pool.filter((p) => daysBetween(p.entry, W.to) >= d);
    const count = eligible.filter((p) => {
      const j = firstJob.get(p.id);
      return j !== undefined && daysBetween(p.entry, j.start) <= d;
    }).length;
    return ratio(count, eligible.length);
  };
  const servedW = people.filter((p) => servedIn(p, W));

  const heldW = competitive.filter((j) => heldIn(j, W));
  const ended = competitive.filter((j) => j.end !== undefined && j.end >= W.from && j.end <= W.to);
  const startsW = competitive.filter((j) => j.start >= W.from && j.start <= W.to);
  const stillWorking = [90, 180].map((d) => {
    const eligible = startsW.filter((j) => daysBetween(j.start, W.to) >= d);
    return { days: d, ...ratio(eligible.filter((j) => j.end === undefined || daysBetween(j.start, j.end) >= d).length, eligible.length) };
  });
  const hours = heldW.flatMap((j) => (j.hoursPerWeek === undefined ? [] : [j.hoursPerWeek]));
  const wages = heldW.flatMap((j) => (j.hourlyWage === undefined ? [] : [j.hourlyWage]));

  const exited = people.filter((p) => p.exit !== undefined && p.exit >= W.from && p.exit <= W.to);
  const beforeJob = exited.filter((p) => !(jobsOf.get(p.id) ?? []).some((j) => j.start <= p.exit!));
  const reasons = countBy(beforeJob, (p) => p.exitReason?.trim() || '—');

  const jobsHeldW = jobs.filter((j) => heldIn(j, W));
  const byContract = new Map<string, Job[]>();
  for (const j of jobsHeldW) {
    const id = findContract(contracts, j.contract)?.id ?? normalizeName(j.contract);
    (byContract.get(id) ?? byContract.set(id, []).get(id)!).push(j);
  }
  const bySetting = new Map<string, Job[]>();
  for (const j of jobsHeldW) {
    const setting = findContract(contracts, j.contract)?.setting ?? 'unknown';
    (bySetting.get(setting) ?? bySetting.set(setting, []).get(setting)!).push(j);
  }
  const peopleIn = (js: Job[]) => new Set(js.map((j) => j.participant)).size;
  const heldJobsW = jobsHeldW.filter((j) => isJob(contracts, j));
  const competitiveW = heldJobsW.filter((j) => isCompetitive(contracts, j)).length;

  const weeks = (daysBetween(W.from, W.to) + 1) / 7;
  const specialistNames = records.staff.length ? records.staff.map((s) => s.specialist) : [...new Set(people.flatMap((p) => (p.specialist ? [p.specialist] : [])))].sort();
  // Participants and face-to-face contacts in the window, indexed by specialist once.
  const bySpecialist = new Map<string, Participant[]>();
  for (const p of people) {
    if (!p.specialist) continue;
    const k = normalizeName(p.specialist);
    (bySpecialist.get(k) ?? bySpecialist.set(k, []).get(k)!).push(p);
  }
  const contactsOf = new Map<string, number>();
  for (const c of records.contacts) {
    if (!c.faceToFace || c.date < W.from || c.date > W.to) continue;
    const k = normalizeName(c.specialist);
    contactsOf.set(k, (contactsOf.get(k) ?? 0) + 1);
  }
  const specialists = specialistNames.map((name) => {
    const key = normalizeName(name);
    const mine = bySpecialist.get(key) ?? [];
    const served = mine.filter((p) => servedIn(p, W));
    const working = served.filter((p) => workingIn(p, W)).length;
    const contacts = contactsOf.get(key) ?? 0;
    const small = (n: number) => opts.minCell > 0 && n > 0 && n < opts.minCell;
    return {
      name,
      caseload: cell(mine.filter((p) => activeOn(p, W.to)).length, opts.minCell),
      contactsPerWeek: records.contacts.length || records.tables.contacts ? Math.round((contacts / weeks) * 100) / 100 : null,
      served: cell(served.length, opts.minCell),
      working: cell(working, opts.minCell),
      rate: served.length === 0 || small(served.length) || small(working) ? null : working / served.length,
    };
  });

  return {
    window: W,
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
      tenure: { ended: ended.length, medianDays: median(ended.map((j) => daysBetween(j.start, j.end!))), stillWorking },
      hours: { n: hours.length, median: median(hours), atLeast20: ratio(hours.filter((h) => h >= 20).length, hours.length) },
      wage: {
        n: wages.length,
        median: median(wages),
        minimumWage: opts.minimumWage ?? null,
        atOrAboveMinimum: opts.minimumWage === undefined ? null : ratio(wages.filter((w) => w >= opts.minimumWage!).length, wages.length),
      },
      exits: {
        exited: exited.length,
        beforeAnyJob: beforeJob.length,
        dropOut: ratio(beforeJob.length, servedW.length),
        reasons: [...reasons].map(([reason, n]) => ({ reason, people: cell(n, opts.minCell) })),
      },
      contracts: {
        jobs: heldJobsW.length,
        competitive: competitiveW,
        competitiveShare: heldJobsW.length ? competitiveW / heldJobsW.length : null,
        workTrials: jobsHeldW.length - heldJobsW.length,
        byContract: [...byContract].sort(([a], [b]) => contractOrder(contracts, a) - contractOrder(contracts, b) || (a < b ? -1 : 1)).map(([id, js]) => {
          const c = findContract(contracts, id);
          return { contract: id, known: c !== undefined, competitive: isCompetitive(contracts, { contract: id }), setting: c?.setting ?? null, jobs: cell(js.length, opts.minCell), people: cell(peopleIn(js), opts.minCell) };
        }),
        bySetting: [...bySetting].sort(([a], [b]) => settingOrder(contracts, a) - settingOrder(contracts, b)).map(([setting, js]) => ({ setting, jobs: cell(js.length, opts.minCell), people: cell(peopleIn(js), opts.minCell) })),
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
