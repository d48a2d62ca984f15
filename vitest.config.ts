import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // better-sqlite3 and onnxruntime are native addons: separate processes keep them apart.
    pool: 'forks',
    // The CLI and browser-mode tests run the built command and host (.vite/cli): rebuilt if stale.
    globalSetup: ['tests/helpers/build-cli-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The end-to-end tests poll the screen; on a loaded 2-core machine a job can take seconds.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
