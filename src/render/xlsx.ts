// Excel workbooks (.xlsx) from named tables of typed cells: one sheet per table, header row frozen,
// columns sized to their content, numbers as numbers, dates as dates, rates as percentages.
// write-excel-file is imported here, when a workbook is asked for: no other output loads it.
// Same tables, same bytes: the zip entries' times (the clock, in the library) are set to a fixed date.

/** How a column's cells are stored and shown. */
export type XlsxType = 'text' | 'integer' | 'number' | 'percent' | 'date' | 'boolean';

export interface XlsxColumn {
  title: string;
  type: XlsxType;
  /** Width in characters; fitted to the title and the cells when not given. */
  width?: number;
}

/** A cell: its value (a date as `YYYY-MM-DD`, a percentage as a fraction), or a value with its own type. */
export type XlsxValue = string | number | boolean | null | undefined | { value: string | number | boolean | null; type: XlsxType };

/** A rule on what a cell may hold, as Excel checks it while a user types. */
export type XlsxRule =
  | { kind: 'whole' | 'decimal'; min: number; max?: number; title?: string; message?: string }
  | { kind: 'list'; values: string[]; title?: string; message?: string };

/** Cells of a table given by row index (in `rows`, or `preamble` when `preamble` is set) and column index. */
export interface XlsxValidation {
  cells: { row: number; column: number; preamble?: boolean }[];
  rule: XlsxRule;
}

export interface XlsxTable {
  /** The sheet's name (at most 31 characters; none of [ ] : * ? / \). */
  name: string;
  /** Labelled cells above the table (label, value), then a blank row. */
  preamble?: { label: string; value: XlsxValue; type?: XlsxType }[];
  columns: XlsxColumn[];
  rows: XlsxValue[][];
  validations?: XlsxValidation[];
}

const FORMATS: Partial<Record<XlsxType, string>> = { percent: '0.0%', date: 'yyyy-mm-dd', integer: '0', number: '0.####' };

/** Spreadsheet column letters of a 0-based column index (0 → A, 26 → AA). */
function letters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The 1-based sheet row of the header: after the preamble and its blank row. */
export function headerRow(t: Pick<XlsxTable, 'preamble'>): number {
  return t.preamble?.length ? t.preamble.length + 2 : 1;
}

/** The reference (`C9`) of a table cell (row index in `rows`) or a preamble value (row index in `preamble`). */
export function cellRef(t: Pick<XlsxTable, 'preamble'>, row: number, column: number, preamble = false): string {
  return `${letters(preamble ? 1 : column)}${preamble ? row + 1 : headerRow(t) + 1 + row}`;
}

interface Typed {
  value: string | number | boolean | Date | null;
  type: XlsxType;
}

function typed(v: XlsxValue, type: XlsxType): Typed {
  if (v !== null && typeof v === 'object') return typed(v.value, v.type);
  if (v === null || v === undefined || v === '') return { value: null, type };
  if (type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return { value: new Date(`${v}T00:00:00Z`), type };
  if (typeof v === 'number' && !Number.isFinite(v)) return { value: null, type };
  return {
    value: v,
    type:
      typeof v === 'number'
        ? type === 'text' || type === 'boolean' || type === 'date'
          ? 'number'
          : type
        : typeof v === 'boolean'
          ? 'boolean'
          : 'text',
  };
}

/** The text a cell shows, for fitting the column's width. */
function shownLength(c: Typed): number {
  if (c.value === null) return 0;
  if (c.value instanceof Date) return 10;
  if (c.type === 'percent' && typeof c.value === 'number') return 7;
  return String(c.value).length;
}

function cellObject(c: Typed, bold = false): Record<string, unknown> | null {
  // An empty date cell keeps the date format: a date typed or pasted into it later (in LibreOffice too)
  // is stored as a date, not as a bare day number.
  if (c.value === null) return c.type === 'date' ? { value: null, type: Date, format: FORMATS.date } : null;
  const type = c.value instanceof Date ? Date : typeof c.value === 'number' ? Number : typeof c.value === 'boolean' ? Boolean : String;
  const format = FORMATS[c.type];
  return { value: c.value, type, ...(format && type !== String && type !== Boolean ? { format } : {}), ...(bold ? { fontWeight: 'bold' } : {}) };
}

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `<dataValidations>` element of a sheet. */
export function validationsXml(t: XlsxTable): string {
  const rules = (t.validations ?? []).filter((v) => v.cells.length > 0);
  if (rules.length === 0) return '';
  const one = (v: XlsxValidation) => {
    const r = v.rule;
    const sqref = v.cells.map((c) => cellRef(t, c.row, c.column, c.preamble)).join(' ');
    const messages = `${r.title ? ` errorTitle="${xmlAttr(r.title)}"` : ''}${r.message ? ` error="${xmlAttr(r.message)}"` : ''}`;
    if (r.kind === 'list') {
      const list = `"${r.values.map((x) => x.replace(/"/g, '""')).join(',')}"`;
      return `<dataValidation type="list" allowBlank="1" showErrorMessage="1"${messages} sqref="${sqref}"><formula1>${xmlAttr(list)}</formula1></dataValidation>`;
    }
    const between = r.max !== undefined;
    return (
      `<dataValidation type="${r.kind}"${between ? '' : ' operator="greaterThanOrEqual"'} allowBlank="1" showErrorMessage="1"${messages} sqref="${sqref}">` +
      `<formula1>${r.min}</formula1>${between ? `<formula2>${r.max}</formula2>` : ''}</dataValidation>`
    );
  };
  return `<dataValidations count="${rules.length}">${rules.map(one).join('')}</dataValidations>`;
}

/**
 * Set every entry's time in a zip archive (local headers and central directory) to 1980-01-01 00:00,
 * the earliest a zip can say: the library stamps them with the clock. Times are not in the CRCs.
 */
export function fixZipTimes(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return bytes;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let e = 0; e < entries && view.getUint32(at, true) === 0x02014b50; e++) {
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, 0x21, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, 0, true);
      view.setUint16(local + 12, 0x21, true);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return bytes;
}

/** The sheet data and options of one table, as write-excel-file takes them. */
function sheetOf(t: XlsxTable) {
  const data: (Record<string, unknown> | null)[][] = [];
  const labelWidth = Math.max(0, ...(t.preamble ?? []).map((p) => p.label.length));
  let valueWidth = 0;
  for (const p of t.preamble ?? []) {
    const v = typed(p.value, p.type ?? 'text');
    valueWidth = Math.max(valueWidth, shownLength(v));
    data.push([cellObject({ value: p.label, type: 'text' }, true), cellObject(v) ?? { value: '', type: String }]);
  }
  if (t.preamble?.length) data.push([]);
  data.push(t.columns.map((c) => cellObject({ value: c.title, type: 'text' }, true)));
  const widths = t.columns.map((c) => c.title.length);
  for (const row of t.rows) {
    data.push(
      t.columns.map((c, i) => {
        const v = typed(row[i], c.type);
        widths[i] = Math.max(widths[i]!, shownLength(v));
        return cellObject(v);
      }),
    );
  }
  const fit = (n: number) => Math.min(60, Math.max(6, n + 2));
  const columns = t.columns.map((c, i) => ({ width: c.width ?? fit(widths[i]!) }));
  if (t.preamble?.length) {
    columns[0] = { width: Math.max(columns[0]?.width ?? 0, fit(labelWidth)) };
    if (columns.length > 1) columns[1] = { width: Math.max(columns[1]!.width, fit(valueWidth)) };
  }
  return { data, sheet: t.name, columns, stickyRowsCount: headerRow(t), dataValidationsXml: validationsXml(t) };
}

/** A workbook of the tables, one sheet each, as bytes. */
export async function workbookBytes(tables: XlsxTable[]): Promise<Uint8Array> {
  const [{ default: writeXlsxFile }, { insertElementMarkupAccordingToOrderOfSiblings, getOrderOfSiblings }] = await Promise.all([
    import('write-excel-file/node'),
    import('write-excel-file/utility'),
  ]);
  const sheets = tables.map(sheetOf);
  // Data validation is not in the library's core: a "feature" (its documented extension point) adds the element.
  const validation = {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml: string, _options: unknown, { sheetIndex }: { sheetIndex: number }) => {
            const markup = sheets[sheetIndex]?.dataValidationsXml;
            if (!markup) return xml;
            return insertElementMarkupAccordingToOrderOfSiblings(
              xml,
              markup,
              getOrderOfSiblings('xl/worksheets/sheet{id}.xml', 'worksheet') ?? [],
              'worksheet',
            );
          },
        },
      },
    },
  };
  // The library writes no "Normal" cell style; spreadsheet programs then warn (openpyxl: "Workbook
  // contains no default style"). The master style and its name, in the order ECMA-376 sets.
  const styles = (xml: string) => {
    const order = getOrderOfSiblings('xl/styles.xml', 'styleSheet') ?? [];
    const withMaster = insertElementMarkupAccordingToOrderOfSiblings(
      xml,
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      order,
      'styleSheet',
    );
    return insertElementMarkupAccordingToOrderOfSiblings(
      withMaster,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      order,
      'styleSheet',
    );
  };
  const normalStyle = {
    files: { transform: { 'xl/styles.xml': { transform: (xml: string) => (xml.includes('<cellStyles') ? xml : styles(xml)) } } },
  };
  const buffer = await writeXlsxFile(
    sheets.map(({ dataValidationsXml: _, ...s }) => s) as Parameters<typeof writeXlsxFile>[0] & unknown[],
    { features: [validation, normalStyle] } as Parameters<typeof writeXlsxFile>[1],
  ).toBuffer();
  return fixZipTimes(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
}
