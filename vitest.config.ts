import { defineConfig } from 'vitest/config';

// Two groups: `unit` (pure and CLI tests, run under several TZ values by scripts/test.ts) and
// `e2e` (builds and a real browser, run once).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
