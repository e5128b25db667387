// The JSON output contract of `score --format json` (schemaVersion 1). The shipped JSON Schema
// (schema/score.schema.json) is generated from this file at every build (scripts/write-schema.mjs); a test checks it.
import { z } from 'zod';

const Rule = z.object({
  score: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
  above: z.number().optional(),
  below: z.number().optional(),
});

const Evidence = z
  .object({
    value: z.number().optional().describe('observed value (ratio, %, days, contacts per week)'),
    n: z.number().optional().describe('number of observations behind the value'),
    unit: z.string().optional().describe('the item kind the value is measured in'),
    rule: Rule.optional().describe('the threshold rule the value matched'),
    elements: z.object({ present: z.array(z.string()), count: z.number(), of: z.number() }).optional(),
    specialists: z.array(z.object({ name: z.string(), value: z.number().optional(), score: z.number() })).optional(),
    mean: z.number().optional().describe("mean of the specialists' scores before taking the closest point (ties go down)"),
    minimumN: z.object({ n: z.number(), required: z.number(), score: z.number() }).optional(),
    capped: z.array(z.object({ flag: z.string(), maxWithout: z.number(), uncapped: z.number() })).optional(),
    derivedScore: z.number().optional().describe('score the observation gives when an explicit score overrides it'),
    records: z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).optional(),
  })
  .describe('the inputs behind the score');

const Source = z.enum(['score', 'value', 'elements', 'specialists', 'records']);

const Item = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  section: z.string(),
  score: z.number().int().nullable(),
  source: Source.nullable(),
  evidence: Evidence.nullable(),
  evidenceText: z.string(),
  note: z.string().nullable(),
  overridden: z.object({ score: z.number(), source: Source, evidence: Evidence }).optional(),
  finding: z.string().nullable().optional().describe("the reviewers' finding about the item, in their words"),
  recommendation: z.string().nullable().optional().describe("the reviewers' own recommendation: it wins over the computed one"),
  computedRecommendation: z
    .array(z.string())
    .nullable()
    .optional()
    .describe(
      'what the item lacks to reach the maximum, from the scale data (missing elements, the number to reach), one sentence each; null at the maximum',
    ),
});

const BandRef = z.object({ id: z.string().describe('exemplary, good, fair or not-se on the built-in scales'), label: z.string(), min: z.number() });

const Ratio = z.object({ count: z.number(), of: z.number(), rate: z.number().nullable() });
const Delta = { from: z.number().nullable(), to: z.number().nullable(), delta: z.number().nullable() };

const Agreement = z
  .object({
    weights: z.literal('quadratic').describe('weighted kappa with quadratic disagreement weights'),
    reviewers: z.array(z.string()),
    byReviewer: z.array(z.object({ name: z.string(), scores: z.record(z.string(), z.number()) })).describe("each reviewer's own scores by item code"),
    pairs: z.array(
      z.object({
        a: z.string(),
        b: z.string(),
        items: z.number(),
        exact: Ratio,
        withinOne: Ratio,
        kappa: z.number().nullable().describe('null when undefined: no variation in the ratings'),
      }),
    ),
    reconcile: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        ratings: z.array(z.object({ name: z.string(), score: z.number().nullable() })),
        spread: z.number(),
      }),
    ),
    noConsensus: z.array(z.string()).describe('items rated by the reviewers that have no consensus score yet'),
  })
  .describe("agreement of the reviewers' independent ratings");

/** A change between two reviews of one program: total, sections, principles and items. */
export const changeShape = () =>
  z.object({
    previousDate: z.string().nullable(),
    total: z.object(Delta),
    sections: z.array(z.object({ id: z.string(), ...Delta })),
    principles: z.array(z.object({ id: z.string(), ...Delta })),
    items: z.array(z.object({ id: z.string(), code: z.string(), ...Delta })),
  });

const Change = changeShape().describe('change since the previous review of the same program in the input');

export const NextReview = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe('ISO date the next review is due: the review date plus `months` calendar months (a day the month lacks becomes its last day)'),
  months: z.number().int(),
  policy: z.string().describe('id of the review-interval policy'),
  atLeast: z.string().nullable().describe("the band id whose interval applied (the review is in it or higher); null for the policy's last interval"),
});

export const ReviewJson = z.object({
  program: z.object({ name: z.string(), id: z.string().nullable(), site: z.string().nullable() }),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  type: z.enum(['self', 'external']).nullable(),
  reviewers: z.array(z.string()),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  scale: z.string(),
  scaleVersion: z.string(),
  principleFramework: z.string(),
  complete: z.boolean(),
  rated: z.number().int(),
  itemCount: z.number().int(),
  total: z.number().int().nullable().describe('null unless every item is rated'),
  max: z.number().int(),
  ratedSum: z.number().int(),
  mean: z.number().nullable(),
  band: BandRef.nullable().describe('null unless every item is rated'),
  bands: z.array(BandRef),
  sections: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      label: z.string(),
      score: z.number().int().nullable(),
      max: z.number().int(),
      rated: z.number().int(),
      items: z.number().int(),
      mean: z.number().nullable(),
    }),
  ),
  principles: z.array(
    z.object({ id: z.string(), label: z.string(), mean: z.number().nullable(), rated: z.number().int(), items: z.array(z.string()) }),
  ),
  items: z.array(Item),
  agreement: Agreement.nullable(),
  change: Change.nullable(),
  nextReview: NextReview.nullable()
    .optional()
    .describe(
      'when the next fidelity review is due under the review-interval policy (--policy); null when the review has no date or no band (not every item rated)',
    ),
});

export const ScoreJson = z.object({
  schemaVersion: z.literal(1),
  lang: z.enum(['en', 'fr']),
  reviews: z.array(ReviewJson),
});
