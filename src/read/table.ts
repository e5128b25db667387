// A table read from a CSV file or a workbook sheet: header, rows, and where each cell is.
// A CSV table streams its rows from the file, so a table of any length is read in bounded memory.
import { statSync } from 'node:fs';
import { fileSource, memorySource, streamCsv, type ByteSource, type CsvFault } from './csv.js';
import { readStdin, STDIN, STDIN_NAME, withInputFile } from './files.js';
import { normalizeName } from '../shared/values.js';
import { ProblemList, type Place } from '../shared/problems.js';

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
  /** The most rows the table can hold, from its file's size (a row takes 16 bytes at least); none for a sheet. */
  mostRows?: number;
  /** Calls `each` with every non-blank row after the header, in order (a CSV table reads its file again). */
  eachRow(each: (row: Row) => void): void;
}

/** Spreadsheet column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Where a cell is: line and column in a CSV file, sheet and cell reference in a workbook. */
export function placeOf(table: Pick<Table, 'sheet'>, line: number, column: number): Omit<Place, 'file'> {
  if (table.sheet !== undefined) return { sheet: table.sheet, cell: `${columnLetters(column)}${line}`, line, column: column + 1 };
  return { line, column: column + 1 };
}

/** A table whose rows are in memory (a workbook sheet). */
export function tableOfRows(file: string, sheet: string | undefined, head: Row, rows: Row[]): Table {
  return { file, ...(sheet !== undefined ? { sheet } : {}), header: head.cells, headerLine: head.line, eachRow: (each) => rows.forEach(each) };
}

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

function reportFault(fault: CsvFault, problems: ProblemList): void {
  const at = { ...(fault.line !== undefined ? { line: fault.line } : {}), ...(fault.column !== undefined ? { column: fault.column } : {}) };
  problems.error(at, fault.key, fault.key === 'csv.recordTooLarge' ? { max: '1 MB' } : {});
}

/** A source that notes whether it has passed a NUL byte (a damaged file): cells are then checked for one. */
function watchNul(source: ByteSource, seen: { nul: boolean }): ByteSource {
  return {
    read(into, position) {
      const n = source.read(into, position);
      if (!seen.nul && into.subarray(0, n).includes(0)) seen.nul = true;
      return n;
    },
    close: () => source.close(),
  };
}

/** The first cell holding a NUL character, or -1. */
function nulCell(cells: string[]): number {
  for (let i = 0; i < cells.length; i++) if (cells[i]!.includes('\0')) return i;
  return -1;
}

/**
 * Open a CSV table: the header and the first row are read now (an empty, binary or header-only
 * file is a problem here); `eachRow` then streams the whole file, reporting any later fault.
 */
export function openCsvTable(file: string, source: () => ByteSource, problems: ProblemList, bytes?: number): Table | null {
  let head: Row | null = null;
  let hasRows = false;
  const { faults } = streamCsv(source(), (cells, line) => {
    if (isBlank(cells)) return true;
    if (head) return !(hasRows = true);
    head = { line, cells };
    return true;
  });
  const header = head as Row | null;
  // Broken before its header or its first row: nothing in the file can be read.
  const early = (f: CsvFault) => !header || f.line === undefined || f.line <= header.line;
  if (faults.length > 0 && (!hasRows || faults.some(early))) {
    for (const f of faults) reportFault(f, problems);
    return null;
  }
  if (!header) {
    problems.error({}, 'file.empty');
    return null;
  }
  if (!hasRows) {
    problems.error({ line: header.line }, 'file.noRows');
    return null;
  }
  return {
    file,
    header: header.cells.map((h) => h.trim()),
    headerLine: header.line,
    ...(bytes !== undefined ? { mostRows: Math.ceil(bytes / 16) } : {}),
    eachRow(each) {
      let seenHeader = false;
      const seen = { nul: false };
      let nuls = 0;
      const read = streamCsv(watchNul(source(), seen), (cells, line) => {
        if (isBlank(cells)) return;
        const nul = seen.nul ? nulCell(cells) : -1;
        if (nul >= 0) {
          // Never copied into outputs: the row is reported, once per file, and not read.
          if (nuls++ === 0) problems.error({ line, column: nul + 1 }, 'readers.nul');
          return;
        }
        if (seenHeader) each({ line, cells });
        else seenHeader = true;
      });
      if (read.info?.mixedLine != null) problems.warn({ line: read.info.mixedLine }, 'file.mixedEncoding');
      for (const f of read.faults) reportFault(f, problems);
    },
  };
}

/** A CSV table from bytes in memory. */
export function readCsvTable(file: string, bytes: Uint8Array, problems: ProblemList): Table | null {
  return openCsvTable(file, () => memorySource(bytes), problems);
}

/** A CSV table from a file, or a clear problem when the file cannot be read. */
export function openCsvFile(path: string, problems: ProblemList): Table | null {
  if (path === STDIN) {
    const bytes = readStdin(problems);
    return bytes && openCsvTable(STDIN_NAME, () => memorySource(bytes), problems, bytes.length);
  }
  return withInputFile(path, problems, () => openCsvTable(path, () => fileSource(path), problems, statSync(path).size));
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
      problems.warn(
        placeOf(table, table.headerLine, taken!),
        'column.aliasIgnored',
        { column: table.header[taken!]!, by: h },
        table.header[taken!],
        table.header[taken!],
      );
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
