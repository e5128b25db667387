// The CI gate of docs/ci.md, run as its GitHub Actions workflow runs it: the same `run:` lines (the built CLI in
// place of `npx ips-fidelity`), in a folder laid out as the workflow expects, under bash -eo pipefail and GITHUB_ACTIONS=true.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONTRACTS } from '../../src/contract/index.js';
import { BIN, fixture, ROOT, tempDir } from '../helpers.js';

const doc = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
const workflow = parse(/```yaml\n([\s\S]*?)```/.exec(doc)![1]!) as { jobs: { gate: { steps: { name?: string; run?: string }[] } } };
const steps = workflow.jobs.gate.steps.filter((s) => s.run?.includes('npx ips-fidelity '));

/** A repository of review files as the workflow expects it. */
function repository(name: string): string {
  const repo = join(tempDir(), name);
  mkdirSync(join(repo, 'reviews'), { recursive: true });
  for (const f of ['jardins-emploi-2025.yaml', 'jardins-emploi-2026.yaml', 'riverside-2026.yaml'])
    cpSync(fixture('reviews', f), join(repo, 'reviews', f));
  cpSync(fixture('programs', 'harbour'), join(repo, 'programs', 'harbour'), { recursive: true });
  return repo;
}

/** One step's `run:` as GitHub runs it (bash --noprofile --norc -eo pipefail), with the built CLI for `npx ips-fidelity`. */
function runStep(repo: string, run: string) {
  const script = run.replace(/npx ips-fidelity /g, `node ${JSON.stringify(BIN)} `);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd: repo,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C.UTF-8', GITHUB_ACTIONS: 'true', IPS_FIDELITY_TODAY: '2030-01-01' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('the GitHub Actions workflow of docs/ci.md', () => {
  it('has the three gate steps, each running ips-fidelity', () => {
    expect(steps.map((s) => s.name)).toEqual(['Check every review file', "Gate each program's latest review", 'Gate the employment rates']);
  });

  it('passes on a repository whose latest reviews and rates meet the gates, and writes results that match their schemas', () => {
    const repo = repository('passing');
    for (const s of steps) {
      const r = runStep(repo, s.run!);
      expect(r.code, `${s.name}\n${r.stderr}`).toBe(0);
      expect(r.stdout).not.toContain('::error');
    }
    expect(CONTRACTS.score.safeParse(JSON.parse(readFileSync(join(repo, 'fidelity.json'), 'utf8'))).success).toBe(true);
    expect(CONTRACTS.outcomes.safeParse(JSON.parse(readFileSync(join(repo, 'outcomes.json'), 'utf8'))).success).toBe(true);
  });

  it("fails (exit 1, an error annotation) when a program's latest review misses a gate; older reviews are not gated", () => {
    const repo = repository('failing');
    const gate = steps[1]!.run!;
    // Without --latest, the 2025 review (85 < 86) would fail: with it, only the 2026 review is checked.
    expect(runStep(repo, gate.replace(' --latest', '')).code).toBe(1);
    // A newer review of Riverside whose V4 dropped to 2.
    const riverside = readFileSync(fixture('reviews', 'riverside-2026.yaml'), 'utf8');
    expect(riverside).toMatch(/date: "?2026-02-10"?/);
    writeFileSync(
      join(repo, 'reviews', 'riverside-2026-09.yaml'),
      riverside.replace(/date: "?2026-02-10"?/, 'date: 2026-09-10').replace(/^(\s+V4:\s*)\S.*$/m, '$12'),
    );
    const r = runStep(repo, gate);
    expect(r.code, r.stderr).toBe(1);
    // In French: the first review read (Les Jardins de l'Emploi) is written in French.
    expect(r.stderr).toContain("l'item V4 est coté 2, en dessous du minimum 3");
    expect(r.stdout).toMatch(/^::error file=reviews\/riverside-2026-09\.yaml/m);
    expect(r.stderr).not.toContain('2026-02-10');
    expect(existsSync(join(repo, 'fidelity.json'))).toBe(true);
  });

  it('fails the validate step on a warning (--max-warnings 0) and the rate step on a low quarter', () => {
    const repo = repository('warnings');
    writeFileSync(
      join(repo, 'reviews', 'future.yaml'),
      readFileSync(fixture('reviews', 'riverside-2026.yaml'), 'utf8').replace(/date: "?2026-02-10"?/, 'date: 2099-02-10'),
    );
    const v = runStep(repo, steps[0]!.run!);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/^::warning file=reviews\/future\.yaml/m);
    expect(v.stderr).toMatch(/--max-warnings/); // in the data's language (the repository holds French reviews too)
    const rate = runStep(repo, steps[2]!.run!.replace('--min-rate 41', '--min-rate 60'));
    expect(rate.code).toBe(1);
    expect(rate.stderr).toContain('2026-Q1: employment rate 57.9% is below the minimum 60%');
  });
});
