// CSV records, streamed: bytes are read in chunks into one buffer, checked (UTF-8, else Windows-1252
// line by line), cut after the last line break outside quotes and parsed by csv-parse (arrays mode,
// strict quotes), so a table of any length is read in bounded memory. A record broken by a quote is
// reported with its line and field, and parsing starts again at the next line (csv-parse's own
// `skip_records_with_error` stays inside the quoted field and swallows the lines after it).
import { closeSync, readSync } from 'node:fs';
import { openRegular } from './files.js';
import { parse, type CsvError, type Options } from 'csv-parse/sync';
import { LineDecoder, looksBinary, sniffDelimiter, utf16Bom, type Delimiter, type Encoding } from './text.js';

/** The longest record a table may hold: longer is not a spreadsheet export but a broken or hostile file. */
export const MAX_RECORD_BYTES = 1_048_576;
/** Small enough that csv-parse's records of a chunk die young (1 MB: ~25% more CPU and peak RSS on 1,000,000 job rows). */
const CHUNK_BYTES = 65_536;
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

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The end of the last line in [from, to) that ends outside quotes (quotes are even before it), or -1. */
function lastRecordEnd(buf: Buffer, from: number, to: number): number {
  const view = buf.subarray(from, to); // searches stay within [from, to)
  let nl = view.lastIndexOf(LF);
  let quotes = 0; // in view[0, nl)
  for (let q = view.indexOf(QUOTE); q >= 0 && q < nl; q = view.indexOf(QUOTE, q + 1)) quotes++;
  while (quotes % 2 === 1) {
    // Inside a quoted field: the line break before the last quote before this one, less the quotes between.
    const q = view.lastIndexOf(QUOTE, nl);
    nl = q > 0 ? view.lastIndexOf(LF, q - 1) : -1;
    if (nl < 0) return -1;
    for (let k = q; k > nl; k = view.lastIndexOf(QUOTE, k - 1)) quotes--;
  }
  return nl < 0 ? -1 : from + nl + 1;
}

/** How many line breaks [from, to) holds. */
function countLines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(LF, from); i >= 0 && i < to; i = buf.indexOf(LF, i + 1)) n++;
  return n;
}

/** Reads the records of a source; see `streamCsv`. */
class CsvReader {
  /** The bytes read and not parsed yet are buf[start, end): [start, checked) is UTF-8 and starts a record. */
  private buf: Buffer;
  private start = 0;
  private checked = 0;
  private end = 0;
  /** The line buf[start] is on. */
  private line = 1;
  private final = false;
  private stopped = false;
  private breaks: 'lf' | 'cr' | undefined;
  private options: Options = {};
  private sniffed = false;
  private afterFault = false;
  private readonly decoder = new LineDecoder();
  readonly faults: CsvFault[] = [];
  delimiter: Delimiter = ',';
  encoding: Encoding | undefined;

  constructor(
    private source: ByteSource,
    private readonly each: RecordSink,
    private readonly chunkBytes: number,
  ) {
    this.buf = Buffer.allocUnsafe(chunkBytes + MAX_RECORD_BYTES);
  }

  run(): { info: CsvInfo | null; faults: CsvFault[] } {
    let position = 0;
    let started = false;
    for (;;) {
      if (this.buf.length - this.end < this.chunkBytes) this.makeRoom();
      const from = this.end;
      const n = this.source.read(this.buf.subarray(from, from + this.chunkBytes), position);
      position += n;
      this.end += n;
      this.final = n === 0;
      if (!started) {
        if (this.final && this.end === 0) return { info: null, faults: [{ key: 'file.empty' }] };
        if (this.end < 4 && !this.final) continue;
        const head = this.buf.subarray(0, this.end);
        const utf16 = utf16Bom(head);
        if (utf16) return this.restartAsUtf16(utf16);
        if (looksBinary(head)) return { info: null, faults: [{ key: 'file.binary' }] };
        if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) this.start = this.checked = 3;
        started = true;
      }
      this.lineBreaks(from);
      if (this.breaks !== undefined) {
        this.check();
        this.parse();
      }
      if (this.stopped || this.final) {
        const info = { encoding: this.encoding ?? this.decoder.encoding, delimiter: this.delimiter, mixedLine: this.decoder.mixedLine };
        return { info, faults: this.faults };
      }
      if (this.end - this.start > MAX_RECORD_BYTES) return { info: null, faults: [...this.faults, { key: 'csv.recordTooLarge', line: this.line }] };
    }
  }

  /** A UTF-16 file: read again through a decoder to UTF-8. */
  private restartAsUtf16(encoding: 'utf-16le' | 'utf-16be') {
    const reader = new CsvReader(utf16Source(this.source, encoding), this.each, this.chunkBytes);
    reader.encoding = encoding;
    return reader.run();
  }

  /** Moves the unparsed bytes to the front of the buffer, and grows it if they leave no room for a chunk. */
  private makeRoom(): void {
    const kept = this.end - this.start;
    const target = kept + this.chunkBytes > this.buf.length ? Buffer.allocUnsafe(kept + this.chunkBytes) : this.buf;
    this.buf.copy(target, 0, this.start, this.end);
    this.buf = target;
    this.checked -= this.start;
    this.end = kept;
    this.start = 0;
  }

  /** Line breaks: from the first one seen (CR alone: an old Mac file, whose CRs become LFs). */
  private lineBreaks(from: number): void {
    const buf = this.buf;
    if (this.breaks === undefined) {
      const lf = buf.indexOf(LF, this.start);
      const cr = buf.indexOf(CR, this.start);
      const has = (i: number) => i >= 0 && i < this.end;
      if (!has(cr) || (has(lf) && lf < cr)) this.breaks = has(lf) || this.final ? 'lf' : undefined;
      else if (cr + 1 < this.end) this.breaks = buf[cr + 1] === LF ? 'lf' : 'cr';
      else if (this.final) this.breaks = 'cr';
      if (this.breaks === 'cr') from = this.start;
    }
    if (this.breaks === 'cr') {
      for (let i = buf.indexOf(CR, from); i >= 0 && i < this.end; i = buf.indexOf(CR, i + 1)) buf[i] = LF;
    } else if (this.final && this.end > this.start && buf[this.end - 1] === CR) buf[this.end - 1] = LF; // a last line ending in CR alone
  }

  /** Checks the encoding of the whole lines read since the last call (Windows-1252 lines become UTF-8). */
  private check(): void {
    const buf = this.buf;
    const to = this.final ? this.end : buf.lastIndexOf(LF, this.end - 1) + 1;
    if (to <= this.checked) return;
    const bytes = buf.subarray(this.checked, to);
    const firstLine = () => this.line + countLines(buf, this.start, this.checked);
    const utf8 = this.sniffed ? this.decoder.toUtf8(bytes, firstLine) : this.sniff(bytes);
    if (utf8 !== bytes) {
      // Longer than the bytes it replaces: into a new buffer.
      const kept = this.checked - this.start;
      const rest = this.end - to;
      const next = Buffer.allocUnsafe(kept + utf8.length + rest + this.chunkBytes + MAX_RECORD_BYTES);
      buf.copy(next, 0, this.start, this.checked);
      next.set(utf8, kept);
      buf.copy(next, kept + utf8.length, to, this.end);
      this.buf = next;
      this.start = 0;
      this.checked = kept + utf8.length;
      this.end = this.checked + rest;
    } else this.checked = to;
  }

  /** The first lines: their encoding, and the delimiter from the header line. */
  private sniff(bytes: Uint8Array): Uint8Array {
    const utf8 = this.decoder.toUtf8(bytes, () => this.line);
    const text = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength);
    const nl = text.indexOf(LF);
    this.delimiter = sniffDelimiter(text.toString('utf8', 0, nl < 0 ? text.length : nl).replace(/\r$/, ''));
    this.sniffed = true;
    this.options = { delimiter: this.delimiter, record_delimiter: ['\r\n', '\n'], relax_column_count: true, max_record_size: MAX_RECORD_BYTES };
    return utf8;
  }

  /**
   * Parses the whole records of [start, checked). They end at the last line break with an even
   * number of quotes before it; when there is none (a quoted field goes on in the next chunk, or
   * a stray quote, whose line csv-parse reports), up to the last line break: a record left open
   * there waits for the next chunk.
   */
  private parse(): void {
    while (!this.stopped && this.start < this.checked) {
      const last = this.final && this.checked === this.end;
      // Right after a fault, quotes are likely odd: no counting them.
      let to = last ? this.end : this.afterFault ? -1 : lastRecordEnd(this.buf, this.start, this.checked);
      if (to < 0) to = this.buf.lastIndexOf(LF, this.checked - 1) + 1;
      if (to <= this.start) return;
      const bytes = this.buf.subarray(this.start, to);
      let records: string[][];
      try {
        records = parse(bytes, this.options);
      } catch (e) {
        const next = this.fault(e as CsvError, bytes, last);
        this.afterFault = next !== null;
        if (next === null) return;
        this.start = next;
        continue;
      }
      this.emit(records, bytes.indexOf(QUOTE) >= 0);
      this.start = to;
      this.afterFault = false;
    }
  }

  /** Passes records to the sink, counting lines (a quoted field may hold line breaks). */
  private emit(records: string[][], quoted: boolean): void {
    for (const cells of records) {
      if (this.each(cells, this.line) === false) {
        this.stopped = true;
        return;
      }
      this.line++;
      if (quoted) for (const c of cells) for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) this.line++;
    }
  }

  /**
   * A record csv-parse rejects: the records before it are read again (they were lost with the
   * error), the fault is placed, and reading goes on at the next line: returns where. A quote
   * still open at the end of bytes that are not the file's last waits for more: returns null.
   */
  private fault(e: CsvError, bytes: Buffer, last: boolean): number | null {
    const good = typeof e.records === 'number' ? e.records : 0;
    const at = typeof e.bytes === 'number' ? e.bytes : 0;
    const column = typeof e.column === 'number' ? e.column + 1 : undefined;
    // Where the broken record starts: after the last good record (csv-parse counts its bytes).
    let recordStart = 0;
    if (good > 0) {
      const before = parse(bytes.subarray(0, at), { ...this.options, to: good, info: true }) as unknown as {
        record: string[];
        info: { bytes: number };
      }[];
      this.emit(
        before.map((r) => r.record),
        true,
      );
      recordStart = before[before.length - 1]!.info.bytes;
      if (this.stopped) return this.start + bytes.length;
    }
    const recordLine = this.line;
    if (e.code === 'CSV_QUOTE_NOT_CLOSED' && !last) {
      this.start += recordStart;
      return null;
    }
    if (e.code === 'CSV_MAX_RECORD_SIZE' || e.code === 'CSV_QUOTE_NOT_CLOSED') {
      this.stopped = true;
      this.faults.push(
        e.code === 'CSV_MAX_RECORD_SIZE'
          ? { key: 'csv.recordTooLarge', line: recordLine }
          : { key: 'csv.unclosedQuote', line: recordLine, ...(column ? { column } : {}) },
      );
      return this.start + bytes.length;
    }
    let where: number;
    let key: CsvFault['key'];
    if (e.code === 'INVALID_OPENING_QUOTE') {
      // A quote inside a field that does not start with one: the first quote of that field.
      key = 'csv.quoteInField';
      where = bytes.indexOf(QUOTE, at);
    } else if (e.code === 'CSV_INVALID_CLOSING_QUOTE') {
      // Text after the closing quote of a field: the field starts after the delimiter at `at`.
      key = 'csv.afterQuote';
      let q = bytes.indexOf(QUOTE, (column === 1 ? at : at + 1) + 1);
      while (bytes[q + 1] === QUOTE) q = bytes.indexOf(QUOTE, q + 2);
      where = q + 1;
    } else throw e;
    if (where <= recordStart) throw e; // not where csv-parse says: an internal error, not rows lost silently
    const line = recordLine + countLines(bytes, recordStart, where);
    this.faults.push({ key, line, ...(column ? { column } : {}) });
    if (this.faults.length >= MAX_FAULTS) this.stopped = true;
    const next = bytes.indexOf(LF, where);
    this.line = line + 1;
    return this.start + (next < 0 ? bytes.length : next + 1);
  }
}

/** A UTF-16 source (after its byte order mark) read as UTF-8 bytes, in order. */
function utf16Source(source: ByteSource, encoding: 'utf-16le' | 'utf-16be'): ByteSource {
  const decoder = new TextDecoder(encoding);
  const raw = Buffer.allocUnsafe(CHUNK_BYTES);
  let position = 0;
  let pending = Buffer.alloc(0);
  let done = false;
  return {
    read(into) {
      while (pending.length === 0 && !done) {
        const n = source.read(raw, position);
        position += n;
        done = n === 0;
        pending = Buffer.from(decoder.decode(raw.subarray(0, n), { stream: !done }), 'utf8');
      }
      const n = pending.copy(into, 0, 0, Math.min(into.length, pending.length));
      pending = pending.subarray(n);
      return n;
    },
    close: () => source.close(),
  };
}

/**
 * Read the CSV records of a source in bounded memory. Returns what was found about the file and
 * its faults: broken lines are skipped, a fault that ends the reading is last.
 */
export function streamCsv(source: ByteSource, each: RecordSink, chunkBytes = CHUNK_BYTES): { info: CsvInfo | null; faults: CsvFault[] } {
  try {
    return new CsvReader(source, each, chunkBytes).run();
  } finally {
    source.close();
  }
}
