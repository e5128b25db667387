// Text for pdfkit in time linear in its length: pdfkit measures the rest of a word wider than the line again
// for every line it cuts (quadratic: a 30,000-character word took minutes), so such words are cut here first,
// at line breaks, measuring each distinct character once per font and size.

/** The part of pdfkit's document this needs: the width of a string at the current font and size. */
interface Measure {
  widthOfString(s: string): number;
}

const widths = new WeakMap<object, Map<number, Map<string, number>>>();

/** Room kept for kerning and rounding: a piece cut here always fits pdfkit's line. */
const SLACK = 0.97;

/** The width of one character at the current font and size, each measured once. */
function charWidth(doc: Measure): (ch: string) => number {
  const d = doc as unknown as { _font?: object; _fontSize?: number };
  const font = d._font ?? doc;
  const bySize = widths.get(font) ?? new Map<number, Map<string, number>>();
  widths.set(font, bySize);
  const cache = bySize.get(d._fontSize ?? 0) ?? new Map<string, number>();
  bySize.set(d._fontSize ?? 0, cache);
  return (ch) => {
    let w = cache.get(ch);
    if (w === undefined) cache.set(ch, (w = doc.widthOfString(ch)));
    return w;
  };
}

/**
 * `text` with each word wider than `width` (at the document's current font and size) cut into pieces
 * that fit, one per line. Words that fit, and all other text, are left as they are.
 */
export function breakLongWords(doc: Measure, text: string, width: number): string {
  const room = width * SLACK;
  if (!(room > 0) || !text) return text;
  let widthOf: ((ch: string) => number) | undefined;
  // A word that would fit even if each character were 1.5 em wide is not measured (pdfkit lays out the rest).
  const size = (doc as unknown as { _fontSize?: number })._fontSize ?? 0;
  const fits = size > 0 ? Math.floor(room / (1.5 * size)) : 0;
  if (text.length <= fits) return text;
  return text.replace(/[^\s]{8,}/g, (word) => {
    if (word.length <= fits) return word;
    widthOf ??= charWidth(doc);
    let out = '';
    let line = 0;
    let start = 0;
    let i = 0;
    for (const ch of word) {
      const w = widthOf(ch);
      if (line + w > room && i > start) {
        out += word.slice(start, i) + '\n';
        start = i;
        line = 0;
      }
      line += w;
      i += ch.length;
    }
    return start === 0 ? word : out + word.slice(start);
  });
}
