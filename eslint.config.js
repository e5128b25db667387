// ESLint: the recommended rules, plus the one-way layers of ARCHITECTURE.md ("Layers").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Each folder of src/, and the folders it must not import from. */
const LAYERS = {
  shared: ['core', 'scale', 'read', 'render', 'i18n', 'cli', 'contract'],
  scale: ['core', 'read', 'render', 'i18n', 'cli', 'contract'],
  core: ['read', 'render', 'i18n', 'cli', 'contract'],
  read: ['render', 'cli'],
  i18n: ['core', 'render', 'cli'],
  render: ['read', 'cli'],
  contract: ['shared', 'scale', 'core', 'read', 'render', 'i18n', 'cli'],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.ci/', '.test-output/', 'bench/data/', 'examples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.test.json' })],
    },
    rules: {
      // The code writes `(a = x), (b = y)` and `cond && f()` as statements on purpose (hot loops, terse guards).
      '@typescript-eslint/no-unused-expressions': 'off',
      // Safe text and its tests match control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: Object.entries(LAYERS).map(([target, from]) => ({
            target: `./src/${target}`,
            from: from.map((f) => `./src/${f}`),
            message: 'layers import one way: see ARCHITECTURE.md',
          })),
        },
      ],
    },
  },
  {
    // A function says one thing: one longer than this is split along its sections (ARCHITECTURE.md).
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Scripts, the bench and the bin run on Node: its globals, read-only.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'Buffer',
          'URL',
          'TextDecoder',
          'TextEncoder',
          'setTimeout',
          'clearTimeout',
          'setImmediate',
          'performance',
          'structuredClone',
          'queueMicrotask',
          'AbortController',
        ].map((g) => [g, 'readonly']),
      ),
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read the CLI's JSON output without declaring its whole shape.
      '@typescript-eslint/no-explicit-any': 'off',
      // Patterns match YAML indentation, which reads best as written.
      'no-regex-spaces': 'off',
    },
  },
);
