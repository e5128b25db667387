// The jobs table of a program, read on its own: in a worker thread when the file is large, so
// that it is read while the main thread reads the participants and contacts (see jobs-worker.ts).
// Participants are checked against the participants table when the part is added to the records.
import { isoOfDay } from '../shared/days.js';
import { JobsBuilder, type JobsPart } from '../core/records.js';
import { RowReader, type Column } from './cells.js';
import type { ProblemList } from '../shared/problems.js';
import { COLUMNS } from './record-tables.js';
import { mapColumns, type Table } from './table.js';
import { normalizeName } from '../shared/values.js';

export interface JobsOptions {
  /** The contracts the contract table knows: names and aliases, normalised; and the ids, for messages. */
  contracts: { names: string[]; ids: string };
  /** Keep employers and job types (the fidelity items use them; outcomes do not). */
  keep: boolean;
  /** Sanity limits of hours and wages (outcome rules). */
  limits: { hoursPerWeek: { min: number; max: number }; hourlyWage: { min: number } };
}

export interface JobsRead {
  part: JobsPart;
  /** The participant column, to place a problem found when the part is added. */
  participant: Column;
}

/** Read the jobs of a table; problems go to `problems`. Null when its header is unusable. */
export function readJobsTable(table: Table, problems: ProblemList, opts: JobsOptions): JobsRead | null {
  const cols = mapColumns(table, COLUMNS.jobs, problems);
  if (problems.hasErrors) return null;
  const r = new RowReader(table, cols, problems);
  const [PARTICIPANT, START, END, CONTRACT, COMPETITIVE, HOURS, WAGE, EMPLOYER, TYPE] = r.columns(
    'participant',
    'start_date',
    'end_date',
    'contract',
    'competitive',
    'hours_per_week',
    'hourly_wage',
    'employer',
    'job_type',
  );
  const contracts = new Set(opts.contracts.names);
  const limits = opts.limits;
  const known = new Map<string, boolean>();
  const unknown = new Map<string, { known: string; rows: number }>();
  const jobs = new JobsBuilder(table.mostRows);
  table.eachRow((row) => {
    r.row = row;
    const participant = r.text(PARTICIPANT, true);
    const start = r.day(START, true);
    const end = r.day(END, false, true); // a fixed-term contract's planned end may be ahead
    if (start !== undefined && end !== undefined && end < start) r.error(END, 'records.endBeforeStart', { start: isoOfDay(start) }, r.text(END));
    const contract = r.text(CONTRACT, true);
    const competitive = r.bool(COMPETITIVE);
    if (contract) {
      let ok = known.get(contract);
      if (ok === undefined) known.set(contract, (ok = contracts.has(normalizeName(contract))));
      // An unknown value does not stop the run: the job is unclassified, competitive only if its column says so.
      // One warning per value, at its first row, counting its rows (thousands of rows do not flood).
      if (!ok) {
        const key = competitive === undefined ? 'records.unknownContract' : 'records.unknownContractOverridden';
        const seen = unknown.get(key + '\u0000' + contract);
        if (seen) seen.rows++;
        else {
          const params = { known: opts.contracts.ids, rows: 1 };
          unknown.set(key + '\u0000' + contract, params);
          r.warn(CONTRACT, key, params, contract);
        }
      }
    }
    const hours = r.number(HOURS, limits.hoursPerWeek);
    const wage = r.number(WAGE, limits.hourlyWage);
    if (!participant) return;
    if (start === undefined || !contract) return jobs.skip(participant, row.line);
    jobs.add(
      {
        participant,
        start,
        end,
        contract,
        employer: opts.keep ? r.text(EMPLOYER) : undefined,
        jobType: opts.keep ? r.text(TYPE) : undefined,
        hoursPerWeek: hours,
        hourlyWage: wage,
        competitive,
      },
      row.line,
    );
  });
  return { part: jobs.done(), participant: PARTICIPANT };
}
