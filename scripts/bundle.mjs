// Build step: bundles tsc's dist/ into dist/bundle/, what bin/ips-fidelity.js runs. On Node 20,
// loading ~160 small ES modules (zod alone is 95) was most of a command's start-up; the bundle
// is a few chunks, zod tree-shaken, and each command still a chunk of its own, loaded on use.
// Packages that are loaded late or are large stay in node_modules: pdfkit and its font, the
// workbook reader, iconv-lite, and chalk (required only when colours are on).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const BUNDLED = ['commander', 'zod', 'yaml'];

// Modules find the package's files (scales/, locales/, dist/data/, package.json) from their own
// place, `new URL('../../…', import.meta.url)`, written for dist/<folder>/module.js. Chunks sit in
// dist/bundle/, at that same depth: a module elsewhere would look in the wrong folder once bundled.
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.js') || entry.parentPath.startsWith(dist + 'bundle')) continue;
  const file = `${entry.parentPath}/${entry.name}`;
  const depth = file.slice(dist.length).split('/').length;
  if (depth !== 2 && /new URL\('\.\.\/[^']*', import\.meta\.url\)/.test(readFileSync(file, 'utf8'))) {
    throw new Error(`${file}: finds package files relative to itself, but is not in dist/<folder>/ like the bundle's chunks`);
  }
}

rmSync(`${dist}bundle`, { recursive: true, force: true });
await build({
  // The jobs worker is started by its path beside the chunk that starts it (read/program-folder.ts).
  // cli-main: `main(argv)` itself, for a host that runs the CLI many times in one process (the tests' in-process runner).
  input: { 'ips-fidelity': `${dist}bin.js`, 'jobs-worker': `${dist}read/jobs-worker.js`, 'cli-main': `${dist}cli/main.js` },
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !BUNDLED.some((p) => id === p || id.startsWith(p + '/')),
  onLog(level, log, handler) {
    // Modules dynamically imported on one path (score) and statically on another (outcomes) share a chunk: expected.
    if (log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') handler(level, log);
  },
  // zod's namespace (`z`, used as an object) re-exports all of its ~50 locales as `z.locales`: the bundle
  // keeps the two the tool speaks (src/i18n/zod-messages.ts imports them by path). About 500 KB less
  // to compile at each start (bench/RESULTS.md, "score one review (cold start)").
  plugins: [
    {
      name: 'zod-locales-en-fr',
      load(id) {
        if (/[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/.test(id))
          return 'export { default as en } from "./en.js";\nexport { default as fr } from "./fr.js";\n';
        return null;
      },
    },
  ],
  output: { dir: `${dist}bundle`, format: 'esm', chunkFileNames: '[name]-[hash].js' },
});
