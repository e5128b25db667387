// CI gates through the built CLI: --latest, --min-item, --min-rate with --skip-partial/--min-served, --max-warnings.
import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers.js';

const jardins = [fixture('reviews', 'jardins-emploi-2025.yaml'), fixture('reviews', 'jardins-emploi-2026.yaml')];

describe('score gates', () => {
  it("--latest checks only each program's most recent review", () => {
    expect(cli(['score', ...jardins, '--min-total', '90', '--lang', 'en', '-q']).code).toBe(1);
    const r = cli(['score', ...jardins, '--min-total', '90', '--latest', '--lang', 'en', '-q']);
    expect(r.code, r.stderr).toBe(0);
    // The order of the files does not matter: the latest is the latest by date.
    expect(cli(['score', ...[...jardins].reverse(), '--min-total', '90', '--latest', '-q']).code).toBe(0);
  });

  it('--min-item CODE=N fails on a lower score (repeatable, codes in any case)', () => {
    const r = cli(['score', fixture('reviews', 'riverside-2026.yaml'), '--min-item', 'v1=4', '--min-item', 'V4=4', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('item V1 scores 3, below the minimum 4');
    expect(r.stderr).not.toContain('item V4');
    expect(cli(['score', fixture('reviews', 'riverside-2026.yaml'), '--min-item', 'V1=3', '-q']).code).toBe(0);
  });

  it('an unknown item or a malformed --min-item is a usage error (exit 2) with the items and a "did you mean"', () => {
    const r = cli(['score', fixture('reviews', 'riverside-2026.yaml'), '--min-item', 'V66=3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean V6?');
    expect(r.stderr).toContain('S1, S2, S3');
    expect(r.stdout).toBe('');
    const fr = cli(['score', fixture('reviews', 'riverside-2026.yaml'), '--min-item', 'V1', '--lang', 'fr']);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toContain('--min-item attend CODE=N');
  });
});

describe('outcomes --min-rate', () => {
  const harbour = fixture('programs', 'harbour');
  it('--min-served N leaves out the periods with fewer people served, and says so', () => {
    expect(cli(['outcomes', harbour, '--min-rate', '55', '-q']).code).toBe(1); // 2025-Q2: 50.0%
    const r = cli(['outcomes', harbour, '--min-rate', '55', '--min-served', '11']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('2025-Q2: not checked against --min-rate (10 people served, fewer than 11)');
  });
  it('--skip-partial leaves out the periods the window cuts', () => {
    expect(cli(['outcomes', harbour, '--from', '2025-05-01', '--min-rate', '55', '-q']).code).toBe(1);
    const r = cli(['outcomes', harbour, '--from', '2025-05-01', '--min-rate', '55', '--skip-partial']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('2025-Q2: not checked against --min-rate (partial period)');
  });
  it('--skip-partial or --min-served without --min-rate is a usage error', () => {
    expect(cli(['outcomes', harbour, '--skip-partial']).code).toBe(2);
    expect(cli(['outcomes', harbour, '--min-served', 'ten', '--min-rate', '40']).stderr).toContain('--min-served needs a whole number');
  });
});

describe('--max-warnings', () => {
  const future = fixture('..', 'test', 'hostile', 'future-date.csv');
  it('exits 1 when more warnings than N were reported, 0 otherwise, on any command that reads input', () => {
    for (const cmd of ['validate', 'score', 'history']) {
      const r = cli([cmd, future, '--max-warnings', '0']);
      expect(r.code, `${cmd}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toContain('1 warning, more than --max-warnings 0 allows');
      expect(cli([cmd, future, '--max-warnings', '1']).code).toBe(0);
    }
  });
  it('counts warnings that --quiet does not print; a bad value is a usage error', () => {
    expect(cli(['score', future, '--max-warnings', '0', '-q']).code).toBe(1);
    const r = cli(['score', future, '--max-warnings', 'none']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
  it('in French: plural forms', () => {
    expect(cli(['validate', future, '--max-warnings', '0', '--lang', 'fr']).stderr).toContain('1 avertissement, plus que les 0 permis');
  });
});
