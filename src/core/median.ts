// The median of a list of numbers, in linear time (quickselect; bench/RESULTS.md, "Devices measured").

/** The median of `xs` (the mean of the two middle values for an even count); null when empty. */
export function median(xs: ArrayLike<number>): number | null {
  if (xs.length === 0) return null;
  const a = new Float64Array(xs);
  const mid = a.length >> 1;
  const upper = select(a, mid);
  return a.length % 2 ? upper : (select(a, mid - 1) + upper) / 2;
}

/** The k-th smallest value (0-based), rearranging `a` (quickselect: linear time, no full sort). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
