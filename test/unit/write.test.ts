// The output writer: short writes continued, a full disk an error that keeps the previous file and removes
// the temporary one, temporary files unpredictable, exclusive and no-follow, stale ones of killed runs removed.
import { constants, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descriptorOf, prepareOutput, realFs, removeStale, writeAll, writeAtomic, writeTogether, type WriteFs } from '../../src/cli/write.js';
import { tempDir } from '../helpers.js';

/** The real file system, except that each write writes at most `chunk` bytes, and nothing after `limit` bytes. */
function stingyFs(chunk: number, limit = Infinity): WriteFs & { flags: number[]; modes: (number | undefined)[] } {
  let written = 0;
  const flags: number[] = [];
  const modes: (number | undefined)[] = [];
  return {
    ...realFs,
    flags,
    modes,
    openSync: (p, f, mode) => (flags.push(f), modes.push(mode), realFs.openSync(p, f, mode)),
    writeSync(fd, data) {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      const n = Math.min(chunk, bytes.length, limit - written);
      if (n <= 0 && bytes.length > 0) return 0;
      written += n;
      return realFs.writeSync(fd, bytes.subarray(0, n));
    },
  };
}

const only = (dir: string) => readdirSync(dir).sort();

describe('writeAll', () => {
  it('continues short writes until every byte is written, multi-byte characters included', () => {
    const dir = tempDir();
    const out = join(dir, 'out.txt');
    const text = 'Élan Emploi — café ✓ '.repeat(500);
    writeAtomic(out, [text, Buffer.from('bytes\n'), text], stingyFs(7));
    expect(readFileSync(out, 'utf8')).toBe(text + 'bytes\n' + text);
    expect(only(dir)).toEqual(['out.txt']);
  });
  it('a write that makes no progress is ENOSPC, not a silent truncation', () => {
    const fs = stingyFs(1000, 10);
    const fd = realFs.openSync(join(tempDir(), 'x'), constants.O_WRONLY | constants.O_CREAT, 0o600);
    expect(() => writeAll(fs, fd, 'x'.repeat(100))).toThrow(expect.objectContaining({ code: 'ENOSPC', syscall: 'write' }));
    realFs.closeSync(fd);
  });
});

describe('writeAtomic', () => {
  it('on a full disk: throws ENOSPC, keeps the previous file and removes the temporary one', () => {
    const dir = tempDir();
    const out = join(dir, 'report.pdf');
    writeFileSync(out, 'the good report');
    expect(() => writeAtomic(out, 'x'.repeat(100_000), stingyFs(4096, 50_000))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(readFileSync(out, 'utf8')).toBe('the good report');
    expect(only(dir)).toEqual(['report.pdf']);
  });
  it('creates the temporary file beside the target, exclusively, without following links, mode 0600', () => {
    const dir = tempDir();
    const fs = stingyFs(1 << 20);
    const prepared = prepareOutput(join(dir, 'out.json'), '{}', fs);
    const seen = readdirSync(dir);
    prepared.commit();
    const want = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
    expect(fs.flags[0]! & want).toBe(want);
    expect(fs.modes[0]).toBe(0o600);
    // .NAME.ips-fidelity-PID-RANDOM.tmp: unpredictable, and a later run can tell whose it is.
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(new RegExp(`^\\.out\\.json\\.ips-fidelity-${process.pid}-[0-9a-f]{12}\\.tmp$`));
    expect(only(dir)).toEqual(['out.json']);
    const again = prepareOutput(join(dir, 'out.json'), '{}', fs);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).not.toEqual(seen);
    again.abort();
    expect(only(dir)).toEqual(['out.json']);
  });
  it('gives a new file the usual mode and keeps the mode of a file it replaces', () => {
    const dir = tempDir();
    writeAtomic(join(dir, 'new.txt'), 'a');
    expect(statSync(join(dir, 'new.txt')).mode & 0o777).toBe(0o666 & ~process.umask());
    writeFileSync(join(dir, 'old.txt'), 'old', { mode: 0o640 });
    writeAtomic(join(dir, 'old.txt'), 'new');
    expect(statSync(join(dir, 'old.txt')).mode & 0o777).toBe(0o640);
  });
  it('replaces the file a link points to, and the link stays a link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.csv'), 'old');
    symlinkSync(join(dir, 'real.csv'), join(dir, 'link.csv'));
    writeAtomic(join(dir, 'link.csv'), 'new');
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.csv'))).toBe(join(dir, 'real.csv'));
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe('new');
  });
  it('refuses a folder (EISDIR) and writes a FIFO directly, never renaming over it', async () => {
    const dir = tempDir();
    expect(() => writeAtomic(dir, 'x')).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    const fifo = join(dir, 'pipe');
    spawnSync('mkfifo', [fifo]);
    const cat = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
    let got = '';
    cat.stdout.on('data', (d) => (got += d));
    const done = new Promise((r) => cat.on('close', r));
    writeAtomic(fifo, 'through the pipe\n');
    await done;
    expect(got).toBe('through the pipe\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(only(dir)).toEqual(['pipe']);
  });
  it('knows /dev/stdout, /dev/fd/N and /proc/self/fd/N as descriptors', () => {
    expect(descriptorOf('/dev/stdout')).toBe(1);
    expect(descriptorOf('/dev/stderr')).toBe(2);
    expect(descriptorOf('/dev/fd/7')).toBe(7);
    expect(descriptorOf('/proc/self/fd/3')).toBe(3);
    expect(descriptorOf('/dev/null')).toBeUndefined();
    expect(descriptorOf('out/dev/stdout')).toBeUndefined();
  });
});

describe('writeTogether', () => {
  it('puts every file in place, or none when one cannot be written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'old a');
    const fs = stingyFs(1 << 20, 5);
    expect(() =>
      writeTogether(
        [
          [join(dir, 'a.txt'), 'new a'],
          [join(dir, 'b.txt'), 'new b'],
        ],
        fs,
      ),
    ).toThrow(expect.objectContaining({ code: 'ENOSPC', output: join(dir, 'b.txt') }));
    expect(only(dir)).toEqual(['a.txt']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old a');
    writeTogether([
      [join(dir, 'a.txt'), 'new a'],
      [join(dir, 'b.txt'), 'new b'],
    ]);
    expect(only(dir)).toEqual(['a.txt', 'b.txt']);
  });
});

describe('removeStale', () => {
  it('removes the temporary files of runs whose process is gone, and no other file', () => {
    const dir = tempDir();
    // A PID that no process has: a child that has already exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = `.out.pdf.ips-fidelity-${dead}-0123456789ab.tmp`;
    const live = `.out.pdf.ips-fidelity-${process.pid}-0123456789ab.tmp`;
    const other = [`.out.pdf.ips-fidelity-${dead}-nothex.tmp`, '.out.pdf.1234.tmp', 'out.pdf', `.other.pdf.ips-fidelity-${dead}-0123456789ab.tmp`];
    for (const f of [stale, live, ...other]) writeFileSync(join(dir, f), 'x');
    expect(removeStale(dir, 'out.pdf')).toEqual([stale]);
    expect(existsSync(join(dir, live))).toBe(true);
    for (const f of other) expect(existsSync(join(dir, f))).toBe(true);
  });
  it('is done by every write into that folder', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, `.out.pdf.ips-fidelity-${dead}-0123456789ab.tmp`), 'x'.repeat(1000));
    writeAtomic(join(dir, 'out.pdf'), 'whole');
    expect(only(dir)).toEqual(['out.pdf']);
  });
});
