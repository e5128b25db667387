// UTF-16 files (as Excel's "Unicode text" and some Windows tools save them) are read as text, not
// rejected as binary data: the same scores as the UTF-8 file, whichever byte order.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/read/text.js';
import { cli, fixture, tempDir } from '../helpers.js';

const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return order === 'le' ? le : Buffer.from(le).swap16();
};

describe('UTF-16 input', () => {
  const dir = tempDir();
  it.each(['le', 'be'] as const)('a CSV ratings table and a YAML review in UTF-16 %s score as their UTF-8 originals', (order) => {
    for (const source of [fixture('ratings', 'reseau-sud-2026.csv'), fixture('reviews', 'jardins-emploi-2026.yaml')]) {
      const copy = join(dir, `${order}-${source.split('/').pop()}`);
      writeFileSync(copy, utf16(decodeText(readFileSync(source)).text, order)); // the CSV is Windows-1252, with accents
      const want = cli(['score', source, '--format', 'json']);
      const got = cli(['score', copy, '--format', 'json']);
      expect(got.stderr).not.toContain('binary');
      expect(got.code).toBe(want.code);
      expect(got.stdout.replaceAll(copy, source)).toBe(want.stdout);
    }
  });
});
