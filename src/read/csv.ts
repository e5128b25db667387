// CSV records, streamed: bytes are read in chunks, decoded line by line (see text.ts) and split
// into records in bounded memory. RFC 4180 quoting; a quote inside an unquoted field, text after a
// closing quote and a quote never closed are errors (as csv-parse's strict mode).
import { closeSync, readSync } from 'node:fs';
import { openRegular } from './files.js';
import { LineDecoder, looksBinary, sniffDelimiter, withoutBom, type Delimiter, type Encoding } from './text.js';

/** The longest record a table may hold: longer is not a spreadsheet export but a broken or hostile file. */
export const MAX_RECORD_BYTES = 1_048_576;
const CHUNK_BYTES = 1_048_576;
/** A file with more broken lines than this is not CSV: reading stops. */
const MAX_FAULTS = 1000;

/** A fault that ends the reading of a file, with the line (and field) where it is. */
export interface CsvFault {
  key: 'file.empty' | 'file.binary' | 'csv.recordTooLarge' | 'csv.unclosedQuote' | 'csv.quoteInField' | 'csv.afterQuote';
  line?: number;
  column?: number;
}

/** Where the bytes come from: a file read in chunks, or bytes in memory. */
export interface ByteSource {
  /** Copy up to `into.length` bytes from `position`; returns how many (0 at the end). */
  read(into: Buffer, position: number): number;
  close(): void;
}

export function fileSource(path: string): ByteSource {
  const fd = openRegular(path);
  return { read: (into, position) => readSync(fd, into, 0, into.length, position), close: () => closeSync(fd) };
}

export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    read(into, position) {
      const n = Math.max(0, Math.min(into.length, bytes.length - position));
      into.set(bytes.subarray(position, position + n));
      return n;
    },
    close() {},
  };
}

export interface CsvInfo {
  encoding: Encoding;
  delimiter: Delimiter;
  /** First line that is not UTF-8, in a file that mixes encodings. */
  mixedLine: number | null;
}

/** Calls `each(cells, line)` for every record; `each` returns false to stop. */
export type RecordSink = (cells: string[], line: number) => boolean | void;

/** Splits decoded text into records. Text arrives in pieces that end at a line break (or the end). */
class Tokenizer {
  /** Text of a record that continues in the next piece, and the line it starts on. */
  private carry = '';
  line = 1;
  stopped = false;
  readonly faults: CsvFault[] = [];

  constructor(
    private readonly delimiter: string,
    private readonly each: RecordSink,
  ) {}

  /** The line the next piece of text starts on. */
  nextLine(): number {
    let n = this.line;
    for (let i = this.carry.indexOf('\n'); i >= 0; i = this.carry.indexOf('\n', i + 1)) n++;
    return n;
  }

  push(text: string, final: boolean): void {
    const s = this.carry ? this.carry + text : text;
    this.carry = '';
    const d = this.delimiter;
    let pos = 0;
    let quote = s.indexOf('"');
    while (pos < s.length && !this.stopped) {
      let nl = s.indexOf('\n', pos);
      if (nl < 0) {
        if (!final) break;
        nl = s.length;
      }
      if (quote >= 0 && quote < pos) quote = s.indexOf('"', pos);
      if (quote < 0 || quote > nl) {
        // No quote on this line: split it.
        if (nl - pos > MAX_RECORD_BYTES) return this.fatal({ key: 'csv.recordTooLarge', line: this.line });
        const end = nl > pos && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (this.each(s.slice(pos, end).split(d), this.line) === false) this.stopped = true;
        this.line++;
        pos = nl + 1;
        continue;
      }
      const next = this.quoted(s, pos, final);
      if (next < 0) {
        if (this.stopped) return;
        break;
      }
      pos = next;
    }
    if (this.stopped || pos >= s.length) return;
    if (s.length - pos > MAX_RECORD_BYTES) return this.fatal({ key: 'csv.recordTooLarge', line: this.line });
    this.carry = s.slice(pos);
  }

  /** A record with quotes from `pos`: the position after it, or -1 when it needs more text (or reading stopped). */
  private quoted(s: string, pos: number, final: boolean): number {
    const cells: string[] = [];
    const d = this.delimiter;
    let lines = 0;
    let i = pos;
    for (;;) {
      if (s.charCodeAt(i) === 34) {
        // Quoted field: up to the closing quote; "" is a quote.
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = s.indexOf('"', from);
          if (q < 0) {
            if (final) this.fatal({ key: 'csv.unclosedQuote', line: this.line, column: cells.length + 1 });
            return -1;
          }
          for (let k = s.indexOf('\n', from); k >= 0 && k < q; k = s.indexOf('\n', k + 1)) lines++;
          if (s.charCodeAt(q + 1) === 34) {
            value += s.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += s.slice(from, q);
          i = q + 1;
          break;
        }
        cells.push(value);
      } else {
        // Unquoted field: up to the delimiter or the end of the line; no quote may stand in it.
        let end = i;
        while (end < s.length) {
          const c = s[end];
          if (c === d || c === '\n' || (c === '\r' && (s[end + 1] === '\n' || (final && end + 1 === s.length)))) break;
          if (c === '"') return this.skipLine(s, end, final, lines, { key: 'csv.quoteInField', line: this.line + lines, column: cells.length + 1 });
          end++;
        }
        cells.push(s.slice(i, end));
        i = end;
      }
      const c = s[i];
      if (c === d) {
        i++;
        if (i >= s.length && !final) return -1;
        continue;
      }
      if (c === '\r' && (s[i + 1] === '\n' || i + 1 >= s.length)) i++;
      if (i >= s.length && !final) return -1;
      if (i < s.length && s[i] !== '\n') return this.skipLine(s, i, final, lines, { key: 'csv.afterQuote', line: this.line + lines, column: cells.length });
      if (i - pos > MAX_RECORD_BYTES) return this.fatal({ key: 'csv.recordTooLarge', line: this.line }), -1;
      if (this.each(cells, this.line) === false) this.stopped = true;
      this.line += lines + 1;
      return i + 1;
    }
  }

  /** A fault that ends the reading. */
  private fatal(fault: CsvFault): void {
    this.faults.push(fault);
    this.stopped = true;
  }

  /** A fault within a line: the record is dropped and reading goes on at the next line. */
  private skipLine(s: string, at: number, final: boolean, lines: number, fault: CsvFault): number {
    const nl = s.indexOf('\n', at);
    if (nl < 0 && !final) return -1;
    this.faults.push(fault);
    if (this.faults.length >= MAX_FAULTS) this.stopped = true;
    this.line += lines + 1;
    return nl < 0 ? s.length : nl + 1;
  }
}

/**
 * Read the CSV records of a source in bounded memory. Returns what was found about the file and
 * its faults: broken lines are skipped, a fault that ends the reading is last.
 */
export function streamCsv(source: ByteSource, each: RecordSink, chunkBytes = CHUNK_BYTES): { info: CsvInfo | null; faults: CsvFault[] } {
  const chunk = Buffer.allocUnsafe(chunkBytes);
  const decoder = new LineDecoder();
  let tokenizer: Tokenizer | null = null;
  let pending: Buffer = Buffer.alloc(0);
  let position = 0;
  let started = false;
  let breaks: 'lf' | 'cr' | undefined;
  let delimiter: Delimiter = ',';
  try {
    for (;;) {
      const n = source.read(chunk, position);
      position += n;
      const final = n === 0;
      let bytes: Uint8Array = pending.length ? Buffer.concat([pending, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      if (!started) {
        if (final && bytes.length === 0) return { info: null, faults: [{ key: 'file.empty' }] };
        if (bytes.length < 3 && !final) {
          pending = Buffer.from(bytes);
          continue;
        }
        if (looksBinary(bytes)) return { info: null, faults: [{ key: 'file.binary' }] };
        bytes = withoutBom(bytes);
        started = true;
      }
      breaks ??= lineBreaks(bytes, final);
      if (breaks === 'cr') bytes = Buffer.from(bytes).map((b) => (b === 0x0d ? 0x0a : b));
      // Decode whole lines only; the rest waits for the next chunk.
      const cut = final || breaks === undefined ? (final ? bytes.length : 0) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(0x0a) + 1;
      if (cut === 0 && !final) {
        if (bytes.length > MAX_RECORD_BYTES) {
          const fault: CsvFault = { key: 'csv.recordTooLarge', line: tokenizer ? tokenizer.nextLine() : 1 };
          return { info: null, faults: [...(tokenizer?.faults ?? []), fault] };
        }
        pending = Buffer.from(bytes);
        continue;
      }
      pending = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : Buffer.alloc(0);
      let text = decoder.decode(bytes.subarray(0, cut), tokenizer ? tokenizer.nextLine() : 1);
      if (!tokenizer) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        delimiter = sniffDelimiter(text.slice(0, text.search(/\r?\n|$/)));
        tokenizer = new Tokenizer(delimiter, each);
      }
      tokenizer.push(text, final);
      if (tokenizer.stopped || final) {
        return { info: { encoding: decoder.encoding, delimiter, mixedLine: decoder.mixedLine }, faults: tokenizer.faults };
      }
    }
  } finally {
    source.close();
  }
}

/** How a file ends its lines, from its first line break (CR alone: an old Mac file); undefined until one is seen whole. */
function lineBreaks(bytes: Uint8Array, final: boolean): 'lf' | 'cr' | undefined {
  const lf = bytes.indexOf(0x0a);
  const cr = bytes.indexOf(0x0d);
  if (cr < 0 || (lf >= 0 && lf < cr)) return lf >= 0 || final ? 'lf' : undefined;
  if (cr + 1 < bytes.length) return bytes[cr + 1] === 0x0a ? 'lf' : 'cr';
  return final ? 'cr' : undefined;
}
