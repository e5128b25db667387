// The JSON output contract of `scales --format json` (schemaVersion 1): the list, one scale, or one framework.
import { z } from 'zod';

const Text = z.looseObject({ en: z.string() }).describe('a text in each language it is written in (en always)');
const Band = z.object({ id: z.string(), min: z.number(), label: Text });

const Item = z
  .looseObject({
    id: z.string(),
    code: z.string(),
    section: z.string(),
    kind: z.string(),
    name: Text,
    criterion: Text,
    anchors: z.record(z.string(), Text).describe('the anchor text of each score'),
  })
  .describe('an item as the scale file defines it (rules, elements, caps, sources and notes when it has them)');

const Scale = z.looseObject({
  id: z.string(),
  name: Text,
  version: z.union([z.string(), Text]),
  scoreRange: z.object({ min: z.number().int(), max: z.number().int() }),
  sections: z.array(z.looseObject({ id: z.string(), code: z.string(), name: Text })),
  bands: z.array(Band),
  items: z.array(Item),
  minTotal: z.number().int(),
  maxTotal: z.number().int(),
});

const Framework = z.looseObject({
  id: z.string(),
  name: Text,
  principles: z.array(z.looseObject({ id: z.string(), label: Text, items: z.array(z.string()) })),
});

export const ScalesJson = z.discriminatedUnion('kind', [
  z.object({
    schemaVersion: z.literal(1),
    kind: z.literal('list'),
    scales: z.array(
      z.object({ id: z.string(), name: Text, items: z.number().int(), min: z.number().int(), max: z.number().int(), bands: z.array(Band) }),
    ),
    frameworks: z.array(z.object({ option: z.string().describe('the value of --principles'), id: z.string(), name: Text })),
  }),
  z.object({
    schemaVersion: z.literal(1),
    kind: z.literal('scale'),
    scale: Scale.describe('with --item, only that item'),
    item: Item.optional().describe('with --item: the item, its reviewer toolkit included'),
    roles: z
      .array(z.looseObject({ id: z.string() }))
      .optional()
      .describe('with --item: the people its toolkit interviews'),
    toolkitSource: z.union([Text, z.null()]).optional().describe('with --item: the manual the toolkit is written from'),
  }),
  z.object({ schemaVersion: z.literal(1), kind: z.literal('framework'), framework: Framework }),
]);
