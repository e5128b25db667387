// Plain-text and Markdown tables from the same rows: aligned columns, wrapping columns shrink to fit the width.
import { markdownText } from './safe-text.js';

export interface Column {
  title: string;
  align?: 'left' | 'right';
  /** May wrap onto several lines when the table is wider than the screen. */
  wrap?: boolean;
}

export type Cell = string | { text: string; style?: (s: string) => string };

const textOf = (c: Cell) => (typeof c === 'string' ? c : c.text);
const styleOf = (c: Cell) => (typeof c === 'string' ? undefined : c.style);
/** Display width: combining marks take no column. */
export const width = (s: string) => s.normalize('NFC').replace(/[\u0300-\u036f]/g, '').length;
const COMBINING = /^[\u0300-\u036f]$/;

function pad(s: string, w: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, w - width(s));
  return align === 'right' ? ' '.repeat(gap) + s : s + ' '.repeat(gap);
}

/** Words of `s` on lines of at most `w` columns (a longer word is cut); linear in the length of `s`. French spaced
 * punctuation (" :", " ;", " %", "« ") stays with its word: a line never starts with ":" or ends with "«". */
export function wrapText(s: string, w: number): string[] {
  w = Math.max(1, w);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const words: string[] = [];
  for (const word of s.split(/[ \t\r\n]+/)) {
    if (!word) continue;
    if (words.length && (/^[:;!?»%]+$/.test(word) || words[words.length - 1] === '«')) words[words.length - 1] += ' ' + word;
    else words.push(word);
  }
  for (const word of words) {
    const ww = width(word);
    if (ww > w) {
      // Cut into pieces of `w` columns, each character measured once; the last piece starts the next line.
      if (line) lines.push(line);
      line = '';
      used = 0;
      for (const ch of word.normalize('NFC')) {
        const cw = COMBINING.test(ch) ? 0 : 1;
        if (used + cw > w && line) (lines.push(line), (line = ''), (used = 0));
        line += ch;
        used += cw;
      }
    } else if (!line) ((line = word), (used = ww));
    else if (used + 1 + ww <= w) ((line += ' ' + word), (used += 1 + ww));
    else (lines.push(line), (line = word), (used = ww));
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * The width text output is laid out to: the terminal's own (`columns` of a TTY), else the COLUMNS variable
 * (a pipe, a pager, CI), else 80. Narrower than 20 columns is taken as 20.
 */
export function terminalWidth(out: { isTTY?: boolean; columns?: number }, env: Record<string, string | undefined>): number {
  const fromEnv = env.COLUMNS !== undefined && /^\s*\d+\s*$/.test(env.COLUMNS) ? Number(env.COLUMNS) : undefined;
  const cols = (out.isTTY && out.columns) || fromEnv || 80;
  return Math.max(20, cols);
}

/** The widest word of a text (what a wrapped column needs so that no word is cut). */
function longestWord(s: string): number {
  let w = 0;
  for (const word of s.split(/[ \t\r\n]+/)) w = Math.max(w, width(word));
  return w;
}

const MIN_WRAP = 14;
const GAP = 2;

/** Column widths: natural widths; when too wide, the wrapping columns share the room left in proportion. */
function fitWidths(columns: Column[], rows: Cell[][], maxWidth: number): number[] {
  const widths = columns.map((c, i) => rows.reduce((w, r) => Math.max(w, width(textOf(r[i] ?? ''))), width(c.title))); // no spread: rows are unbounded
  const total = widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  if (total <= maxWidth) return widths;
  const wrapping = columns.flatMap((c, i) => (c.wrap ? [i] : []));
  const fixed = total - wrapping.reduce((a, i) => a + widths[i]!, 0);
  // Each wrapping column gets its minimum, then the room left is shared in proportion to what it lacks.
  // Never less than the column's longest word (so that words are not cut), unless that word is longer than half the width.
  const words = new Map(
    wrapping.map((i) => [i, rows.reduce((w, r) => Math.max(w, longestWord(textOf(r[i] ?? ''))), longestWord(columns[i]!.title))]),
  );
  const base = new Map(wrapping.map((i) => [i, Math.min(widths[i]!, Math.max(MIN_WRAP, Math.min(words.get(i)!, Math.floor(maxWidth / 2))))]));
  const extra = Math.max(0, maxWidth - fixed - [...base.values()].reduce((a, b) => a + b, 0));
  const lacking = wrapping.reduce((a, i) => a + widths[i]! - base.get(i)!, 0);
  for (const i of wrapping) widths[i] = base.get(i)! + (lacking === 0 ? 0 : Math.floor((extra * (widths[i]! - base.get(i)!)) / lacking));
  return widths;
}

/** An aligned text table; `header` styles the title row. */
export function textTable(columns: Column[], rows: Cell[][], maxWidth: number, header: (s: string) => string = (s) => s): string {
  const widths = fitWidths(columns, rows, maxWidth);
  const out: string[] = [
    header(
      columns
        .map((c, i) => pad(c.title, widths[i]!, c.align))
        .join(' '.repeat(GAP))
        .trimEnd(),
    ),
  ];
  for (const r of rows) {
    const cells = columns.map((c, i) => (c.wrap ? wrapText(textOf(r[i] ?? ''), widths[i]!) : [textOf(r[i] ?? '')]));
    const height = Math.max(...cells.map((c) => c.length));
    for (let line = 0; line < height; line++) {
      const parts = columns.map((c, i) => {
        const padded = pad(cells[i]![line] ?? '', widths[i]!, c.align);
        const style = styleOf(r[i] ?? '');
        return style && cells[i]![line] ? style(padded) : padded;
      });
      out.push(parts.join(' '.repeat(GAP)).trimEnd());
    }
  }
  return out.join('\n') + '\n';
}

export function markdownTable(columns: Column[], rows: Cell[][]): string {
  const head = `| ${columns.map((c) => markdownText(c.title)).join(' | ')} |`;
  const rule = `|${columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join('|')}|`;
  const body = rows.map((r) => `| ${columns.map((_, i) => markdownText(textOf(r[i] ?? ''))).join(' | ')} |`);
  return [head, rule, ...body].join('\n') + '\n';
}
