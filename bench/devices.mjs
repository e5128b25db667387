// Measures the hand-written devices of src/core against what the platform offers (ARCHITECTURE.md,
// "Performance devices"): StringIndex against a Map, the quickselect median against a sort.
// Run after `npm run build`: node --expose-gc bench/devices.mjs
import { StringIndex } from '../dist/core/records.js';
import { median } from '../dist/core/outcomes.js';

const N = 500_000;
const ids = Array.from({ length: N }, (_, i) => 'P' + String((i * 7919) % 10_000_000).padStart(8, '0'));
const look = Array.from({ length: 2 * N }, (_, i) => ids[(i * 31) % N]);
const heap = () => (globalThis.gc?.(), (process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers) / 1e6);

for (let round = 1; round <= 3; round++) {
  const keep = []; // each structure stays alive while its memory is measured
  let m0 = heap();
  let t = performance.now();
  const index = new StringIndex();
  for (const s of ids) if (index.get(s) < 0) index.add(s);
  let a = 0;
  for (const s of look) a += index.get(s);
  const indexMs = performance.now() - t;
  const indexMb = heap() - m0;
  keep.push(index);

  m0 = heap();
  t = performance.now();
  const map = new Map();
  const values = [];
  for (const s of ids) if (!map.has(s)) map.set(s, values.push(s) - 1);
  let b = 0;
  for (const s of look) b += map.get(s) ?? -1;
  const mapMs = performance.now() - t;
  const mapMb = heap() - m0;
  keep.push(map, values);

  const xs = Float64Array.from({ length: N }, (_, i) => ((i * 2654435761) % 1000) / 7);
  t = performance.now();
  for (let r = 0; r < 10; r++) median(xs);
  const selectMs = (performance.now() - t) / 10;
  t = performance.now();
  let sorted = 0;
  for (let r = 0; r < 10; r++) {
    const s = Float64Array.from(xs).sort();
    const h = s.length >> 1;
    sorted = s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
  }
  const sortMs = (performance.now() - t) / 10;
  console.log(
    `round ${round}: StringIndex ${indexMs.toFixed(0)} ms, ${indexMb.toFixed(1)} MB; Map ${mapMs.toFixed(0)} ms, ${mapMb.toFixed(1)} MB` +
      ` (same numbers: ${a === b}); median of ${N} by quickselect ${selectMs.toFixed(1)} ms, by sort ${sortMs.toFixed(1)} ms (same: ${sorted === median(xs)})`,
  );
}
