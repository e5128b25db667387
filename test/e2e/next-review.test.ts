// End to end: the next review date in `score` and `history`, --policy, --as-of, and policy file errors.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScoreJson } from '../../src/contract/score-json.js';
import { cli, fixture, tempDir } from '../helpers.js';

const review = (f: string) => fixture('reviews', f);
const dir = tempDir();

describe('score shows the next review', () => {
  it('in the terminal, Markdown and JSON (default policy: 12 months at good fidelity)', () => {
    const table = cli(['score', review('jardins-emploi-2026.yaml'), '--lang', 'en']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Next review due 2027-03-12: 12 months after a review at');
    const mdEn = cli(['score', review('jardins-emploi-2026.yaml'), '--lang', 'en', '--format', 'markdown']);
    expect(mdEn.stdout).toContain('Next review due 2027-03-12: 12 months after a review at “Good fidelity” or higher (policy default)');
    const md = cli(['score', review('jardins-emploi-2026.yaml'), '--lang', 'fr', '--format', 'markdown']);
    expect(md.stdout).toContain(
      'Prochaine revue au plus tard le 12/03/2027 : 12 mois après une revue de niveau « Bonne fidélité » ou supérieur (règle default)',
    );
    const json = cli(['score', review('riverside-2026.yaml'), '--format', 'json']);
    const parsed = ScoreJson.parse(JSON.parse(json.stdout));
    expect(parsed.reviews[0]!.nextReview).toEqual({ date: '2026-08-10', months: 6, policy: 'default', atLeast: null });
  });
  it('an incomplete review has none, and says why', () => {
    const r = cli(['score', review('partial-review.yaml'), '--lang', 'en']);
    expect(r.stdout).toContain('Next review: no date until every item is rated');
    const json = JSON.parse(cli(['score', review('partial-review.yaml'), '--format', 'json']).stdout);
    expect(json.reviews[0].nextReview).toBeNull();
  });
  it('--policy annual gives 12 months below good fidelity; the summary table has the column', () => {
    const r = cli(['score', review('riverside-2026.yaml'), review('jardins-emploi-2025.yaml'), '--policy', 'annual', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Next review');
    expect(r.stdout).toContain('2027-02-10');
    expect(r.stdout).toContain('2026-03-20');
  });
  it('a custom policy file: its first policy', () => {
    const file = join(dir, 'quarterly.yaml');
    writeFileSync(
      file,
      'policies:\n  - id: quarterly\n    name: {en: Quarterly}\n    intervals:\n      - {atLeast: exemplary, months: 12}\n      - {months: 3}\n',
    );
    const json = JSON.parse(cli(['score', review('jardins-emploi-2026.yaml'), '--policy', file, '--format', 'json']).stdout);
    expect(json.reviews[0].nextReview).toEqual({ date: '2026-06-12', months: 3, policy: 'quarterly', atLeast: null });
  });
});

describe('policy errors', () => {
  it('every problem of a policy file, with line and column, exit 2', () => {
    const file = join(dir, 'bad-policy.yaml');
    writeFileSync(
      file,
      [
        'policies:',
        '  - id: mine',
        '    name: {en: Mine}',
        '    intervals:',
        '      - {months: 6}',
        '      - {atLeast: good, months: 12}',
        '  - id: mine',
        '    name: {en: Again}',
        '    intervals:',
        '      - {months: 12}',
        '',
      ].join('\n'),
    );
    const r = cli(['score', review('jardins-emploi-2026.yaml'), '--policy', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}:5:9: error: interval of policy "mine" without atLeast before the last one: the interval after it never applies`,
    );
    expect(r.stderr).toContain(`${file}:6:19: error: the last interval of policy "mine" must have no atLeast`);
    expect(r.stderr).toContain(`${file}:7:9: error: policy "mine" is defined twice`);
    expect(r.stdout).toBe('');
  });
  it('a schema problem (months not a whole number) with line and column', () => {
    const file = join(dir, 'bad-months.yaml');
    writeFileSync(file, 'policies:\n  - id: mine\n    name: {en: Mine}\n    intervals:\n      - {months: six}\n');
    const r = cli(['history', review('jardins-emploi-2026.yaml'), '--policy', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:18: error: .*intervals\\.0\\.months`));
  });
  it('an unknown policy id lists the built-in ones', () => {
    const r = cli(['score', review('jardins-emploi-2026.yaml'), '--policy', 'monthly']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('monthly: error: not a review-interval policy: give one of default, ips-grow, annual, or the path of a policies file');
  });
});

describe('history: next review and --as-of', () => {
  const files = [review('jardins-emploi-2025.yaml'), review('jardins-emploi-2026.yaml'), review('riverside-2026.yaml')];
  it('by default, as of the latest review date in the data (never the clock)', () => {
    const json = JSON.parse(cli(['history', ...files, '--format', 'json']).stdout);
    expect(json.asOf).toBe('2026-03-12');
    const [jardins, riverside] = json.programs;
    expect(jardins.reviews.map((r: { nextReview: { date: string } }) => r.nextReview.date)).toEqual(['2025-09-20', '2027-03-12']);
    expect(jardins.nextReview).toEqual({ date: '2027-03-12', overdue: false });
    expect(riverside.nextReview).toEqual({ date: '2026-08-10', overdue: false });
  });
  it('--as-of flags the programs whose next review is overdue, in every format', () => {
    const json = JSON.parse(cli(['history', ...files, '--format', 'json', '--as-of', '11/08/2026']).stdout);
    expect(json.asOf).toBe('2026-08-11');
    expect(json.programs.map((p: { nextReview: { overdue: boolean } }) => p.nextReview.overdue)).toEqual([false, true]);
    // On the due date itself, not yet overdue.
    const onTheDay = JSON.parse(cli(['history', ...files, '--format', 'json', '--as-of', '2026-08-10']).stdout);
    expect(onTheDay.programs[1].nextReview.overdue).toBe(false);
    const table = cli(['history', ...files, '--as-of', '2026-08-11', '--lang', 'en']);
    expect(table.stdout).toContain('Overdue: the next review was due before 2026-08-11');
    expect(table.stdout.match(/Overdue/g)).toHaveLength(1);
    const md = cli(['history', ...files, '--as-of', '2027-03-13', '--lang', 'fr', '--format', 'markdown']);
    expect(md.stdout.match(/En retard : la prochaine revue était due avant le 13\/03\/2027/g)).toHaveLength(2);
  });
  it('a bad --as-of date is exit 2', () => {
    const r = cli(['history', ...files, '--as-of', '31/02/2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of needs a date');
  });
});
