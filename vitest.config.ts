import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers than that only makes PGlite start-ups fight for CPU.
    maxWorkers: 2,
    setupFiles: ['test/helpers/setup.ts'],
    env: { TZ: 'UTC' },
  },
});
