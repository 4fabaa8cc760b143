import { defineConfig } from 'vitest/config';

export const unitAndIntegration = defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests that spawn bin/phonebench.js run the compiled CLI: built here when missing or stale.
    globalSetup: ['test/support/build-cli-setup.ts'],
    reporters: ['default'],
  },
});

export default unitAndIntegration;
