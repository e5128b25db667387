// The hostile and broken input corpus (test/hostile/ plus files made here): each ends in a clear
// message and exit 2, or a warning where the data is only odd; never a stack trace, hang or partial output.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, cli, tempDir } from '../helpers.js';

const h = (f: string) => join(ROOT, 'test', 'hostile', f);
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

const CORPUS: [file: string, code: number, message: string][] = [
  ['empty.csv', 2, ': error: the file is empty'],
  ['header-only.csv', 2, ':1: error: the table has a header line but no rows'],
  ['unbalanced-quotes.csv', 2, ':2:5: error: malformed CSV: a quoted field starts here and is never closed'],
  ['stray-quotes.csv', 2, ':3:5: error: malformed CSV: text after the closing quote of a field'],
  ['alias-bomb.yaml', 2, ': error: the YAML holds more than 100,000 values (aliases expanded)'],
  ['deep-nesting.yaml', 2, ': error: the YAML is nested too deeply to be a review'],
  ['duplicate-item.yaml', 2, ':5:18: error: item S1 is rated twice (also as "S1") (at items, value "caseload-size")'],
  ['score-6.csv', 2, ':2:4: error: a score must be a whole number from 1 to 5 (column score, value "6")'],
  ['decimal-score.csv', 2, ':2:4: error: a score must be a whole number from 1 to 5 (column cotation, value "4,5")'],
  ['impossible-date.csv', 2, ':2:2: error: this date does not exist (column date, value "31/02/2026")'],
  ['negative-hours', 2, 'jobs.csv:2:4: error: out of range: expected ≥ 0, ≤ 80 (column hours_per_week, value "-20")'],
  ['job-ends-before-start', 2, 'jobs.csv:2:3: error: the job ends before it starts (2026-06-01) (column end_date, value "2026-05-15")'],
  ['future-date.csv', 0, ':2:2: warning: this date is in the future: check it (read as it is) (column date, value "2099-04-02")'],
  ['mixed-encodings.csv', 0, ':3: warning: the file mixes encodings'],
];

describe('hostile and broken files', () => {
  it.each(CORPUS)('%s → exit %i with a clear message', (file, code, message) => {
    const r = cli(['score', h(file), '--lang', 'en']);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    noStack(r.stderr);
  });
  it('covers every file of the corpus', () => {
    expect(readdirSync(join(ROOT, 'test', 'hostile')).sort()).toEqual([...CORPUS.map((c) => c[0]), 'formula-text.csv'].sort());
  });
  it('reports every line with a stray quote, not the first only, and reads the lines between', () => {
    const r = cli(['validate', h('stray-quotes.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(':2:5: error: malformed CSV: a quote inside a field that does not start with one');
    expect(r.stderr).toContain(':3:5: error: malformed CSV: text after the closing quote of a field');
    expect(r.stdout).toContain('stray-quotes.csv: 2 errors, 0 warnings');
  });
  it('stops reading a file whose lines are all broken after 1,000 of them, and counts what it printed', () => {
    const f = join(tempDir(), 'quotes-everywhere.csv');
    writeFileSync(f, 'program,date,item,score\n' + 'A"x,2026-01-01,S1,4\n'.repeat(50_000));
    const r = cli(['validate', f]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/error: malformed CSV/g)).toHaveLength(100);
    expect(r.stderr).toContain('… and 900 more of the same kind: malformed CSV: a quote inside a field');
    noStack(r.stderr);
  });
  it('reads a file that mixes UTF-8 and Windows-1252 line by line, accents intact', () => {
    const r = cli(['score', h('mixed-encodings.csv'), '--format', 'csv', '--layout', 'long']);
    expect(r.stdout).toContain('Élan Emploi');
    expect(r.stdout).toContain('café partagé');
    expect(r.stdout).not.toContain('Ã');
  });
  it('neutralises formula-like text in CSV output', () => {
    const r = cli(['score', h('formula-text.csv'), '--format', 'csv', '--layout', 'long']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://example.invalid"",""open"")"`);
    expect(r.stdout).toContain(",'+SUM(A1:A9)");
    expect(r.stdout).toContain("'@cmd,");
    expect(r.stdout).toContain(",'-2+3");
    expect(r.stdout).not.toMatch(/(^|,)"?[=+@-]/m);
  });
  it('prints ten warnings of a kind per file, then counts the rest; errors are all counted', () => {
    const f = join(tempDir(), 'many.csv');
    const rows = ['program,date,item,score'];
    for (let i = 0; i < 15; i++) rows.push(`P${i},2099-01-0${1 + (i % 9)},S1,4`);
    for (let i = 0; i < 3; i++) rows.push(`Q${i},2026-01-01,S1,9`);
    writeFileSync(f, rows.join('\n') + '\n');
    const r = cli(['validate', f]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/warning: this date is in the future/g)).toHaveLength(10);
    expect(r.stderr).toContain(`${f}: warning: … and 5 more of the same kind: this date is in the future`);
    expect(r.stderr.match(/error: a score must be a whole number/g)).toHaveLength(3);
    expect(r.stdout).toContain('many.csv: 3 errors, 15 warnings');
  });
  it('rejects binary data', () => {
    const f = join(tempDir(), 'photo.csv');
    writeFileSync(f, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]));
    const r = cli(['score', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: this is not a text file (binary data)');
  });
  it('rejects a 50 MB line quickly, in bounded memory', () => {
    const f = join(tempDir(), 'long-line.csv');
    writeFileSync(f, 'program,date,item,score,note\nX,2026-01-01,S1,4,' + 'x'.repeat(50 * 1024 * 1024) + '\n');
    const r = cli(['score', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(':2: error: a record longer than 1 MB: not a ratings or records table');
  });
  it('rejects a YAML review of more than 10 MB', () => {
    const f = join(tempDir(), 'huge.yaml');
    writeFileSync(f, 'program: {name: Huge}\nreview: {date: 2026-01-01}\nitems:\n  S1: {note: "' + 'x'.repeat(11 * 1024 * 1024) + '"}\n');
    const r = cli(['score', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: the file is too large to be a review (11.0 MB; at most 10 MB)');
  });
});

describe('outputs that cannot be written', () => {
  const review = join(ROOT, 'fixtures', 'reviews', 'riverside-2026.yaml');
  it('an output folder that does not exist', () => {
    const r = cli(['score', review, '-o', join(tempDir(), 'missing', 'out.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write the output: the folder does not exist');
  });
  it('an output that is a folder, and one where nothing may be written', () => {
    const dir = tempDir();
    const r = cli(['score', review, '-o', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: cannot write the output (EISDIR)');
    expect(readdirSync(dir)).toEqual([]);
    const p = cli(['score', review, '-o', '/proc/version']);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('/proc/version: error: cannot write the output: permission denied');
  });
  it('a report killed while it is written leaves no partial file', async () => {
    const dir = tempDir();
    const rows = ['program,program_id,date,item,score'];
    for (let s = 0; s < 300; s++)
      for (const c of 'S1 S2 S3 O1 O2 O3 O4 O5 O6 O7 O8 V1 V2 V3 V4 V5 V6 V7 V8 V9 V10 V11 V12 V13 V14'.split(' '))
        rows.push(`Site ${s},ID-${s},2026-01-15,${c},${1 + ((s + c.length) % 5)}`);
    writeFileSync(join(dir, 'network.csv'), rows.join('\n') + '\n');
    const out = join(dir, 'portfolio.pdf');
    for (const delay of [150, 400, 800]) {
      const child = spawn(process.execPath, [BIN, 'report', join(dir, 'network.csv'), '-o', out, '-q'], {
        env: { PATH: process.env.PATH, NO_COLOR: '1' },
      });
      // Listen before the delay: a fast run may have finished (and exited) before it is killed.
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGTERM');
      await exited;
      const files = readdirSync(dir).filter((f) => f !== 'network.csv');
      expect(
        files.filter((f) => f.endsWith('.tmp')),
        `after ${delay} ms`,
      ).toEqual([]);
      if (existsSync(out)) expect(readFileSync(out, 'latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    }
  });
});
