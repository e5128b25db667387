// A program's history: reviews matched across files and renames, and the change between two reviews.
import { normalizeName } from '../read/values.js';
import type { ScoredReview } from './score-review.js';

/** A review of a program on a date (read, or scored). */
export interface Dated {
  program: { id?: string; name: string };
  date: string | null;
}

/**
 * Group reviews by program: by id when a review has one, else by name (a review without an id
 * joins the group of the same name). Two programs with the same name and different ids stay apart.
 * Each group is ordered by date, oldest first; groups by their first review's name.
 */
export function groupByProgram<R extends Dated>(reviews: R[]): R[][] {
  const byId = new Map<string, R[]>();
  const withoutId: R[] = [];
  for (const r of reviews) {
    if (r.program.id) {
      const k = normalizeName(r.program.id);
      (byId.get(k) ?? byId.set(k, []).get(k)!).push(r);
    } else withoutId.push(r);
  }
  const groups = [...byId.values()];
  // The id groups each name appears in.
  const idGroupsOf = new Map<string, Set<R[]>>();
  for (const g of groups) {
    for (const x of g) {
      const name = normalizeName(x.program.name);
      (idGroupsOf.get(name) ?? idGroupsOf.set(name, new Set()).get(name)!).add(g);
    }
  }
  const byName = new Map<string, R[]>();
  for (const r of withoutId) {
    const name = normalizeName(r.program.name);
    const matches = idGroupsOf.get(name);
    if (matches?.size === 1) [...matches][0]!.push(r);
    else (byName.get(name) ?? byName.set(name, []).get(name)!).push(r);
  }
  for (const g of byName.values()) groups.push(g); // one by one: a spread of many programs overflows the call stack
  const date = (r: R) => r.date ?? '';
  for (const g of groups) g.sort((a, b) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0));
  return groups.sort((a, b) => {
    const x = normalizeName(a[0]!.program.name);
    const y = normalizeName(b[0]!.program.name);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

export interface Delta {
  from: number | null;
  to: number | null;
  delta: number | null;
}

const delta = (from: number | null | undefined, to: number | null | undefined): Delta => ({
  from: from ?? null,
  to: to ?? null,
  delta: from === null || from === undefined || to === null || to === undefined ? null : to - from,
});

export interface Change {
  previousDate: string | null;
  total: Delta;
  sections: ({ id: string } & Delta)[];
  principles: ({ id: string } & Delta)[];
  items: ({ id: string; code: string } & Delta)[];
}

/** What the change to a later review needs of an earlier one. */
export interface Trace {
  date: string | null;
  total: number | null;
  items: { id: string; score: number | null }[];
  sections: { id: string; score: number | null }[];
  principles: { id: string; mean: number | null }[];
}

/** The trace of a scored review, without the rest of it. */
export function traceOf(r: Trace): Trace {
  return {
    date: r.date,
    total: r.total,
    items: r.items.map((i) => ({ id: i.id, score: i.score })),
    sections: r.sections.map((x) => ({ id: x.id, score: x.score })),
    principles: r.principles.map((x) => ({ id: x.id, mean: x.mean })),
  };
}

/** The change from an earlier review of the same program to a later one. */
export function changeBetween(previous: Trace, current: ScoredReview): Change {
  const prevItem = new Map(previous.items.map((i) => [i.id, i.score]));
  const prevSection = new Map(previous.sections.map((s) => [s.id, s.score]));
  const prevPrinciple = new Map(previous.principles.map((p) => [p.id, p.mean]));
  return {
    previousDate: previous.date,
    total: delta(previous.total, current.total),
    sections: current.sections.map((s) => ({ id: s.id, ...delta(prevSection.get(s.id), s.score) })),
    principles: current.principles.map((p) => ({ id: p.id, ...delta(prevPrinciple.get(p.id), p.mean) })),
    items: current.items.map((i) => ({ id: i.id, code: i.code, ...delta(prevItem.get(i.id), i.score) })),
  };
}
