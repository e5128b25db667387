// End to end: the package `npm pack` makes holds what the built CLI needs at run time, and only that,
// and runs unpacked outside the repository. (.ci/run also installs the tarball from the registry, --omit=dev.)
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { copyFileSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT, tempDir } from '../helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  files: string[];
  dependencies: Record<string, string>;
};
const dir = tempDir();
// --ignore-scripts: the suite's build (pretest) is what is packed; `prepare` would build again.
const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
const info = JSON.parse(packed.stdout || '[]') as { filename: string; files: { path: string }[] }[];
const paths = info[0]?.files.map((f) => f.path) ?? [];

describe('npm pack', () => {
  it('packs', () => {
    expect(packed.status, packed.stderr).toBe(0);
    expect(info[0]!.filename).toBe(`ips-fidelity-${pkg.version}.tgz`);
  });
  it('every entry of "files" exists and is packed; no sources, tests or fixtures', () => {
    for (const entry of pkg.files)
      expect(
        paths.some((p) => p === entry || p.startsWith(entry + '/')),
        entry,
      ).toBe(true);
    expect(paths.filter((p) => /^(src|test|fixtures|bench|scripts|examples|node_modules)\//.test(p) || /\.ts$/.test(p))).toEqual([]);
    // Only the bundle and the compiled data of dist/: tsc's separate modules are not run.
    expect(paths.filter((p) => p.startsWith('dist/') && !/^dist\/(bundle|data)\//.test(p))).toEqual([]);
    for (const p of [
      'bin/ips-fidelity.js',
      'dist/bundle/ips-fidelity.js',
      'dist/bundle/jobs-worker.js',
      'scales/ips-25.yaml',
      'locales/fr.yaml',
      'CHANGELOG.md',
      'README.md',
    ]) {
      expect(paths).toContain(p);
    }
  });
  it('the bundle imports only Node built-ins and runtime dependencies (installs with --omit=dev)', () => {
    const builtins = new Set(builtinModules);
    const used = new Set<string>();
    for (const p of paths.filter((x) => x.startsWith('dist/bundle/'))) {
      const code = readFileSync(join(ROOT, p), 'utf8');
      for (const m of code.matchAll(
        /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire(?:\.resolve)?\(\s*|\)\(\s*)["']((?:@[\w.-]+\/)?[\w][\w.-]*)(?:\/[^"']*)?["']/g,
      )) {
        const name = m[1]!;
        if (!name.startsWith('node:') && !builtins.has(name)) used.add(name);
      }
    }
    expect(used.size).toBeGreaterThan(3);
    expect([...used].filter((n) => !(n in pkg.dependencies))).toEqual([]);
  });
  it('unpacked outside the repository, scores a review and writes a PDF report', () => {
    const tar = spawnSync('tar', ['-xzf', join(dir, info[0]!.filename)], { cwd: dir, encoding: 'utf8' });
    expect(tar.status, tar.stderr).toBe(0);
    // The dependencies, as an install would place them beside the package.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    copyFileSync(fixture('reviews', 'jardins-emploi-2026.yaml'), join(dir, 'review.yaml'));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(dir, 'package', 'bin', 'ips-fidelity.js'), ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1' },
      });
    expect(run('--version').stdout.trim()).toBe(pkg.version);
    const score = run('score', 'review.yaml', '--format', 'json');
    expect(score.status, score.stderr).toBe(0);
    expect(JSON.parse(score.stdout)).toMatchObject({ reviews: [{ total: 103 }] });
    const report = run('report', 'review.yaml', '-o', 'report.pdf');
    expect(report.status, report.stderr).toBe(0);
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
  it('`prepare` (run when a tarball install is allowed scripts) builds only from a checkout: in the package it does nothing', () => {
    const r = spawnSync('npm', ['run', 'prepare', '--silent'], { cwd: join(dir, 'package'), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('tsc');
    expect(existsSync(join(dir, 'package', 'dist', 'bundle', 'ips-fidelity.js'))).toBe(true);
  });
});
