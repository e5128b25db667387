// Bytes to text: UTF-8 (with or without BOM) or Windows-1252, and the delimiter of a table.
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'windows-1252';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Line of the first byte that breaks UTF-8, when the bytes also hold valid UTF-8 multi-byte
 * sequences: a file that mixes UTF-8 and Windows-1252 (e.g. rows pasted from two exports).
 */
export function mixedEncodingLine(bytes: Uint8Array): number | null {
  let line = 1;
  let utf8Seen = false;
  let firstBad: number | null = null;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    if (b < 0x80) continue;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      utf8Seen = true;
      i += len - 1;
    } else if (firstBad === null) firstBad = line;
    if (utf8Seen && firstBad !== null) return firstBad;
  }
  return null;
}

/** Decode a file: a UTF-8 BOM or strictly valid UTF-8 is UTF-8, anything else is Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8.decode(bytes.subarray(3)).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  }
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (mixedEncodingLine(bytes) === null) return { text: iconv.decode(buf, 'win1252'), encoding: 'windows-1252' };
    // Mixed: each line in the encoding it is valid in (UTF-8 where it can be, else Windows-1252).
    const lines: string[] = [];
    for (let start = 0; start <= buf.length; ) {
      let end = buf.indexOf(0x0a, start);
      if (end < 0) end = buf.length;
      const line = buf.subarray(start, end);
      try {
        lines.push(strictUtf8.decode(line));
      } catch {
        lines.push(iconv.decode(line, 'win1252'));
      }
      start = end + 1;
    }
    return { text: lines.join('\n'), encoding: 'windows-1252' };
  }
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

/** True when the bytes look binary rather than text (NUL bytes or many control characters). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}
