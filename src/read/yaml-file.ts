// YAML files checked by a zod schema, with problems placed at the line and column of the bad node.
import { LineCounter, parseDocument, isAlias, isMap, isNode, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { ProblemList, type Place } from '../shared/problems.js';
import { decodeText, looksBinary } from './text.js';

/** A review or settings file larger than this is not a review. */
export const MAX_YAML_BYTES = 10 * 1_048_576;
/** The most values (scalars and collections) a YAML input may hold, aliases expanded: a review holds a few hundred. */
export const MAX_YAML_VALUES = 100_000;
/** The deepest nesting of flow brackets, and of block levels (indentation and compact `- - `), a YAML input may have. */
export const MAX_YAML_DEPTH = 200;
export const MAX_YAML_INDENT = 1000;

/** The tags a review may use (the YAML core schema's); others (!!binary, !!set, !!timestamp, custom) are refused. */
const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

/** The 1-based line of a position in the text. */
function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * A cheap look at the text before parsing: the first line nested deeper than the limits, and
 * whether it may hold more values than the limit (lines, plus commas inside flow brackets).
 * Brackets inside quoted text are counted too: a review never comes near the limits.
 */
function preScan(text: string): { deepLine?: number; tooMany: boolean } {
  let depth = 0;
  let line = 1;
  let values = 1;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      values++;
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      // Indentation, and compact block sequences (`- - - x`) that nest without it.
      if (c === 32 || (c === 45 && text.charCodeAt(i + 1) === 32) || (c === 63 && text.charCodeAt(i + 1) === 32)) {
        if (++indent > MAX_YAML_INDENT) return { deepLine: line, tooMany: false };
        continue;
      }
      lineStart = false;
    }
    if (c === 91 || c === 123) {
      if (++depth > MAX_YAML_DEPTH) return { deepLine: line, tooMany: false };
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    } else if (c === 44 && depth > 0) values++;
    else if (c === 35 && depth === 0) {
      // A comment: skip to the end of the line.
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
    }
  }
  return { tooMany: values > MAX_YAML_VALUES };
}

/**
 * Check a parsed document before it is turned into values: aliases resolve, the values with
 * aliases expanded stay under the limit (counting nodes, not alias uses), no tag outside the
 * core schema and no `__proto__` key. Problems at the line of the node.
 */
function checkNodes(doc: Document, lines: LineCounter, problems: ProblemList): boolean {
  const sizes = new Map<Node, number>();
  let ok = true;
  const at = (n: Node) => {
    if (!n.range) return {};
    const { line, col } = lines.linePos(n.range[0]);
    return { line, column: col };
  };
  const size = (n: unknown): number => {
    if (!isNode(n)) return 1;
    const known = sizes.get(n);
    if (known !== undefined) return known;
    sizes.set(n, 1); // an alias inside its own anchor counts once
    let total = 1;
    if (isAlias(n)) {
      const target = n.resolve(doc);
      if (!target) {
        problems.error(at(n), 'readers.yamlAlias', { name: n.source });
        ok = false;
      } else total = size(target);
    } else {
      if (isScalar(n) && typeof n.value === 'number' && Number.isInteger(n.value) && /^[-+]?\d*\.\d*[1-9]/.test(n.source ?? '')) {
        // 3.9999999999999999 is 4 as a double: a decimal that is not whole as written is not read as whole.
        problems.error(at(n), 'readers.rounded', { number: String(n.source) });
        ok = false;
      }
      if (n.tag && !CORE_TAGS.has(n.tag)) {
        problems.error(at(n), 'readers.yamlTag', { tag: n.tag.replace(/^tag:yaml\.org,2002:/, '!!') });
        ok = false;
      }
      if (isMap(n)) {
        for (const p of n.items) {
          if (isPair(p)) {
            if (isScalar(p.key) && p.key.value === '__proto__') {
              problems.error(at(p.key), 'readers.yamlProto');
              ok = false;
            }
            total += size(p.key) + size(p.value);
          }
          if (total > MAX_YAML_VALUES) break;
        }
      } else if (isSeq(n)) {
        for (const item of n.items) {
          total += size(item);
          if (total > MAX_YAML_VALUES) break;
        }
      }
    }
    sizes.set(n, total);
    return total;
  };
  if (size(doc.contents) > MAX_YAML_VALUES) {
    problems.error({}, 'readers.yamlTooMany', { max: MAX_YAML_VALUES });
    return false;
  }
  return ok;
}

export interface YamlSource {
  doc: Document;
  lines: LineCounter;
}

/** Line and column of the node at `path`, or of its closest existing parent. */
export function placeInYaml(src: YamlSource, path: readonly PropertyKey[]): Omit<Place, 'file'> {
  for (let n = path.length; n >= 0; n--) {
    const node = src.doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) {
      const { line, col } = src.lines.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return {};
}

/** Parse YAML text; syntax errors (with positions) go to `problems`. Returns null when unusable. */
export function parseYaml(bytes: Uint8Array, problems: ProblemList): { src: YamlSource; data: unknown } | null {
  problems.fieldKind = 'key';
  if (bytes.length === 0 || /^\s*$/.test(Buffer.from(bytes).toString('latin1'))) {
    problems.error({}, 'file.empty');
    return null;
  }
  if (looksBinary(bytes)) {
    problems.error({}, 'file.binary');
    return null;
  }
  if (bytes.length > MAX_YAML_BYTES) {
    problems.error({}, 'file.tooLarge', { size: `${(bytes.length / 1_048_576).toFixed(1)} MB`, max: '10 MB' });
    return null;
  }
  const { text, mixedLine } = decodeText(bytes);
  if (mixedLine !== null) problems.warn({ line: mixedLine }, 'file.mixedEncoding');
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    problems.error({ line: lineAt(text, nul) }, 'readers.nul');
    return null;
  }
  const shape = preScan(text);
  if (shape.deepLine !== undefined) {
    problems.error({ line: shape.deepLine }, 'yaml.tooDeep');
    return null;
  }
  if (shape.tooMany) {
    problems.error({}, 'readers.yamlTooMany', { max: MAX_YAML_VALUES });
    return null;
  }
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    problems.error({}, e instanceof RangeError ? 'yaml.tooDeep' : 'yaml.syntax', { detail: (e as Error).message });
    return null;
  }
  for (const err of doc.errors) {
    const { line, col } = lines.linePos(err.pos[0]);
    const deep = /call stack/i.test(err.message);
    problems.error({ line, column: col }, deep ? 'yaml.tooDeep' : 'yaml.syntax', { detail: err.message.split('\n')[0] ?? err.code });
  }
  if (doc.errors.length > 0) return null;
  if (!checkNodes(doc, lines, problems)) return null;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    problems.error({}, e instanceof RangeError ? 'yaml.tooDeep' : 'yaml.syntax', { detail: (e as Error).message.split('\n')[0] ?? '' });
    return null;
  }
  return { src: { doc, lines }, data };
}

/** Report every zod issue at the YAML node it concerns. */
export function reportZodIssues(issues: z.core.$ZodIssue[], src: YamlSource, problems: ProblemList): void {
  for (const issue of issues) {
    const at = placeInYaml(src, issue.path);
    problems.error(at, 'yaml.schema', { path: issue.path.join('.') || '(top)', detail: issue.message });
  }
}

/** Parse and validate a YAML file against a schema. */
export function readYamlWith<T>(bytes: Uint8Array, schema: z.ZodType<T>, problems: ProblemList): { src: YamlSource; value: T } | null {
  const parsed = parseYaml(bytes, problems);
  if (!parsed) return null;
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    reportZodIssues(result.error.issues, parsed.src, problems);
    return null;
  }
  return { src: parsed.src, value: result.data };
}
