// Text shown safely: Markdown that renders as the text itself, controls made visible, linear wrapping,
// workflow-command escaping.
import fc from 'fast-check';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { annotation } from '../../src/cli/context.js';
import { wrapText, width } from '../../src/render/layout.js';
import { markdownText, visible } from '../../src/render/safe-text.js';

const marked = new Marked({ gfm: true });
const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** What a paragraph of `markdownText(s)` should read: one line, controls visible, outer blanks dropped. */
const expected = (s: string) => visible(s.replace(/\r\n?|\n/g, ' '), '\t').replace(/^[ \t]+|[ \t]+$/g, '');

describe('markdownText', () => {
  it('renders as one paragraph holding exactly the text, whatever the text', () => {
    const syntax = fc.constantFrom(
      ...'#>*_-+=`~|[]()<>!&\\:@.1 \t\n\r'.split(''),
      '<script>',
      '```',
      '---',
      '1. ',
      'http://x.y',
      'www.a.b',
      '&amp;',
      '&#65;',
      '    ',
      '\u001b[2J',
    );
    const text = fc.array(fc.oneof(syntax, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const want = expected(s);
        const html = (marked.parse(markdownText(s)) as string).trim();
        if (want === '') return html === '';
        expect(html).toMatch(/^<p>[^]*<\/p>$/);
        expect(unescapeHtml(html.slice(3, -4))).toBe(want);
        // In a table cell too: one row of two cells, the text in the first.
        const table = marked.parse(`| a | b |\n|:---|:---|\n| ${markdownText(s)} | end |\n`) as string;
        expect(table.match(/<tr>/g)).toHaveLength(2);
        expect(table.match(/<td/g)).toHaveLength(2);
        expect(unescapeHtml(/<td align="left">([^]*?)<\/td>/.exec(table)![1]!)).toBe(want);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('visible', () => {
  it('shows C0, DEL, C1, bidi controls and separators; keeps what it is told to', () => {
    expect(visible('a\u001b[2Jb\u0007\u0000\u007f')).toBe('a␛[2Jb␇␀␡');
    expect(visible('x\u009b31m\u202eevil\u2028')).toBe('x\\u009b31m\\u202eevil\\u2028');
    expect(visible('line\nnext\ttab', '\n')).toBe('line\nnext␉tab');
    expect(visible('Élan — café ✓')).toBe('Élan — café ✓');
  });
});

describe('wrapText', () => {
  it('keeps every character, no line wider than the column, whatever the words', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'é', 'e\u0301', '✓', 'ж'), minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), fc.integer({ min: 1, max: 30 }), (words, w) => {
        const lines = wrapText(words.join(' '), w);
        for (const l of lines) expect(width(l)).toBeLessThanOrEqual(w);
        expect(lines.join('').replace(/ /g, '').normalize('NFC')).toBe(words.join('').normalize('NFC'));
      }),
    );
  });
  it('cuts a 1,000,000-character word into lines of the column', () => {
    const lines = wrapText('x'.repeat(1_000_000), 77);
    expect(lines).toHaveLength(Math.ceil(1_000_000 / 77));
    expect(lines[0]).toHaveLength(77);
  });
});

describe('GitHub annotations', () => {
  it('escape % CR LF in the message, and also : and , in properties', () => {
    expect(annotation('error', { file: 'a,line=9:b%.csv', line: 2, column: 3 }, '100%\nsecond\r::error::x')).toBe(
      '::error file=a%2Cline=9%3Ab%25.csv,line=2,col=3::100%25%0Asecond␍::error::x',
    );
  });
});
