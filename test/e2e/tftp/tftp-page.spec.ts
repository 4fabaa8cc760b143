import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tftpGet } from '../../integration/tftp/test-client';
import type { Page } from '@playwright/test';
import { expect, test } from '../serve-fixture';

/** The TFTP page in Chromium against `phonebench serve`: start locked to one phone, watch a transfer, read the log, stop. */

let root: string;

/** Starts the page's server on 127.0.0.1, any port, for the phone at 127.0.0.1; answers the port it took. */
async function startForPhone(page: Page): Promise<number> {
  await page.getByTestId('tftp-address').getByRole('radio', { name: /^127\.0\.0\.1 / }).check();
  await page.getByTestId('tftp-port').fill('0');
  await page.getByTestId('tftp-root').fill(root);
  await page.getByTestId('tftp-phone').fill('127.0.0.1');
  await page.getByTestId('tftp-start').click();
  const status = page.getByTestId('tftp-status');
  await expect(status).toContainText('running');
  const port = Number(/:(\d+)/.exec((await status.locator('code').first().textContent()) ?? '')?.[1]);
  expect(port).toBeGreaterThan(0);
  return port;
}

test.beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-e2e-tftp-'));
  await fs.writeFile(path.join(root, 'OS79XX.TXT'), 'P0S3-08-12-00\n');
  await fs.writeFile(path.join(root, 'SIPDefault.cnf'), 'image_version: "P0S3-08-12-00"\n');
});

test.afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

test('starts the TFTP server for one phone, shows the transfer and the log, stops', async ({ page, app }) => {
  await page.goto(`${app.url}#/tftp`);
  await expect(page.getByRole('heading', { name: 'TFTP server' })).toBeVisible();
  await expect(page.getByTestId('tftp-status')).toContainText('stopped');

  const port = await startForPhone(page);
  const status = page.getByTestId('tftp-status');

  const got = await tftpGet({ port, filename: 'sipdefault.cnf' });
  expect(got.ok && got.data.toString()).toContain('image_version');

  const transfers = page.getByTestId('tftp-transfers');
  await expect(transfers).toContainText('sipdefault.cnf → SIPDefault.cnf');
  await expect(transfers).toContainText('done');
  const log = page.getByTestId('tftp-log');
  await expect(log).toContainText("Sending 'SIPDefault.cnf' to 127.0.0.1 (octet, blksize 512): Successful");

  await page.getByTestId('tftp-log-filter').fill('matched ignoring case');
  await expect(log).toContainText("asked for 'sipdefault.cnf'");
  await expect(log).not.toContainText('Successful');

  await page.getByTestId('tftp-stop').click();
  await expect(status).toContainText('stopped');
});

test('refusals from another address end as refused rows, and the table and log survive navigation', async ({ page, app }) => {
  await page.goto(`${app.url}#/tftp`);
  const port = await startForPhone(page);
  const status = page.getByTestId('tftp-status');

  // The phone this server serves, then a second client on another loopback address, then a bad path.
  expect((await tftpGet({ port, filename: 'OS79XX.TXT' })).ok).toBe(true);
  const other = await tftpGet({ port, filename: 'OS79XX.TXT', localAddress: '127.0.0.2' });
  expect(other.ok).toBe(false);
  expect((await tftpGet({ port, filename: '../etc/passwd' })).ok).toBe(false);

  const transfers = page.getByTestId('tftp-transfers');
  const refusedOther = transfers.locator('tr[data-state="refused"][data-client="127.0.0.2"]');
  await expect(refusedOther).toHaveCount(1);
  await expect(refusedOther).toContainText('not the phone this server serves');
  await expect(transfers.locator('tr[data-state="refused"][data-client="127.0.0.1"]')).toContainText('../etc/passwd');
  await expect(transfers.locator('tr[data-state="running"]')).toHaveCount(0);

  // Away and back: the rows come from the engine, not from the page that was left.
  await page.getByRole('link', { name: 'Status' }).click();
  await expect(page.getByTestId('tftp-transfers')).toHaveCount(0);
  await page.getByRole('link', { name: 'TFTP' }).click();
  await expect(transfers.locator('tr[data-state="refused"][data-client="127.0.0.2"]')).toHaveCount(1);
  await expect(transfers.locator('tr[data-state="done"]', { hasText: 'OS79XX.TXT' })).toHaveCount(1);

  const download = page.waitForEvent('download');
  await page.getByTestId('tftp-save-log').click();
  const saved = await fs.readFile(await (await download).path(), 'utf8');
  expect(saved).toContain("Sending 'OS79XX.TXT' to 127.0.0.1");

  await page.getByTestId('tftp-clear').click();
  await expect(page.getByText('No transfers yet.')).toBeVisible();
  await expect(page.getByTestId('tftp-log')).toHaveText('Nothing logged yet.');
  await page.reload();
  await expect(page.getByText('No transfers yet.')).toBeVisible();
  await page.getByTestId('tftp-stop').click();
  await expect(status).toContainText('stopped');
});

test('after the WebSocket drops and comes back, the page asks the engine again for what it missed', async ({ page, app }) => {
  let blocked = false;
  let live: { close(): Promise<void> } | undefined;
  await page.routeWebSocket(/\/api\?token=/, (ws) => {
    if (blocked) {
      void ws.close();
      return;
    }
    ws.connectToServer();
    live = ws;
  });
  await page.goto(`${app.url}#/tftp`);
  const port = await startForPhone(page);
  const status = page.getByTestId('tftp-status');

  // The socket drops; while it is down a second phone is refused, so its event never reaches the page.
  blocked = true;
  await live?.close();
  await expect(page.getByTestId('connection-notice')).toHaveAttribute('data-state', /closed|connecting/);
  expect((await tftpGet({ port, filename: 'SIPDefault.cnf', localAddress: '127.0.0.2' })).ok).toBe(false);
  blocked = false;

  await expect(page.getByTestId('connection-notice')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('tftp-transfers').locator('tr[data-state="refused"][data-client="127.0.0.2"]', { hasText: 'SIPDefault.cnf' })).toHaveCount(1);
  await page.getByTestId('tftp-stop').click();
  await expect(status).toContainText('stopped');
});
