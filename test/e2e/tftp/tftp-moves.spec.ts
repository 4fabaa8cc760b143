import { spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tftpGet } from '../../integration/tftp/test-client';
import { requireTool } from '../../support/require-tool';
import { expect, freshTest } from '../serve-fixture';

/**
 * Tftpd64's moves on the TFTP page, in Chromium: the root with each file's state for the phone, per-transfer
 * start time, duration, block size and retries, refused rows that never animate, and the Syslog receiver.
 */
const test = freshTest;
let root: string;

test.beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-e2e-tftp-moves-'));
  await fs.writeFile(path.join(root, 'OS79XX.TXT'), 'P0S3-08-12-00\n');
  await fs.writeFile(path.join(root, 'SIPDefault.cnf'), 'image_version: "P0S3-08-12-00"\n');
});
test.afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

test('the TFTP root with sent / asked / never asked, the transfer columns, and refused rows that stand still', async ({ page, fresh }) => {
  await page.goto(`${fresh.url}#/tftp`);
  await page.getByTestId('tftp-address').getByRole('radio', { name: /^127\.0\.0\.1 / }).check();
  await page.getByTestId('tftp-port').fill('0');
  await page.getByTestId('tftp-root').fill(root);
  await page.getByTestId('tftp-phone').fill('127.0.0.1');
  await page.getByTestId('tftp-start').click();
  const status = page.getByTestId('tftp-status');
  await expect(status).toContainText('running');
  const port = Number(/:(\d+)/.exec((await status.locator('code').first().textContent()) ?? '')?.[1]);

  const rootView = page.getByTestId('tftp-root-view');
  await expect(rootView.locator('tr[data-file="OS79XX.TXT"]')).toHaveAttribute('data-state', 'never-asked');

  expect((await tftpGet({ port, filename: 'OS79XX.TXT' })).ok).toBe(true);
  expect((await tftpGet({ port, filename: 'OS79XX.TXT', localAddress: '127.0.0.2' })).ok).toBe(false);
  expect((await tftpGet({ port, filename: 'SEP000E84C060A6.cnf' })).ok).toBe(false);

  await expect(rootView.locator('tr[data-file="OS79XX.TXT"]')).toHaveAttribute('data-state', 'sent');
  await expect(rootView.locator('tr[data-file="OS79XX.TXT"]')).toContainText('sent');
  await expect(rootView.locator('tr[data-file="SIPDefault.cnf"]')).toHaveAttribute('data-state', 'never-asked');
  await expect(page.getByTestId('tftp-root-missing')).toContainText('SEP000E84C060A6.cnf (1)');

  const transfers = page.getByTestId('tftp-transfers');
  const done = transfers.locator('tr[data-state="done"]');
  await expect(done).toHaveCount(1);
  await expect(done.locator('td[data-col="blksize"]')).toHaveText('512');
  await expect(done.locator('td[data-col="retries"]')).toHaveText('0');
  await expect(done.locator('td[data-col="took"]')).toHaveText(/^\d+\.\d\d s$/);
  await expect(done.locator('td[data-col="started"]')).toHaveText(/\d{2}:\d{2}:\d{2}/);
  const refused = transfers.locator('tr[data-state="refused"]');
  await expect(refused).toHaveCount(1);
  // A refused row sent nothing: no bar at all, so nothing moves; no ended row has a moving (indeterminate) bar.
  await expect(refused.locator('progress')).toHaveCount(0);
  await expect(transfers.locator('tr:not([data-state="running"]) progress:indeterminate')).toHaveCount(0);
});

test.describe(() => {
  test.skip(!requireTool('logger', 'send syslog with util-linux logger'), 'util-linux logger is not installed');

  test("the Syslog receiver hears the phone, refuses another address and says it cannot name the phone's setting", async ({ page, fresh }) => {
    await page.goto(`${fresh.url}#/tftp`);
    const panel = page.getByTestId('syslog-panel');
    await panel.getByTestId('syslog-address').selectOption('127.0.0.1');
    await panel.getByTestId('syslog-port').fill('0');
    await panel.getByTestId('syslog-phone').fill('127.0.0.1');
    await panel.getByTestId('syslog-start').click();
    const status = panel.getByTestId('syslog-status');
    await expect(status).toContainText('listening on 127.0.0.1:');
    await expect(panel).toContainText('[unverified]');
    const port = /127\.0\.0\.1:(\d+)/.exec((await status.textContent()) ?? '')?.[1];
    expect(spawnSync('logger', ['-n', '127.0.0.1', '-P', port!, '-d', '--rfc3164', '-t', 'sipd', 'REGISTER 200 OK \u001b[31m']).status).toBe(0);
    await new Promise<void>((resolve, reject) => {
      const s = createSocket('udp4');
      s.bind({ address: '127.0.0.2', port: 0 }, () => s.send('<11>other phone', Number(port), '127.0.0.1', (e) => (s.close(), e ? reject(e) : resolve())));
    });
    await expect(panel.getByTestId('syslog-lines')).toContainText('127.0.0.1 notice sipd: REGISTER 200 OK \\x1b[31m');
    await expect(status).toContainText('refused from other addresses: 1', { timeout: 30_000 });
    await expect(status).toContainText('last refused from 127.0.0.2');
    await expect(panel.getByTestId('syslog-lines')).not.toContainText('other phone');
    await panel.getByTestId('syslog-stop').click();
    await expect(panel.getByTestId('syslog-start')).toBeVisible();
  });
});
