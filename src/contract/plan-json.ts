// The JSON output contract of `plan --format json` (schemaVersion 1). The shipped JSON Schema
// (schema/plan.schema.json) is generated from this file at every build (scripts/write-schema.mjs); a test checks it.
import { z } from 'zod';
import { NextReview } from './score-json.js';

const Status = z.enum(['planned', 'in-progress', 'done', 'dropped']);
const Fate = z.enum(['done', 'open', 'overdue', 'dropped']);

const Action = z.object({
  item: z.string().describe('item code'),
  action: z.string(),
  owner: z.string().nullable(),
  due: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  status: Status,
  statusLabel: z.string().describe('the status in the output language'),
});

const Item = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  score: z.number().int().nullable(),
  max: z.number().int(),
  finding: z.string().nullable(),
  recommendation: z.string().nullable().describe("the reviewers' own recommendation"),
  computedRecommendation: z.array(z.string()).describe('what the item lacks, from the scale data; empty at the maximum'),
  actions: z.array(Action),
});

const FollowUp = z.object({
  from: z.string().nullable().describe('date of the review that set the actions'),
  to: z.string().nullable().describe('date of the review that follows them up'),
  counts: z.object({ done: z.number().int(), open: z.number().int(), overdue: z.number().int(), dropped: z.number().int() }),
  actions: z.array(
    Action.extend({
      fate: Fate.describe('done, still open, overdue as of the later review, or dropped'),
      fateLabel: z.string(),
      relisted: z.boolean().describe('the later review lists the action again'),
      score: z
        .object({ from: z.number().nullable(), to: z.number().nullable(), delta: z.number().nullable() })
        .describe("the item's score at each review"),
    }),
  ),
});

export const ProgramPlanJson = z.object({
  program: z.object({ name: z.string(), id: z.string().nullable(), site: z.string().nullable() }),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .describe('date of the latest review: the plan is its own'),
  scale: z.string(),
  total: z.number().int().nullable(),
  max: z.number().int(),
  counts: z.object({ planned: z.number().int(), 'in-progress': z.number().int(), done: z.number().int(), dropped: z.number().int() }),
  nextReview: NextReview.nullable().optional().describe('when the next review, which checks this plan, is due'),
  items: z.array(Item).describe('items below their maximum (or with an action), those with no action first'),
  followUps: z.array(FollowUp),
});

export const PlanJson = z.object({
  schemaVersion: z.literal(1),
  lang: z.enum(['en', 'fr']),
  programs: z.array(ProgramPlanJson),
});
