// Every command's JSON contract, and the JSON Schema of each (written to schema/NAME.schema.json at build
// by scripts/write-schema.mjs; a test checks that the shipped files are these).
import { z } from 'zod';
import { ConsensusJson } from './consensus-json.js';
import { HistoryJson } from './history-json.js';
import { OutcomesJson } from './outcomes-json.js';
import { ProblemJson } from './problem-json.js';
import { ScalesJson } from './scales-json.js';
import { ScoreJson } from './score-json.js';
import { ValidateJson } from './validate-json.js';
import { PlanJson } from './plan-json.js';
import { FrEaJson } from './fr-ea-json.js';

export const CONTRACTS = {
  score: ScoreJson,
  outcomes: OutcomesJson,
  history: HistoryJson,
  consensus: ConsensusJson,
  validate: ValidateJson,
  scales: ScalesJson,
  problem: ProblemJson,
  plan: PlanJson,
  'fr-ea': FrEaJson,
} as const;

export type ContractName = keyof typeof CONTRACTS;

const TITLES: Record<ContractName, string> = {
  score: 'ips-fidelity score output',
  outcomes: 'ips-fidelity outcomes output',
  history: 'ips-fidelity history output',
  consensus: 'ips-fidelity consensus output',
  validate: 'ips-fidelity validate output',
  scales: 'ips-fidelity scales output',
  problem: 'ips-fidelity input problem (--reporter json, one per line)',
  plan: 'ips-fidelity plan output',
  'fr-ea': 'ips-fidelity outcomes --convention fr-ea output',
};

/** The JSON Schema (draft 2020-12) of a command's JSON output. */
export function jsonSchemaOf(name: ContractName): unknown {
  return {
    $id: `https://ips-fidelity.invalid/schema/${name}.schema.json`,
    title: TITLES[name],
    ...(z.toJSONSchema(CONTRACTS[name], { target: 'draft-2020-12' }) as object),
  };
}
