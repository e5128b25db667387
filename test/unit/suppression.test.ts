// Small-cell suppression: no hidden value can be worked out from the shown cells and the sums.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protect, type Breakdown, type CellState } from '../../src/core/suppression.js';

/**
 * Every value each hidden cell can take, by brute force: all assignments of the hidden cells a reader
 * allows ("<N": 1..N−1; complementary: N..top) that satisfy every sum and pair.
 */
function feasible(b: Breakdown, state: CellState[], N: number): Map<number, Set<number>> {
  const top = Math.max(N, ...b.sums.map((r) => r.cells.reduce((s, c) => s + b.values[c]!, 0)));
  const hidden = state.flatMap((s, i) => (s === 'shown' ? [] : [i]));
  const out = new Map(hidden.map((i) => [i, new Set<number>()]));
  const v = [...b.values];
  const ok = () =>
    b.sums.every(
      (r) =>
        r.cells.reduce((s, c, k) => s + (r.signs?.[k] ?? 1) * v[c]!, 0) === r.cells.reduce((s, c, k) => s + (r.signs?.[k] ?? 1) * b.values[c]!, 0),
    ) && (b.atMost ?? []).every(([a, c]) => v[a]! <= v[c]!);
  const walk = (k: number): void => {
    if (k === hidden.length) {
      if (ok()) for (const i of hidden) out.get(i)!.add(v[i]!);
      return;
    }
    const i = hidden[k]!;
    const [lo, hi] = state[i] === 'small' ? [1, N - 1] : [N, top];
    for (let x = lo; x <= hi; x++) {
      v[i] = x;
      walk(k + 1);
    }
    v[i] = b.values[i]!;
  };
  walk(0);
  return out;
}

/** Hidden cells with fewer than two feasible values. */
const pinned = (b: Breakdown, state: CellState[], N: number) => [...feasible(b, state, N)].filter(([, s]) => s.size < 2).map(([i]) => i);
const all = (n: number) => ({ cells: [...Array(n).keys()] });

describe('small-cell suppression', () => {
  it('never leaves a single small cell beside a shown total', () => {
    const b = { values: [12, 3, 9], sums: [all(3)] };
    const p = protect(b, 5);
    expect(p.state).toEqual(['shown', 'small', 'hidden']);
    expect(pinned(b, p.state, 5)).toEqual([]);
  });

  it('hides one more cell when the remainder forces two small cells to their minimum (1 + 1 = 2)', () => {
    const b = { values: [1, 1, 7, 20], sums: [all(4)] };
    const p = protect(b, 5);
    expect(p.state).toEqual(['small', 'small', 'hidden', 'shown']);
    expect(pinned(b, p.state, 5)).toEqual([]);
  });

  it('hides one more cell when the remainder forces two small cells to their maximum (4 + 4 = 8)', () => {
    const b = { values: [4, 4, 30, 6], sums: [all(4)] };
    const p = protect(b, 5);
    expect(p.state).toEqual(['small', 'small', 'shown', 'hidden']);
    expect(pinned(b, p.state, 5)).toEqual([]);
  });

  it('withholds a breakdown no pattern can protect (three people, three reasons)', () => {
    expect(protect({ values: [1, 1, 1], sums: [all(3)] }, 5).withheld).toBe(true);
  });

  it('changes nothing with --min-cell 0 or without small cells', () => {
    expect(protect({ values: [1, 2, 3], sums: [all(3)] }, 0)).toEqual({ state: ['shown', 'shown', 'shown'], withheld: false });
    expect(protect({ values: [0, 5, 9], sums: [all(3)] }, 5)).toEqual({ state: ['shown', 'shown', 'shown'], withheld: false });
  });

  it('protects linked columns: working ≤ served in each row', () => {
    // Served 12 and 8, working 11 and 4: hiding the 11 is not enough when 4 + 11 = 15 and 11 ≤ 12 is known.
    const b: Breakdown = {
      values: [12, 8, 11, 4],
      sums: [{ cells: [0, 1] }, { cells: [2, 3] }],
      atMost: [
        [2, 0],
        [3, 1],
      ],
    };
    const p = protect(b, 5);
    expect(p.state.slice(2)).toEqual(['hidden', 'small']);
    expect(pinned(b, p.state, 5)).toEqual([]);
  });

  it('catches a working cell pinned through the served column (working ≤ served in each row, both totals known)', () => {
    // Served 2, 3, 4 and working 2, 3, 3 with N = 4: the first two working cells are at most their served
    // cells, which hold 9 − 4 = 5, so the third is at least 8 − 5 = 3, and "<4" makes it exactly 3. Hiding
    // the served 4 too leaves the same bound (9 − s₃ ≤ 5), so no pattern is safe: the breakdown is withheld.
    const b: Breakdown = {
      values: [2, 3, 4, 2, 3, 3],
      sums: [{ cells: [0, 1, 2] }, { cells: [3, 4, 5] }],
      atMost: [
        [3, 0],
        [4, 1],
        [5, 2],
      ],
    };
    const p = protect(b, 4);
    expect(p.withheld).toBe(true);
  });

  it('catches a row pinned by the difference of two shown totals (all jobs − competitive jobs)', () => {
    // Rows 12, 5, 2 (competitive) and 2 (not): 21 − 19 gives the last row whatever else is hidden.
    const b: Breakdown = { values: [12, 5, 2, 2], sums: [all(4), { cells: [0, 1, 2] }] };
    expect(protect(b, 5).withheld).toBe(true);
  });

  const breakdown = fc.record({
    N: fc.integer({ min: 2, max: 6 }),
    values: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 5 }),
  });

  it('property: in a breakdown with a shown total, every hidden cell has at least two feasible values', () => {
    fc.assert(
      fc.property(breakdown, ({ N, values }) => {
        const b = { values, sums: [all(values.length)] };
        const p = protect(b, N);
        if (p.withheld) return;
        expect(p.state.filter((s) => s === 'small').length).toBe(values.filter((v) => v > 0 && v < N).length);
        expect(pinned(b, p.state, N)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('property: served and working per row (working ≤ served, both columns summed), no hidden cell is pinned', () => {
    const rows = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })).map(([s, w]) => [Math.max(s, w), Math.min(s, w)] as const),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 2, max: 5 }), (rs, N) => {
        const n = rs.length;
        const idx = [...Array(n).keys()];
        const b: Breakdown = {
          values: [...rs.map((r) => r[0]), ...rs.map((r) => r[1])],
          sums: [{ cells: idx }, { cells: idx.map((i) => n + i) }],
          atMost: idx.map((i): [number, number] => [n + i, i]),
        };
        const p = protect(b, N);
        if (p.withheld) return;
        expect(pinned(b, p.state, N)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('property: with two groups and their shown subtotals, no hidden cell is pinned', () => {
    fc.assert(
      fc.property(breakdown, fc.integer({ min: 0, max: 4 }), ({ N, values }, cut) => {
        const k = Math.min(cut, values.length);
        const n = values.length;
        // Cells: the rows, then the two group subtotals (rows [0, k) and [k, n)).
        const sub = [values.slice(0, k).reduce((a, b) => a + b, 0), values.slice(k).reduce((a, b) => a + b, 0)];
        const rows = [...Array(n).keys()];
        const b: Breakdown = {
          values: [...values, ...sub],
          sums: [
            { cells: rows },
            { cells: [n, n + 1] },
            { cells: [...rows.slice(0, k), n], signs: [...rows.slice(0, k).map(() => 1), -1] },
            { cells: [...rows.slice(k), n + 1], signs: [...rows.slice(k).map(() => 1), -1] },
          ],
        };
        const p = protect(b, N);
        if (p.withheld) return;
        expect(pinned(b, p.state, N)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
