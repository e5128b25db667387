// The JSON output contract of `consensus --format json` (schemaVersion 1).
import { z } from 'zod';

const Ratio = z.object({ count: z.number().int(), of: z.number().int(), rate: z.number().nullable() });

export const ConsensusJson = z.object({
  schemaVersion: z.literal(1),
  lang: z.enum(['en', 'fr']),
  reviews: z.array(
    z.object({
      program: z.object({ name: z.string(), id: z.string().nullable(), site: z.string().nullable() }),
      date: z.string().nullable(),
      scale: z.string(),
      reviewers: z.array(z.string()),
      items: z
        .array(
          z.object({
            id: z.string(),
            code: z.string(),
            name: z.string(),
            scores: z.record(z.string(), z.number().nullable()).describe("each reviewer's own score, by reviewer name"),
            spread: z.number().describe('highest minus lowest of the reviewers\u2019 scores'),
            consensus: z.number().int().nullable().describe('the consensus score, null until it is agreed'),
          }),
        )
        .describe('widest spread first, then scale order'),
      pairs: z.array(
        z.object({ a: z.string(), b: z.string(), items: z.number().int(), exact: Ratio, withinOne: Ratio, kappa: z.number().nullable() }),
      ),
    }),
  ),
});
