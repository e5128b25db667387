// Shipped documents link only inside the repository, to files that exist; the README stays short.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

const shipped = [...['README.md', 'CHANGELOG.md', 'ARCHITECTURE.md'].map((f) => join(root, f)), ...markdownFiles(join(root, 'docs'))];

/** Link targets of a Markdown text, code blocks and inline code left out. */
function links(text: string): string[] {
  const prose = text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g), ...prose.matchAll(/<(https?:[^>]+)>/g)].map((m) => m[1]!);
}

describe('shipped documents', () => {
  it.each(shipped.map((f) => [relative(root, f), f]))('%s links only to files of the repository', (_name, file) => {
    for (const target of links(readFileSync(file, 'utf8'))) {
      expect(target, `${target} leaves the repository`).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
      const path = resolve(dirname(file), target.split('#')[0]!);
      expect(relative(root, path).startsWith('..'), `${target} leaves the repository`).toBe(false);
      expect(existsSync(path), `${target} does not exist`).toBe(true);
    }
  });

  it('README is read in five minutes (about 150 lines)', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(170);
  });

  it('README links every page of docs/', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const linked = new Set(links(readme).map((t) => t.split('#')[0]));
    const missing = markdownFiles(join(root, 'docs'))
      .map((f) => relative(root, f))
      .filter((f) => !linked.has(f));
    expect(missing).toEqual([]);
  });
});
