import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupByProgram, groupProgram, programLabel, sameProgram, type Dated } from '../../src/core/identity.js';

const r = (name: string, id: string | undefined, date: string, site?: string): Dated => ({
  program: { name, ...(id ? { id } : {}), ...(site ? { site } : {}) },
  date,
});

describe('program identity', () => {
  it('joins a review without id to the one program with an id of that name; keeps same-name ids apart', () => {
    expect(sameProgram(r('Riverside', 'X1', '2026-01-01'), r('riverside', undefined, '2025-01-01'))).toBe(true);
    expect(sameProgram(r('Riverside', 'X1', '2026-01-01'), r('Riverside', 'X2', '2025-01-01'))).toBe(false);
    expect(sameProgram(r('Riverside', 'X1', '2026-01-01'), r('Harbour', undefined, '2025-01-01'))).toBe(false);
    // Two id groups of that name: a review without id cannot tell which, and stays apart.
    const groups = groupByProgram([r('Riverside', 'X1', '2026-01-01'), r('Riverside', 'X2', '2026-01-02'), r('Riverside', undefined, '2025-01-01')]);
    expect(groups).toHaveLength(3);
  });
  it('names a program so that two of the same name are told apart', () => {
    expect(programLabel({ name: 'Riverside', id: 'X1' })).toBe('Riverside (X1)');
    expect(programLabel({ name: 'Riverside', id: 'X2', site: 'Eastside' })).toBe('Riverside — Eastside (X2)');
    expect(programLabel({ name: 'Riverside' })).toBe('Riverside');
  });
  it('gives the same groups in the same order whatever the input order', () => {
    const reviews = [
      r('Riverside', 'X1', '2026-01-01'),
      r('Riverside', undefined, '2025-01-01'),
      r('Riverside', 'X2', '2026-02-01', 'Eastside'),
      r('Harbour', undefined, '2024-05-01'),
      r('Harbour', undefined, '2025-05-01'),
      r('Jardins', 'JE', '2023-01-01'),
      r('Les Jardins', 'JE', '2024-01-01'),
    ];
    const expected = groupByProgram(reviews);
    expect(expected.map((g) => g.length)).toEqual([2, 2, 1, 1, 1]);
    fc.assert(
      fc.property(fc.shuffledSubarray(reviews, { minLength: reviews.length }), (shuffled) => {
        expect(groupByProgram(shuffled)).toEqual(expected);
      }),
    );
  });
  it('names a group by its latest review, with the id and site an earlier one gives', () => {
    const groups = groupByProgram([r('Riverside', 'X1', '2025-01-01', 'Eastside'), r('riverside', undefined, '2026-01-01')]);
    expect(groups).toHaveLength(1);
    const g = groups[0];
    expect(programLabel(groupProgram(g!))).toBe('riverside — Eastside (X1)');
  });
});
