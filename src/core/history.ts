// A program's history: reviews matched across files and renames, and the change between two reviews.
import type { ScoredReview } from './score-review.js';

export { groupByProgram, type Dated } from './identity.js';

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
