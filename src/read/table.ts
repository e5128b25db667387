// A table read from a CSV file (or, later, a workbook sheet): header, rows, and where each cell is.
import { parse } from 'csv-parse/sync';
import { decodeText, looksBinary, mixedEncodingLine, sniffDelimiter, type Delimiter, type Encoding } from './text.js';

/** The longest record a table may hold: longer is not a spreadsheet export but a broken or hostile file. */
export const MAX_RECORD_BYTES = 1_048_576;
import { normalizeName } from './values.js';
import { ProblemList, type Place } from './problems.js';

export interface Row {
  /** 1-based line (CSV) or row number (sheet) where the record starts. */
  line: number;
  cells: string[];
}

export interface Table {
  file: string;
  sheet?: string;
  header: string[];
  headerLine: number;
  rows: Row[];
  encoding?: Encoding;
  delimiter?: Delimiter;
}

/** Spreadsheet column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Where a cell is: line and column in a CSV file, sheet and cell reference in a workbook. */
export function placeOf(table: Table, line: number, column: number): Omit<Place, 'file'> {
  if (table.sheet !== undefined) return { sheet: table.sheet, cell: `${columnLetters(column)}${line}`, line, column: column + 1 };
  return { line, column: column + 1 };
}

/** Parse CSV bytes into a table; decoding, delimiter and parse errors go to `problems`. */
export function readCsvTable(file: string, bytes: Uint8Array, problems: ProblemList): Table | null {
  if (bytes.length === 0) {
    problems.error({}, 'file.empty');
    return null;
  }
  if (looksBinary(bytes)) {
    problems.error({}, 'file.binary');
    return null;
  }
  const { text, encoding } = decodeText(bytes);
  if (encoding === 'windows-1252') {
    const mixed = mixedEncodingLine(bytes);
    if (mixed !== null) problems.warn({ line: mixed }, 'file.mixedEncoding');
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = sniffDelimiter(firstLine);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: false,
      max_record_size: MAX_RECORD_BYTES,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { code?: string; lines?: number; message: string };
    if (err.code === 'CSV_MAX_RECORD_SIZE') problems.error({ line: err.lines }, 'csv.recordTooLarge', { max: '1 MB' });
    else problems.error({ line: err.lines }, 'csv.syntax', { detail: err.message.replace(/^[^:]*:\s*/, '') });
    return null;
  }
  const rows: Row[] = [];
  for (const { record, info } of records) {
    let inner = 0;
    for (const cell of record) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) inner++;
    if (record.every((c) => c.trim() === '')) continue;
    rows.push({ line: info.lines - inner, cells: record });
  }
  const head = rows.shift();
  if (!head) {
    problems.error({}, 'file.empty');
    return null;
  }
  if (rows.length === 0) {
    problems.error({ line: head.line }, 'file.noRows');
    return null;
  }
  return { file, header: head.cells.map((h) => h.trim()), headerLine: head.line, rows, encoding, delimiter };
}

/** A column the reader knows: its key, the header names it accepts (English and French), and whether it is required. */
export interface ColumnSpec {
  key: string;
  aliases: string[];
  required?: boolean;
}

export type ColumnIndex = Record<string, number | undefined>;

/**
 * Match the table's header against the known columns (case, accents, spaces, `_`/`-` ignored).
 * Missing required columns are errors; unknown columns are warnings unless `keepUnknown` claims them.
 */
export function mapColumns(
  table: Table,
  specs: ColumnSpec[],
  problems: ProblemList,
  keepUnknown?: (header: string, index: number) => boolean,
): ColumnIndex {
  const byName = new Map<string, string>();
  for (const s of specs) for (const a of [s.key, ...s.aliases]) byName.set(normalizeName(a), s.key);
  const index: ColumnIndex = {};
  const canonical = (h: string, key: string) => normalizeName(h) === normalizeName(key);
  table.header.forEach((h, i) => {
    const key = byName.get(normalizeName(h));
    const taken = key === undefined ? undefined : index[key];
    if (key !== undefined && taken === undefined) index[key] = i;
    else if (key !== undefined && canonical(h, key) && !canonical(table.header[taken!]!, key)) {
      // The column's own name wins over an alias (e.g. item beside code): the alias is set aside.
      problems.warn(placeOf(table, table.headerLine, taken!), 'column.aliasIgnored', { column: table.header[taken!]!, by: h }, table.header[taken!], table.header[taken!]);
      index[key] = i;
    } else if (key !== undefined && !canonical(h, key) && canonical(table.header[taken!]!, key)) {
      problems.warn(placeOf(table, table.headerLine, i), 'column.aliasIgnored', { column: h, by: table.header[taken!]! }, h, h);
    } else if (key !== undefined) problems.error(placeOf(table, table.headerLine, i), 'column.duplicate', { column: h }, h, h);
    else if (!keepUnknown?.(h, i)) problems.warn(placeOf(table, table.headerLine, i), 'column.unknown', { column: h }, h, h);
  });
  for (const s of specs) {
    if (s.required && index[s.key] === undefined) {
      problems.error({ line: table.headerLine }, 'column.missing', { column: s.key, aliases: s.aliases.join(', ') });
    }
  }
  return index;
}

/** The trimmed text of a cell, or '' when the row is shorter. */
export function cellOf(row: Row, index: number | undefined): string {
  return index === undefined ? '' : (row.cells[index] ?? '').trim();
}
