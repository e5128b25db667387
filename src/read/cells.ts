// Typed cells of a table row: each parser reports a bad value at its line and column, and returns undefined.
import type { ProblemList } from './problems.js';
import { cellOf, placeOf, type ColumnIndex, type Row, type Table } from './table.js';
import { parseBoolean, parseDate, parseNumber } from './values.js';
import { todayIso } from './clock.js';

export class RowReader {
  constructor(
    private readonly table: Table,
    private readonly cols: ColumnIndex,
    private readonly problems: ProblemList,
    public row: Row = { line: 0, cells: [] },
  ) {}

  place(key: string) {
    const col = this.cols[key];
    return col === undefined ? { line: this.row.line } : placeOf(this.table, this.row.line, col);
  }

  header(key: string): string {
    const col = this.cols[key];
    return col === undefined ? key : this.table.header[col]!;
  }

  error(key: string, message: string, params: Record<string, string | number> = {}, value?: string): void {
    this.problems.error(this.place(key), message, params, this.header(key), value);
  }

  warn(key: string, message: string, params: Record<string, string | number> = {}, value?: string): void {
    this.problems.warn(this.place(key), message, params, this.header(key), value);
  }

  text(key: string, required = false): string | undefined {
    const v = cellOf(this.row, this.cols[key]);
    if (!v) {
      if (required) this.error(key, 'cell.required', { column: this.header(key) });
      return undefined;
    }
    return v;
  }

  /** A date; one in the future gets a warning unless it may be planned (`future: true`, e.g. a contract's end). */
  date(key: string, required = false, future = false): string | undefined {
    const raw = this.text(key, required);
    if (raw === undefined) return undefined;
    const d = parseDate(raw);
    if (!d.ok) {
      this.error(key, `expected.${d.expected}`, {}, raw);
      return undefined;
    }
    if (!future && d.value > todayIso()) this.warn(key, 'date.future', {}, raw);
    return d.value;
  }

  number(key: string, range: { min?: number; max?: number; above?: number } = {}): number | undefined {
    const raw = this.text(key);
    if (raw === undefined) return undefined;
    const n = parseNumber(raw);
    if (!n.ok) {
      this.error(key, 'cell.number', {}, raw);
      return undefined;
    }
    const { min, max, above } = range;
    if ((min !== undefined && n.value < min) || (max !== undefined && n.value > max) || (above !== undefined && n.value <= above)) {
      const lo = above !== undefined ? `> ${above}` : min !== undefined ? `≥ ${min}` : '';
      const hi = max !== undefined ? `≤ ${max}` : '';
      this.error(key, 'cell.range', { range: [lo, hi].filter(Boolean).join(', ') }, raw);
      return undefined;
    }
    return n.value;
  }

  bool(key: string): boolean | undefined {
    const raw = this.text(key);
    if (raw === undefined) return undefined;
    const b = parseBoolean(raw);
    if (!b.ok) {
      this.error(key, 'cell.boolean', {}, raw);
      return undefined;
    }
    return b.value;
  }
}
