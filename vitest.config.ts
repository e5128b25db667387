import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Generous budgets: the suite must pass on a busy two-core machine, and no test may depend on its speed.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default is one worker less than the cores: a single worker on two. Two keep both busy
    // (a test often waits for a CLI it spawned), and no test depends on the machine's speed.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
