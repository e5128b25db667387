// Excel workbooks (.xlsx): each sheet becomes a Table, like a CSV file, with sheet and cell places.
// Dates stored as Excel dates arrive as Date objects; formulas are read as their cached results.
import type { ProblemList } from '../shared/problems.js';
import { tableOfRows, type Row, type Table } from './table.js';
import { checkWorkbookZip } from './zip-check.js';

type CellValue = string | number | boolean | Date | null;

/** Cell text as the readers expect it: ISO dates, plain numbers, trimmed text. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '#####' : v.toISOString().slice(0, 10); // as Excel shows a date it cannot: reported, never blank
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v).trim();
}

/** A sheet's non-empty rows as text cells; row numbers are sheet rows. */
export function sheetRows(data: CellValue[][]): Row[] {
  return data.map((r, i) => ({ line: i + 1, cells: r.map(cellText) })).filter((r) => r.cells.some((c) => c !== ''));
}

/** A sheet's rows as a Table: the first non-empty row is the header; row numbers are sheet rows. */
export function sheetToTable(file: string, sheet: string, data: CellValue[][]): Table | null {
  return rowsToTable(file, sheet, sheetRows(data));
}

/** Non-empty rows as a Table: the first is the header. */
export function rowsToTable(file: string, sheet: string, sheetRows: Row[]): Table | null {
  const rows = [...sheetRows];
  const head = rows.shift();
  if (!head) return null;
  return tableOfRows(file, sheet, head, rows);
}

/** Read every sheet of a workbook; an unreadable file is one problem. */
export async function readWorkbook(file: string, bytes: Uint8Array, problems: ProblemList): Promise<Table[] | null> {
  const sheets = await readWorkbookRows(bytes, problems);
  return (
    sheets &&
    sheets.flatMap((s) => {
      const t = rowsToTable(file, s.sheet, s.rows);
      return t ? [t] : [];
    })
  );
}

/** Every sheet of a workbook as its non-empty rows (a review form is read from these); an unreadable file is one problem. */
export async function readWorkbookRows(bytes: Uint8Array, problems: ProblemList): Promise<{ sheet: string; rows: Row[] }[] | null> {
  const zip = checkWorkbookZip(bytes);
  if (zip) {
    problems.error({}, zip.key, 'params' in zip ? zip.params : {});
    return null;
  }
  const { default: readXlsxFile } = await import('read-excel-file/node');
  try {
    const sheets = await readXlsxFile(Buffer.from(bytes));
    return sheets.map((s) => ({ sheet: s.sheet, rows: sheetRows(s.data as CellValue[][]) }));
  } catch (e) {
    problems.error({}, 'file.workbook', { reason: (e as Error).message.split('\n')[0] ?? '' });
    return null;
  }
}
