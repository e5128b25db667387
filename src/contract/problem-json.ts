// One input problem as JSON (schemaVersion 1): what `validate --format json` lists and what
// `--reporter json` writes, one per line, on standard error.
import { z } from 'zod';

export const ProblemJson = z.object({
  file: z.string(),
  line: z.number().int().nullable().describe('1-based line of a text file (CSV, YAML); null in a workbook or for the whole file'),
  column: z.number().int().nullable().describe('1-based column (CSV field or YAML character)'),
  sheet: z.string().nullable().describe('the workbook sheet, for .xlsx input'),
  cell: z.string().nullable().describe('the workbook cell (A1 notation), for .xlsx input'),
  code: z.string().describe('the message key: stable across languages and releases of schemaVersion 1'),
  message: z.string().describe('the message in the output language'),
  severity: z.enum(['error', 'warning']),
  field: z.string().nullable().describe('the column (tables) or key path (YAML) the value came from'),
  value: z.string().nullable().describe('the offending value, as read'),
  more: z.number().int().describe('how many more problems of the same kind in the same file were counted but not listed'),
});
export type ProblemJson = z.infer<typeof ProblemJson>;
