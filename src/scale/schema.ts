// Zod schemas of the data files that describe a fidelity scale and a principle framework.
// Built-in files live in scales/; a user passes their own with --scale / --principles.
import { z } from 'zod';

/** Text in several languages; English is required, other languages fall back to it. */
export const Localized = z
  .object({ en: z.string().min(1) })
  .catchall(z.string().min(1));
export type Localized = z.infer<typeof Localized>;

const Score = z.number().int();

/**
 * One threshold rule of a numeric item. Conditions are inclusive (`min`: value >= min,
 * `max`: value <= max) or strict (`above`: value > above, `below`: value < below).
 * Rules are tried in order; the first whose conditions all hold gives the score.
 */
export const Rule = z
  .object({
    score: Score,
    min: z.number().optional(),
    max: z.number().optional(),
    above: z.number().optional(),
    below: z.number().optional(),
  })
  .strict();
export type Rule = z.infer<typeof Rule>;

export const Element = z.object({ id: z.string().min(1), label: Localized }).strict();

/** A condition that limits the score when it is explicitly reported as not met. */
export const Cap = z
  .object({ flag: z.string().min(1), label: Localized, maxWithout: Score })
  .strict();
export type Cap = z.infer<typeof Cap>;

export const ItemKind = z.enum(['ratio', 'percent', 'days', 'count', 'elements', 'ordinal']);
export type ItemKind = z.infer<typeof ItemKind>;

export const Item = z
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
      .enum(['caseload', 'employment-services-share', 'team-assignment', 'days-to-employer-contact', 'employer-contacts-per-week', 'job-type-diversity', 'employer-diversity', 'competitive-share', 'community-share'])
      .optional(),
    provisional: Localized.optional(),
  })
  .strict();
export type Item = z.infer<typeof Item>;

export const Section = z.object({ id: z.string().min(1), code: z.string().min(1), name: Localized }).strict();
export type Section = z.infer<typeof Section>;

/** Bands are listed from the highest; a total falls in the first band whose `min` it reaches. */
export const Band = z.object({ id: z.string().min(1), min: z.number().int(), label: Localized }).strict();
export type Band = z.infer<typeof Band>;

export const ScaleFile = z
  .object({
    id: z.string().min(1),
    name: Localized,
    version: z.union([z.string().min(1), Localized]),
    notes: z.array(Localized).default([]),
    scoreRange: z.object({ min: Score, max: Score }).strict(),
    sections: z.array(Section).min(1),
    bands: z.array(Band).min(1),
    items: z.array(Item).min(1),
  })
  .strict();
export type ScaleFile = z.infer<typeof ScaleFile>;

export const Principle = z
  .object({ id: z.string().min(1), label: Localized, description: Localized.optional(), items: z.array(z.string().min(1)) })
  .strict();
export type Principle = z.infer<typeof Principle>;

export const PrincipleFramework = z
  .object({
    id: z.string().min(1),
    name: Localized,
    notes: z.array(Localized).default([]),
    principles: z.array(Principle).min(1),
  })
  .strict();
export type PrincipleFramework = z.infer<typeof PrincipleFramework>;
