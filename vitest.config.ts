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
    // The demo phone's simulated flash write takes 1500 ms in the product; 20 ms here keeps every state and event
    // (electron/engine/migration/demo-phone.ts) and takes demo-paths.test.ts from 47 s to 12 s.
    env: { PHONEBENCH_DEMO_FLASH_WRITE_MS: '20' },
  },
});

export default unitAndIntegration;
