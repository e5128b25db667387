// Fidelity items computed from a program's records, each with the numbers behind it.
// The scale says which computation an item uses (`compute:`); the texts in the scale describe them.
import type { Item } from '../scale/schema.js';
import type { Scale } from '../scale/scale.js';
import { jobClasses, type ContractTable } from './contracts.js';
import { activeOn, daysOf, heldIn, NO_NAME, type DayPeriod, type Period, type ProgramRecords } from './records.js';
import { median } from './median.js';
import type { ItemRating, RecordsEvidence } from './review.js';
import { daysBetween, normalizeName } from '../shared/values.js';

export interface ComputedItems {
  ratings: ItemRating[];
  /** Items the records could not give, with the reason. */
  skipped: Map<string, RecordsEvidence>;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

type Computation = (
  r: ProgramRecords,
  period: Period,
  contracts: ContractTable,
  item: Item,
) => Omit<ItemRating, 'itemId' | 'origin'> | RecordsEvidence;

const missing = (table: string): RecordsEvidence => ({ key: 'records.missingTable', params: { table } });

/** Participants active on a day, by index. */
function activeParticipants(r: ProgramRecords, day: number): number[] {
  const out: number[] = [];
  for (let p = 0; p < r.participants.count; p++) if (activeOn(r, p, day)) out.push(p);
  return out;
}

const COMPUTATIONS: Record<NonNullable<Item['compute']>, Computation> = {
  caseload(r, period) {
    if (!r.tables.participants) return missing('participants');
    if (!r.tables.staff || r.staff.length === 0) return missing('staff');
    const active = activeParticipants(r, daysOf(period).to).length;
    const fte = r.staff.reduce((a, s) => a + s.fte, 0);
    const value = round(active / fte);
    return {
      observation: { kind: 'value', value, n: active },
      flags: {},
      records: { key: 'records.caseload', params: { value, active, fte: round(fte), date: period.to } },
    };
  },
  'employment-services-share'(r) {
    const staff = r.staff.filter((s) => s.employmentServicesPct !== undefined);
    if (staff.length === 0) return missing('staff (employment_services_pct)');
    const fte = staff.reduce((a, s) => a + s.fte, 0);
    const value = round(staff.reduce((a, s) => a + s.fte * s.employmentServicesPct!, 0) / fte, 1);
    return {
      observation: { kind: 'value', value, n: staff.length },
      flags: {},
      records: { key: 'records.esShare', params: { value, n: staff.length, fte: round(fte) } },
    };
  },
  'team-assignment'(r, period) {
    if (!r.tables.participants) return missing('participants');
    if (Object.keys(r.settings.teams).length === 0) return { key: 'records.needsSetting', params: { setting: 'teams' } };
    const teamsOf = new Map(Object.entries(r.settings.teams).map(([s, t]) => [normalizeName(s), t.map(normalizeName)]));
    const P = r.participants;
    const active = activeParticipants(r, daysOf(period).to).filter((p) => P.specialist[p] !== NO_NAME);
    if (active.length === 0) return { key: 'records.noneActive', params: { date: period.to } };
    const matching = active.filter((p) => {
      const team = r.names.name(P.team[p]!);
      return team !== undefined && (teamsOf.get(normalizeName(r.names.name(P.specialist[p]!)!)) ?? []).includes(normalizeName(team));
    }).length;
    const value = round((100 * matching) / active.length, 1);
    const atMostTwo = [...teamsOf.values()].every((t) => t.length <= 2);
    return {
      observation: { kind: 'value', value, n: active.length },
      flags: { 'specialists-attached-to-at-most-two-teams': atMostTwo },
      records: { key: 'records.teamAssignment', params: { value, matching, active: active.length, date: period.to } },
    };
  },
  'days-to-employer-contact'(r, period, _contracts, item) {
    if (!r.tables.participants) return missing('participants');
    // The people who entered in the period. One without a contact by its last day is censored: past
    // the best anchor's limit (30 days) they are already late and count at the days elapsed (a floor:
    // the mean can only be higher); within it they are too recent to decide and are left out.
    const limit = firstLimit(item);
    const { observed, late, recent, mean } = contactWaits(r, daysOf(period), limit);
    const n = observed + late;
    if (n === 0 || mean === null) return { key: 'measures.v4None', params: { days: limit } };
    const value = round(mean, 1);
    return {
      observation: { kind: 'value', value, n },
      flags: { 'tracks-employer-contacts': r.tables.contacts },
      records: { key: recent ? 'measures.v4Recent' : 'measures.v4', params: { value, n, observed, late, recent, days: limit } },
    };
  },
  'employer-contacts-per-week'(r, period) {
    if (!r.tables.staff || r.staff.length === 0) return missing('staff');
    if (!r.tables.contacts) return missing('contacts');
    const weeks = (daysBetween(period.from, period.to) + 1) / 7;
    const X = daysOf(period);
    const C = r.contacts;
    const perName = new Map<number, number>();
    for (let c = 0; c < C.count; c++)
      if (C.faceToFace[c] && C.date[c]! >= X.from && C.date[c]! <= X.to) perName.set(C.specialist[c]!, (perName.get(C.specialist[c]!) ?? 0) + 1);
    const perSpecialist = new Map<string, number>();
    for (const [n, count] of perName) {
      const k = normalizeName(r.names.name(n)!);
      perSpecialist.set(k, (perSpecialist.get(k) ?? 0) + count);
    }
    const specialists = r.staff.map((s) => ({ name: s.specialist, value: round((perSpecialist.get(normalizeName(s.specialist)) ?? 0) / weeks) }));
    return {
      observation: { kind: 'specialists', specialists },
      flags: {},
      records: { key: 'records.contactsPerWeek', params: { weeks: round(weeks, 1), from: period.from, to: period.to } },
    };
  },
  'job-type-diversity'(r, period, contracts) {
    return diversity(r, period, contracts, 'jobType', 'records.jobTypes');
  },
  'employer-diversity'(r, period, contracts) {
    return diversity(r, period, contracts, 'employer', 'records.employers');
  },
  'competitive-share'(r, period, contracts) {
    if (!r.tables.jobs) return missing('jobs');
    const J = r.jobs;
    const to = daysOf(period).to;
    const classes = jobClasses(contracts, J, r.names);
    let current = 0;
    let competitive = 0;
    for (let j = 0; j < J.count; j++) {
      if (!classes.isJob[j] || J.start[j]! > to || J.end[j]! <= to) continue;
      current++;
      if (classes.competitive[j]) competitive++;
    }
    if (current === 0) return { key: 'records.noCurrentJobs', params: { date: period.to } };
    const value = round((100 * competitive) / current, 1);
    return {
      observation: { kind: 'value', value, n: current },
      flags: {},
      records: { key: 'records.competitive', params: { value, competitive, jobs: current, date: period.to } },
    };
  },
  'community-share'(r) {
    const staff = r.staff.filter((s) => s.communityPct !== undefined);
    if (staff.length === 0) return missing('staff (community_pct)');
    return {
      observation: { kind: 'specialists', specialists: staff.map((s) => ({ name: s.specialist, value: s.communityPct! })) },
      flags: {},
      records: { key: 'records.community', params: { n: staff.length } },
    };
  },
};

/** The largest value the best score's rule allows (V4: 30 days); 0 when its rule has no upper bound. */
/**
 * Days from entry to first employer contact over the people who entered in X (V4 and the outcome measure: one rule).
 * One without a contact by X.to is censored: past `limit` days (V4's best anchor) they count at the days
 * elapsed (a floor: the mean can only be higher); within it they are too recent to decide and are left out.
 */
export function contactWaits(r: ProgramRecords, X: DayPeriod, limit: number, counted?: Uint8Array) {
  const P = r.participants;
  const waits: number[] = [];
  let observed = 0;
  let late = 0;
  let recent = 0;
  for (let p = 0; p < P.count; p++) {
    const entry = P.entry[p]!;
    if (entry < X.from || entry > X.to || (counted && !counted[p])) continue;
    const contact = P.firstEmployerContact[p]!;
    if (contact <= X.to) {
      waits.push(contact - entry);
      observed++;
    } else if (X.to - entry > limit) {
      waits.push(X.to - entry);
      late++;
    } else recent++;
  }
  const mean = waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : null;
  return { cohort: observed + late + recent, observed, late, recent, limit, mean, median: median(waits) };
}

/** The days below which V4 scores best (the first rule's maximum: 30 on IPS-25). */
export function firstLimit(item: Item): number {
  const rule = item.rules?.[0];
  return rule?.max ?? (rule?.below !== undefined ? rule.below - 1 : 0);
}

function diversity(r: ProgramRecords, period: Period, contracts: ContractTable, field: 'jobType' | 'employer', key: string) {
  if (!r.tables.jobs) return missing('jobs');
  const J = r.jobs;
  const X = daysOf(period);
  const column = J[field];
  const classes = jobClasses(contracts, J, r.names);
  let jobs = 0;
  const distinct = new Set<string>();
  const seen = new Set<number>();
  for (let j = 0; j < J.count; j++) {
    const n = column[j]!;
    if (n === NO_NAME || !classes.isJob[j] || !heldIn(J.start[j]!, J.end[j]!, X)) continue;
    jobs++;
    if (!seen.has(n)) (seen.add(n), distinct.add(normalizeName(r.names.name(n)!)));
  }
  if (jobs === 0) return { key: 'records.noneWith', params: { what: field === 'jobType' ? 'job_type' : 'employer' } };
  const value = round((100 * distinct.size) / jobs, 1);
  return {
    observation: { kind: 'value' as const, value, n: jobs },
    flags: {},
    records: { key, params: { value, distinct: distinct.size, jobs, from: period.from, to: period.to } },
  };
}

/** Compute every item of the scale that declares a computation the records support. */
export function computeItems(records: ProgramRecords, scale: Scale, period: Period, contracts: ContractTable): ComputedItems {
  const ratings: ItemRating[] = [];
  const skipped = new Map<string, RecordsEvidence>();
  for (const item of scale.items) {
    if (!item.compute) continue;
    const out = COMPUTATIONS[item.compute](records, period, contracts, item);
    if ('key' in out) skipped.set(item.id, out);
    else ratings.push({ itemId: item.id, origin: 'records', ...out });
  }
  return { ratings, skipped };
}
