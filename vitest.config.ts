import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    environment: 'node',
    // Generous: CLI tests start node, tsx and a database per command, and CI machines are shared.
    testTimeout: 240_000,
    hookTimeout: 120_000,
    // Two cores: more workers than that only makes PGlite start-ups fight for CPU.
    maxWorkers: 2,
    setupFiles: ['test/helpers/setup.ts'],
    env: { TZ: 'UTC' },
  },
});
