import { defineConfig } from 'vitest/config';

/** End-to-end tests in Debian's chromium against the real server and the built web app (npm run test:browser). */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/global-setup.ts'],
    setupFiles: ['test/helpers/setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One file at a time: each starts a server and a browser, and the machines running this have two cores.
    fileParallelism: false,
    env: { TZ: 'UTC' },
  },
});
