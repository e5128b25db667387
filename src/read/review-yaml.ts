// Reader of a review in YAML: program, review, scale, and one entry per item.
import { z } from 'zod';
import type { ItemRating, PlannedAction, Review } from '../core/review.js';
import { toAction, type PlaceOf, type RawAction } from './action-entry.js';
import { findItem, type Scale } from '../scale/scale.js';
import { ProblemList } from '../shared/problems.js';
import { reviewDateOf, toRating, type RawEntry } from './rating-entry.js';
import { parseDate } from '../shared/values.js';
import { placeInYaml, readYamlWith, type YamlSource } from './yaml-file.js';

const Text = z.union([z.string(), z.number()]).transform(String);
const Raw = z.union([z.string(), z.number()]);

const Entry = z.union([
  Raw,
  z
    .object({
      score: Raw.optional(),
      value: Raw.optional(),
      n: Raw.optional(),
      elements: z.array(Raw).optional(),
      specialists: z.array(z.object({ name: Text.optional(), score: Raw.optional(), value: Raw.optional() }).strict()).optional(),
      flags: z.record(z.string(), z.union([z.boolean(), z.string(), z.number()])).optional(),
      note: Text.optional(),
      finding: Text.optional(),
      constat: Text.optional(),
      recommendation: Text.optional(),
      recommandation: Text.optional(),
    })
    .strict(),
]);

/** One action of the plan; French keys accepted (responsable, échéance, statut). */
const Action = z
  .object({
    item: Text,
    action: Text,
    owner: Text.optional(),
    responsable: Text.optional(),
    due: Raw.optional(),
    echeance: Raw.optional(),
    échéance: Raw.optional(),
    status: Text.optional(),
    statut: Text.optional(),
  })
  .strict();

export const ReviewFields = z
  .object({
    lang: z.enum(['en', 'fr']).optional(),
    scale: z.string().min(1).optional(),
    program: z.object({ id: Text.optional(), name: Text, site: Text.optional() }).strict(),
    review: z
      .object({
        date: Raw,
        type: z.enum(['self', 'external']).optional(),
        reviewers: z.array(Text).default([]),
        period: z.object({ from: Raw, to: Raw }).strict().optional(),
      })
      .strict(),
    items: z.record(z.string(), Entry.nullable()).default({}),
    /** Each reviewer's own ratings before consensus: reviewer name → items. */
    ratings: z.record(z.string(), z.record(z.string(), Entry.nullable())).optional(),
    /** The action plan the program commits to (plan d'action). */
    actions: z.array(Action).optional(),
  })
  .strict();
export const ReviewFile = ReviewFields;
export type ReviewDoc = Pick<z.infer<typeof ReviewFields>, 'lang' | 'scale' | 'program' | 'review' | 'items'> & {
  ratings?: z.infer<typeof ReviewFields>['ratings'];
  actions?: z.infer<typeof ReviewFields>['actions'];
};

/** Which scale a review uses: the --scale given on the command line, else the file's own. */
export type ScaleResolver = (declared: string | undefined) => Scale;

export function readReviewYaml(file: string, bytes: Uint8Array, resolveScale: ScaleResolver, problems: ProblemList): Review | null {
  const read = readYamlWith(bytes, ReviewFile, problems);
  if (!read) return null;
  return readReviewDoc(file, read.src, read.value, resolveScale, problems, true);
}

/** A review from a parsed document (a review file, or the review part of a program.yaml). */
export function readReviewDoc(
  file: string,
  src: YamlSource,
  doc: ReviewDoc,
  resolveScale: ScaleResolver,
  problems: ProblemList,
  requireDate: boolean,
): Review | null {
  const at = (path: (string | number)[]) => placeInYaml(src, path);
  const rawDate = String(doc.review.date);
  const date = rawDate.trim() !== '' || requireDate ? reviewDateOf(rawDate, at(['review', 'date']), problems, 'review.date') : null;
  let period: Review['period'];
  if (doc.review.period) {
    const from = parseDate(String(doc.review.period.from));
    const to = parseDate(String(doc.review.period.to));
    if (!from.ok)
      problems.error(at(['review', 'period', 'from']), `expected.${from.expected}`, {}, 'review.period.from', String(doc.review.period.from));
    if (!to.ok) problems.error(at(['review', 'period', 'to']), `expected.${to.expected}`, {}, 'review.period.to', String(doc.review.period.to));
    if (from.ok && to.ok) {
      if (to.value < from.value) problems.error(at(['review', 'period']), 'review.periodOrder', { from: from.value, to: to.value });
      period = { from: from.value, to: to.value };
    }
  }

  const scale = resolveScale(doc.scale);
  const readItems = (entries: Record<string, z.infer<typeof Entry> | null>, base: (string | number)[]): ItemRating[] => {
    const out: ItemRating[] = [];
    const seen = new Map<string, string>();
    for (const [key, entry] of Object.entries(entries)) {
      const item = findItem(scale, key);
      if (!item) {
        problems.error(at([...base, key]), 'item.unknown', { scale: scale.id }, base.join('.'), key);
        continue;
      }
      if (seen.has(item.id)) {
        problems.error(at([...base, key]), 'item.duplicate', { item: item.code, first: seen.get(item.id)! }, base.join('.'), key);
        continue;
      }
      seen.set(item.id, key);
      if (entry === null) continue; // listed but not rated yet
      const raw: RawEntry =
        typeof entry === 'object'
          ? { ...entry, finding: entry.finding ?? entry.constat, recommendation: entry.recommendation ?? entry.recommandation }
          : { score: entry };
      const rating = toRating(
        item,
        scale,
        raw,
        (field, k, params, value, severity) => {
          const place = at(typeof entry === 'object' ? [...base, key, ...field] : [...base, key]);
          const name = `${base.length > 1 ? base.slice(1).join('.') + '.' : ''}${item.code}${field.length ? '.' + field.join('.') : ''}`;
          if (severity === 'warning') problems.warn(place, k, params, name, value);
          else problems.error(place, k, params, name, value);
        },
        { file, ...at([...base, key]) },
      );
      if (rating) out.push(rating);
    }
    return out;
  };
  const ratings = readItems(doc.items, ['items']);
  const raters = Object.entries(doc.ratings ?? {}).map(([name, entries]) => ({ name, ratings: readItems(entries, ['ratings', name]) }));
  const actions: PlannedAction[] = [];
  (doc.actions ?? []).forEach((a, i) => {
    const keyOf: Record<keyof RawAction, string> = {
      item: 'item',
      action: 'action',
      owner: a.owner !== undefined ? 'owner' : 'responsable',
      due: a.due !== undefined ? 'due' : a.echeance !== undefined ? 'echeance' : 'échéance',
      status: a.status !== undefined ? 'status' : 'statut',
    };
    const due = a.due ?? a.echeance ?? a['échéance'];
    const raw: RawAction = {
      item: a.item,
      action: a.action,
      owner: a.owner ?? a.responsable,
      due: due === undefined ? undefined : String(due),
      status: a.status ?? a.statut,
    };
    const where: PlaceOf = (field) => ({ at: at(['actions', i, keyOf[field]]), field: `actions[${i + 1}].${keyOf[field]}` });
    const action = toAction(raw, scale, where, problems, { file, ...at(['actions', i]) });
    if (action) actions.push(action);
  });
  if (problems.hasErrors) return null;
  return {
    program: { name: doc.program.name, ...(doc.program.id ? { id: doc.program.id } : {}), ...(doc.program.site ? { site: doc.program.site } : {}) },
    date,
    ...(doc.review.type ? { type: doc.review.type } : {}),
    reviewers: doc.review.reviewers,
    ...(period ? { period } : {}),
    scaleId: scale.id,
    ...(doc.lang ? { lang: doc.lang } : {}),
    ratings,
    ...(raters.length ? { raters } : {}),
    ...(actions.length ? { actions } : {}),
    at: { file, line: 1 },
  };
}
