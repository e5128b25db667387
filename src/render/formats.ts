// The output formats, in one registry: a command builds its view once, in the forms it has, and the
// format chosen (by --format, or by the extension of -o) picks the renderer here. No command branches
// on the format name itself.
import { renderMarkdown, renderText, type Block, type Style } from './view.js';
import type { XlsxTable } from './xlsx.js';
import { RFC_CSV, withBom, type CsvStyle } from './csv.js';

/** What a renderer gives: text, text made piece by piece (a large output never held whole), or bytes. */
export type Rendered = string | Uint8Array | Iterable<string | Uint8Array>;

/**
 * A command's view, in the forms it has. Each is made only when its format is asked for.
 * - `blocks`: the document for the terminal table and Markdown;
 * - `json`, `csv`: the command's own serializers (they fix the shape, the registry only picks them).
 * A new format that renders from an existing form (e.g. xlsx from named tables) adds that form here.
 */
export interface View {
  blocks?: () => Block[];
  json?: () => Rendered;
  /** CSV in the style asked for (--csv-style); the registry adds the style's BOM. */
  csv?: (style: CsvStyle) => string | Iterable<string>;
  /** Named tables of typed cells, one sheet each (src/render/xlsx.ts). */
  xlsx?: () => XlsxTable[] | Promise<XlsxTable[]>;
}

interface FormatEntry {
  /** Extensions of `-o` that choose this format (lower case, with the dot). */
  extensions: readonly string[];
  /** Whether a command whose view has the form needed can write this format. */
  available(view: View): boolean;
  render(view: View, style: Style): Rendered | Promise<Rendered>;
}

const need = <T>(form: T | undefined, format: string): T => {
  if (form === undefined) throw new Error(`this view has no ${format} form`);
  return form;
};

/**
 * Every output format a command's view can be rendered to. To add one (xlsx): an entry here, its
 * extension, a form in `View` the commands fill, and its name in the `format` choices of the commands
 * that have that form (src/cli/options.ts). A binary format returns a Uint8Array (loaded with a dynamic
 * import, so that other formats never load its writer).
 */
export const FORMATS = {
  table: {
    extensions: ['.txt'],
    available: (v: View) => Boolean(v.blocks),
    render: (v: View, style: Style) => renderText(need(v.blocks, 'table')(), style),
  },
  markdown: {
    extensions: ['.md', '.markdown'],
    available: (v: View) => Boolean(v.blocks),
    render: (v: View) => renderMarkdown(need(v.blocks, 'markdown')()),
  },
  json: { extensions: ['.json'], available: (v: View) => Boolean(v.json), render: (v: View) => need(v.json, 'json')() },
  csv: {
    extensions: ['.csv'],
    available: (v: View) => Boolean(v.csv),
    render: (v: View, s: Style) => {
      const csv = s.csv ?? RFC_CSV;
      return withBom(need(v.csv, 'csv')(csv), csv);
    },
  },
  // The writer loads only when a workbook is asked for.
  xlsx: {
    extensions: ['.xlsx'],
    available: (v: View) => Boolean(v.xlsx),
    render: async (v: View) => (await import('./xlsx.js')).workbookBytes(await need(v.xlsx, 'xlsx')()),
  },
} satisfies Record<string, FormatEntry>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/**
 * The format an output file's extension says, over every format the tool writes (those of the registry,
 * and the documents and workbooks written elsewhere), or undefined for another extension or none.
 */
export const EXTENSION_FORMATS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(FORMATS).flatMap(([name, f]) => f.extensions.map((e) => [e, name]))),
  '.pdf': 'pdf',
};

export function formatOfPath(path: string): string | undefined {
  const ext = /(\.[^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : EXTENSION_FORMATS[ext];
}

/** Render `view` in `format` (a name of the registry the command offers). */
export function renderView(format: FormatName, view: View, style: Style): Rendered | Promise<Rendered> {
  return FORMATS[format].render(view, style);
}
