// Small-cell suppression that cannot be undone by subtraction (docs/outcomes.md, "Small cells"). Pure: no I/O.
//
// Primary: a cell of 1 to N−1 people is hidden ("<N"). Complementary: further cells (the smallest shown
// first) are hidden until no hidden value can be worked out from the shown cells and the sums a reader
// knows. A reader is assumed to know every sum exactly (even those not printed), that a "<N" cell is
// 1..N−1 and that a complementary cell is N or more: a table safe for that reader is safe for any other.

/** How a cell prints: its number, "<N" (primary) or hidden (complementary). */
export type CellState = 'shown' | 'small' | 'hidden';

/** A linear relation a reader knows: Σ sign·value over `cells` is known (signs default to +1). */
export interface SumRelation {
  cells: number[];
  signs?: number[];
}

export interface Breakdown {
  values: number[];
  /** Sets of cells whose (signed) sums a reader knows: a breakdown and its total, a group and its subtotal. */
  sums: SumRelation[];
  /** Pairs [a, b] a reader knows satisfy values[a] ≤ values[b] (working ≤ served). */
  atMost?: [number, number][];
}

export interface Protection {
  state: CellState[];
  /** No pattern could be made safe: every cell is hidden (zeros too) and the breakdown should not be listed. */
  withheld: boolean;
}

export const isSmall = (n: number, minCell: number) => minCell > 0 && n > 0 && n < minCell;

/**
 * What a reader can infer of each cell: [lo, hi]. Two ways, repeated until nothing changes: linear
 * algebra (a hidden cell is pinned when the known sums combine into it alone), and bounds propagated
 * through every known sum, every difference of two nested sums (A − B, B inside A) and every pair.
 * Exact for a single sum (every value in the range is feasible); an outer range otherwise.
 */
export function inferredRanges(b: Breakdown, state: CellState[], minCell: number): [number, number][] {
  const n = b.values.length;
  const lo = b.values.map((v, i) => (state[i] === 'shown' ? v : state[i] === 'small' ? 1 : minCell));
  const hi = b.values.map((v, i) => (state[i] === 'shown' ? v : state[i] === 'small' ? minCell - 1 : Infinity));
  const known = (i: number) => lo[i] === hi[i];
  for (let outer = 0; outer < n + 1; outer++) {
    // The known sums over cells not yet pinned (pinned ones moved into the total), as coefficient maps.
    const rels: { coef: Map<number, number>; total: number }[] = [];
    const seen = new Set<string>();
    const add = (coef: Map<number, number>, total: number) => {
      const key = [...coef].sort((x, y) => x[0] - y[0]).join(';');
      if (coef.size === 0 || seen.has(key)) return;
      seen.add(key);
      rels.push({ coef, total });
    };
    for (const r of b.sums) {
      const coef = new Map<number, number>();
      let total = 0;
      r.cells.forEach((c, k) => {
        const sign = r.signs?.[k] ?? 1;
        total += sign * b.values[c]!;
        if (known(c)) total -= sign * lo[c]!;
        else coef.set(c, (coef.get(c) ?? 0) + sign);
      });
      add(coef, total);
    }
    for (let i = 0; i < rels.length && rels.length < 400; i++) {
      for (let j = 0; j < rels.length && rels.length < 400; j++) {
        const A = rels[i]!;
        const B = rels[j]!;
        if (i === j || B.coef.size >= A.coef.size || ![...B.coef].every(([c, v]) => A.coef.get(c) === v)) continue;
        add(new Map([...A.coef].filter(([c]) => !B.coef.has(c))), A.total - B.total);
      }
    }
    let changed = false;
    const tighten = (i: number, l: number, h: number) => {
      if (l > lo[i]!) (lo[i] = l), (changed = true);
      if (h < hi[i]!) (hi[i] = h), (changed = true);
    };
    // Linear algebra: reduced row echelon form of the sums; a row with a single non-zero pins its cell.
    const cols = [...new Set(rels.flatMap((r) => [...r.coef.keys()]))];
    const M = rels.map((r) => [...cols.map((c) => r.coef.get(c) ?? 0), r.total]);
    let row = 0;
    for (let col = 0; col < cols.length && row < M.length; col++) {
      const piv = M.findIndex((r, k) => k >= row && Math.abs(r[col]!) > 1e-9);
      if (piv < 0) continue;
      [M[row], M[piv]] = [M[piv]!, M[row]!];
      const p = M[row]!;
      const f = p[col]!;
      for (let k = 0; k <= cols.length; k++) p[k]! /= f;
      for (const r of M) if (r !== p && Math.abs(r[col]!) > 1e-9) {
        const g = r[col]!;
        for (let k = 0; k <= cols.length; k++) r[k]! -= g * p[k]!;
      }
      row++;
    }
    for (const r of M) {
      const nz = r.slice(0, cols.length).flatMap((v, k) => (Math.abs(v) > 1e-9 ? [k] : []));
      if (nz.length === 1) {
        const v = Math.round(r[cols.length]! / r[nz[0]!]!);
        tighten(cols[nz[0]!]!, v, v);
      }
    }
    // Bounds through each relation: term = total − (the rest).
    for (let round = 0, moved = true; moved && round < 100; round++) {
      moved = false;
      const before: boolean = changed;
      changed = false;
      for (const r of rels) {
        const cells = [...r.coef];
        const tLo = cells.map(([c, s]) => (s > 0 ? s * lo[c]! : s * hi[c]!));
        const tHi = cells.map(([c, s]) => (s > 0 ? s * hi[c]! : s * lo[c]!));
        cells.forEach(([c, s], k) => {
          let restLo = 0;
          let restHi = 0;
          tLo.forEach((t, q) => q !== k && (restLo += t));
          tHi.forEach((t, q) => q !== k && (restHi += t));
          const termLo = r.total - restHi;
          const termHi = r.total - restLo;
          if (s > 0) tighten(c, Math.ceil(termLo / s), Math.floor(termHi / s));
          else tighten(c, Math.ceil(termHi / s), Math.floor(termLo / s));
        });
      }
      for (const [a, c] of b.atMost ?? []) tighten(a, -Infinity, hi[c]!), tighten(c, lo[a]!, Infinity);
      moved = changed;
      changed = before || changed;
    }
    if (!changed) break;
  }
  return lo.map((l, i) => [l, hi[i]!]);
}

/** Hidden cells a reader could pin to one value. */
export function exposed(b: Breakdown, state: CellState[], minCell: number): number[] {
  const r = inferredRanges(b, state, minCell);
  return state.flatMap((s, i) => (s !== 'shown' && r[i]![1] - r[i]![0] < 1 ? [i] : []));
}

/**
 * Primary then complementary suppression of a breakdown (`minCell` 0: nothing is hidden). Each step hides
 * the shown cell that leaves the fewest cells exposed (ties: one sharing a sum with an exposed cell, then
 * the smallest); once safe, complementary cells that are not needed are shown again, largest first.
 */
export function protect(b: Breakdown, minCell: number): Protection {
  const state: CellState[] = b.values.map((v) => (isSmall(v, minCell) ? 'small' : 'shown'));
  if (!state.includes('small')) return { state, withheld: false };
  const hiding = (c: number) => state.map((s, i): CellState => (i === c ? 'hidden' : s));
  for (let bad = exposed(b, state, minCell); bad.length; bad = exposed(b, state, minCell)) {
    const linked = new Set<number>();
    for (const r of b.sums) if (r.cells.some((c) => bad.includes(c))) r.cells.forEach((c) => linked.add(c));
    const ranked = [...b.values.keys()]
      .filter((c) => state[c] === 'shown' && b.values[c]! > 0)
      .map((c) => ({ c, left: exposed(b, hiding(c), minCell).length, far: linked.has(c) ? 0 : 1 }))
      .sort((x, y) => x.left - y.left || x.far - y.far || b.values[x.c]! - b.values[y.c]! || x.c - y.c);
    if (!ranked.length) return { state: b.values.map(() => 'hidden'), withheld: true };
    state[ranked[0]!.c] = 'hidden';
  }
  const extra = [...b.values.keys()].filter((c) => state[c] === 'hidden').sort((x, y) => b.values[y]! - b.values[x]! || y - x);
  for (const c of extra) {
    state[c] = 'shown';
    if (exposed(b, state, minCell).length) state[c] = 'hidden';
  }
  return { state, withheld: false };
}

/** The printed form of a cell: its number, "<N", or "hidden" (a complementary suppression). */
export type Cell = number | string;
export const HIDDEN = 'hidden';

export function cellOf(value: number, state: CellState, minCell: number): Cell {
  return state === 'shown' ? value : state === 'small' ? `<${minCell}` : HIDDEN;
}
