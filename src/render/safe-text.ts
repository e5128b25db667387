// Text from the data shown safely: control characters made visible (a name cannot clear the screen or
// retitle the terminal), and Markdown escaped (a name cannot make a heading, a table row or raw HTML).

/**
 * C0 controls, DEL, C1 controls (0x9B is a CSI on some terminals), bidirectional overrides and
 * isolates (text shown in another order than stored) and the Unicode line and paragraph separators.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A control character as something seen: the Unicode control pictures (␛, ␀, ␡) for C0 and DEL, else \uXXXX. */
function picture(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  return `\\u${c.toString(16).padStart(4, '0')}`;
}

/** `s` with every control character shown visibly, except those in `keep` (e.g. '\n' between lines). */
export function visible(s: string, keep = ''): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(s)) return s;
  return s.replace(CONTROL, (ch) => (keep.includes(ch) ? ch : picture(ch)));
}

/** Controls JSON.stringify leaves raw (DEL, C1, bidi, separators): as \uXXXX, which is the same JSON string. */
const JSON_RAW = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with no raw control character left: the data read back is the same. */
export function jsonText(json: string): string {
  return json.replace(JSON_RAW, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters that may start Markdown syntax anywhere in a line (all escapable with a backslash). */
const MD_INLINE = /[\\`*_[\]<>#|~&!]/g;

/**
 * Text as one line of CommonMark/GFM that renders as the text itself: line breaks (LF, CR, CRLF)
 * become spaces, controls are shown visibly, syntax characters are escaped, and what would start a
 * block at the beginning of a line (a list, a rule, a setext underline, an indented code block) is not;
 * nor does a URL or an e-mail address become a link.
 */
export function markdownText(s: string): string {
  let t = visible(s.replace(/\r\n?|\n/g, ' '), '\t').replace(MD_INLINE, '\\$&');
  // GFM makes links of bare URLs and e-mail addresses: not of a name or a note.
  t = t
    .replace(/:\/\//g, '\\://')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
  t = t.replace(/^[ \t]+|[ \t]+$/g, '');
  // A list item (`- `, `+ `, `1. `, `1) `) or a rule (`---`); `4.00` or `-1` is left as it is.
  return t.replace(/^([-+])(?=[ \t]|$)|^(-)(?=[- \t]*$)/, '\\$1$2').replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
}
