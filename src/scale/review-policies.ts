// Review-interval policies: how long after a fidelity review the next one is due, by the review's
// band, as data (scales/review-policies.yaml, or a user's copy given with --policy FILE).
import { z } from 'zod';
import type { DataIssue } from './scale.js';

function define() {
  const Localized = z.object({ en: z.string().min(1) }).catchall(z.string().min(1));
  /**
   * One interval: `months` after a review whose band is `atLeast` (a band id of the review's scale)
   * or higher. Intervals are tried in order; the last one has no condition and applies otherwise.
   */
  const Interval = z
    .object({
      atLeast: z.string().min(1).optional(),
      months: z.number().int().min(1).max(120),
    })
    .strict();
  const Policy = z
    .object({
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by "-"'),
      name: Localized,
      /** Where the intervals come from, and any choice made where the source is silent. */
      source: Localized.optional(),
      intervals: z.array(Interval).min(1),
    })
    .strict();
  const PolicyFile = z.object({ policies: z.array(Policy).min(1) }).strict();
  return { Interval, Policy, PolicyFile };
}

let schemas: ReturnType<typeof define> | undefined;
const defined = () => (schemas ??= define());
/** The zod schema of a review-policies file (built on first call; the built-in file is checked at build). */
export const reviewPoliciesSchema = () => defined().PolicyFile;

export type ReviewInterval = z.infer<ReturnType<typeof define>['Interval']>;
export type ReviewPolicy = z.infer<ReturnType<typeof define>['Policy']>;
export type ReviewPolicyFile = z.infer<ReturnType<typeof define>['PolicyFile']>;

/** What zod cannot say: unique ids, and a last interval without a condition (so every band gets one). */
export function checkPolicies(file: ReviewPolicyFile): DataIssue[] {
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  file.policies.forEach((p, i) => {
    if (seen.has(p.id)) issues.push({ path: ['policies', i, 'id'], key: 'policy.problem.duplicate', params: { id: p.id } });
    seen.add(p.id);
    const last = p.intervals.length - 1;
    p.intervals.forEach((iv, j) => {
      if (j === last && iv.atLeast !== undefined)
        issues.push({ path: ['policies', i, 'intervals', j, 'atLeast'], key: 'policy.problem.open', params: { id: p.id } });
      if (j < last && iv.atLeast === undefined)
        issues.push({ path: ['policies', i, 'intervals', j], key: 'policy.problem.unreachable', params: { id: p.id, n: last - j } });
    });
  });
  return issues;
}
