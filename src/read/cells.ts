// Typed cells of a table row: each parser reports a bad value at its line and column, and returns undefined.
// Columns are resolved to handles once per table, so reading a million rows looks nothing up by name.
import type { ProblemList } from '../shared/problems.js';
import { placeOf, type ColumnIndex, type Row, type Table } from './table.js';
import { parseBoolean, parseDay, parseNumber, PLACEHOLDER } from '../shared/values.js';
import { todayDay } from './clock.js';

/** A column of the table: its index in a row (undefined when the table lacks it) and its header. */
export interface Column {
  index: number | undefined;
  header: string;
}

export class RowReader {
  private readonly today = todayDay();
  public row: Row = { line: 0, cells: [] };

  constructor(
    private readonly table: Table,
    private readonly cols: ColumnIndex,
    private readonly problems: ProblemList,
  ) {}

  column(key: string): Column {
    const index = this.cols[key];
    return { index, header: index === undefined ? key : this.table.header[index]! };
  }

  /** The columns of several keys, in the order given. */
  columns<const K extends readonly string[]>(...keys: K): { [I in keyof K]: Column } {
    return keys.map((k) => this.column(k)) as { [I in keyof K]: Column };
  }

  place(c: Column) {
    return c.index === undefined ? { line: this.row.line } : placeOf(this.table, this.row.line, c.index);
  }

  error(c: Column, message: string, params: Record<string, string | number> = {}, value?: string): void {
    this.problems.error(this.place(c), message, params, c.header, value);
  }

  warn(c: Column, message: string, params: Record<string, string | number> = {}, value?: string): void {
    this.problems.warn(this.place(c), message, params, c.header, value);
  }

  text(c: Column, required = false): string | undefined {
    const raw = c.index === undefined ? undefined : this.row.cells[c.index];
    const v = raw === undefined ? '' : raw.trim();
    if (v === '') {
      if (required) this.error(c, 'cell.required', { column: c.header });
      return undefined;
    }
    return v;
  }

  /** A date as a day number; one in the future gets a warning unless it may be planned (`future: true`, e.g. a contract's end). */
  day(c: Column, required = false, future = false): number | undefined {
    const raw = this.text(c, required);
    if (raw === undefined) return undefined;
    const d = parseDay(raw);
    if (!d.ok && d.expected === PLACEHOLDER && !required) {
      // 9999-12-31, "no end" in HR exports: an open end, said once per cell.
      this.warn(c, 'readers.openEnd', {}, raw);
      return undefined;
    }
    if (!d.ok) {
      this.error(c, `expected.${d.expected}`, {}, raw);
      return undefined;
    }
    if (!future && d.value > this.today) this.warn(c, 'date.future', {}, raw);
    return d.value;
  }

  number(c: Column, range: { min?: number; max?: number; above?: number } = {}): number | undefined {
    const raw = this.text(c);
    if (raw === undefined) return undefined;
    const n = parseNumber(raw);
    if (!n.ok) {
      this.error(c, 'cell.number', {}, raw);
      return undefined;
    }
    const { min, max, above } = range;
    if (
      (min !== undefined && (n.value < min || (min === 0 && Object.is(n.value, -0)))) ||
      (max !== undefined && n.value > max) ||
      (above !== undefined && n.value <= above)
    ) {
      const lo = above !== undefined ? `> ${above}` : min !== undefined ? `≥ ${min}` : '';
      const hi = max !== undefined ? `≤ ${max}` : '';
      this.error(c, 'cell.range', { range: [lo, hi].filter(Boolean).join(', ') }, raw);
      return undefined;
    }
    return n.value;
  }

  bool(c: Column): boolean | undefined {
    const raw = this.text(c);
    if (raw === undefined) return undefined;
    const b = parseBoolean(raw);
    if (!b.ok) {
      this.error(c, 'cell.boolean', {}, raw);
      return undefined;
    }
    return b.value;
  }
}
