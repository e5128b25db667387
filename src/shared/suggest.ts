// "Did you mean": the closest of the valid values to what was typed, when one is close enough.

/** Edit distance with adjacent transpositions (optimal string alignment), case ignored. */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The valid value closest to `typed`, if it is close: at most one edit for up to four characters typed,
 * two for longer ones, and never as many edits as the shorter word has characters (`de` is not `en`).
 * A value that differs only in case is always close. Ties go to the first in `valid`.
 */
export function closest(typed: string, valid: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const v of valid) {
    const dist = editDistance(typed, v);
    const limit = Math.min(typed.length <= 4 ? 1 : 2, Math.min(typed.length, v.length) - 1);
    if (dist <= limit && dist < bestDistance) ((best = v), (bestDistance = dist));
  }
  return best;
}
