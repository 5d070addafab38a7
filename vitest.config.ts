import { defineConfig } from 'vitest/config';

// Every project's temporary files go into one folder per run, removed at its end.
const TEMP_ROOT = 'test/support/temp-root.setup.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/**/*.test.ts',
            'test/**/*.fuzz.ts',
            'packages/*/test/**/*.test.ts',
            'packages/*/test/**/*.fuzz.ts',
          ],
          exclude: ['test/e2e/**', '**/*.memory.test.ts'],
          benchmark: { include: ['packages/*/test/**/*.perf.ts'] },
          globalSetup: [TEMP_ROOT],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          // Heap measurements need global.gc(), which only a process started with --expose-gc has.
          name: 'memory',
          include: ['packages/*/test/**/*.memory.test.ts'],
          pool: 'forks',
          execArgv: ['--expose-gc'],
          globalSetup: [TEMP_ROOT],
          testTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          // One registry for the whole run: started, filled with this checkout's packages, stopped.
          globalSetup: [TEMP_ROOT, 'test/e2e/support/registry.setup.ts'],
          testTimeout: 1_200_000,
          hookTimeout: 1_200_000,
          // One file at a time: each installs, builds and synthesizes a whole service, which takes both cores.
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
