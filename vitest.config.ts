import { defineConfig } from 'vitest/config';

// Generous budgets: the suite must pass on a busy two-core machine, and no test may depend on its speed.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
