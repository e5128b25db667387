// The JSON output contract of `outcomes --convention fr-ea --format json` (schemaVersion 1): the French
// national indicators of emploi accompagné. schema/fr-ea.schema.json is generated from this file at every
// build (scripts/write-schema.mjs); a test checks the output against it.
import { z } from 'zod';

const Cell = z
  .union([z.number().int().min(0), z.string().regex(/^<\d+$/), z.literal('hidden')])
  .describe('a count of people: the number, "<N" (a group of 1 to N−1 people) or "hidden" (withheld so that no small count can be worked out)');
const Rate = z.number().min(0).nullable().describe('a fraction (0.4 = 40%); null when the count or its denominator is withheld or zero');
const Share = z.object({ people: Cell, of: z.number().int(), rate: Rate });
const Setting = z
  .enum(['ordinary', 'ea', 'esat', 'other', 'none'])
  .describe('milieu ordinaire hors EA, entreprise adaptée, ESAT (with MAD), another setting or unknown contract, not in work');
const Settings = z.object({
  of: z.number().int().describe('people counted: still supported after the window (at the end) or supported in it (during)'),
  settings: z.array(z.object({ setting: Setting, people: Cell, rate: Rate })),
  inWork: Share,
  withheld: z.boolean(),
});
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const FrEaJson = z.object({
  schemaVersion: z.literal(1),
  program: z.object({ name: z.string(), id: z.string().nullable(), site: z.string().nullable(), country: z.string().nullable() }),
  convention: z.literal('fr-ea'),
  window: z.object({ from: Day, to: Day }),
  minCell: z.number().int().min(0),
  accompanied: z.number().int().describe('personnes accompagnées: supported on at least one day of the window'),
  flow: z.object({ atStart: z.number().int(), entries: z.number().int(), exits: z.number().int(), atEnd: z.number().int() }),
  exits: z.object({
    recorded: z.boolean().describe('false when no exit reason is written'),
    categories: z.array(
      z.object({ category: z.enum(['employed', 'reoriented', 'health', 'moved', 'ended-by-person', 'death', 'other', 'not-given']), people: Cell }),
    ),
    withheld: z.boolean(),
  }),
  duration: z.object({
    n: z.number().int(),
    medianMonths: z.number().nullable(),
    exitedN: z.number().int(),
    exitedMedianMonths: z.number().nullable(),
    bands: z.array(z.object({ band: z.enum(['under6', '6to12', '12to24', '24plus']), people: Cell })),
    withheld: z.boolean(),
  }),
  workAtEnd: Settings,
  workDuring: Settings,
  durable: z.object({ during: Share, starts: Share, months: z.number().int() }),
  esatToOrdinary: z
    .object({ fromEsat: Cell, toOrdinary: Cell, rate: Rate })
    .nullable()
    .describe('null: not available (no ESAT job recorded and no from_esat column)'),
  employers: z.object({ accompanied: z.number().int() }).nullable().describe('null: not available (no employer named in the jobs table)'),
});
export type FrEaJsonOutput = z.infer<typeof FrEaJson>;
