import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe } from './serve-fixture';

/** An old tab after `phonebench serve` restarts on the same port: it says so once, and stops retrying. */

test('a tab of a previous start says "open the new URL" instead of reconnecting forever', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pb-e2e-restart-'));
  const first = await startServe({}, { dataDir });
  let second: Awaited<ReturnType<typeof startServe>> | undefined;
  try {
    await page.goto(`${first.url}#/status`);
    await expect(page.getByRole('heading', { name: 'Engine status' })).toBeVisible();
    await expect(page.getByTestId('connection-notice')).toHaveCount(0);

    const port = first.port;
    await first.stop();
    await expect(page.getByTestId('connection-notice')).toHaveAttribute('data-state', /closed|connecting/);

    // The same port, a new token: the old tab's token is refused from now on.
    second = await startServe({}, { dataDir, port });
    const notice = page.getByTestId('connection-notice');
    await expect(notice).toHaveAttribute('data-state', 'stale', { timeout: 30_000 });
    await expect(notice).toHaveText(/Phonebench was restarted: open the new URL/);
    await expect(page.getByRole('alert').filter({ hasText: 'restarted' })).toBeVisible();

    // It stays stale: no more socket attempts against the new server (before, it retried every 5 s at most).
    let upgrades = 0;
    page.on('websocket', () => upgrades++);
    await page.waitForTimeout(6_000);
    expect(upgrades).toBe(0);
    await expect(notice).toHaveAttribute('data-state', 'stale');

    // The new URL works.
    await page.goto(`${second.url}#/status`);
    await expect(page.getByRole('heading', { name: 'Engine status' })).toBeVisible();
    await expect(page.getByTestId('connection-notice')).toHaveCount(0);
  } finally {
    await second?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
