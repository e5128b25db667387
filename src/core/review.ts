// The review as the core sees it: what was observed or rated for each item, independent of file format.
import type { Place } from '../shared/problems.js';

/** What a reviewer (or the program's records) observed for an item. */
export type Observation =
  { kind: 'value'; value: number; n?: number } | { kind: 'elements'; present: string[] } | { kind: 'specialists'; specialists: SpecialistRating[] };

/** One employment specialist's rating of a per-specialist item: a score or an observed value. */
export interface SpecialistRating {
  name: string;
  score?: number;
  value?: number;
}

/** Numbers behind an observation computed from program records (e.g. 37 active / 2.0 FTE). */
export interface RecordsEvidence {
  /** Locale key of the sentence that explains the numbers. */
  key: string;
  params: Record<string, string | number>;
}

export interface ItemRating {
  itemId: string;
  /** An explicit score; it wins over a score derived from the observation. */
  score?: number;
  observation?: Observation;
  /** Conditions reported as met (true) or not (false), e.g. a contact log reviewed weekly. */
  flags: Record<string, boolean>;
  note?: string;
  /** The reviewers' finding about the item, in their own words (kept apart from the evidence note). */
  finding?: string;
  /** The reviewers' own recommendation for the item. */
  recommendation?: string;
  origin: 'review' | 'records';
  records?: RecordsEvidence;
  at?: Place;
}

/** Where an action of the plan stands. */
export type ActionStatus = 'planned' | 'in-progress' | 'done' | 'dropped';
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in-progress', 'done', 'dropped'];

/** One action of the program's action plan, about an item. */
export interface PlannedAction {
  itemId: string;
  action: string;
  owner?: string;
  /** ISO date (YYYY-MM-DD) the action is due. */
  due?: string;
  status: ActionStatus;
  at?: Place;
}

export interface ProgramRef {
  id?: string;
  name: string;
  site?: string;
}

export interface Review {
  program: ProgramRef;
  /** ISO date of the review (YYYY-MM-DD). */
  date: string | null;
  type?: 'self' | 'external';
  reviewers: string[];
  period?: { from: string; to: string };
  scaleId: string;
  /** Language the data is written in, when known. */
  lang?: string;
  ratings: ItemRating[];
  /** Each reviewer's own ratings before the consensus, when given. */
  raters?: { name: string; ratings: ItemRating[] }[];
  /** The action plan the program committed to at this review. */
  actions?: PlannedAction[];
  /** Where the review came from (file, first line), for messages. */
  at: Place;
  /** Items computed from the program's records, and those the records could not give. */
  fromRecords?: { ratings: ItemRating[]; skipped: Map<string, RecordsEvidence>; period: { from: string; to: string } };
}
