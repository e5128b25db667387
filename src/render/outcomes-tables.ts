// The outcomes as data: the JSON and CSV of `outcomes`, and the per-person table (internal use only).
import type { ContractTable } from '../core/contracts.js';
import { firstCompetitiveJobs, type Outcomes } from '../core/outcomes.js';
import { daysOf, NO_DAY, servedIn, type ProgramRecords } from '../core/records.js';
import { isoOfDay } from '../shared/days.js';
import { csvLine } from './csv.js';
import { jsonText } from './safe-text.js';

export function outcomesJson(o: Outcomes, records: ProgramRecords): string {
  const s = records.settings;
  return jsonText(JSON.stringify({ schemaVersion: 1, program: { name: s.name, id: s.id ?? null, site: s.site ?? null, country: s.country ?? null }, ...o }, null, 2)) + '\n';
}

export function outcomesCsv(o: Outcomes): string {
  const grow = o.convention === 'ips-grow';
  let out = csvLine(['period', 'from', 'to', 'served', 'working', 'rate', 'benchmark', 'job_starts', 'first_job_starts', 'partial', ...(grow ? ['ips_grow_40_met'] : [])]);
  for (const p of o.periods) {
    out += csvLine([p.label, p.from, p.to, p.served, p.working, p.rate === null ? null : Number(p.rate.toFixed(6)), p.benchmark, p.jobStarts, p.firstJobStarts, p.partial, ...(grow ? [p.growBenchmarkMet ?? null] : [])]);
  }
  return out;
}

/** The per-person table: internal use only, never for funders. */
export function perPersonCsv(records: ProgramRecords, o: Outcomes, contracts: ContractTable): string {
  const P = records.participants;
  const first = firstCompetitiveJobs(records, contracts);
  const window = daysOf(o.window);
  const date = (d: number) => (d === NO_DAY ? null : isoOfDay(d));
  let out = csvLine(['id', 'entry_date', 'exit_date', 'specialist', 'served_in_window', 'first_competitive_job', 'days_to_first_job', 'first_employer_contact']);
  for (let p = 0; p < P.count; p++) {
    const job = first[p]!;
    out += csvLine([P.id[p]!, date(P.entry[p]!), date(P.exit[p]!), records.names.name(P.specialist[p]!) ?? null, servedIn(records, p, window), date(job), job === NO_DAY ? null : job - P.entry[p]!, date(P.firstEmployerContact[p]!)]);
  }
  return out;
}
