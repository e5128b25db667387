// Test helper: the logical structure of a PDF written by pdfkit (objects uncompressed, content
// streams Flate-compressed), and the painting operators outside any marked content (untagged).
import { inflateSync } from 'node:zlib';

export interface StructElement {
  ref: number;
  role: string;
  attrs: string;
  alt: string | null;
  children: StructElement[];
}

export interface PdfStructure {
  root: StructElement;
  /** Per page: painting operators drawn outside marked content (neither tagged nor an artifact). */
  untagged: string[][];
}

const PAINT = new Set(['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'Tj', 'TJ', "'", '"', 'Do', 'sh']);

/** Painting operators of a content stream outside BMC/BDC ... EMC. */
export function untaggedOps(content: string): string[] {
  const tokens = content.match(/<<|>>|<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|\/[^\s/[\]<>()]+|\[|\]|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+/g) ?? [];
  let depth = 0;
  const out: string[] = [];
  for (const t of tokens) {
    if (t === 'BMC' || t === 'BDC') depth++;
    else if (t === 'EMC') depth--;
    else if (depth === 0 && PAINT.has(t)) out.push(t);
  }
  return out;
}

export function pdfStructure(bytes: Buffer): PdfStructure {
  const text = bytes.toString('latin1');
  const objects = new Map<number, { dict: string; start: number }>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*/g))
    objects.set(Number(m[1]), { dict: text.slice(m.index! + m[0].length, text.indexOf('endobj', m.index!)), start: m.index! + m[0].length });
  const streamOf = (n: number): string => {
    const o = objects.get(n)!;
    const s = o.dict.indexOf('stream');
    let from = o.start + s + 'stream'.length;
    if (text[from] === '\r') from++;
    if (text[from] === '\n') from++;
    const raw = bytes.subarray(from, text.indexOf('endstream', from));
    return /\/FlateDecode/.test(o.dict.slice(0, s)) ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
  };
  const refs = (s: string) => [...s.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const element = (n: number): StructElement => {
    const d = objects.get(n)!.dict;
    const kids = /\/K\s*(\[[^\]]*\]|\d+ 0 R)/.exec(d)?.[1] ?? '';
    return {
      ref: n,
      role: /\/S\s*\/(\w+)/.exec(d)?.[1] ?? '?',
      attrs: /\/A\s*(<<(?:[^<>]|<<[^<>]*>>)*>>|\[[^\]]*\])/.exec(d)?.[1] ?? '',
      alt: /\/Alt\s*(\([^)]*\)|<[^>]*>)/.exec(d)?.[1] ?? null,
      children: refs(kids)
        .filter((k) => /\/S\s*\/\w/.test(objects.get(k)?.dict ?? ''))
        .map(element),
    };
  };
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict))!.dict;
  const treeRoot = objects.get(Number(/\/StructTreeRoot (\d+) 0 R/.exec(catalog)![1]))!.dict;
  const top = refs(/\/K\s*(\[[^\]]*\]|\d+ 0 R)/.exec(treeRoot)![1]!).map(element);
  const pages = [...objects.entries()].filter(([, o]) => /\/Type\s*\/Page\b/.test(o.dict)).map(([n]) => n);
  const untagged = pages.map((p) => {
    const c = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(objects.get(p)!.dict)![1]!;
    return untaggedOps(refs(c).map(streamOf).join('\n'));
  });
  return { root: { ref: 0, role: 'StructTreeRoot', attrs: '', alt: null, children: top }, untagged };
}

/** The structure as indented lines: role, then attributes. */
export function outline(e: StructElement, depth = 0): string[] {
  return [`${'  '.repeat(depth)}${e.role}${e.attrs ? ' ' + e.attrs.replace(/\s+/g, ' ') : ''}`, ...e.children.flatMap((c) => outline(c, depth + 1))];
}
