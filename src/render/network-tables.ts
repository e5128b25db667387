// Several programs' outcomes as data: the JSON and CSV of `outcomes DIR...` (docs/outcomes.md, "Several programs").
import type { Outcomes } from '../core/outcomes.js';
import type { NetworkOutcomes } from '../core/network.js';
import type { ProgramRecords } from '../core/records.js';
import { csvLine as csvLineOf, RFC_CSV, type CsvStyle } from './csv.js';
import { measureRows, PERIOD_COLUMNS, periodRow, programOutcomes, rate6 } from './outcomes-tables.js';
import { jsonText } from './safe-text.js';

export interface ProgramResult {
  outcomes: Outcomes;
  records: ProgramRecords;
}

/** `{"schemaVersion":1,"programs":[<each program's object, as `outcomes DIR` writes it>],"network":{...}}`. */
export function networkJson(programs: ProgramResult[], network: NetworkOutcomes): string {
  return (
    jsonText(JSON.stringify({ schemaVersion: 1, programs: programs.map((p) => programOutcomes(p.outcomes, p.records)), network }, null, 2)) + '\n'
  );
}

/**
 * Each program's periods then the network's, with `level` (program or network), `program_id` and
 * `program` in front of the columns of `outcomes DIR`; after a blank line, the whole-window measures
 * the same way (the network has its totals only).
 */
export function networkCsv(programs: ProgramResult[], network: NetworkOutcomes, style: CsvStyle = RFC_CSV): string {
  const csvLine = (cells: Parameters<typeof csvLineOf>[0]) => csvLineOf(cells, style);
  const c = network.convention;
  const who = (p: ProgramResult) => ['program', p.records.settings.id ?? null, p.records.settings.name];
  let out = csvLine(['level', 'program_id', 'program', ...PERIOD_COLUMNS(c)]);
  for (const p of programs) for (const q of p.outcomes.periods) out += csvLine([...who(p), ...periodRow(q, c)]);
  for (const q of network.periods) out += csvLine(['network', null, null, ...periodRow(q, c)]);
  out += '\r\n' + csvLine(['level', 'program_id', 'program', 'measure', 'value', 'n', 'of']);
  for (const p of programs) for (const r of measureRows(p.outcomes)) out += csvLine([...who(p), ...r]);
  const M = network.measures;
  out += csvLine(['network', null, null, 'employment_rate', rate6(M.rate), M.working, M.served]);
  out += csvLine(['network', null, null, 'job_starts', M.jobStarts, null, null]);
  out += csvLine(['network', null, null, 'first_job_starts', M.firstJobStarts, null, null]);
  return out;
}
