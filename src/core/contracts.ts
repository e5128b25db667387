// The contract table: which jobs are competitive, which are jobs at all, and their French setting.
import { z } from 'zod';
import { normalizeName } from '../read/values.js';
import { scaleSchemas } from '../scale/schema.js';
import type { JobColumns, Names } from './records.js';

function defineContractFile() {
  const { Localized } = scaleSchemas();
  return z
    .object({
      id: z.string(),
      settings: z.array(z.object({ id: z.string(), label: Localized }).strict()),
      contracts: z.array(
        z
          .object({
            id: z.string(),
            aliases: z.array(z.string()).default([]),
            label: Localized,
            competitive: z.boolean(),
            setting: z.string(),
            job: z.boolean().default(true),
            check: Localized.optional(),
            /** Where the contract is defined, when its classification needs a reference. */
            source: z.string().optional(),
          })
          .strict(),
      ),
    })
    .strict();
}
let contractFile: ReturnType<typeof defineContractFile> | undefined;
/** The zod schema of a contract table file (built on first call; the built-in one is checked at build time). */
export const contractSchema = () => (contractFile ??= defineContractFile());
export type ContractFile = z.infer<ReturnType<typeof contractSchema>>;
export type Contract = ContractFile['contracts'][number];

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
    isJobArr[j] = c?.job ?? true ? 1 : 0;
    const own = jobs.competitive[j]!;
    competitive[j] = own === -1 ? (c?.competitive ? 1 : 0) : own;
  }
  return { isJob: isJobArr, competitive };
}
