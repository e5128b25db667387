// YAML files checked by a zod schema, with problems placed at the line and column of the bad node.
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { ProblemList, type Place } from './problems.js';
import { decodeText, looksBinary } from './text.js';

/** A review or settings file larger than this is not a review. */
export const MAX_YAML_BYTES = 10 * 1_048_576;

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
