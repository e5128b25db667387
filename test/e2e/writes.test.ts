// Hostile outputs and hostile text (issue 12): a full disk, devices, outputs that are inputs, stale temporary
// files, init on a target it cannot write; long unbroken text; Markdown, terminal and annotation injection.
// Every case: the exit code, the message, and that nothing was lost.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Marked } from 'marked';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, cli, fixture, tempDir, type Run } from '../helpers.js';

const review = fixture('reviews', 'riverside-2026.yaml');
const harbour = fixture('programs', 'harbour');
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
const tmpFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** Run the CLI with its standard output sent to `path` (a file, /dev/full...). */
function cliTo(path: string, args: string[]): Run {
  const fd = openSync(path, 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', fd, 'pipe'],
      env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1' },
    });
    return { code: r.status ?? -1, stdout: '', stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

/** A small tmpfs (CI runs as root); undefined, with the reason printed, where mounting is refused. */
function mountTmpfs(dir: string, options: string): boolean {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) console.warn(`full-disk tests skipped: cannot mount a tmpfs (${(r.stderr || r.error?.message || '').trim()}); they need root`);
  return r.status === 0;
}

describe('a full disk', () => {
  const dir = join(tempDir(), 'small');
  const ro = join(tempDir(), 'read-only');
  let mounted = false;
  let mountedRo = false;
  beforeAll(() => {
    mounted = mountTmpfs(dir, 'size=64k');
    mountedRo = mounted && mountTmpfs(ro, 'ro,size=64k');
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [dir]);
    if (mountedRo) spawnSync('umount', [ro]);
  });
  /** Fill the tmpfs but `free` bytes (in 4 KB pages). */
  const fill = (free: number) => {
    rmSync(join(dir, 'filler'), { force: true });
    const total = statSync(dir) && Number(spawnSync('df', ['-B1', '--output=avail', dir], { encoding: 'utf8' }).stdout.trim().split('\n')[1]);
    writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, total - free)));
  };
  const full = 'cannot write the output: no space left on the device (ENOSPC); a previous file of that name is left as it was';

  it('report -o over a good PDF: exit 2, the PDF intact, no temporary file', (ctx) => {
    if (!mounted) ctx.skip();
    writeFileSync(join(dir, 'report.pdf'), '%PDF-1.7 the good report');
    fill(8192);
    const r = cli(['report', review, '-o', join(dir, 'report.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'report.pdf')}: error: ${full}`);
    expect(r.stderr).not.toContain('Wrote');
    noStack(r.stderr);
    expect(readFileSync(join(dir, 'report.pdf'), 'utf8')).toBe('%PDF-1.7 the good report');
    expect(tmpFiles(dir)).toEqual([]);
  });
  it('score and outcomes -o with a few KB free: exit 2, the previous file intact', (ctx) => {
    if (!mounted) ctx.skip();
    for (const args of [
      ['score', review, '--format', 'json'],
      ['outcomes', harbour, '--format', 'json'],
      ['score', review, '--format', 'csv', '--layout', 'long'],
    ]) {
      writeFileSync(join(dir, 'out'), 'previous');
      fill(4096);
      const r = cli([...args, '-o', join(dir, 'out')]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(full);
      expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('previous');
      expect(tmpFiles(dir)).toEqual([]);
    }
  });
  it('standard output a file on a full disk: exit 2 with a message, not a stack trace and exit 1', (ctx) => {
    if (!mounted) ctx.skip();
    fill(4096);
    const r = cliTo(join(dir, 'stdout.json'), ['score', review, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('standard output: error: cannot write the output: no space left on the device (ENOSPC)\n');
  });
  it('init on a full disk writes nothing and exits 2; on a read-only one too', (ctx) => {
    if (!mounted) ctx.skip();
    fill(4096);
    const r = cli(['init', join(dir, 'program')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(full);
    expect(existsSync(join(dir, 'program'))).toBe(false);
    if (!mountedRo) return;
    const o = cli(['init', ro]);
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('cannot write the output: the file system is read-only (EROFS)');
    noStack(o.stderr);
  });
});

describe('standard output on /dev/full (ENOSPC)', () => {
  it.each([
    ['score', review],
    ['score', review, '--format', 'json'],
    ['outcomes', harbour],
    ['validate', review],
    ['scales'],
    ['--version'],
    ['--help'],
  ])('%s … → exit 2 and a message', (...args) => {
    const r = cliTo('/dev/full', args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('standard output: error: cannot write the output: no space left on the device (ENOSPC)');
    noStack(r.stderr);
  });
});

describe('standard error on /dev/full', () => {
  it('keeps the exit code: 2 for bad input, 1 for a failed check, never a crash', () => {
    const run = (args: string[]) => {
      const fd = openSync('/dev/full', 'w');
      try {
        return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', fd], env: { PATH: process.env.PATH, LANG: 'C' } })
          .status;
      } finally {
        closeSync(fd);
      }
    };
    expect(run(['score', join(ROOT, 'test', 'hostile', 'score-6.csv')])).toBe(2);
    expect(run(['score', review, '--min-total', '100'])).toBe(1);
    expect(run(['score', review])).toBe(0);
  });
});

describe('outputs that are not regular files', () => {
  it('-o /dev/null leaves the device a device', () => {
    const r = cli(['score', review, '--format', 'json', '-o', '/dev/null']);
    expect(r.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
  it('-o /dev/stdout and -o - write to standard output', () => {
    for (const o of ['/dev/stdout', '-']) {
      const r = cli(['score', review, '--format', 'json', '-o', o]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).reviews[0].total).toBe(89);
    }
  });
});

describe('an output that is an input', () => {
  const dir = tempDir();
  copyFileSync(review, join(dir, 'review.yaml'));
  copyFileSync(fixture('reviews', 'two-reviewers.yaml'), join(dir, 'two.yaml'));
  cpSync(harbour, join(dir, 'harbour'), { recursive: true });
  const before = (f: string) => readFileSync(join(dir, f));
  const cases: [string[], string, string][] = [
    [['score', 'review.yaml', '-o', 'review.yaml'], 'review.yaml', 'review.yaml'],
    [['report', 'review.yaml', '-o', 'review.yaml'], 'review.yaml', 'review.yaml'],
    [['history', 'review.yaml', 'two.yaml', '--format', 'json', '-o', 'two.yaml'], 'two.yaml', 'two.yaml'],
    [['consensus', 'two.yaml', '-o', './two.yaml'], 'two.yaml', 'two.yaml'],
    [['report', 'review.yaml', '--previous', 'two.yaml', '-o', 'two.yaml'], 'two.yaml', 'two.yaml'],
    [['outcomes', 'harbour', '--format', 'csv', '-o', 'harbour/jobs.csv'], 'harbour/jobs.csv', 'harbour'],
    [['report', '--outcomes', 'harbour', '-o', 'harbour/program.yaml'], 'harbour/program.yaml', 'harbour'],
    [['outcomes', 'harbour', '--per-person', 'harbour/participants.csv'], 'harbour/participants.csv', 'harbour'],
  ];
  it.each(cases)('%j is refused (exit 2), the input unchanged', (args, file, input) => {
    const was = before(file);
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`: error: this output would replace an input (${input}): choose another output file`);
    expect(before(file).equals(was)).toBe(true);
    expect(tmpFiles(dir)).toEqual([]);
  });
  it('two outputs of one command that are the same file are refused', () => {
    const r = spawnSync(process.execPath, [BIN, 'outcomes', 'harbour', '--pdf', 'out.pdf', '-o', 'out.pdf'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'C' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('out.pdf: error: this output is the same file as another output of the command (out.pdf)');
    expect(existsSync(join(dir, 'out.pdf'))).toBe(false);
  });
  it('an output beside the inputs, or in a program folder but not read by it, is written', () => {
    const r = spawnSync(process.execPath, [BIN, 'score', 'review.yaml', '-o', 'scores.txt'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'C' },
    });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'scores.txt'), 'utf8')).toContain('Riverside');
    // In a program folder, a file the folder's reader does not read may be written again and again.
    for (let i = 0; i < 2; i++) {
      const o = spawnSync(process.execPath, [BIN, 'outcomes', 'harbour', '--per-person', 'harbour/people.csv', '-q'], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, LANG: 'C' },
      });
      expect(o.status, o.stderr).toBe(0);
    }
  });
});

describe('temporary files left by a killed run', () => {
  it('are removed by the next run that writes the same output', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, `.out.json.ips-fidelity-${dead}-0123456789ab.tmp`), 'x'.repeat(100_000));
    writeFileSync(join(dir, `.out.json.ips-fidelity-${process.pid}-0123456789ab.tmp`), 'a live run');
    const r = cli(['score', review, '--format', 'json', '-o', join(dir, 'out.json')]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([`.out.json.ips-fidelity-${process.pid}-0123456789ab.tmp`, 'out.json']);
  });
});

describe('init on a target it cannot write', () => {
  it('a file where the folder should be: exit 2 with the reason, not an internal error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'taken'), 'a file');
    const r = cli(['init', join(dir, 'taken')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: cannot write the output: a file stands where a folder should be (ENOTDIR)');
    expect(readFileSync(join(dir, 'taken'), 'utf8')).toBe('a file');
    noStack(r.stderr);
  });
});

/** A review whose program name and a note are `name` and `note` (YAML double-quoted, escapes allowed). */
function reviewWith(dir: string, file: string, name: string, note: string, extra = ''): string {
  const path = join(dir, file);
  writeFileSync(
    path,
    `program: {name: "${name}", id: "P-1"}\nreview: {date: 2026-01-01}\nitems:\n  S1: {score: 4, note: "${note}"}\n  S2: {score: 3}\n${extra}`,
  );
  return path;
}

describe('long unbroken text', () => {
  const dir = tempDir();
  const word = 'ab'.repeat(15_000);
  const long = reviewWith(dir, 'long-word.yaml', 'Long', word);
  it('a 30,000-character word is cut at the column in the terminal table, every character kept', () => {
    const r = cli(['score', long]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    const pieces = lines.map((l) => l.trim()).filter((l) => /^(ab)+a?b?$/.test(l) || /^b(ab)*a?$/.test(l));
    expect(pieces.join('')).toBe(word);
  });
  it('a 1 MB note (words) and a 1 MB word are wrapped whole', () => {
    const words = reviewWith(dir, 'mb-note.yaml', 'Big', 'lorem ipsum '.repeat(90_000).trim());
    const r = cli(['score', words]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/lorem/g)).toHaveLength(90_000);
    const one = reviewWith(dir, 'mb-word.yaml', 'Big', 'z'.repeat(1_000_000));
    const t = cli(['score', one]);
    expect(t.code).toBe(0);
    const pieces = t.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^z+$/.test(l));
    expect(pieces.join('')).toBe('z'.repeat(1_000_000));
    expect(Math.max(...t.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
  });
  it('the PDF report lays out a 30,000-character word and a 10,000-character program name', async () => {
    // Letters found nowhere else in a report: every one of them is counted in the PDF's text.
    const inNote = reviewWith(dir, 'long-word-pdf.yaml', 'Long', 'ж'.repeat(30_000));
    const inName = reviewWith(dir, 'long-name.yaml', 'Ж'.repeat(10_000), 'short');
    const textOf = async (input: string) => {
      const out = join(dir, 'report.pdf');
      const r = cli(['report', input, '-o', out]);
      expect(r.code).toBe(0);
      const doc = await getDocumentProxy(new Uint8Array(readFileSync(out)));
      return (await extractText(doc, { mergePages: true })).text as string;
    };
    expect((await textOf(inNote)).match(/ж/g)).toHaveLength(30_000);
    // The title holds the whole name; the running header and footer a line of it each.
    expect((await textOf(inName)).match(/Ж/g)!.length).toBeGreaterThan(10_000);
  });
});

describe('Markdown cannot be injected', () => {
  const dir = tempDir();
  const marked = new Marked({ gfm: true });
  const hostile = reviewWith(
    dir,
    'hostile.yaml',
    'Evil\\n# Forged heading\\n\\n| a | b |\\n|---|---|\\n| x | y |\\n<script>alert(1)</script> *bold* [link](http://x) `code` &amp; ~~s~~',
    'first\\rsecond | third\\n- list\\n1. one\\n---\\n    code <img src=x onerror=alert(1)>',
  );
  const plain = reviewWith(dir, 'plain.yaml', 'Evil', 'first');
  const shape = (html: string) =>
    [
      '<h1',
      '<h2',
      '<h3',
      '<table',
      '<tr',
      '<td',
      '<th',
      '<ul',
      '<ol',
      '<li',
      '<hr',
      '<pre',
      '<code',
      '<em',
      '<strong',
      '<a ',
      '<del',
      '<script',
      '<img',
    ].map((t) => `${t}:${html.split(t).length - 1}`);
  it('a name and a note with line breaks, tables, HTML and emphasis render as text, in the same shape as a plain review', () => {
    const bad = cli(['score', hostile, '--format', 'markdown']);
    const good = cli(['score', plain, '--format', 'markdown']);
    expect(bad.code).toBe(0);
    const html = marked.parse(bad.stdout) as string;
    expect(shape(html)).toEqual(shape(marked.parse(good.stdout) as string));
    expect(html).toContain(
      '<h1>Evil # Forged heading  | a | b | |---|---| | x | y | &lt;script&gt;alert(1)&lt;/script&gt; *bold* [link](http://x) `code` &amp;amp; ~~s~~ (P-1)</h1>',
    );
    expect(html).toContain('>first second | third - list 1. one ---     code &lt;img src=x onerror=alert(1)&gt;</td>');
  });
  it('the same for outcomes and history headings and cells', () => {
    const folder = join(dir, 'program');
    cpSync(harbour, folder, { recursive: true });
    const yaml = readFileSync(join(folder, 'program.yaml'), 'utf8').replace(
      'name: Harbour Employment Support Service',
      'name: "H\\n## Forged\\n<b>x</b>"',
    );
    writeFileSync(join(folder, 'program.yaml'), yaml);
    const r = cli(['outcomes', folder, '--format', 'markdown']);
    expect(r.code).toBe(0);
    const html = marked.parse(r.stdout) as string;
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('H ## Forged &lt;b&gt;x&lt;/b&gt;');
    const h = cli(['history', hostile, '--format', 'markdown']);
    expect((marked.parse(h.stdout) as string).match(/<h2/g)).toHaveLength(1);
  });
});

describe('control characters are shown, never sent to the terminal', () => {
  const dir = tempDir();
  const esc = reviewWith(dir, 'escapes.yaml', 'Clear\\e[2J\\e]0;retitled\\a Name\\u009b31m\\u202eevil', 'note\\e[31m red\\rover');
  it('in the table, Markdown and CSV: as control pictures (␛) or \\u escapes', () => {
    for (const format of ['table', 'markdown', 'csv']) {
      const r = cli(['score', esc, '--format', format, '--detail']);
      expect(r.code, format).toBe(0);
      // Markdown escapes brackets and backslashes: compared as rendered.
      if (format === 'markdown') r.stdout = r.stdout.replace(/\\([[\]\\])/g, '$1');
      expect(r.stdout, format).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202e]/);
      expect(r.stdout, format).toContain('␛[2J');
      expect(r.stdout, format).toContain('␛]0;retitled␇');
      expect(r.stdout, format).toMatch(/u009b31m/);
    }
    const json = cli(['score', esc, '--format', 'json']);
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(json.stdout).toContain('Name\\u009b31m\\u202eevil');
    expect(JSON.parse(json.stdout).reviews[0].program.name).toBe('Clear\u001b[2J\u001b]0;retitled\u0007 Name\u009b31m\u202eevil');
  });
  it('in error messages that echo a value or a file name', () => {
    const csv = join(dir, 'bad\u001b[2Jname.csv');
    writeFileSync(csv, 'program,date,item,score\nX,2026-01-01,S1,"9\u001b]0;x\u0007"\n');
    const r = cli(['score', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.stderr).toContain('bad␛[2Jname.csv:2:4: error:');
    expect(r.stderr).toContain('9␛]0;x␇');
    const v = cli(['validate', csv]);
    expect(v.stdout).toContain('bad␛[2Jname.csv: 1 error,');
    expect(v.stdout + v.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const c = cli(['score', '--format', '\u001b[2Jx', review]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('--format "␛[2Jx" is not one of');
  });
});

describe('GitHub annotations cannot be forged', () => {
  it('escape % CR LF in messages, and : , in the file property', () => {
    const dir = tempDir();
    const csv = join(dir, 'a,line=1:b%25.csv');
    writeFileSync(csv, 'program,date,item,score\nX,2026-01-01,S1,"9\n::error file=forged.csv::forged"\n');
    const r = cli(['validate', csv, '--reporter', 'github']);
    expect(r.code).toBe(2);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) expect(a).toMatch(/^::error file=[^,:]*a%2Cline=1%3Ab%2525\.csv(,line=\d+)?(,col=\d+)?::/);
    expect(r.stdout).not.toMatch(/^::error file=forged/m);
    expect(r.stdout).toContain('␊::error file=forged.csv::forged');
  });
});
