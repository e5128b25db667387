// Fidelity items computed from a program's records, each with the numbers behind it.
// The scale says which computation an item uses (`compute:`); the texts in the scale describe them.
import type { Item } from '../scale/schema.js';
import type { Scale } from '../scale/scale.js';
import { isCompetitive, isJob, type ContractTable } from './contracts.js';
import { activeOn, heldIn, type Period, type ProgramRecords } from './records.js';
import type { ItemRating, RecordsEvidence } from './review.js';
import { daysBetween, normalizeName } from '../read/values.js';

export interface ComputedItems {
  ratings: ItemRating[];
  /** Items the records could not give, with the reason. */
  skipped: Map<string, RecordsEvidence>;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

type Computation = (r: ProgramRecords, period: Period, contracts: ContractTable) => Omit<ItemRating, 'itemId' | 'origin'> | RecordsEvidence;

const missing = (table: string): RecordsEvidence => ({ key: 'records.missingTable', params: { table } });

const COMPUTATIONS: Record<NonNullable<Item['compute']>, Computation> = {
  caseload(r, period) {
    if (!r.tables.participants) return missing('participants');
    if (!r.tables.staff || r.staff.length === 0) return missing('staff');
    const active = r.participants.filter((p) => activeOn(p, period.to)).length;
    const fte = r.staff.reduce((a, s) => a + s.fte, 0);
    const value = round(active / fte);
    return { observation: { kind: 'value', value, n: active }, flags: {}, records: { key: 'records.caseload', params: { value, active, fte: round(fte), date: period.to } } };
  },
  'employment-services-share'(r) {
    const staff = r.staff.filter((s) => s.employmentServicesPct !== undefined);
    if (staff.length === 0) return missing('staff (employment_services_pct)');
    const fte = staff.reduce((a, s) => a + s.fte, 0);
    const value = round(staff.reduce((a, s) => a + s.fte * s.employmentServicesPct!, 0) / fte, 1);
    return { observation: { kind: 'value', value, n: staff.length }, flags: {}, records: { key: 'records.esShare', params: { value, n: staff.length, fte: round(fte) } } };
  },
  'team-assignment'(r, period) {
    if (!r.tables.participants) return missing('participants');
    if (Object.keys(r.settings.teams).length === 0) return { key: 'records.needsSetting', params: { setting: 'teams' } };
    const teamsOf = new Map(Object.entries(r.settings.teams).map(([s, t]) => [normalizeName(s), t.map(normalizeName)]));
    const active = r.participants.filter((p) => activeOn(p, period.to) && p.specialist);
    if (active.length === 0) return { key: 'records.noneActive', params: { date: period.to } };
    const matching = active.filter((p) => p.team && (teamsOf.get(normalizeName(p.specialist!)) ?? []).includes(normalizeName(p.team))).length;
    const value = round((100 * matching) / active.length, 1);
    const atMostTwo = [...teamsOf.values()].every((t) => t.length <= 2);
    return {
      observation: { kind: 'value', value, n: active.length },
      flags: { 'specialists-attached-to-at-most-two-teams': atMostTwo },
      records: { key: 'records.teamAssignment', params: { value, matching, active: active.length, date: period.to } },
    };
  },
  'days-to-employer-contact'(r, period) {
    if (!r.tables.participants) return missing('participants');
    const withContact = r.participants.filter((p) => p.firstEmployerContact && p.firstEmployerContact <= period.to);
    if (withContact.length === 0) return { key: 'records.noneWith', params: { what: 'first_employer_contact' } };
    const days = withContact.map((p) => daysBetween(p.entry, p.firstEmployerContact!));
    const value = round(days.reduce((a, b) => a + b, 0) / days.length, 1);
    return { observation: { kind: 'value', value, n: days.length }, flags: { 'tracks-employer-contacts': r.tables.contacts }, records: { key: 'records.daysToContact', params: { value, n: days.length } } };
  },
  'employer-contacts-per-week'(r, period) {
    if (!r.tables.staff || r.staff.length === 0) return missing('staff');
    if (!r.tables.contacts) return missing('contacts');
    const weeks = (daysBetween(period.from, period.to) + 1) / 7;
    const specialists = r.staff.map((s) => {
      const n = r.contacts.filter((c) => c.faceToFace && normalizeName(c.specialist) === normalizeName(s.specialist) && c.date >= period.from && c.date <= period.to).length;
      return { name: s.specialist, value: round(n / weeks) };
    });
    return { observation: { kind: 'specialists', specialists }, flags: {}, records: { key: 'records.contactsPerWeek', params: { weeks: round(weeks, 1), from: period.from, to: period.to } } };
  },
  'job-type-diversity'(r, period, contracts) {
    return diversity(r, period, contracts, 'jobType', 'records.jobTypes');
  },
  'employer-diversity'(r, period, contracts) {
    return diversity(r, period, contracts, 'employer', 'records.employers');
  },
  'competitive-share'(r, period, contracts) {
    if (!r.tables.jobs) return missing('jobs');
    const current = r.jobs.filter((j) => isJob(contracts, j) && j.start <= period.to && (j.end === undefined || j.end > period.to));
    if (current.length === 0) return { key: 'records.noCurrentJobs', params: { date: period.to } };
    const competitive = current.filter((j) => isCompetitive(contracts, j)).length;
    const value = round((100 * competitive) / current.length, 1);
    return { observation: { kind: 'value', value, n: current.length }, flags: {}, records: { key: 'records.competitive', params: { value, competitive, jobs: current.length, date: period.to } } };
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

function diversity(r: ProgramRecords, period: Period, contracts: ContractTable, field: 'jobType' | 'employer', key: string) {
  if (!r.tables.jobs) return missing('jobs');
  const jobs = r.jobs.filter((j) => isJob(contracts, j) && heldIn(j, period) && j[field]);
  if (jobs.length === 0) return { key: 'records.noneWith', params: { what: field === 'jobType' ? 'job_type' : 'employer' } };
  const distinct = new Set(jobs.map((j) => normalizeName(j[field]!))).size;
  const value = round((100 * distinct) / jobs.length, 1);
  return { observation: { kind: 'value' as const, value, n: jobs.length }, flags: {}, records: { key, params: { value, distinct, jobs: jobs.length, from: period.from, to: period.to } } };
}

/** Compute every item of the scale that declares a computation the records support. */
export function computeItems(records: ProgramRecords, scale: Scale, period: Period, contracts: ContractTable): ComputedItems {
  const ratings: ItemRating[] = [];
  const skipped = new Map<string, RecordsEvidence>();
  for (const item of scale.items) {
    if (!item.compute) continue;
    const out = COMPUTATIONS[item.compute](records, period, contracts);
    if ('key' in out) skipped.set(item.id, out);
    else ratings.push({ itemId: item.id, origin: 'records', ...out });
  }
  return { ratings, skipped };
}
