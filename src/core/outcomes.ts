// Employment outcomes from program records (docs/outcomes.md has the exact definitions). Pure: no I/O.
import { ratio, type Ratio } from './ratio.js';
import { normalizeName } from '../shared/values.js';
import { addDays, calendarPeriod } from '../shared/days.js';
import { findContract, isCompetitive, jobClasses, type ContractTable } from './contracts.js';
import type { BenchmarkLevels, OutcomeRules } from '../scale/outcome-rules.js';
import { activeOn, daysOf, heldIn, NO_DAY, NO_NAME, servedIn, type DayPeriod, type Period, type ProgramRecords } from './records.js';
import { contactWaits } from './fidelity-from-records.js';
import { median } from './median.js';
import { cellOf, isSmall, protect, type Breakdown, type Cell, type SumRelation } from './suppression.js';

export { median };

export type By = 'quarter' | 'semester' | 'month' | 'year' | 'none';
export type Convention = 'standard' | 'ips-grow';
export type Benchmark = 'below-minimal' | 'minimal' | 'average' | 'excellent';

export interface OutcomeOptions {
  window: Period;
  by: By;
  convention: Convention;
  /** Breakdown cells with 1 to minCell−1 people are suppressed; 0 disables. */
  minCell: number;
  minimumWage?: number;
  /** V4's best-anchor limit in days (30 on IPS-25): an entrant without a contact after more days counts at the days elapsed. */
  contactLimit?: number;
  /** Benchmarks, windows, the hours line and the IPS Grow paid-hour rule (scales/outcome-rules.yaml). */
  rules: OutcomeRules;
}

/** A count in a breakdown: the number, "<N" (primary suppression) or "hidden" (complementary). */
export type { Cell } from './suppression.js';

export type { Ratio } from './ratio.js';

export interface PeriodOutcome {
  label: string;
  from: string;
  to: string;
  served: number;
  working: number;
  rate: number | null;
  /** The window starts or ends inside the period: no benchmark applies. */
  partial: boolean;
  /** Standard convention, whole calendar quarters only; classed on the rate rounded as printed (one decimal of %). */
  benchmark: Benchmark | null;
  /** Under ips-grow, whole calendar quarters only: whether the 40% benchmark is met (same rounding). */
  growBenchmarkMet?: boolean | null;
  jobStarts: number;
  firstJobStarts: number;
}

export interface Outcomes {
  window: Period;
  by: By;
  convention: Convention;
  minCell: number;
  /** The outcome rules the measures used. */
  rules: OutcomeRules;
  periods: PeriodOutcome[];
  measures: {
    served: number;
    working: number;
    rate: number | null;
    jobStarts: number;
    firstJobStarts: number;
    /** The rule of V4 from records: n = observed + late (no contact after more than `limit` days, counted at the days elapsed); `recent` left out. */
    daysToFirstContact: {
      cohort: number;
      n: number;
      mean: number | null;
      median: number | null;
      observed: number;
      late: number;
      recent: number;
      limit: number;
    };
    daysToFirstJob: { cohort: number; n: number; median: number | null; within: ({ days: number } & Ratio)[] };
    workedWithin12Months: Ratio;
    /** Days counted inclusively: a job started and ended on the same day lasted 1 day. */
    tenure: {
      ended: number;
      medianDays: number | null;
      stillWorking: ({ days: number } & Ratio)[];
      /** Per person who worked in the window: days in their longest-held competitive job (ongoing ones to the window end, censored). */
      longest: { people: number; medianDays: number | null; meanDays: number | null; censored: number };
    };
    /** Per person who worked in the window: weeks (days / 7) in the window with at least one competitive job. */
    weeksWorked: { people: number; mean: number | null; median: number | null };
    /** atLeast20: jobs; peopleAtLeast20: people whose competitive jobs held in the window include one of 20+ hours (of those with hours given). */
    hours: { n: number; median: number | null; line: number; atLeast20: Ratio; peopleAtLeast20: Ratio };
    wage: { n: number; median: number | null; minimumWage: number | null; atOrAboveMinimum: Ratio | null };
    /** recorded: false when no participant has an exit date (the records do not say who left). `reasonsWithheld`: no listing of reasons could hide its small cells, so none is listed. */
    exits: {
      recorded: boolean;
      exited: number;
      beforeAnyJob: number;
      dropOut: Ratio;
      reasons: { reason: string; people: Cell }[];
      reasonsWithheld: boolean;
    };
    contracts: {
      jobs: number;
      competitive: number;
      competitiveShare: number | null;
      workTrials: number;
      byContract: { contract: string; known: boolean; competitive: boolean; setting: string | null; jobs: Cell; people: Cell }[];
      bySetting: { setting: string; jobs: Cell; people: Cell }[];
      /** No listing of the mix could hide its small cells: byContract and bySetting are empty. */
      withheld: boolean;
    };
    specialists: { name: string; caseload: Cell; contactsPerWeek: number | null; served: Cell; working: Cell; rate: number | null }[];
  };
}

/** A rate as printed (a fraction rounded to one decimal of a percent): labels and classes both use it. */
export const printedRate = (rate: number) => Math.round(rate * 1000) / 1000;

/** The benchmark class of a quarterly rate, taken from the rate as printed; `levels` in percent (outcome rules). */
export function benchmarkOf(rate: number | null, levels: BenchmarkLevels): Benchmark | null {
  if (rate === null) return null;
  rate = printedRate(rate);
  if (rate < levels.minimal / 100) return 'below-minimal';
  if (rate < levels.average / 100) return 'minimal';
  if (rate < levels.excellent / 100) return 'average';
  return 'excellent';
}

/** The periods of a window: calendar quarters, half-years (2026-H1: Jan–Jun, 2026-H2: Jul–Dec), months or years clipped to it, or the window itself. */
export function splitWindow(window: Period, by: By): { label: string; from: string; to: string }[] {
  if (by === 'none') return [{ label: `${window.from}/${window.to}`, ...window }];
  const out: { label: string; from: string; to: string }[] = [];
  for (let d = window.from; d <= window.to;) {
    const p = calendarPeriod(d, by);
    out.push({ label: p.label, from: p.start < window.from ? window.from : p.start, to: p.last > window.to ? window.to : p.last });
    if (p.last >= window.to) break;
    d = addDays(p.last, 1);
  }
  return out;
}

/** A breakdown count of 1 to N−1 people alone (primary suppression only: see protectedCells for breakdowns). */
export function cell(n: number, minCell: number): Cell {
  return isSmall(n, minCell) ? `<${minCell}` : n;
}

/** The cells of a breakdown as printed once primary and complementary suppression are applied. */
function protectedCells(b: Breakdown, minCell: number): { cells: Cell[]; withheld: boolean } {
  const p = protect(b, minCell);
  return { cells: b.values.map((v, i) => cellOf(v, p.state[i]!, minCell)), withheld: p.withheld };
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

/** What the sections of computeOutcomes share: the records, the options and the facts computed once. */
interface Run {
  records: ProgramRecords;
  contracts: ContractTable;
  opts: OutcomeOptions;
  W: DayPeriod;
  grow: boolean;
  f: Facts;
}

export function computeOutcomes(records: ProgramRecords, contracts: ContractTable, opts: OutcomeOptions): Outcomes {
  const run: Run = {
    records,
    contracts,
    opts,
    W: daysOf(opts.window),
    grow: opts.convention === 'ips-grow',
    f: facts(records, contracts, opts.convention),
  };
  const rules = opts.rules;
  const count = periodCounter(run);
  const periods = count(splitWindow(opts.window, opts.by));
  const workingW = new Uint8Array(records.participants.count);
  const whole = count([{ label: 'window', ...opts.window }], workingW)[0]!;
  const cohort = cohortMeasures(run);
  const jobs = jobMeasures(run);
  const people = personMeasures(records, run.f.comp, run.W, cohort.inServedW, rules.hours.atLeast);
  const exits = exitMeasures(run, cohort.servedW);
  const contractMix = contractMeasures(run);
  const specialists = specialistMeasures(run, workingW);

  return {
    window: opts.window,
    by: opts.by,
    convention: opts.convention,
    minCell: opts.minCell,
    rules,
    periods,
    measures: {
      served: whole.served,
      working: whole.working,
      rate: whole.rate,
      jobStarts: whole.jobStarts,
      firstJobStarts: whole.firstJobStarts,
      daysToFirstContact: cohort.daysToFirstContact,
      daysToFirstJob: cohort.daysToFirstJob,
      workedWithin12Months: cohort.workedWithin12Months,
      tenure: { ended: jobs.ended, medianDays: jobs.medianDays, stillWorking: jobs.stillWorking, longest: people.longest },
      weeksWorked: people.weeksWorked,
      hours: {
        n: jobs.hours.length,
        median: median(jobs.hours.values()),
        line: rules.hours.atLeast,
        atLeast20: ratio(jobs.hours.atLeast(rules.hours.atLeast), jobs.hours.length),
        peopleAtLeast20: people.atLeast,
      },
      wage: {
        n: jobs.wages.length,
        median: median(jobs.wages.values()),
        minimumWage: opts.minimumWage ?? null,
        atOrAboveMinimum: opts.minimumWage === undefined ? null : ratio(jobs.wages.atLeast(opts.minimumWage), jobs.wages.length),
      },
      exits,
      contracts: contractMix,
      specialists,
    },
  };
}

/** Served, working, job starts and first job starts in each of a run of consecutive periods (`mark`: who worked in any). */
function periodCounter(run: Run): (list: (Period & { label: string })[], mark?: Uint8Array) => PeriodOutcome[] {
  const { records, opts, grow, f } = run;
  const P = records.participants;
  const J = records.jobs;
  const { counted, comp, firstJob } = f;
  const rules = opts.rules;

  /** When a competitive job starts to count as working: under ips-grow, once its 4th paid hour is reached. */
  const weekHours = rules.hours.ipsGrowPaidHours * 7; // the Nth paid hour, hours spread over 7 days
  const countsFrom = (j: number) => {
    const h = J.hoursPerWeek[j]!;
    // At a few minutes a week the 4th hour falls past any real day: never (NO_DAY), not an overflow.
    return grow && h > 0 && h < weekHours ? Math.min(NO_DAY, J.start[j]! + Math.ceil(weekHours / h) - 1) : J.start[j]!;
  };
  const held = byParticipant(records, comp, countsFrom);

  return (list, mark) => {
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
      return periodOutcome(period, served[k]!, workingIn[k]!, rate, jobStarts[k]!, firstJobStarts[k]!, opts);
    });
  };
}

/** A period's outcome from its counts: partial or whole, its benchmark class (or IPS Grow's 40%). */
export function periodOutcome(
  period: Period & { label: string },
  served: number,
  working: number,
  rate: number | null,
  jobStarts: number,
  firstJobStarts: number,
  opts: Pick<OutcomeOptions, 'by' | 'convention' | 'rules'>,
): PeriodOutcome {
  const grow = opts.convention === 'ips-grow';
  const partial = !isWhole(period, opts.by);
  const quarter = opts.by === 'quarter' && !partial;
  return {
    label: period.label,
    from: period.from,
    to: period.to,
    served,
    working,
    rate,
    partial,
    benchmark: quarter && !grow ? benchmarkOf(rate, opts.rules.benchmarks) : null,
    ...(grow ? { growBenchmarkMet: rate === null || !quarter ? null : printedRate(rate) >= opts.rules.benchmarks.ipsGrow / 100 } : {}),
    jobStarts,
    firstJobStarts,
  };
}

/** Cohort (entered in the window), time to first contact and first job, work within 12 months. */
function cohortMeasures(run: Run) {
  const { records, opts, W, f } = run;
  const P = records.participants;
  const { counted, firstJob } = f;
  const rules = opts.rules;
  const inCohort = (p: number) => counted[p] === 1 && P.entry[p]! >= W.from && P.entry[p]! <= W.to;
  const inServedW = (p: number) => counted[p] === 1 && servedIn(records, p, W);
  const jobDays = new Values(P.count);
  let cohort = 0;
  let servedW = 0;
  for (let p = 0; p < P.count; p++) {
    if (inServedW(p)) servedW++;
    if (!inCohort(p)) continue;
    cohort++;
    const entry = P.entry[p]!;
    if (firstJob[p]! <= W.to) jobDays.push(firstJob[p]! - entry);
  }
  const contact = contactWaits(records, W, opts.contactLimit ?? 30, counted);
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
  return {
    inServedW,
    servedW,
    daysToFirstContact: {
      cohort,
      n: contact.observed + contact.late,
      mean: contact.mean,
      median: contact.median,
      observed: contact.observed,
      late: contact.late,
      recent: contact.recent,
      limit: contact.limit,
    },
    daysToFirstJob: {
      cohort,
      n: jobDays.length,
      median: median(jobDays.values()),
      within: rules.windows.firstJobWithin.map((d) => ({ days: d, ...within(inCohort, d) })),
    },
    workedWithin12Months: within(inServedW, rules.windows.workedWithin),
  };
}

/** Competitive jobs: tenure, hours and wages. */
function jobMeasures(run: Run) {
  const { records, opts, W, f } = run;
  const J = records.jobs;
  const { comp } = f;
  const endedDays = new Values(comp.length);
  const hours = new Values(comp.length);
  const wages = new Values(comp.length);
  const startsW = new Int32Array(comp.length);
  let starts = 0;
  for (let k = 0; k < comp.length; k++) {
    const j = comp[k]!;
    const start = J.start[j]!;
    const end = J.end[j]!;
    if (end !== NO_DAY && end >= W.from && end <= W.to) endedDays.push(end - start + 1);
    if (start >= W.from && start <= W.to) startsW[starts++] = j;
    if (!heldIn(start, end, W)) continue;
    if (!Number.isNaN(J.hoursPerWeek[j]!)) hours.push(J.hoursPerWeek[j]!);
    if (!Number.isNaN(J.hourlyWage[j]!)) wages.push(J.hourlyWage[j]!);
  }
  const stillWorking = opts.rules.windows.stillWorkingAt.map((d) => {
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
  return { ended: endedDays.length, medianDays: median(endedDays.values()), stillWorking, hours, wages };
}

/** Exits, and those who left before any competitive job. */
function exitMeasures(run: Run, servedW: number): Outcomes['measures']['exits'] {
  const { records, opts, W, f } = run;
  const P = records.participants;
  let exited = 0;
  let exitsRecorded = false;
  const leftBeforeJob: number[] = [];
  for (let p = 0; p < P.count; p++) {
    const exit = P.exit[p]!;
    if (exit !== NO_DAY) exitsRecorded = true;
    if (!f.counted[p] || exit === NO_DAY || exit < W.from || exit > W.to) continue;
    exited++;
    if (!(f.anyJob[p]! <= exit)) leftBeforeJob.push(p);
  }
  const reasons = countBy(leftBeforeJob, (p) => records.names.name(P.exitReason[p]!)?.trim() || '—');
  const reasonList = [...reasons];
  const reasonCells = protectedCells({ values: reasonList.map(([, n]) => n), sums: [{ cells: reasonList.map((_, i) => i) }] }, opts.minCell);
  return {
    recorded: exitsRecorded,
    exited,
    beforeAnyJob: leftBeforeJob.length,
    dropOut: ratio(leftBeforeJob.length, servedW),
    reasons: reasonCells.withheld ? [] : reasonList.map(([reason], i) => ({ reason, people: reasonCells.cells[i]! })),
    reasonsWithheld: reasonCells.withheld,
  };
}

/**
 * Contract mix of the jobs held in the window (work trials included), visited participant by
 * participant so that people are counted once per contract with no set per contract.
 */
function contractMeasures(run: Run): Outcomes['measures']['contracts'] {
  const { records, contracts, opts, W, f } = run;
  const J = records.jobs;
  const byContract = new Tally();
  const bySetting = new Tally();
  const keyOf = new Map<number, { contract: string; setting: string }>();
  const firstSpelling = new Map<string, string>();
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
      let id = c?.id;
      if (id === undefined) {
        // An unknown value keeps the first spelling met of its normalised form (shown as "unclassified").
        const norm = normalizeName(written);
        id = firstSpelling.get(norm) ?? written.trim();
        firstSpelling.set(norm, id);
      }
      keyOf.set(n, (key = { contract: id, setting: c?.setting ?? 'unknown' }));
    }
    byContract.add(key.contract, J.participant[j]!, j);
    bySetting.add(key.setting, J.participant[j]!, j);
    if (!f.isJob[j]) trialsW++;
    else {
      heldJobsW++;
      if (f.competitive[j]) competitiveW++;
    }
  }
  return {
    jobs: heldJobsW,
    competitive: competitiveW,
    competitiveShare: heldJobsW ? competitiveW / heldJobsW : null,
    workTrials: trialsW,
    ...contractCells(contracts, byContract, bySetting, opts.minCell),
  };
}

/** Specialists: caseload, contacts, served and working (`workingW`: who worked in the window). */
function specialistMeasures(run: Run, workingW: Uint8Array): Outcomes['measures']['specialists'] {
  const { records, opts, W, f } = run;
  const P = records.participants;
  const { counted } = f;
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
  // Caseload, served and working of each specialist: one breakdown, as each column sums to a program
  // figure and caseload ≤ served ≥ working in each row.
  const counts = specialistNames.map((name) => {
    const k = keys.get(normalizeName(name));
    return k === undefined ? [0, 0, 0] : [caseloads[k]!, servedBy[k]!, workingBy[k]!];
  });
  const S = counts.length;
  const col = (c: number) => counts.map((_, i) => c * S + i);
  const spec = protectedCells(
    {
      values: [0, 1, 2].flatMap((c) => counts.map((r) => r[c]!)),
      sums: [{ cells: col(0) }, { cells: col(1) }, { cells: col(2) }],
      atMost: counts.flatMap((_, i): [number, number][] => [
        [i, S + i],
        [2 * S + i, S + i],
      ]),
    },
    opts.minCell,
  );
  return specialistNames.map((name, i) => {
    const key = normalizeName(name);
    const [, served, working] = counts[i]!;
    const shown = typeof spec.cells[S + i] === 'number' && typeof spec.cells[2 * S + i] === 'number';
    return {
      name,
      caseload: spec.cells[i]!,
      contactsPerWeek: C.count || records.tables.contacts ? Math.round(((contactsOf.get(key) ?? 0) / weeks) * 100) / 100 : null,
      served: spec.cells[S + i]!,
      working: spec.cells[2 * S + i]!,
      rate: served === 0 || !shown ? null : working! / served!,
    };
  });
}

/**
 * Person-level measures over the people of `pool` with a competitive job held in W: days in their
 * longest-held job (counted inclusively from its start; a job still going at W.to is counted to
 * W.to and censored), weeks in W covered by at least one job, and whether one job has `line`+ hours.
 */
function personMeasures(r: ProgramRecords, jobs: Int32Array, W: DayPeriod, pool: (p: number) => boolean, line: number) {
  const J = r.jobs;
  const n = r.participants.count;
  const offsets = new Int32Array(n + 1);
  const kept = (j: number) => J.participant[j]! < n && heldIn(J.start[j]!, J.end[j]!, W);
  for (const j of jobs) if (kept(j)) offsets[J.participant[j]! + 1]!++;
  for (let p = 1; p <= n; p++) offsets[p]! += offsets[p - 1]!;
  const next = offsets.slice(0, n);
  const grouped = new Int32Array(offsets[n]!);
  for (const j of jobs) if (kept(j)) grouped[next[J.participant[j]!]!++] = j;
  const longest = new Values(n);
  const weeks = new Values(n);
  let censored = 0;
  let withHours = 0;
  let atLeast = 0;
  for (let p = 0; p < n; p++) {
    if (offsets[p] === offsets[p + 1] || !pool(p)) continue;
    const group = [...grouped.subarray(offsets[p]!, offsets[p + 1]!)].sort((a, b) => J.start[a]! - J.start[b]!);
    let best = 0;
    let bestOpen = false;
    let covered = 0;
    let reach = W.from - 1;
    let most = -1;
    for (const j of group) {
      const start = J.start[j]!;
      const open = J.end[j]! > W.to; // no end (NO_DAY) or ending after the window
      const last = open ? W.to : J.end[j]!;
      const days = last - start + 1;
      if (days > best || (days === best && open)) [best, bestOpen] = [days, open];
      const from = Math.max(start, reach + 1);
      if (last >= from) covered += last - from + 1;
      if (last > reach) reach = last;
      if (!Number.isNaN(J.hoursPerWeek[j]!) && J.hoursPerWeek[j]! > most) most = J.hoursPerWeek[j]!;
    }
    longest.push(best);
    if (bestOpen) censored++;
    weeks.push(covered); // days: whole numbers sum the same in any order
    if (most >= 0) {
      withHours++;
      if (most >= line) atLeast++;
    }
  }
  return {
    longest: {
      people: longest.length,
      medianDays: median(longest.values()),
      meanDays: longest.length ? longest.sum() / longest.length : null,
      censored,
    },
    weeksWorked: {
      people: weeks.length,
      mean: weeks.length ? weeks.sum() / weeks.length / 7 : null,
      median: weeks.length ? median(weeks.values())! / 7 : null,
    },
    atLeast: ratio(atLeast, withHours),
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

function countBy<T>(xs: T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return new Map([...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

/**
 * The contract mix with its small cells protected. A reader knows the jobs of all rows (jobs and work
 * trials), of the competitive rows, of the work-trial rows and, per setting, that its contracts add up
 * to it; people are at most jobs in a row and a contract's people at most its setting's.
 */
function contractCells(contracts: ContractTable, byContract: Tally, bySetting: Tally, minCell: number) {
  const cs = byContract.sorted((a, b) => contractOrder(contracts, a) - contractOrder(contracts, b) || (a < b ? -1 : 1));
  const ss = bySetting.sorted((a, b) => settingOrder(contracts, a) - settingOrder(contracts, b));
  const info = cs.map(([id]) => {
    const c = findContract(contracts, id);
    return { c, competitive: isCompetitive(contracts, { contract: id }), setting: c?.setting ?? 'unknown', job: c?.job ?? true };
  });
  const C = cs.length;
  const K = ss.length;
  // Cells: contract jobs [0, C), contract people [C, 2C), setting jobs [2C, 2C+K), setting people [2C+K, 2C+2K).
  const values = [...cs.map(([, e]) => e.jobs), ...cs.map(([, e]) => e.people), ...ss.map(([, e]) => e.jobs), ...ss.map(([, e]) => e.people)];
  const rows = (keep: (i: number) => boolean) => cs.flatMap((_, i) => (keep(i) ? [i] : []));
  const sums: SumRelation[] = [
    { cells: rows(() => true) },
    { cells: rows((i) => info[i]!.job) },
    { cells: rows((i) => !info[i]!.job) },
    { cells: rows((i) => info[i]!.job && info[i]!.competitive) },
    { cells: ss.map((_, k) => 2 * C + k) },
  ];
  const atMost: [number, number][] = cs.map((_, i) => [C + i, i]);
  ss.forEach(([setting], k) => {
    const inIt = rows((i) => info[i]!.setting === setting);
    sums.push({ cells: [...inIt, 2 * C + k], signs: [...inIt.map(() => 1), -1] });
    if (inIt.length === 1) sums.push({ cells: [C + inIt[0]!, 2 * C + K + k], signs: [1, -1] });
    for (const i of inIt) atMost.push([C + i, 2 * C + K + k]);
    atMost.push([2 * C + K + k, 2 * C + k]);
  });
  const { cells, withheld } = protectedCells({ values, sums, atMost }, minCell);
  if (withheld) return { byContract: [], bySetting: [], withheld };
  return {
    withheld,
    byContract: cs.map(([id], i) => ({
      contract: id,
      known: info[i]!.c !== undefined,
      competitive: info[i]!.competitive,
      setting: info[i]!.c?.setting ?? null,
      jobs: cells[i]!,
      people: cells[C + i]!,
    })),
    bySetting: ss.map(([setting], k) => ({ setting, jobs: cells[2 * C + k]!, people: cells[2 * C + K + k]! })),
  };
}

/** Does a period cover its whole calendar quarter, half-year, month or year (not clipped by the window)? */
function isWhole(P: Period, by: By): boolean {
  if (by === 'none') return true;
  const whole = calendarPeriod(P.from, by);
  return P.from === whole.start && P.to === whole.last;
}
