// A presentation-neutral document (titles, lines, tables) that the terminal and Markdown renderers print.
import { Chalk, type ChalkInstance } from 'chalk';
import { markdownTable, textTable, type Cell, type Column } from './layout.js';

export type Tone = 'best' | 'good' | 'fair' | 'poor' | 'muted' | 'strong';

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'line'; text: string; tone?: Tone }
  | { kind: 'table'; columns: Column[]; rows: ViewCell[][] };

export type ViewCell = string | { text: string; tone?: Tone };

export interface Style {
  color: boolean;
  width: number;
}

function painter(chalk: ChalkInstance): Record<Tone, (s: string) => string> {
  return {
    best: (s) => chalk.green.bold(s),
    good: (s) => chalk.green(s),
    fair: (s) => chalk.yellow(s),
    poor: (s) => chalk.red(s),
    muted: (s) => chalk.dim(s),
    strong: (s) => chalk.bold(s),
  };
}

export function renderText(blocks: Block[], style: Style): string {
  const chalk = new Chalk({ level: style.color ? 1 : 0 });
  const paint = painter(chalk);
  const cell = (c: ViewCell): Cell => (typeof c === 'string' ? c : { text: c.text, style: c.tone ? paint[c.tone] : undefined });
  let out = '';
  for (const b of blocks) {
    if (b.kind === 'title') out += chalk.bold(b.text) + '\n';
    else if (b.kind === 'heading') out += '\n' + chalk.bold(b.text) + '\n';
    else if (b.kind === 'line') out += (b.tone ? paint[b.tone](b.text) : b.text) + '\n';
    else out += textTable(b.columns, b.rows.map((r) => r.map(cell)), style.width, (s) => chalk.dim(s));
  }
  return out;
}

export function renderMarkdown(blocks: Block[]): string {
  let out = '';
  for (const b of blocks) {
    if (b.kind === 'title') out += `# ${b.text}\n\n`;
    else if (b.kind === 'heading') out += `\n## ${b.text}\n\n`;
    else if (b.kind === 'line') out += `${b.tone === 'strong' || b.tone === 'best' || b.tone === 'good' || b.tone === 'fair' || b.tone === 'poor' ? `**${b.text}**` : b.text}\n\n`;
    else out += markdownTable(b.columns, b.rows.map((r) => r.map((c) => (typeof c === 'string' ? c : c.text)))) + '\n';
  }
  return out.replace(/\n{3,}/g, '\n\n');
}
