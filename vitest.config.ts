import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI; a cold start on a 2-core machine can be slow.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
