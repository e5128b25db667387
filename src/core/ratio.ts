// A count out of a total, and its rate: agreement between reviewers, outcome measures.

export interface Ratio {
  count: number;
  of: number;
  /** count / of; null when `of` is 0. */
  rate: number | null;
}

export const ratio = (count: number, of: number): Ratio => ({ count, of, rate: of === 0 ? null : count / of });
