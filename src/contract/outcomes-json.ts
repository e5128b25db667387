// The JSON output contract of `outcomes --format json` (schemaVersion 1): one program's object, or, for
// several programs, `{schemaVersion, programs: [one program's object...], network}`.
import { z } from 'zod';

const Ratio = z.object({ count: z.number().int(), of: z.number().int(), rate: z.number().nullable() });
const Within = z.object({ days: z.number().int(), count: z.number().int(), of: z.number().int(), rate: z.number().nullable() });
const Cell = z.union([z.number().int(), z.string()]).describe('a count of people or jobs, "<N" (small cell) or "hidden" (complementary suppression)');
const Benchmark = z.enum(['below-minimal', 'minimal', 'average', 'excellent']);

const Period = z.object({
  label: z.string(),
  from: z.string(),
  to: z.string(),
  served: z.number().int(),
  working: z.number().int(),
  rate: z.number().nullable(),
  partial: z.boolean().describe('the window starts or ends inside the period'),
  benchmark: Benchmark.nullable(),
  growBenchmarkMet: z.boolean().nullable().optional(),
  jobStarts: z.number().int(),
  firstJobStarts: z.number().int(),
});
const Window = z.object({ from: z.string(), to: z.string() });
/** The counts of the whole window, for one program and for the network. */
const Counts = z.object({
  served: z.number().int(),
  working: z.number().int(),
  rate: z.number().nullable(),
  jobStarts: z.number().int(),
  firstJobStarts: z.number().int(),
});
const By = z.enum(['quarter', 'month', 'semester', 'year', 'none']);
const Convention = z.enum(['standard', 'ips-grow']);

const ProgramOutcomes = z.object({
  program: z.object({ name: z.string(), id: z.string().nullable(), site: z.string().nullable(), country: z.string().nullable() }),
  window: Window,
  by: By,
  convention: Convention,
  minCell: z.number().int(),
  rules: z
    .looseObject({
      id: z.string(),
      benchmarks: z.object({ minimal: z.number(), average: z.number(), excellent: z.number(), ipsGrow: z.number() }),
      windows: z.object({ firstJobWithin: z.array(z.number()), stillWorkingAt: z.array(z.number()), workedWithin: z.number() }),
      hours: z.object({ atLeast: z.number(), ipsGrowPaidHours: z.number() }),
    })
    .describe('the outcome rules used (scales/outcome-rules.yaml or --outcome-rules)'),
  periods: z.array(Period),
  measures: Counts.extend({
    daysToFirstContact: z.object({
      cohort: z.number().int(),
      n: z.number().int(),
      mean: z.number().nullable(),
      median: z.number().nullable(),
      observed: z.number().int(),
      late: z.number().int(),
      recent: z.number().int(),
      limit: z.number(),
    }),
    daysToFirstJob: z.object({ cohort: z.number().int(), n: z.number().int(), median: z.number().nullable(), within: z.array(Within) }),
    workedWithin12Months: Ratio,
    tenure: z.object({
      ended: z.number().int(),
      medianDays: z.number().nullable(),
      stillWorking: z.array(Within),
      longest: z.object({ people: z.number().int(), medianDays: z.number().nullable(), meanDays: z.number().nullable(), censored: z.number().int() }),
    }),
    weeksWorked: z.object({ people: z.number().int(), mean: z.number().nullable(), median: z.number().nullable() }),
    hours: z.object({ n: z.number().int(), median: z.number().nullable(), line: z.number(), atLeast20: Ratio, peopleAtLeast20: Ratio }),
    wage: z.object({ n: z.number().int(), median: z.number().nullable(), minimumWage: z.number().nullable(), atOrAboveMinimum: Ratio.nullable() }),
    exits: z.object({
      recorded: z.boolean(),
      exited: z.number().int(),
      beforeAnyJob: z.number().int(),
      dropOut: Ratio,
      reasons: z.array(z.object({ reason: z.string(), people: Cell })),
      reasonsWithheld: z.boolean(),
    }),
    contracts: z.object({
      jobs: z.number().int(),
      competitive: z.number().int(),
      competitiveShare: z.number().nullable(),
      workTrials: z.number().int(),
      byContract: z.array(
        z.object({ contract: z.string(), known: z.boolean(), competitive: z.boolean(), setting: z.string().nullable(), jobs: Cell, people: Cell }),
      ),
      bySetting: z.array(z.object({ setting: z.string(), jobs: Cell, people: Cell })),
      withheld: z.boolean(),
    }),
    specialists: z.array(
      z.object({
        name: z.string(),
        caseload: Cell,
        contactsPerWeek: z.number().nullable(),
        served: Cell,
        working: Cell,
        rate: z.number().nullable(),
      }),
    ),
  }),
});

/** Several programs: each program's own object, then the network total (people of all programs together). */
const NetworkOutcomes = z.object({
  schemaVersion: z.literal(1),
  programs: z.array(ProgramOutcomes),
  network: z.object({
    programs: z.number().int(),
    window: Window,
    by: By,
    convention: Convention,
    minCell: z.number().int(),
    periods: z.array(Period),
    measures: Counts,
  }),
});

export const OutcomesJson = z.union([ProgramOutcomes.extend({ schemaVersion: z.literal(1) }), NetworkOutcomes]);
