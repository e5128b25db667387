// A presentation-neutral document (titles, lines, tables) that the terminal and Markdown renderers print.
import { createRequire } from 'node:module';
import { markdownTable, textTable, width as textWidth, wrapText, type Cell, type Column } from './layout.js';
import { markdownText, visible } from './safe-text.js';
import type { CsvStyle } from './csv.js';

export type Tone = 'best' | 'good' | 'fair' | 'poor' | 'muted' | 'strong';

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'line'; text: string; tone?: Tone }
  | { kind: 'table'; columns: Column[]; rows: ViewCell[][] }
  /** Items as entries: a head line (code, title, score at the right), then wrapped detail lines. */
  | { kind: 'entries'; columns: Column[]; entries: Entry[] };

export interface Entry {
  code: string;
  title: string;
  score: ViewCell;
  details: { text: string; tone?: Tone }[];
}

export type ViewCell = string | { text: string; tone?: Tone };

export interface Style {
  color: boolean;
  width: number;
  /** The CSV style (--csv-style), for the csv format; RFC 4180 when not given. */
  csv?: CsvStyle;
}

type Paint = (s: string) => string;

interface Styles {
  bold: Paint;
  dim: Paint;
  tone: Record<Tone, Paint>;
}

const asIs: Paint = (s) => s;
const PLAIN: Styles = { bold: asIs, dim: asIs, tone: { best: asIs, good: asIs, fair: asIs, poor: asIs, muted: asIs, strong: asIs } };

/**
 * chalk's styles when colours are on; else text as is, which is what chalk gives at level 0.
 * chalk is loaded only then (require of an ES module, Node 20.19+): it costs several ms at start-up.
 */
function styles(color: boolean): Styles {
  if (!color) return PLAIN;
  const { Chalk } = createRequire(import.meta.url)('chalk') as typeof import('chalk');
  const chalk = new Chalk({ level: 1 });
  return {
    bold: (s) => chalk.bold(s),
    dim: (s) => chalk.dim(s),
    tone: {
      best: (s) => chalk.green.bold(s),
      good: (s) => chalk.green(s),
      fair: (s) => chalk.yellow(s),
      poor: (s) => chalk.red(s),
      muted: (s) => chalk.dim(s),
      strong: (s) => chalk.bold(s),
    },
  };
}

/** Text for the terminal: controls shown visibly; line breaks and tabs kept for wrapping (which makes them spaces). */
const shown = (s: string) => visible(s, '\t\n\r');
/** A cell of one line: a break or tab in a column that does not wrap would break the table. */
const oneLine = (s: string) => visible(s.replace(/\r\n?|[\n\t]/g, ' '));

/** The blocks with every text made safe for a terminal. */
function shownBlock(b: Block): Block {
  const cell = (c: ViewCell): ViewCell => (typeof c === 'string' ? oneLine(c) : { ...c, text: oneLine(c.text) });
  if (b.kind === 'table') return { ...b, columns: b.columns.map((c) => ({ ...c, title: oneLine(c.title) })), rows: b.rows.map((r) => r.map(cell)) };
  if (b.kind === 'entries') {
    return {
      ...b,
      entries: b.entries.map((e) => ({
        code: oneLine(e.code),
        title: shown(e.title),
        score: cell(e.score),
        details: e.details.map((d) => ({ ...d, text: shown(d.text) })),
      })),
    };
  }
  return { ...b, text: shown(b.text) };
}

export function renderText(blocks: Block[], style: Style): string {
  const { bold, dim, tone: paint } = styles(style.color);
  const cell = (c: ViewCell): Cell => (typeof c === 'string' ? c : { text: c.text, style: c.tone ? paint[c.tone] : undefined });
  let out = '';
  for (const b of blocks.map(shownBlock)) {
    if (b.kind === 'title')
      out +=
        wrapText(b.text, style.width)
          .map((l) => bold(l))
          .join('\n') + '\n';
    else if (b.kind === 'heading')
      out +=
        '\n' +
        wrapText(b.text, style.width)
          .map((l) => bold(l))
          .join('\n') +
        '\n';
    else if (b.kind === 'line') {
      for (const line of b.text ? wrapText(b.text, style.width) : ['']) out += (b.tone ? paint[b.tone](line) : line) + '\n';
    } else if (b.kind === 'table')
      out += textTable(
        b.columns,
        b.rows.map((r) => r.map(cell)),
        style.width,
        dim,
      );
    else out += entriesText(b.entries, style.width, paint);
  }
  return out;
}

function entriesText(entries: Entry[], maxWidth: number, paint: Record<Tone, (s: string) => string>): string {
  const codeWidth = Math.max(...entries.map((e) => textWidth(e.code))) + 2;
  const indent = ' '.repeat(codeWidth);
  let out = '';
  for (const e of entries) {
    const score = typeof e.score === 'string' ? { text: e.score } : e.score;
    const titleWidth = maxWidth - codeWidth - 1 - textWidth(score.text);
    const title = wrapText(e.title, titleWidth);
    const gap = ' '.repeat(Math.max(1, maxWidth - codeWidth - textWidth(title[0]!) - textWidth(score.text)));
    out += paint.strong(e.code.padEnd(codeWidth) + title[0]) + gap + (score.tone ? paint[score.tone](score.text) : score.text) + '\n';
    for (const t of title.slice(1)) out += indent + paint.strong(t) + '\n';
    for (const d of e.details.filter((x) => x.text)) {
      for (const line of wrapText(d.text, maxWidth - codeWidth)) out += indent + (d.tone ? paint[d.tone](line) : line) + '\n';
    }
  }
  return out;
}

export function renderMarkdown(blocks: Block[]): string {
  let out = '';
  for (const b of blocks) {
    if (b.kind === 'title') out += `# ${markdownText(b.text)}\n\n`;
    else if (b.kind === 'heading') out += `\n## ${markdownText(b.text)}\n\n`;
    else if (b.kind === 'line') {
      const text = markdownText(b.text);
      out += `${text && (b.tone === 'strong' || b.tone === 'best' || b.tone === 'good' || b.tone === 'fair' || b.tone === 'poor') ? `**${text}**` : text}\n\n`;
    } else if (b.kind === 'table')
      out +=
        markdownTable(
          b.columns,
          b.rows.map((r) => r.map((c) => (typeof c === 'string' ? c : c.text))),
        ) + '\n';
    else {
      // More details than columns (findings, recommendations, actions): the rest share the last column.
      const n = Math.max(1, b.columns.length - 3);
      const detailCells = (e: Entry) => {
        const d = e.details.map((x) => x.text);
        return d.length > n
          ? [
              ...d.slice(0, n - 1),
              d
                .slice(n - 1)
                .filter(Boolean)
                .join(' · '),
            ]
          : d;
      };
      const rows = b.entries.map((e) => [e.code, e.title, typeof e.score === 'string' ? e.score : e.score.text, ...detailCells(e)]);
      out += markdownTable(b.columns, rows) + '\n';
    }
  }
  return out.replace(/\n{3,}/g, '\n\n');
}
