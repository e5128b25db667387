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

/** How many candidate cells each complementary step tries. */
const TRIED = 8;

export const isSmall = (n: number, minCell: number) => minCell > 0 && n > 0 && n < minCell;

/**
 * What a reader can infer of each cell: [lo, hi]. Two ways, repeated until nothing changes: linear
 * algebra (a hidden cell is pinned when the known sums combine into it alone), and bounds propagated
 * through every known sum, every difference of two nested sums (A − B, B inside A) and every pair.
 * Exact for a single sum (every value in the range is feasible); an outer range otherwise.
 */
export function inferredRanges(b: Breakdown, state: CellState[], minCell: number): [number, number][] {
  const { lo, hi } = ranges(b, state, minCell);
  return b.values.map((_, i) => [lo[i]!, hi[i]!]);
}

function ranges(b: Breakdown, state: CellState[], minCell: number): { lo: Float64Array; hi: Float64Array; hidden: number[] } {
  const n = b.values.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const hidden: number[] = [];
  for (let i = 0; i < n; i++) {
    if (state[i] === 'shown') lo[i] = hi[i] = b.values[i]!;
    else {
      hidden.push(i);
      lo[i] = state[i] === 'small' ? 1 : minCell;
      hi[i] = state[i] === 'small' ? minCell - 1 : Infinity;
    }
  }
  if (!hidden.length) return { lo, hi, hidden };
  const isHidden = new Uint8Array(n);
  for (const i of hidden) isHidden[i] = 1;
  // Only what touches a hidden cell matters: each sum over its hidden cells (the true total of those), the pairs.
  const base: { coef: Map<number, number>; total: number }[] = [];
  for (const r of b.sums) {
    const coef = new Map<number, number>();
    let total = 0;
    r.cells.forEach((c, k) => {
      if (!isHidden[c]) return;
      const sign = r.signs?.[k] ?? 1;
      coef.set(c, (coef.get(c) ?? 0) + sign);
      total += sign * b.values[c]!;
    });
    if (coef.size) base.push({ coef, total });
  }
  const pairs = (b.atMost ?? []).filter(([a, c]) => isHidden[a] || isHidden[c]);
  const known = (i: number) => lo[i] === hi[i];
  const pinned = () => hidden.reduce((n, i) => n + (known(i) ? 1 : 0), 0);
  for (let outer = 0, before = -1; outer <= hidden.length; outer++) {
    // Rebuilt only when a cell was newly pinned (bounds alone are propagated to the end below).
    const now = pinned();
    if (now === before) break;
    before = now;
    // The known sums over cells not yet pinned (pinned ones moved into the total), then differences of nested ones.
    const rels: { coef: Map<number, number>; total: number }[] = [];
    const seen = new Set<string>();
    const add = (coef: Map<number, number>, total: number) => {
      const key = [...coef].sort((x, y) => x[0] - y[0]).join(';');
      if (coef.size === 0 || seen.has(key)) return;
      seen.add(key);
      rels.push({ coef, total });
    };
    for (const r of base) {
      const coef = new Map<number, number>();
      let total = r.total;
      for (const [c, sign] of r.coef) {
        if (known(c)) total -= sign * lo[c]!;
        else coef.set(c, sign);
      }
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
    let changed: boolean;
    const tighten = (i: number, l: number, h: number) => {
      if (l > lo[i]!) ((lo[i] = l), (changed = true));
      if (h < hi[i]!) ((hi[i] = h), (changed = true));
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
      for (const r of M)
        if (r !== p && Math.abs(r[col]!) > 1e-9) {
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
      changed = false;
      for (const r of rels) {
        const cells = [...r.coef];
        const tLo = cells.map(([c, s]) => (s > 0 ? s * lo[c]! : s * hi[c]!));
        const tHi = cells.map(([c, s]) => (s > 0 ? s * hi[c]! : s * lo[c]!));
        // Sums of the finite term bounds and counts of the infinite ones: the rest of a term in O(1).
        let sumLo = 0;
        let sumHi = 0;
        let infLo = 0;
        let infHi = 0;
        for (const t of tLo) t === -Infinity ? infLo++ : (sumLo += t);
        for (const t of tHi) t === Infinity ? infHi++ : (sumHi += t);
        cells.forEach(([c, s], k) => {
          const restLo = tLo[k] === -Infinity ? (infLo > 1 ? -Infinity : sumLo) : infLo ? -Infinity : sumLo - tLo[k]!;
          const restHi = tHi[k] === Infinity ? (infHi > 1 ? Infinity : sumHi) : infHi ? Infinity : sumHi - tHi[k]!;
          const termLo = r.total - restHi;
          const termHi = r.total - restLo;
          if (s > 0) tighten(c, Math.ceil(termLo / s), Math.floor(termHi / s));
          else tighten(c, Math.ceil(termHi / s), Math.floor(termLo / s));
        });
      }
      for (const [a, c] of pairs) (tighten(a, -Infinity, hi[c]!), tighten(c, lo[a]!, Infinity));
      pairedSums(rels, pairs, lo, hi, tighten);
      moved = changed;
    }
  }
  return { lo, hi, hidden };
}

type Relation = { coef: Map<number, number>; total: number };

/**
 * Bounds from two sums whose cells are paired (working ≤ served in each row): the working cells of a
 * sum but one are at most their served cells, whose sum is known, so that one is at least its sum's
 * total minus what its served cells can hold (and the served cell of a sum is at most its total minus
 * what the working cells force on the others). Each cell takes the tighter of its own bound and its
 * pair's part of the other sum. A working cell is matched with one served cell of the other sum (its
 * first pair there, never one already taken): the bound holds for any such matching, and is the
 * tightest when each row pairs once, as in every breakdown the outcome tables build.
 */
function pairedSums(
  rels: Relation[],
  pairs: [number, number][],
  lo: Float64Array,
  hi: Float64Array,
  tighten: (i: number, l: number, h: number) => void,
): void {
  if (!pairs.length) return;
  const plain = rels.filter((r) => [...r.coef.values()].every((v) => v === 1));
  const upper = new Map<number, number[]>();
  for (const [a, c] of pairs) upper.set(a, [...(upper.get(a) ?? []), c]);
  for (const W of plain) {
    const wCells = [...W.coef.keys()];
    if (wCells.length < 2 || !wCells.some((i) => upper.has(i))) continue;
    for (const S of plain) {
      if (S === W) continue;
      // Each working cell's served cell in S (one each, never shared).
      const partner = new Map<number, number>();
      const taken = new Set<number>();
      for (const i of wCells)
        for (const c of upper.get(i) ?? [])
          if (S.coef.has(c) && !taken.has(c)) {
            partner.set(i, c);
            taken.add(c);
            break;
          }
      if (partner.size < 2) continue;
      const sCells = [...S.coef.keys()];
      const sLo = sCells.reduce((t, k) => t + lo[k]!, 0);
      // A working cell: W's total minus the most the others can hold (their own bound, or pooled through S).
      for (const j of wCells) {
        let pooled = S.total - sLo;
        let pooledOwn = 0;
        let own = 0;
        let usesS = false;
        for (const i of wCells) {
          if (i === j) continue;
          const c = partner.get(i);
          if (c !== undefined && lo[c]! < hi[i]!) ((pooled += lo[c]!), (pooledOwn += hi[i]!), (usesS = true));
          else own += hi[i]!;
        }
        if (usesS) tighten(j, W.total - (own + Math.min(pooled, pooledOwn)), Infinity);
      }
      // A served cell: S's total minus the least the others hold (their own bound, or forced by W's total).
      const lower = new Map([...partner].map(([i, c]) => [c, i]));
      for (const j of sCells) {
        let forced = W.total;
        let forcedOwn = 0;
        let own = 0;
        const inC = new Set<number>();
        for (const k of sCells) {
          if (k === j) continue;
          const q = lower.get(k);
          if (q !== undefined && hi[q]! > lo[k]!) (inC.add(q), (forcedOwn += lo[k]!));
          else own += lo[k]!;
        }
        if (!inC.size) continue;
        for (const i of wCells) if (!inC.has(i)) forced -= hi[i]!;
        tighten(j, -Infinity, S.total - (own + Math.max(forced, forcedOwn)));
      }
    }
  }
}

/** Hidden cells a reader could pin to one value. */
export function exposed(b: Breakdown, state: CellState[], minCell: number): number[] {
  const { lo, hi, hidden } = ranges(b, state, minCell);
  return hidden.filter((i) => hi[i]! - lo[i]! < 1);
}

/**
 * Primary then complementary suppression of a breakdown (`minCell` 0: nothing is hidden). Each step hides
 * the shown cell that leaves the fewest cells exposed (ties: one sharing a sum with an exposed cell, then
 * the smallest); once safe, complementary cells that are not needed are shown again, largest first.
 */
export function protect(b: Breakdown, minCell: number): Protection {
  const state: CellState[] = b.values.map((v) => (isSmall(v, minCell) ? 'small' : 'shown'));
  if (!state.includes('small')) return { state, withheld: false };
  const withheld: Protection = { state: b.values.map(() => 'hidden'), withheld: true };
  // When hiding every non-zero cell still leaves one exposed, no pattern is safe: stop at once.
  const first = exposed(b, state, minCell);
  if (!first.length) return { state, withheld: false };
  if (hopeless(b, state, minCell, first)) return withheld;
  const hiding = (c: number) => state.map((s, i): CellState => (i === c ? 'hidden' : s));
  for (let bad = exposed(b, state, minCell); bad.length; bad = exposed(b, state, minCell)) {
    const badSet = new Set(bad);
    const linked = new Set<number>();
    for (const r of b.sums) if (r.cells.some((c) => badSet.has(c))) r.cells.forEach((c) => linked.add(c));
    const paired = new Set<number>();
    for (const [a, c] of b.atMost ?? []) if (badSet.has(a) || badSet.has(c)) paired.add(a).add(c);
    // The few smallest shown cells near the exposed ones are tried (big tables stay fast), then any.
    const smallest = (pool: Iterable<number>) =>
      [...pool]
        .filter((c) => state[c] === 'shown' && b.values[c]! > 0)
        .sort((x, y) => b.values[x]! - b.values[y]! || x - y)
        .slice(0, TRIED);
    let tried = smallest(linked);
    if (tried.length < TRIED) tried = [...tried, ...smallest(paired).filter((c) => !tried.includes(c))].slice(0, TRIED);
    if (!tried.length) tried = smallest(b.values.keys());
    if (!tried.length) return withheld;
    // The first (smallest) that leaves nothing exposed, else the one that leaves fewest.
    let best = { c: tried[0]!, left: Infinity };
    for (const c of tried) {
      const left = exposed(b, hiding(c), minCell).length;
      if (left < best.left) best = { c, left };
      if (left === 0) break;
    }
    state[best.c] = 'hidden';
  }
  const extra = [...b.values.keys()].filter((c) => state[c] === 'hidden').sort((x, y) => b.values[y]! - b.values[x]! || y - x);
  for (const c of extra) {
    state[c] = 'shown';
    if (exposed(b, state, minCell).length) state[c] = 'hidden';
  }
  return { state, withheld: false };
}

/**
 * Can no pattern protect these exposed cells? Small tables: one stays exposed with every non-zero cell hidden.
 * Big ones (that check costs too much): one is pinned by a single sum whose other cells are all zero or small.
 */
function hopeless(b: Breakdown, state: CellState[], minCell: number, bad: number[]): boolean {
  const badSet = new Set(bad);
  // Hiding more cells only widens what a reader can infer, so a cell pinned with all hidden is pinned in any pattern.
  if (b.values.length <= 600)
    return exposed(
      b,
      state.map((s, i) => (s === 'shown' && b.values[i]! > 0 ? 'hidden' : s)),
      minCell,
    ).some((c) => badSet.has(c));
  return b.sums.some((r) => {
    if (!r.cells.some((c) => badSet.has(c)) || r.cells.some((c) => state[c] === 'shown' && b.values[c]! > 0)) return false;
    const alone: Breakdown = {
      values: r.cells.map((c) => b.values[c]!),
      sums: [{ cells: r.cells.map((_, k) => k), ...(r.signs ? { signs: r.signs } : {}) }],
    };
    return (
      exposed(
        alone,
        r.cells.map((c) => state[c]!),
        minCell,
      ).length > 0
    );
  });
}

/** The printed form of a cell: its number, "<N", or "hidden" (a complementary suppression). */
export type Cell = number | string;
export const HIDDEN = 'hidden';

export function cellOf(value: number, state: CellState, minCell: number): Cell {
  return state === 'shown' ? value : state === 'small' ? `<${minCell}` : HIDDEN;
}
