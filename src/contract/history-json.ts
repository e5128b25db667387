// The JSON output contract of `history --format json` (schemaVersion 1).
import { z } from 'zod';
import { changeShape, NextReview } from './score-json.js';

export const ChangeJson = changeShape().describe("change from the program's first review in the input to its last");

export const HistoryJson = z.object({
  schemaVersion: z.literal(1),
  asOf: z
    .string()
    .nullable()
    .optional()
    .describe('the date next reviews are checked against: --as-of, else the latest review date in the data (never the clock)'),
  programs: z.array(
    z.object({
      program: z.object({
        name: z.string().describe('as its latest review names it'),
        id: z.string().nullable(),
        site: z.string().nullable(),
        names: z.array(z.string()).describe('every name its reviews gave it'),
      }),
      reviews: z.array(
        z.object({
          date: z.string().nullable(),
          total: z.number().int().nullable(),
          band: z.string().nullable().describe('band id; null unless every item is rated'),
          rated: z.number().int(),
          complete: z.boolean(),
          change: z.number().nullable().describe('total change since the previous review of the program'),
          nextReview: NextReview.nullable().optional().describe('when the review after this one is due, under the review-interval policy'),
        }),
      ),
      change: ChangeJson.nullable().describe('null when the program has one review'),
      nextReview: z
        .object({ date: z.string(), overdue: z.boolean() })
        .nullable()
        .optional()
        .describe("the program's next review: due date, and whether it is past as of `asOf`"),
    }),
  ),
});
