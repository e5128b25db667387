// The JSON output contract of `validate --format json` (schemaVersion 1).
import { z } from 'zod';
import { ProblemJson } from './problem-json.js';

export const ValidateJson = z.object({
  schemaVersion: z.literal(1),
  lang: z.enum(['en', 'fr']),
  valid: z.boolean().describe('no errors in any file (warnings allowed)'),
  errors: z.number().int(),
  warnings: z.number().int(),
  files: z.array(
    z.object({
      file: z.string(),
      valid: z.boolean(),
      reviews: z.number().int().describe('reviews read from the file'),
      ratings: z.number().int().describe('ratings read, all reviews together'),
      errors: z.number().int(),
      warnings: z.number().int(),
    }),
  ),
  problems: z.array(ProblemJson).describe('every problem of every file, and of the scale and framework chosen'),
});
