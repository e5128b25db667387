// Bytes to text: UTF-8 (with or without BOM), UTF-16 (with BOM) or Windows-1252, and the delimiter of a table.
import { isAscii, isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';

// iconv-lite is needed only for Windows-1252 (Node's own decoder loses € œ ’): loaded on first use.
let iconv: typeof import('iconv-lite') | undefined;
const fromWindows1252 = (bytes: Buffer): string =>
  (iconv ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite')).decode(bytes, 'win1252');

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** True when the bytes hold at least one well-formed UTF-8 multi-byte sequence. */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) return true;
  }
  return false;
}

/**
 * Checks text that arrives in pieces of whole lines (each piece ends at a line break, or at the
 * end of the file). Strictly valid UTF-8 is UTF-8; a line that is not is Windows-1252. A file
 * that holds both is "mixed": `mixedLine` is the first line that is not UTF-8.
 */
export class LineDecoder {
  encoding: Encoding = 'utf-8';
  /** First line that is not UTF-8, in a file that also holds UTF-8 multi-byte text. */
  mixedLine: number | null = null;
  private utf8Seen = false;
  private firstBadLine: number | null = null;

  /**
   * The piece as UTF-8 bytes: the same bytes when they are UTF-8 (an ASCII check first: most
   * files are ASCII), else each line that is not UTF-8 decoded from Windows-1252. `firstLine` gives
   * the line the piece starts on (for `mixedLine`; counted only when needed).
   */
  toUtf8(bytes: Uint8Array, firstLine: () => number): Uint8Array {
    if (isAscii(bytes)) return bytes;
    if (isUtf8(bytes)) {
      this.see(true, null);
      return bytes;
    }
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const parts: Uint8Array[] = [];
    let line = firstLine();
    for (let start = 0; start < buf.length; line++) {
      let end = buf.indexOf(0x0a, start);
      end = end < 0 ? buf.length : end + 1;
      const piece = buf.subarray(start, end);
      if (isUtf8(piece)) {
        if (!isAscii(piece)) this.see(true, null);
        parts.push(piece);
      } else {
        this.encoding = 'windows-1252';
        this.see(hasUtf8Sequence(piece), line);
        parts.push(Buffer.from(fromWindows1252(piece), 'utf8'));
      }
      start = end;
    }
    return Buffer.concat(parts);
  }

  /** Decode one piece to text; `firstLine` is the line it starts on. */
  decode(bytes: Uint8Array, firstLine: number): string {
    const utf8 = this.toUtf8(bytes, () => firstLine);
    return Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength).toString('utf8');
  }

  private see(utf8: boolean, badLine: number | null): void {
    if (utf8) this.utf8Seen = true;
    if (badLine !== null && this.firstBadLine === null) this.firstBadLine = badLine;
    if (this.utf8Seen && this.firstBadLine !== null) this.mixedLine ??= this.firstBadLine;
  }
}

/** The UTF-16 encoding a byte order mark names, if the bytes start with one. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The bytes after a UTF-8 byte order mark, if there is one. */
export function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** Decode a whole file: a UTF-16 BOM is UTF-16; a UTF-8 BOM or strictly valid UTF-8 is UTF-8, anything else is Windows-1252 (line by line when mixed). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding; mixedLine: number | null } {
  const utf16 = utf16Bom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, mixedLine: null };
  const decoder = new LineDecoder();
  const text = decoder.decode(withoutBom(bytes), 1).replace(/^\uFEFF/, '');
  return { text, encoding: decoder.encoding, mixedLine: decoder.mixedLine };
}

export type Delimiter = ',' | ';' | '\t';

/** The delimiter of a table, from its header line: the candidate that occurs most outside quotes. */
export function sniffDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** True when the bytes look binary rather than text (NUL bytes or many control characters); UTF-16 with a BOM is text. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (utf16Bom(bytes)) return false;
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}
