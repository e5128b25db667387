// The streaming CSV reader on the files spreadsheets write, at every chunk size from 1 byte up.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { memorySource, streamCsv, type CsvFault } from '../../src/read/csv.js';

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
      expect(r.rows, JSON.stringify(eol)).toEqual([[1, ['a', 'b']], [2, ['x', 'y;z']], [3, ['1', '2']]]);
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
    expect(r.rows).toEqual([[1, ['id', 'note']], [2, ['1', 'two\nlines']], [4, ['2', 'say "hi"']], [5, ['3', 'end']]]);
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
    expect(r.rows).toEqual([[1, ['a', 'b']], [4, ['3', 'ok']]]);
    expect(r.faults).toEqual<CsvFault[]>([
      { key: 'csv.quoteInField', line: 2, column: 2 },
      { key: 'csv.afterQuote', line: 3, column: 2 },
      { key: 'csv.unclosedQuote', line: 5, column: 2 },
    ]);
  });
  it('stops at a record longer than 1 MB, with its line', () => {
    const r = read(Buffer.from('a,b\n1,2\n3,' + 'x'.repeat(1_100_000) + '\n4,5\n'), 65536);
    expect(r.rows).toEqual([[1, ['a', 'b']], [2, ['1', '2']]]);
    expect(r.faults).toEqual([{ key: 'csv.recordTooLarge', line: 3 }]);
  });
  it('tells an empty file and binary data', () => {
    expect(read(Buffer.alloc(0), 16).faults).toEqual([{ key: 'file.empty' }]);
    expect(read(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 16).faults).toEqual([{ key: 'file.binary' }]);
  });
});
