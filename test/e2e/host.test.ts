// The in-process host of the test helpers (test/cli-host.mjs) gives what a process of its own gives,
// also when runs follow one another in it: nothing of one run (language, warnings, an edited scale)
// leaks into the next.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, hosted, ROOT, spawned, tempDir } from '../helpers.js';

const RUNS: string[][] = [
  ['score', fixture('reviews', 'jardins-emploi-2026.yaml'), '--format', 'json'],
  ['validate', fixture('broken', 'bad-review.yaml'), '--lang', 'fr'],
  ['score', fixture('broken', 'bad-scale.yaml')],
  ['validate', fixture('broken', 'bad-ratings.csv'), '--reporter', 'json'],
  ['history', fixture('reviews', 'lakeside-2025.yaml'), fixture('reviews', 'lakeside-2026.yaml'), '--format', 'markdown'],
  ['outcomes', fixture('programs', 'harbour'), '--by', 'month', '--format', 'csv'],
  // One warning, one allowed: a count carried over from an earlier run would fail it.
  ['validate', join(ROOT, 'test', 'hostile', 'future-date.csv'), '--max-warnings', '1'],
  ['scales', 'ips-25', '--lang', 'fr'],
  ['score', '--format', 'jsno'],
];

describe('the in-process host', () => {
  it('gives the exit code, standard output and standard error of a spawned CLI, run after run', () => {
    // Twice over: the second round runs each command after all the others have run in the host.
    for (const round of [1, 2])
      for (const args of RUNS) {
        const s = spawned(args);
        expect(hosted(args, {}), `round ${round}: ${args.join(' ')}`).toEqual(s);
      }
  });
  it('reads an edited user scale again', () => {
    const dir = tempDir();
    const scale = join(dir, 'scale.yaml');
    const review = fixture('reviews', 'riverside-2026.yaml');
    writeFileSync(scale, 'not: [a scale\n');
    const before = hosted(['score', review, '--scale', scale], {});
    expect(before.code).toBe(2);
    writeFileSync(scale, 'id: x\n');
    const after = hosted(['score', review, '--scale', scale], {});
    expect(after).toEqual(spawned(['score', review, '--scale', scale]));
    expect(after.stderr).not.toBe(before.stderr);
  });
});
