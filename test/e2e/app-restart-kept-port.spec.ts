import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe } from './serve-fixture';

/**
 * Issue 19 item 4: `npm start` runs `phonebench serve` without --port. It keeps the port of its last start (in
 * the data folder's settings) and its token, so a tab left open reconnects after a restart instead of saying
 * "reconnecting" forever against a port nobody listens on.
 */

test('a tab left open reconnects after npm start restarts the server', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pb-e2e-kept-port-'));
  const first = await startServe({}, { dataDir, port: 'kept' });
  let second: Awaited<ReturnType<typeof startServe>> | undefined;
  try {
    const settings = JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as { webPort?: number };
    expect(settings.webPort).toBe(first.port);

    await page.goto(`${first.url}#/status`);
    await expect(page.getByRole('heading', { name: 'Engine status' })).toBeVisible();
    await expect(page.getByTestId('connection-notice')).toHaveCount(0);

    await first.stop();
    await expect(page.getByTestId('connection-notice')).toHaveAttribute('data-state', /closed|connecting/);

    second = await startServe({}, { dataDir, port: 'kept' });
    expect(second.port).toBe(first.port);
    expect(second.url).toBe(first.url);
    // The old tab finds the new start by itself: the notice goes, and the page talks to the engine again.
    await expect(page.getByTestId('connection-notice')).toHaveCount(0, { timeout: 30_000 });
    await page.getByRole('link', { name: 'Firmware' }).click();
    await expect(page.getByRole('heading', { name: 'Firmware library' })).toBeVisible();
  } finally {
    await second?.stop();
    if (!second) await first.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
