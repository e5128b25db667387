// The contract table file (scales/contracts.yaml, or a user's copy given with --contracts): its zod schema.
import { z } from 'zod';
import { scaleSchemas } from './schema.js';

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
