import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { name } = JSON.parse(
  readFileSync(new URL('package.json', import.meta.url), 'utf8'),
) as { name: string };

export default defineConfig({
  test: {
    globals: true,
    root: './',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // Specs that import a Lambda entry start a whole Nest application, as Lambda's init phase does.
    testTimeout: 30_000,
    env: {
      // As the function construct sets it on AWS: the logger labels every line with it.
      POWERTOOLS_SERVICE_NAME: name,
      // The functions' JSON log lines stay out of the test output; POWERTOOLS_LOG_LEVEL=INFO npm test shows them.
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT',
    },
  },
});
