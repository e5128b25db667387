// The outcome rules: benchmarks, windows, the hours line, the IPS Grow paid-hour rule and sanity
// limits, as data (scales/outcome-rules.yaml, or a user's copy given with --outcome-rules).
import { z } from 'zod';

function define() {
  const Percent = z.number().min(0).max(100);
  const Days = z.number().int().positive();
  return z
    .object({
      id: z.string(),
      benchmarks: z
        .object({ minimal: Percent, average: Percent, excellent: Percent, ipsGrow: Percent })
        .strict()
        .refine((b) => b.minimal <= b.average && b.average <= b.excellent, { message: 'expected minimal ≤ average ≤ excellent' }),
      windows: z.object({ firstJobWithin: z.array(Days), stillWorkingAt: z.array(Days), workedWithin: Days }).strict(),
      hours: z.object({ atLeast: z.number().positive(), ipsGrowPaidHours: z.number().positive() }).strict(),
      limits: z
        .object({
          hoursPerWeek: z.object({ min: z.number(), max: z.number() }).strict(),
          hourlyWage: z.object({ min: z.number() }).strict(),
        })
        .strict(),
    })
    .strict();
}
let schema: ReturnType<typeof define> | undefined;
/** The zod schema of an outcome rules file (built on first call; the built-in file is checked at build time). */
export const outcomeRulesSchema = () => (schema ??= define());
export type OutcomeRules = z.infer<ReturnType<typeof outcomeRulesSchema>>;
export type BenchmarkLevels = OutcomeRules['benchmarks'];
