// End to end: standard input and output (`-`), the format from -o's extension, options a command does not
// take, and bad option values (valid values listed, "did you mean" when one is close).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, fixture, ROOT, tempDir } from '../helpers.js';

const review = fixture('reviews', 'jardins-emploi-2026.yaml');
const ratings = fixture('ratings', 'reseau-sud-2026.csv');
const workbook = fixture('ratings', 'reseau-sud-2026.xlsx');

/** The CLI with bytes on standard input (a workbook is binary). */
function piped(args: string[], input: Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('- reads standard input, the format sniffed from the content', () => {
  it.each([
    ['YAML', review],
    ['CSV', ratings],
    ['XLSX', workbook],
  ])('%s on standard input scores as the file does', (_, file) => {
    const viaFile = cli(['score', file, '--format', 'json']);
    const viaStdin = piped(['score', '-', '--format', 'json'], readFileSync(file));
    expect(viaStdin.code).toBe(0);
    expect(viaFile.code).toBe(0);
    // The same reviews; only where they came from differs.
    expect(JSON.parse(viaStdin.stdout).reviews.map((r: { total: unknown }) => r.total)).toEqual(
      JSON.parse(viaFile.stdout).reviews.map((r: { total: unknown }) => r.total),
    );
  });
  it('names standard input <stdin> in problems, with line and column', () => {
    const r = piped(['validate', '-'], readFileSync(fixture('broken', 'bad-ratings.csv')));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<stdin>:3:4: error: a score must be a whole number from 1 to 5 (column score, value "6")');
    expect(r.stdout).toContain('<stdin>: 5 errors');
  });
  it('reads standard input once: - given twice is an error', () => {
    const r = piped(['score', '-', '-', '--lang', 'en'], readFileSync(review));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<stdin>: error: standard input (-) is read once');
  });
  it('an option that names a file reads - too (--scale -), once', () => {
    const viaFile = cli(['score', review, '--scale', join(ROOT, 'scales', 'ips-25.yaml'), '--format', 'json']);
    const viaStdin = piped(['score', review, '--scale', '-', '--format', 'json'], readFileSync(join(ROOT, 'scales', 'ips-25.yaml')));
    expect(viaStdin.code, viaStdin.stderr).toBe(0);
    expect(JSON.parse(viaStdin.stdout).reviews[0].total).toBe(JSON.parse(viaFile.stdout).reviews[0].total);
    const bad = piped(['score', review, '--scale', '-', '--lang', 'en'], Buffer.from('id: x\n'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^<stdin>:1:1: error: /m);
    const twice = piped(['score', '-', '--scale', '-', '--lang', 'fr'], readFileSync(review));
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("erreur: l'entrée standard (-) ne se lit qu'une fois");
  });
});

describe('-o - is standard output; -o FILE.ext chooses the format', () => {
  it('-o - writes to standard output, never a file named -', () => {
    const dir = tempDir();
    const r = spawnSync(process.execPath, [BIN, 'score', review, '--format', 'csv', '-o', '-'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(cli(['score', review, '--format', 'csv']).stdout);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });
  it.each([
    ['x.json', 'json'],
    ['x.csv', 'csv'],
    ['x.md', 'markdown'],
    ['x.txt', 'table'],
  ])('-o %s writes %s', (name, format) => {
    const dir = tempDir();
    const out = join(dir, name);
    expect(cli(['score', review, '-o', out]).code).toBe(0);
    // A name with no extension keeps the --format given.
    expect(cli(['score', review, '--format', format, '-o', join(dir, 'plain')]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(dir, 'plain'), 'utf8'));
  });
  it('history -o x.json gives JSON', () => {
    const out = join(tempDir(), 'h.json');
    expect(cli(['history', review, fixture('reviews', 'jardins-emploi-2025.yaml'), '-o', out]).code).toBe(0);
    expect(() => JSON.parse(readFileSync(out, 'utf8'))).not.toThrow();
  });
  it('--format contradicting -o is a usage error, nothing written', () => {
    const out = join(tempDir(), 'x.csv');
    const r = cli(['score', review, '--format', 'json', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: --format json contradicts -o ${out}, whose extension says csv: give one of them\n`);
    expect(existsSync(out)).toBe(false);
  });
  it('an extension the command cannot write is a usage error', () => {
    const r = cli(['consensus', fixture('reviews', 'two-reviewers.yaml'), '-o', join(tempDir(), 'x.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('consensus cannot write pdf');
    expect(r.stderr).toContain('it writes: table, markdown, csv, json, xlsx');
  });
});

describe('a command takes only its options', () => {
  it.each([
    ['validate', review],
    ['init', join('/nonexistent', 'x')],
  ])('%s -o is an unknown option, exit 2', (cmd, arg) => {
    const r = cli([cmd, arg, '-o', join(tempDir(), 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '-o'");
  });
});

describe('bad option values', () => {
  it('--lang de lists the languages', () => {
    const r = cli(['score', review, '--lang', 'de']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: --lang "de" is not one of: en, fr\n');
  });
  it.each([
    [['score', review, '--format', 'jsno'], 'error: --format "jsno" is not one of: table, json, csv, markdown, xlsx; did you mean "json"?\n'],
    [
      ['outcomes', fixture('programs', 'harbour'), '--by', 'quartr'],
      'error: --by "quartr" is not one of: quarter, semester, month, year, none; did you mean "quarter"?\n',
    ],
    [
      ['scales', 'ips-25', '--item', 'V66'],
      'error: --item "V66" is not one of: S1, S2, S3, O1, O2, O3, O4, O5, O6, O7, O8, V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14; did you mean "V6"?\n',
    ],
    [
      ['score', review, '--min-level', 'god'],
      'error: --min-level "god" is not a band of scale ips-25 (choose: exemplary, good, fair); did you mean "good"?\n',
    ],
    [['score', review, '--sort', 'quartr'], 'error: --sort "quartr" is not one of: scale, score\n'],
  ])('%j', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });
  it('says it in French with --lang fr', () => {
    const r = cli(['score', review, '--lang', 'fr', '--format', 'jsno']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("erreur: --format « jsno » n'est pas parmi : table, json, csv, markdown, xlsx ; vouliez-vous dire « json » ?\n");
  });
});
