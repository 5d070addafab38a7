import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    root: './',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // Specs that import a Lambda entry start a whole Nest application, as Lambda's init phase does.
    testTimeout: 30_000,
  },
});
