import { defineConfig } from 'vitest/config';

// Three projects by file suffix (STYLE.md §7): pure unit tests, integration tests against real
// PostgreSQL and a real Temporal dev server, and browser tests in Debian's Chromium.
const ignored = ['**/node_modules/**', '**/build/**', '**/.react-router/**', '.data/**', '.tools/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages,plugins,infra}/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...ignored, '**/*.integration.test.ts', '**/*.browser.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{apps,packages,plugins,infra}/**/*.integration.test.ts'],
          exclude: ignored,
          globalSetup: ['test/global-setup.ts'],
          // Every file appends audit entries as the server does: with the run's audit key.
          setupFiles: ['packages/core/src/testing/use-test-audit-key.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['{apps,packages,plugins,infra,test}/**/*.browser.test.ts'],
          exclude: ignored,
          globalSetup: ['test/browser-setup.ts'],
          testTimeout: 240_000,
          // Pages of a freshly started server can take seconds on a busy 2-core machine.
          expect: { poll: { timeout: 15_000 } },
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
