// The workbook writer: the same tables give the same bytes whatever the clock; data validation in the sheet.
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cellRef, headerRow, validationsXml, workbookBytes, type XlsxTable } from '../../src/render/xlsx.js';

const table: XlsxTable = {
  name: 'Review',
  preamble: [
    { label: 'Program', value: 'Riverside' },
    { label: 'Review date', value: '2026-03-12', type: 'date' },
  ],
  columns: [
    { title: 'Code', type: 'text' },
    { title: 'Score', type: 'integer' },
    { title: 'Rate', type: 'percent' },
  ],
  rows: [
    ['S1', 4, 0.5],
    ['S2', null, null],
  ],
  validations: [
    {
      cells: [
        { row: 0, column: 1 },
        { row: 1, column: 1 },
      ],
      rule: { kind: 'whole', min: 1, max: 5, title: 'Score', message: 'a whole number from 1 to 5' },
    },
    { cells: [{ row: 1, column: 2 }], rule: { kind: 'list', values: ['x', '0'] } },
    { cells: [{ row: 0, column: 1, preamble: true }], rule: { kind: 'decimal', min: 0 } },
  ],
};

describe('xlsx writer', () => {
  afterEach(() => vi.useRealTimers());
  it('places cells under the preamble and its blank row', () => {
    expect(headerRow(table)).toBe(4);
    expect(cellRef(table, 0, 1)).toBe('B5');
    expect(cellRef(table, 1, 0, true)).toBe('B2');
    expect(headerRow({})).toBe(1);
  });
  it('writes whole-number, list and decimal rules', () => {
    const xml = validationsXml(table);
    expect(xml).toContain('<dataValidations count="3">');
    expect(xml).toContain(
      'type="whole" allowBlank="1" showErrorMessage="1" errorTitle="Score" error="a whole number from 1 to 5" sqref="B5 B6"><formula1>1</formula1><formula2>5</formula2>',
    );
    expect(xml).toContain('type="list" allowBlank="1" showErrorMessage="1" sqref="C6"><formula1>&quot;x,0&quot;</formula1>');
    expect(xml).toContain(
      'type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" sqref="B1"><formula1>0</formula1></dataValidation>',
    );
    expect(validationsXml({ ...table, validations: [] })).toBe('');
  });
  it('gives the same bytes at different times, with the validation, frozen header and formats in the sheet', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    const a = await workbookBytes([table]);
    vi.setSystemTime(new Date('2040-12-31T23:59:58Z'));
    const b = await workbookBytes([table]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const files = unzipSync(a);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<dataValidations count="3">');
    // The element's place among its siblings: after sheetData, before pageMargins.
    expect(sheet.indexOf('<dataValidations')).toBeGreaterThan(sheet.indexOf('</sheetData>'));
    if (sheet.includes('<pageMargins')) expect(sheet.indexOf('<dataValidations')).toBeLessThan(sheet.indexOf('<pageMargins'));
    expect(sheet).toMatch(/<pane [^>]*ySplit="4"[^>]*state="frozen"/);
    expect(strFromU8(files['xl/styles.xml']!)).toContain('formatCode="0.0%"');
  });
});
