// Plain-text and Markdown tables from the same rows: aligned columns, the last one wrapped to the width.

export interface Column {
  title: string;
  align?: 'left' | 'right';
  /** Wraps to the remaining width (only one, the last column). */
  wrap?: boolean;
}

export type Cell = string | { text: string; style?: (s: string) => string };

const textOf = (c: Cell) => (typeof c === 'string' ? c : c.text);
const styled = (c: Cell, padded: string) => (typeof c === 'string' || !c.style ? padded : c.style(padded));
/** Display width: combining marks take no column. */
export const width = (s: string) => s.normalize('NFC').replace(/[\u0300-\u036f]/g, '').length;

function pad(s: string, w: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, w - width(s));
  return align === 'right' ? ' '.repeat(gap) + s : s + ' '.repeat(gap);
}

/** Words of `s` on lines of at most `w` columns (a longer word is cut). */
export function wrapText(s: string, w: number): string[] {
  if (w < 8) return [s];
  const lines: string[] = [];
  let line = '';
  for (let word of s.split(/\s+/).filter(Boolean)) {
    while (width(word) > w) {
      if (line) lines.push(line), (line = '');
      lines.push(word.slice(0, w));
      word = word.slice(w);
    }
    if (!line) line = word;
    else if (width(line) + 1 + width(word) <= w) line += ' ' + word;
    else lines.push(line), (line = word);
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** An aligned text table; `header` styles the title row. */
export function textTable(columns: Column[], rows: Cell[][], maxWidth: number, header: (s: string) => string = (s) => s): string {
  const widths = columns.map((c, i) => Math.max(width(c.title), ...rows.map((r) => width(textOf(r[i] ?? '')))));
  const last = columns.length - 1;
  if (columns[last]?.wrap) {
    const used = widths.slice(0, last).reduce((a, b) => a + b + 2, 0);
    widths[last] = Math.max(Math.min(widths[last]!, maxWidth - used), 12);
  }
  const out: string[] = [];
  out.push(header(columns.map((c, i) => pad(c.title, widths[i]!, c.align)).join('  ').trimEnd()));
  for (const r of rows) {
    const lastLines = columns[last]?.wrap ? wrapText(textOf(r[last] ?? ''), widths[last]!) : [textOf(r[last] ?? '')];
    const first = columns.map((c, i) => {
      const text = i === last ? lastLines[0]! : textOf(r[i] ?? '');
      return styled(r[i] ?? '', pad(text, widths[i]!, c.align));
    });
    out.push(first.join('  ').trimEnd());
    const indent = ' '.repeat(widths.slice(0, last).reduce((a, b) => a + b + 2, 0));
    for (const l of lastLines.slice(1)) out.push(indent + l);
  }
  return out.join('\n') + '\n';
}

const mdEscape = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function markdownTable(columns: Column[], rows: Cell[][]): string {
  const head = `| ${columns.map((c) => mdEscape(c.title)).join(' | ')} |`;
  const rule = `|${columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join('|')}|`;
  const body = rows.map((r) => `| ${columns.map((_, i) => mdEscape(textOf(r[i] ?? ''))).join(' | ')} |`);
  return [head, rule, ...body].join('\n') + '\n';
}
