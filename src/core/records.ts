// A program's own records, as the core sees them: participants, jobs, employer contacts, staff.
import type { Place } from '../read/problems.js';

export interface Participant {
  id: string;
  entry: string;
  exit?: string;
  exitReason?: string;
  specialist?: string;
  team?: string;
  firstEmployerContact?: string;
  workingAtEntry?: boolean;
  referralSource?: string;
  at?: Place;
}

export interface Job {
  participant: string;
  employer?: string;
  jobType?: string;
  start: string;
  /** Blank while the job goes on. */
  end?: string;
  hoursPerWeek?: number;
  hourlyWage?: number;
  /** Contract id from the contract table. */
  contract: string;
  /** The job's own override of the contract table's classification. */
  competitive?: boolean;
  at?: Place;
}

export interface Contact {
  specialist: string;
  date: string;
  employer?: string;
  faceToFace: boolean;
  kind?: 'client-specific' | 'generic';
  at?: Place;
}

export interface StaffMember {
  specialist: string;
  fte: number;
  employmentServicesPct?: number;
  communityPct?: number;
  at?: Place;
}

export interface Period {
  from: string;
  to: string;
}

export interface ProgramSettings {
  name: string;
  id?: string;
  site?: string;
  country?: string;
  currency?: string;
  minimumWage?: number;
  period?: Period;
  /** Care teams each specialist is attached to. */
  teams: Record<string, string[]>;
  lang?: string;
}

export interface ProgramRecords {
  settings: ProgramSettings;
  participants: Participant[];
  jobs: Job[];
  contacts: Contact[];
  staff: StaffMember[];
  /** Which tables the folder holds. */
  tables: { participants: boolean; jobs: boolean; contacts: boolean; staff: boolean };
}

/** Active on a day: entered on or before it and not exited on or before it. */
export function activeOn(p: Participant, day: string): boolean {
  return p.entry <= day && (p.exit === undefined || p.exit > day);
}

/** Served in a period: entered on or before its last day and not exited before its first day. */
export function servedIn(p: Participant, period: Period): boolean {
  return p.entry <= period.to && (p.exit === undefined || p.exit >= period.from);
}

/** A job held on at least one day of the period (an ongoing job has no end). */
export function heldIn(j: { start: string; end?: string }, period: Period): boolean {
  return j.start <= period.to && (j.end === undefined || j.end >= period.from);
}

/** The span of every date in the records: the default reporting period. */
export function dataSpan(r: Pick<ProgramRecords, 'participants' | 'jobs' | 'contacts'>): Period | null {
  let from: string | null = null;
  let to: string | null = null;
  const see = (d: string | undefined) => {
    if (!d) return;
    if (from === null || d < from) from = d;
    if (to === null || d > to) to = d;
  };
  for (const p of r.participants) see(p.entry), see(p.exit), see(p.firstEmployerContact);
  for (const j of r.jobs) see(j.start), see(j.end);
  for (const c of r.contacts) see(c.date);
  return from && to ? { from, to } : null;
}
