// A workbook checked before the xlsx reader unzips it: a zip bomb (a small file that unpacks to
// gigabytes) or a sheet too large to read in memory is refused at once, with the reason.
// The central directory gives each part's declared size; the parts the reader will unpack (XML)
// are then inflated here with a cap on the output, so a part that lies about its size is caught too.
import { inflateRawSync } from 'node:zlib';

/** The most bytes one unpacked part (a sheet's XML) may have. */
export const MAX_PART_BYTES = 64 * 1_048_576;
/** The most bytes all the unpacked parts the reader reads may have together. */
export const MAX_UNPACKED_BYTES = 160 * 1_048_576;
/** The most rows of a sheet: a larger table is read from CSV, streamed in bounded memory. */
export const MAX_SHEET_ROWS = 100_000;
/** The most cells of all sheets together. */
export const MAX_CELLS = 2_000_000;

export type ZipProblem =
  | { key: 'readers.xlsxEncrypted' | 'readers.xlsxLegacy' | 'readers.xlsxZip' }
  | { key: 'readers.xlsxPartTooLarge'; params: { part: string; max: string } }
  | { key: 'readers.xlsxTooLarge'; params: { max: string } }
  | { key: 'readers.xlsxRows'; params: { part: string; rows: number; max: number } }
  | { key: 'readers.xlsxCells'; params: { max: number } };

const mb = (n: number) => `${Math.round(n / 1_048_576)} MB`;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether a compound (OLE) file holds an encrypted OOXML package: the streams Office writes for a password. */
function isEncryptedOle(buf: Buffer): boolean {
  return buf.includes(Buffer.from('EncryptedPackage', 'utf16le')) || buf.includes(Buffer.from('EncryptionInfo', 'utf16le'));
}

/** Count `<tag` followed by a space, `>` or `/` in XML bytes. */
function countTags(xml: Buffer, tag: string): number {
  const needle = Buffer.from(`<${tag}`);
  let n = 0;
  for (let i = xml.indexOf(needle); i >= 0; i = xml.indexOf(needle, i + needle.length)) {
    const c = xml[i + needle.length];
    if (c === 0x20 || c === 0x3e || c === 0x2f) n++;
  }
  return n;
}

/** The first reason the workbook cannot be read safely, or null when it may be handed to the reader. */
export function checkWorkbookZip(bytes: Uint8Array): ZipProblem | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 8 && OLE.every((b, i) => buf[i] === b)) return { key: isEncryptedOle(buf) ? 'readers.xlsxEncrypted' : 'readers.xlsxLegacy' };
  // End of central directory: in the last 64 KB (its comment may be up to 65,535 bytes).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null; // not a zip: the reader says what it is
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  let cells = 0;
  for (let e = 0; e < count; e++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return { key: 'readers.xlsxZip' };
    const method = buf.readUInt16LE(at + 10);
    const packed = buf.readUInt32LE(at + 20);
    const declared = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    // Only the XML parts are unpacked by the reader (see read-excel-file's filterZipArchiveEntry).
    if (!name.endsWith('.xml') && !name.endsWith('.xml.rels')) continue;
    if (declared > MAX_PART_BYTES) return { key: 'readers.xlsxPartTooLarge', params: { part: name, max: mb(MAX_PART_BYTES) } };
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return { key: 'readers.xlsxZip' };
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + packed > buf.length) return { key: 'readers.xlsxZip' };
    const data = buf.subarray(start, start + packed);
    let xml: Buffer;
    if (method === 0) xml = data;
    else if (method === 8) {
      try {
        xml = inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          return { key: 'readers.xlsxPartTooLarge', params: { part: name, max: mb(MAX_PART_BYTES) } };
        return { key: 'readers.xlsxZip' };
      }
    } else return { key: 'readers.xlsxZip' };
    total += xml.length;
    if (total > MAX_UNPACKED_BYTES) return { key: 'readers.xlsxTooLarge', params: { max: mb(MAX_UNPACKED_BYTES) } };
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const rows = countTags(xml, 'row');
      if (rows > MAX_SHEET_ROWS) return { key: 'readers.xlsxRows', params: { part: name, rows, max: MAX_SHEET_ROWS } };
      cells += countTags(xml, 'c');
      if (cells > MAX_CELLS) return { key: 'readers.xlsxCells', params: { max: MAX_CELLS } };
    }
  }
  return null;
}
