// A program's own records, as the core sees them: participants, jobs, employer contacts, staff.
// Participants, jobs and contacts are held column by column (dates as day numbers, names that
// repeat stored once), so a program with a million jobs fits in a few tens of megabytes.
// `programRecords` builds them from plain objects; the program-folder reader fills them row by row.
import { dayNumber, isoOfDay } from '../shared/days.js';

/** A blank date: no exit yet, an ongoing job, no employer contact yet. Later than any real day. */
export const NO_DAY = 0x7fffffff;
/** A blank name (no specialist, no employer). */
export const NO_NAME = -1;

/**
 * A copy of a string that does not keep alive the text it was cut from (V8 keeps a long
 * substring as a view of its parent: here, a whole chunk of the file).
 */
function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Strings numbered in the order they are first added, found by an open-addressing hash table:
 * about half the memory of a Map (no faster) for the hundreds of thousands of participant ids of a
 * large program (bench/devices.mjs).
 */
export class StringIndex {
  readonly values: string[] = [];
  private slots = new Int32Array(1024).fill(-1);

  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  /** The number of a string, or -1. */
  get(s: string): number {
    const mask = this.slots.length - 1;
    for (let k = StringIndex.hash(s) & mask; ; k = (k + 1) & mask) {
      const v = this.slots[k]!;
      if (v === -1 || this.values[v] === s) return v;
    }
  }

  /** Add a string not added yet; returns its number. */
  add(s: string): number {
    if ((this.values.length + 1) * 2 > this.slots.length) this.grow();
    const i = this.values.length;
    this.values.push(s);
    this.place(s, i);
    return i;
  }

  private place(s: string, i: number): void {
    const mask = this.slots.length - 1;
    let k = StringIndex.hash(s) & mask;
    while (this.slots[k] !== -1) k = (k + 1) & mask;
    this.slots[k] = i;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.values.forEach((s, i) => this.place(s, i));
  }
}

/** Names that repeat (specialists, teams, employers, contracts), each stored once. */
export class Names {
  private readonly index = new StringIndex();
  /** The name asked for last: a reader that checks a name then adds the row asks twice. */
  private last = '';
  private lastId = NO_NAME;
  get values(): readonly string[] {
    return this.index.values;
  }
  /** The number of a name, NO_NAME for a blank one. */
  id(value: string | undefined): number {
    if (value === undefined || value === '') return NO_NAME;
    if (value === this.last) return this.lastId;
    let i = this.index.get(value);
    if (i < 0) i = this.index.add(ownString(value));
    this.last = value;
    this.lastId = i;
    return i;
  }
  name(i: number): string | undefined {
    return i === NO_NAME ? undefined : this.index.values[i];
  }
}

/** A column of numbers that grows as rows are added. */
class Column<A extends Int32Array | Float64Array | Int8Array> {
  private data: A;
  length = 0;
  constructor(private readonly make: (n: number) => A) {
    this.data = make(1024);
  }
  /** Room for `n` values at least (the pages a buffer never touches cost no memory). */
  reserve(n: number): void {
    if (n <= this.data.length) return;
    const bigger = this.make(n);
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  at(i: number): number {
    return this.data[i]!;
  }
  done(): A {
    return this.data.subarray(0, this.length) as A;
  }
}
const ints = () => new Column((n) => new Int32Array(n));
const reals = () => new Column((n) => new Float64Array(n));
const flags = () => new Column((n) => new Int8Array(n));

/** -1 unknown, 0 no, 1 yes. */
export type Flag = -1 | 0 | 1;
export const flagOf = (b: boolean | undefined): Flag => (b === undefined ? -1 : b ? 1 : 0);

export interface ParticipantColumns {
  count: number;
  id: string[];
  entry: Int32Array;
  exit: Int32Array;
  firstEmployerContact: Int32Array;
  specialist: Int32Array;
  team: Int32Array;
  exitReason: Int32Array;
  referralSource: Int32Array;
  workingAtEntry: Int8Array;
  /** Worked in an ESAT when they entered (optional column `from_esat`): -1 not given, 0 no, 1 yes. */
  fromEsat: Int8Array;
}

export interface JobColumns {
  count: number;
  /** Index in `participantIds`. */
  participant: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** NaN where blank. */
  hoursPerWeek: Float64Array;
  hourlyWage: Float64Array;
  /** The contract as written (a name). */
  contract: Int32Array;
  employer: Int32Array;
  jobType: Int32Array;
  /** The job's own override of its contract's classification. */
  competitive: Int8Array;
}

export type ContactKind = 'client-specific' | 'generic';
export const CONTACT_KINDS: readonly ContactKind[] = ['client-specific', 'generic'];

export interface ContactColumns {
  count: number;
  specialist: Int32Array;
  date: Int32Array;
  employer: Int32Array;
  faceToFace: Int8Array;
  /** Index in CONTACT_KINDS, -1 when not given. */
  kind: Int8Array;
}

export interface StaffMember {
  specialist: string;
  fte: number;
  employmentServicesPct?: number;
  communityPct?: number;
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
  participants: ParticipantColumns;
  /** Participant ids: the participants' own, then any that only jobs name (when there is no participants table). */
  participantIds: string[];
  jobs: JobColumns;
  contacts: ContactColumns;
  staff: StaffMember[];
  /** Specialists, teams, employers, job types, contracts, exit reasons and referral sources. */
  names: Names;
  /** Which tables the folder holds. */
  tables: { participants: boolean; jobs: boolean; contacts: boolean; staff: boolean };
}

/** One participant, one job, one contact as readers see them: days as numbers, names as text. */
export interface ParticipantRow {
  id: string;
  entry: number;
  exit?: number;
  firstEmployerContact?: number;
  specialist?: string;
  team?: string;
  exitReason?: string;
  referralSource?: string;
  workingAtEntry?: boolean;
  fromEsat?: boolean;
}
export interface JobRow {
  participant: string;
  start: number;
  end?: number;
  hoursPerWeek?: number;
  hourlyWage?: number;
  contract: string;
  employer?: string;
  jobType?: string;
  competitive?: boolean;
}
export interface ContactRow {
  specialist: string;
  date: number;
  employer?: string;
  faceToFace: boolean;
  kind?: ContactKind;
}

/** Jobs read on their own (in another thread, maybe): participants and names numbered within the part. */
export interface JobsPart extends JobColumns {
  participantIds: string[];
  names: string[];
  /** The line of each job in its file. */
  line: Int32Array;
  /** Rows not added (a date or the contract is missing or wrong) whose participant must still be checked. */
  unadded: { participant: string; line: number }[];
}

/** Builds a part of jobs, one row at a time. */
export class JobsBuilder {
  private readonly ids = new StringIndex();
  private readonly names = new Names();
  private readonly j = {
    participant: ints(),
    start: ints(),
    end: ints(),
    hours: reals(),
    wage: reals(),
    contract: ints(),
    employer: ints(),
    jobType: ints(),
    competitive: flags(),
    line: ints(),
  };
  private last = '';
  private lastIndex = -1;
  private readonly unadded: { participant: string; line: number }[] = [];

  /** `rows`: how many jobs to make room for at once, when it can be told (from the file's size). */
  constructor(rows = 0) {
    for (const c of Object.values(this.j)) c.reserve(rows);
  }

  get count(): number {
    return this.j.start.length;
  }

  add(r: JobRow, line: number): void {
    let who = r.participant === this.last ? this.lastIndex : this.ids.get(r.participant);
    if (who < 0) who = this.ids.add(ownString(r.participant));
    this.last = r.participant;
    this.lastIndex = who;
    const j = this.j;
    j.participant.push(who);
    j.start.push(r.start);
    j.end.push(r.end ?? NO_DAY);
    j.hours.push(r.hoursPerWeek ?? NaN);
    j.wage.push(r.hourlyWage ?? NaN);
    j.contract.push(this.names.id(r.contract));
    j.employer.push(this.names.id(r.employer));
    j.jobType.push(this.names.id(r.jobType));
    j.competitive.push(flagOf(r.competitive));
    j.line.push(line);
  }

  /** A row that is not added, whose participant is checked all the same. */
  skip(participant: string, line: number): void {
    this.unadded.push({ participant, line });
  }

  done(): JobsPart {
    const j = this.j;
    return {
      count: j.start.length,
      participant: j.participant.done(),
      start: j.start.done(),
      end: j.end.done(),
      hoursPerWeek: j.hours.done(),
      hourlyWage: j.wage.done(),
      contract: j.contract.done(),
      employer: j.employer.done(),
      jobType: j.jobType.done(),
      competitive: j.competitive.done(),
      line: j.line.done(),
      participantIds: this.ids.values,
      names: [...this.names.values],
      unadded: this.unadded,
    };
  }
}

/** The job columns of the parts, one after the other. */
function joinParts(parts: JobsPart[]): JobColumns {
  const join = <A extends Int32Array | Float64Array | Int8Array>(pick: (p: JobsPart) => A, make: (n: number) => A): A => {
    if (parts.length === 1) return pick(parts[0]!);
    const out = make(parts.reduce((n, p) => n + p.count, 0));
    let at = 0;
    for (const p of parts) out.set(pick(p), (at += p.count) - p.count);
    return out;
  };
  const i32 = (n: number) => new Int32Array(n);
  return {
    count: parts.reduce((n, p) => n + p.count, 0),
    participant: join((p) => p.participant, i32),
    start: join((p) => p.start, i32),
    end: join((p) => p.end, i32),
    hoursPerWeek: join(
      (p) => p.hoursPerWeek,
      (n) => new Float64Array(n),
    ),
    hourlyWage: join(
      (p) => p.hourlyWage,
      (n) => new Float64Array(n),
    ),
    contract: join((p) => p.contract, i32),
    employer: join((p) => p.employer, i32),
    jobType: join((p) => p.jobType, i32),
    competitive: join(
      (p) => p.competitive,
      (n) => new Int8Array(n),
    ),
  };
}

/** Builds the columns of a program's records, one row at a time. */
export class RecordsBuilder {
  readonly names = new Names();
  private readonly ids = new StringIndex();
  private readonly lines = ints();
  participantCount = 0;
  /** The last id looked up, and its index: a job's participant is looked up once when it is checked, then added. */
  private lastId = '';
  private lastIndex = -1;
  private readonly p = {
    entry: ints(),
    exit: ints(),
    first: ints(),
    specialist: ints(),
    team: ints(),
    exitReason: ints(),
    referral: ints(),
    working: flags(),
    fromEsat: flags(),
  };
  private readonly c = { specialist: ints(), date: ints(), employer: ints(), face: flags(), kind: flags() };
  /** Jobs added one by one, and parts read on their own (see JobsPart). */
  private readonly jobs = new JobsBuilder();
  private readonly jobParts: JobsPart[] = [];

  /** Make room for the rows of a table at once, when their number can be told (from the file's size). */
  reserve(table: 'participants' | 'contacts', rows: number): void {
    for (const c of Object.values(table === 'participants' ? { ...this.p, lines: this.lines } : this.c)) c.reserve(rows);
  }

  private indexOf(id: string): number {
    if (id !== this.lastId) {
      this.lastId = id;
      this.lastIndex = this.ids.get(id);
    }
    return this.lastIndex;
  }

  /** The line of the participant with this id, if one was added. */
  participantLine(id: string): number | undefined {
    const i = this.indexOf(id);
    return i >= 0 && i < this.participantCount ? this.lines.at(i) : undefined;
  }

  /** Add a participant whose id was not added yet. */
  addParticipant(r: ParticipantRow, line = 0): void {
    this.ids.add(ownString(r.id));
    this.lines.push(line);
    this.participantCount++;
    this.lastId = '';
    const p = this.p;
    p.entry.push(r.entry);
    p.exit.push(r.exit ?? NO_DAY);
    p.first.push(r.firstEmployerContact ?? NO_DAY);
    p.specialist.push(this.names.id(r.specialist));
    p.team.push(this.names.id(r.team));
    p.exitReason.push(this.names.id(r.exitReason));
    p.referral.push(this.names.id(r.referralSource));
    p.working.push(flagOf(r.workingAtEntry));
    p.fromEsat.push(flagOf(r.fromEsat));
  }

  addJob(r: JobRow): void {
    this.jobs.add(r, 0);
  }

  /**
   * Add jobs read on their own: their participants and names are numbered as the records number
   * them. Returns the rows (added or not) whose participant is not among the participants added,
   * when there are any.
   */
  addJobs(part: JobsPart): { line: number; participant: string }[] {
    const person = part.participantIds.map((id) => {
      const i = this.ids.get(id);
      return i >= 0 ? i : this.ids.add(id);
    });
    this.lastId = '';
    const name = part.names.map((n) => this.names.id(n));
    const unknown: { line: number; participant: string }[] = [];
    for (let k = 0; k < part.count; k++) {
      const local = part.participant[k]!;
      const p = (part.participant[k] = person[local]!);
      if (this.participantCount > 0 && p >= this.participantCount) unknown.push({ line: part.line[k]!, participant: part.participantIds[local]! });
    }
    for (const u of this.participantCount > 0 ? part.unadded : []) {
      const i = this.ids.get(u.participant);
      if (i < 0 || i >= this.participantCount) unknown.push(u);
    }
    for (const column of [part.contract, part.employer, part.jobType])
      for (let k = 0; k < part.count; k++) if (column[k] !== NO_NAME) column[k] = name[column[k]!]!;
    this.jobParts.push(part);
    return unknown;
  }

  addContact(r: ContactRow): void {
    const c = this.c;
    c.specialist.push(this.names.id(r.specialist));
    c.date.push(r.date);
    c.employer.push(this.names.id(r.employer));
    c.face.push(r.faceToFace ? 1 : 0);
    c.kind.push(r.kind === undefined ? -1 : CONTACT_KINDS.indexOf(r.kind));
  }

  build(settings: ProgramSettings, staff: StaffMember[], tables: ProgramRecords['tables']): ProgramRecords {
    if (this.jobs.count > 0) this.addJobs(this.jobs.done());
    const { p, c } = this;
    return {
      settings,
      participants: {
        count: this.participantCount,
        id: this.ids.values.slice(0, this.participantCount),
        entry: p.entry.done(),
        exit: p.exit.done(),
        firstEmployerContact: p.first.done(),
        specialist: p.specialist.done(),
        team: p.team.done(),
        exitReason: p.exitReason.done(),
        referralSource: p.referral.done(),
        workingAtEntry: p.working.done(),
        fromEsat: p.fromEsat.done(),
      },
      participantIds: this.ids.values,
      jobs: joinParts(this.jobParts),
      contacts: {
        count: c.date.length,
        specialist: c.specialist.done(),
        date: c.date.done(),
        employer: c.employer.done(),
        faceToFace: c.face.done(),
        kind: c.kind.done(),
      },
      staff,
      names: this.names,
      tables,
    };
  }
}

/** Plain records, dates as ISO text: what tests and callers with objects in hand write. */
export interface Participant extends Omit<ParticipantRow, 'entry' | 'exit' | 'firstEmployerContact'> {
  entry: string;
  exit?: string;
  firstEmployerContact?: string;
}
export interface Job extends Omit<JobRow, 'start' | 'end'> {
  start: string;
  end?: string;
}
export interface Contact extends Omit<ContactRow, 'date'> {
  date: string;
}

const dayOrNone = (iso: string | undefined) => (iso === undefined ? undefined : dayNumber(iso));

/** Records from plain objects. */
export function programRecords(r: {
  settings: ProgramSettings;
  participants?: Participant[];
  jobs?: Job[];
  contacts?: Contact[];
  staff?: StaffMember[];
  tables: ProgramRecords['tables'];
}): ProgramRecords {
  const b = new RecordsBuilder();
  for (const p of r.participants ?? [])
    b.addParticipant({ ...p, entry: dayNumber(p.entry), exit: dayOrNone(p.exit), firstEmployerContact: dayOrNone(p.firstEmployerContact) });
  for (const j of r.jobs ?? []) b.addJob({ ...j, start: dayNumber(j.start), end: dayOrNone(j.end) });
  for (const c of r.contacts ?? []) b.addContact({ ...c, date: dayNumber(c.date) });
  return b.build(r.settings, r.staff ?? [], r.tables);
}

/** Days of a period, both ends included. */
export interface DayPeriod {
  from: number;
  to: number;
}
export const daysOf = (p: Period): DayPeriod => ({ from: dayNumber(p.from), to: dayNumber(p.to) });

/** Active on a day: entered on or before it and not exited on or before it. */
export function activeOn(r: ProgramRecords, p: number, day: number): boolean {
  return r.participants.entry[p]! <= day && r.participants.exit[p]! > day;
}

/** Served in a period: entered on or before its last day and not exited before its first day. */
export function servedIn(r: ProgramRecords, p: number, period: DayPeriod): boolean {
  return r.participants.entry[p]! <= period.to && r.participants.exit[p]! >= period.from;
}

/** A job held on at least one day of the period (an ongoing job has no end). */
export function heldIn(start: number, end: number, period: DayPeriod): boolean {
  return start <= period.to && end >= period.from;
}

/** The span of every date in the records: the default reporting period. */
export function dataSpan(r: ProgramRecords): Period | null {
  let from = NO_DAY;
  let to = -NO_DAY;
  const see = (days: Int32Array) => {
    for (let i = 0; i < days.length; i++) {
      const d = days[i]!;
      if (d === NO_DAY) continue;
      if (d < from) from = d;
      if (d > to) to = d;
    }
  };
  const { participants: p, jobs: j, contacts: c } = r;
  [p.entry, p.exit, p.firstEmployerContact, j.start, j.end, c.date].forEach(see);
  return from <= to ? { from: isoOfDay(from), to: isoOfDay(to) } : null;
}
