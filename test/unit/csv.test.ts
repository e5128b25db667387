// The streaming CSV reader on the files spreadsheets write, at every chunk size from 1 byte up.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { memorySource, streamCsv, type CsvFault } from '../../src/read/csv.js';
import { decodeText, looksBinary } from '../../src/read/text.js';

function read(bytes: Uint8Array, chunk: number) {
  const rows: [number, string[]][] = [];
  const { info, faults } = streamCsv(memorySource(bytes), (cells, line) => void rows.push([line, cells]), chunk);
  return { rows, info, faults };
}

/** The same records, encoding and faults whatever the chunk size. */
function readAll(bytes: Uint8Array) {
  const whole = read(bytes, 1 << 20);
  for (let chunk = 1; chunk <= 9; chunk++) expect(read(bytes, chunk), `chunk ${chunk}`).toEqual(whole);
  return whole;
}

describe('CSV reader', () => {
  it('reads LF, CRLF and old Mac CR line ends alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const r = readAll(Buffer.from(['a;b', 'x;"y;z"', '1;2'].join(eol) + eol));
      expect(r.rows, JSON.stringify(eol)).toEqual([
        [1, ['a', 'b']],
        [2, ['x', 'y;z']],
        [3, ['1', '2']],
      ]);
      expect(r.info?.delimiter).toBe(';');
    }
  });
  it('drops a UTF-8 byte order mark', () => {
    const r = readAll(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('programme,date\r\nÉlan,2026-01-01\r\n')]));
    expect(r.rows[0]).toEqual([1, ['programme', 'date']]);
    expect(r.rows[1]![1][0]).toBe('Élan');
  });
  it('keeps line breaks and doubled quotes inside quoted fields, and numbers lines from where a record starts', () => {
    const r = readAll(Buffer.from('id,note\n1,"two\nlines"\n2,"say ""hi"""\n3,end\n'));
    expect(r.rows).toEqual([
      [1, ['id', 'note']],
      [2, ['1', 'two\nlines']],
      [4, ['2', 'say "hi"']],
      [5, ['3', 'end']],
    ]);
  });
  it('reads Windows-1252, and a file mixing it with UTF-8 line by line', () => {
    const cp = readAll(iconv.encode('nom;ville\nCœur d’Azur;Besançon\n', 'win1252'));
    expect(cp.rows[1]![1]).toEqual(['Cœur d’Azur', 'Besançon']);
    expect(cp.info).toMatchObject({ encoding: 'windows-1252', mixedLine: null });
    const mixed = readAll(Buffer.concat([Buffer.from('nom\nÉlan\n'), iconv.encode('Besançon\n', 'win1252')]));
    expect(mixed.rows.map((r) => r[1][0])).toEqual(['nom', 'Élan', 'Besançon']);
    expect(mixed.info?.mixedLine).toBe(3);
  });
  it('reports a stray quote and goes on; a quote never closed ends the reading', () => {
    const r = readAll(Buffer.from('a,b\n1,x"y\n2,"z" w\n3,ok\n4,"open\n'));
    expect(r.rows).toEqual([
      [1, ['a', 'b']],
      [4, ['3', 'ok']],
    ]);
    expect(r.faults).toEqual<CsvFault[]>([
      { key: 'csv.quoteInField', line: 2, column: 2 },
      { key: 'csv.afterQuote', line: 3, column: 2 },
      { key: 'csv.unclosedQuote', line: 5, column: 2 },
    ]);
  });
  it('stops at a record longer than 1 MB, with its line', () => {
    const r = read(Buffer.from('a,b\n1,2\n3,' + 'x'.repeat(1_100_000) + '\n4,5\n'), 65536);
    expect(r.rows).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
    expect(r.faults).toEqual([{ key: 'csv.recordTooLarge', line: 3 }]);
  });
  it('tells an empty file and binary data', () => {
    expect(read(Buffer.alloc(0), 16).faults).toEqual([{ key: 'file.empty' }]);
    expect(read(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 16).faults).toEqual([{ key: 'file.binary' }]);
  });
  it('reads UTF-16 with a byte order mark, little- and big-endian', () => {
    const text = 'nom;ville\r\nCœur d’Azur;"Besançon\r\n(25)"\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    for (const [bytes, encoding] of [
      [le, 'utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be'],
    ] as const) {
      const r = readAll(bytes);
      expect(r.faults).toEqual([]);
      expect(r.rows).toEqual([
        [1, ['nom', 'ville']],
        [2, ['Cœur d’Azur', 'Besançon\r\n(25)']],
      ]);
      expect(r.info).toEqual({ encoding, delimiter: ';', mixedLine: null });
      expect(looksBinary(bytes)).toBe(false);
      expect(decodeText(bytes)).toEqual({ text, encoding, mixedLine: null });
    }
  });
  it('keeps every row after a stray quote, however far the file goes on', () => {
    // A quote left open would otherwise run to the end of the file (past the 1 MB record limit).
    const rows = ['id,note'];
    for (let i = 0; i < 100_000; i++) rows.push(i === 10 ? `${i},x"y` : i === 20 ? `${i},"z" w` : `${i},n${i}`);
    for (const chunk of [65536, 1 << 20]) {
      const r = read(Buffer.from(rows.join('\n') + '\n'), chunk);
      expect(r.faults).toEqual<CsvFault[]>([
        { key: 'csv.quoteInField', line: 12, column: 2 },
        { key: 'csv.afterQuote', line: 22, column: 2 },
      ]);
      expect(r.rows).toHaveLength(100_000 - 1);
      expect(r.rows.at(-1)).toEqual([100_001, ['99999', 'n99999']]);
      expect(r.rows.find(([line]) => line === 13)).toEqual([13, ['11', 'n11']]);
    }
  });
  it('with faults injected into some rows: every other row read as without them, each fault at its own line and field', () => {
    const plain = fc.stringMatching(/^[a-zé0-9 ]{0,5}$/);
    const quoted = fc.stringMatching(/^[a-z,"\n ]{0,6}$/);
    const doc = fc.record({
      rows: fc.array(fc.array(fc.oneof(plain, quoted), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }),
      faults: fc.array(fc.tuple(fc.nat(), fc.constantFrom('x"y', '"z" w')), { maxLength: 5 }),
      crlf: fc.boolean(),
      chunk: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.constant(1 << 20)),
    });
    fc.assert(
      fc.property(doc, ({ rows, faults, crlf, chunk }) => {
        const eol = crlf ? '\r\n' : '\n';
        const cell = (f: string) => (/[,"\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
        const text = (table: string[][]) => Buffer.from(table.map((r) => r.map(cell).join(',')).join(eol) + eol);
        /** Each row with the line it starts on. */
        const placed = (table: string[][]) => {
          let line = 1;
          return table.map((cells) => {
            const at = line;
            line += 1 + cells.join('').split('\n').length - 1;
            return [at, cells] as [number, string[]];
          });
        };
        const clean = read(text(rows), chunk);
        expect(clean.faults).toEqual([]);
        expect(clean.rows).toEqual(placed(rows));
        // The last field of a faulty row is broken (nothing after it on its line): written as it is.
        const broken = new Map(faults.map(([i, f]) => [i % rows.length, f]));
        const doc = rows.map((r, i) => r.map((f, k) => (broken.has(i) && k === r.length - 1 ? broken.get(i)! : cell(f))).join(',') + eol).join('');
        const got = read(Buffer.from(doc), chunk);
        const where = placed(rows.map((r, i) => (broken.has(i) ? [...r.slice(0, -1), ''] : r)));
        expect(got.rows).toEqual(where.filter((_, i) => !broken.has(i)));
        expect(got.faults).toEqual(
          where.flatMap(([line, cells], i) => {
            const f = broken.get(i);
            if (f === undefined) return [];
            const before = cells.slice(0, -1).join('').split('\n').length - 1;
            return [{ key: f === 'x"y' ? 'csv.quoteInField' : 'csv.afterQuote', line: line + before, column: cells.length }];
          }),
        );
      }),
      { numRuns: 500 },
    );
  });
});
