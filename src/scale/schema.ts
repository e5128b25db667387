// Zod schemas of the data files that describe a fidelity scale and a principle framework.
// Built-in files live in scales/; a user passes their own with --scale / --principles.
// The schemas are built on first use: the built-in files are checked at build time
// (scripts/compile-data.mjs) and read without building or running these schemas.
import { z } from 'zod';

function define() {
  /** Text in several languages; English is required, other languages fall back to it. */
  const Localized = z.object({ en: z.string().min(1) }).catchall(z.string().min(1));

  const Score = z.number().int();

  /**
   * One threshold rule of a numeric item. Conditions are inclusive (`min`: value >= min,
   * `max`: value <= max) or strict (`above`: value > above, `below`: value < below).
   * Rules are tried in order; the first whose conditions all hold gives the score.
   */
  const Rule = z
    .object({
      score: Score,
      min: z.number().optional(),
      max: z.number().optional(),
      above: z.number().optional(),
      below: z.number().optional(),
    })
    .strict();

  const Element = z.object({ id: z.string().min(1), label: Localized }).strict();

  /** A condition that limits the score when it is explicitly reported as not met. */
  const Cap = z.object({ flag: z.string().min(1), label: Localized, maxWithout: Score }).strict();

  /**
   * The reviewer toolkit of an item (all optional, so scales without one still load): what to look
   * for, whom to interview (a role of the scale's `roles`) and what to ask, the records to read,
   * what to observe, and the documents to request before the visit.
   */
  const Toolkit = z
    .object({
      lookFor: z.array(Localized).default([]),
      interviews: z.array(z.object({ role: z.string().min(1), ask: z.array(Localized).min(1) }).strict()).default([]),
      records: z.array(Localized).default([]),
      observation: z.array(Localized).default([]),
      documents: z.array(Localized).default([]),
    })
    .strict();

  /** Someone reviewers interview: on which day of a two-day visit, and for how many minutes. */
  const Role = z
    .object({
      id: z.string().min(1),
      label: Localized,
      day: z.union([z.literal(1), z.literal(2)]).default(1),
      minutes: z.number().int().min(5).max(480).default(45),
    })
    .strict();

  const ItemKind = z.enum(['ratio', 'percent', 'days', 'count', 'elements', 'ordinal']);

  const Item = z
    .object({
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by "-"'),
      code: z.string().min(1),
      section: z.string().min(1),
      kind: ItemKind,
      name: Localized,
      criterion: Localized,
      /** Anchor text for every score of the scale, keyed by score. */
      anchors: z.record(z.string().regex(/^\d+$/), Localized),
      /** Unit of an observed value (numeric kinds). */
      unit: Localized.optional(),
      /** Numeric kinds: ordered threshold rules; the last one has no condition. */
      rules: z.array(Rule).optional(),
      /** Rule text for gaps and overlaps in the official anchors. */
      ruleNote: Localized.optional(),
      /** elements kind: the checklist. */
      elements: z.array(Element).optional(),
      /** elements kind: score by number of elements present (index = count); null = ambiguous, a score is needed. */
      elementScores: z.array(Score.nullable()).optional(),
      /** Rated for each employment specialist, then averaged to the closest scale point (ties: lower). */
      perSpecialist: z.boolean().default(false),
      /** Fewer observations than n give this score (e.g. fewer than 10 current jobs). */
      minimumN: z.object({ n: z.number().int().positive(), score: Score, label: Localized }).strict().optional(),
      /** Conditions that cap the score when reported as not met. */
      caps: z.array(Cap).default([]),
      /** Where reviewers find the evidence. */
      sources: z.array(Localized).default([]),
      /** How the tool computes the item from program records, when it can. */
      computed: Localized.optional(),
      /** Which computation from program records gives this item (see src/core/fidelity-from-records.ts). */
      compute: z
        .enum([
          'caseload',
          'employment-services-share',
          'team-assignment',
          'days-to-employer-contact',
          'employer-contacts-per-week',
          'job-type-diversity',
          'employer-diversity',
          'competitive-share',
          'community-share',
        ])
        .optional(),
      provisional: Localized.optional(),
      /** Whether the anchor texts were checked against the published form (verified) or not yet (provisional). */
      anchorStatus: z.enum(['verified', 'provisional']).default('provisional'),
      /** The reviewer toolkit of the item. */
      toolkit: Toolkit.optional(),
      /** With the scale's `toolkitFrom`: the id of the item of that scale whose toolkit this one takes (default: its own id). */
      toolkitRef: z.string().min(1).optional(),
    })
    .strict();

  const Section = z.object({ id: z.string().min(1), code: z.string().min(1), name: Localized }).strict();

  /** Bands are listed from the highest; a total falls in the first band whose `min` it reaches. */
  const Band = z.object({ id: z.string().min(1), min: z.number().int(), label: Localized }).strict();

  const ScaleFile = z
    .object({
      id: z.string().min(1),
      name: Localized,
      version: z.union([z.string().min(1), Localized]),
      notes: z.array(Localized).default([]),
      /** Where the reviewer toolkit comes from (the manual it is written from, cited). */
      toolkitSource: Localized.optional(),
      /** A built-in scale whose items give their toolkit to the items of this one that have none. */
      toolkitFrom: z.string().min(1).optional(),
      /** The people reviewers interview, referred to by the items' toolkits. */
      roles: z.array(Role).default([]),
      scoreRange: z.object({ min: Score, max: Score }).strict(),
      sections: z.array(Section).min(1),
      bands: z.array(Band).min(1),
      items: z.array(Item).min(1),
    })
    .strict();

  const Principle = z
    .object({ id: z.string().min(1), label: Localized, description: Localized.optional(), items: z.array(z.string().min(1)) })
    .strict();

  const PrincipleFramework = z
    .object({
      id: z.string().min(1),
      name: Localized,
      notes: z.array(Localized).default([]),
      principles: z.array(Principle).min(1),
    })
    .strict();
  return { Localized, Rule, Element, Cap, Toolkit, Role, ItemKind, Item, Section, Band, ScaleFile, Principle, PrincipleFramework };
}

type Schemas = ReturnType<typeof define>;
let defined: Schemas | undefined;

/** The zod schemas of scale and framework files (built on first call). */
export const scaleSchemas = (): Schemas => (defined ??= define());

export type Localized = z.infer<Schemas['Localized']>;
export type Rule = z.infer<Schemas['Rule']>;
export type Cap = z.infer<Schemas['Cap']>;
export type ItemKind = z.infer<Schemas['ItemKind']>;
export type Item = z.infer<Schemas['Item']>;
export type Toolkit = z.infer<Schemas['Toolkit']>;
export type Role = z.infer<Schemas['Role']>;
export type Section = z.infer<Schemas['Section']>;
export type Band = z.infer<Schemas['Band']>;
export type ScaleFile = z.infer<Schemas['ScaleFile']>;
export type Principle = z.infer<Schemas['Principle']>;
export type PrincipleFramework = z.infer<Schemas['PrincipleFramework']>;
