// Builds the .xlsx fixtures from their CSV twins, as Excel would store them: real Excel dates,
// numbers as numbers, and one formula cell with its cached result. Run: node scripts/make-workbooks.mjs
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';

const decode = (bytes) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1252');
  }
};
const dateCell = (s) => {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dmy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  return y ? { value: new Date(Date.UTC(+y, +m - 1, +d)), type: Date, format: 'dd/mm/yyyy' } : null;
};
/** CSV text → sheet rows: dates become Excel dates, numbers (decimal comma too) numbers. */
function sheetOf(file, { dateColumns = [] } = {}) {
  const text = decode(readFileSync(file)).replace(/^\uFEFF/, '');
  const delimiter = text.split(/\r?\n/)[0].includes(';') ? ';' : ',';
  const rows = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true });
  const header = rows[0];
  return rows.map((r, i) =>
    r.map((cell, j) => {
      if (i === 0 || cell === '') return cell === '' ? null : { value: cell };
      if (dateColumns.includes(header[j])) return dateCell(cell) ?? { value: cell };
      if (/^-?\d+([.,]\d+)?$/.test(cell)) return { value: Number(cell.replace(',', '.')), type: Number };
      return { value: cell };
    }),
  );
}

async function write(sheets, out) {
  const bytes = await writeXlsxFile(sheets.map(({ name, data }) => ({ sheet: name, data }))).toBuffer();
  writeFileSync(out, bytes);
  console.log(`wrote ${out}`);
}

/** Put a formula with its cached result in a cell (write-excel-file writes no cached value). */
function addFormula(file, sheetIndex, cellRef, formula, result) {
  const zip = unzipSync(readFileSync(file));
  const path = `xl/worksheets/sheet${sheetIndex}.xml`;
  const xml = strFromU8(zip[path]);
  const re = new RegExp(`<c r="${cellRef}"([^>]*)>.*?</c>`);
  if (!re.test(xml)) throw new Error(`no cell ${cellRef} in ${path}`);
  zip[path] = strToU8(xml.replace(re, `<c r="${cellRef}"><f>${formula}</f><v>${result}</v></c>`));
  writeFileSync(file, zipSync(zip, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') }));
}

// 1. The French network's ratings (CSV twin: fixtures/ratings/reseau-sud-2026.csv).
await write(
  [{ name: 'Cotations', data: sheetOf('fixtures/ratings/reseau-sud-2026.csv', { dateColumns: ['date'] }) }],
  'fixtures/ratings/reseau-sud-2026.xlsx',
);
// Row 2 is Tremplin's S1 value 19,6: store it as a formula =98/5 with its result.
const rows = sheetOf('fixtures/ratings/reseau-sud-2026.csv');
const s1 = rows.findIndex((r, i) => i > 0 && r[0]?.value === rows[1][0]?.value && r.some((c) => c?.value === 'S1'));
const col = rows[0].findIndex((c) => c?.value === 'valeur');
addFormula('fixtures/ratings/reseau-sud-2026.xlsx', 1, `${String.fromCharCode(65 + col)}${s1 + 1}`, '98/5', '19.6');

// 2. The English program as one workbook with a sheet per table (CSV twin: fixtures/programs/harbour).
mkdirSync('fixtures/programs/harbour-workbook', { recursive: true });
const dates = ['entry_date', 'exit_date', 'first_employer_contact', 'start_date', 'end_date', 'date'];
await write(
  ['participants', 'jobs', 'contacts', 'staff'].map((name) => ({
    name,
    data: sheetOf(`fixtures/programs/harbour/${name}.csv`, { dateColumns: dates }),
  })),
  'fixtures/programs/harbour-workbook/harbour.xlsx',
);
copyFileSync('fixtures/programs/harbour/program.yaml', 'fixtures/programs/harbour-workbook/program.yaml');
