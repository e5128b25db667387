// The contract table: which jobs are competitive, which are jobs at all, and their French setting.
import { normalizeName } from '../shared/values.js';
import type { Contract, ContractFile } from '../scale/contract-file.js';
import type { JobColumns, Names } from './records.js';

export interface ContractTable extends ContractFile {
  byName: Map<string, Contract>;
}

export function toContractTable(file: ContractFile): ContractTable {
  const byName = new Map<string, Contract>();
  for (const c of file.contracts) for (const n of [c.id, ...c.aliases]) byName.set(normalizeName(n), c);
  return { ...file, byName };
}

export function findContract(table: ContractTable, value: string): Contract | undefined {
  return table.byName.get(normalizeName(value));
}

/** Is a job competitive? The job's own override wins over its contract's default. */
export function isCompetitive(table: ContractTable, job: { contract: string; competitive?: boolean }): boolean {
  if (job.competitive !== undefined) return job.competitive;
  return table.byName.get(normalizeName(job.contract))?.competitive ?? false;
}

/** Is it a job at all (work trials such as stage and PMSMP are not)? */
export function isJob(table: ContractTable, job: { contract: string }): boolean {
  return table.byName.get(normalizeName(job.contract))?.job ?? true;
}

/** Each job of a program: whether it is a job at all, and whether it is competitive (its own override first). */
export function jobClasses(table: ContractTable, jobs: JobColumns, names: Names): { isJob: Uint8Array; competitive: Uint8Array } {
  const isJobArr = new Uint8Array(jobs.count);
  const competitive = new Uint8Array(jobs.count);
  const byName = new Map<number, Contract | null>();
  for (let j = 0; j < jobs.count; j++) {
    const n = jobs.contract[j]!;
    let c = byName.get(n);
    if (c === undefined) byName.set(n, (c = findContract(table, names.name(n) ?? '') ?? null));
    isJobArr[j] = (c?.job ?? true) ? 1 : 0;
    const own = jobs.competitive[j]!;
    competitive[j] = own === -1 ? (c?.competitive ? 1 : 0) : own;
  }
  return { isJob: isJobArr, competitive };
}
