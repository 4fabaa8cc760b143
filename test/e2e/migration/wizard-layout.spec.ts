import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../serve-fixture';
import { importBundles } from './library-seed';

/**
 * The wizard on a 1366x768 laptop screen: every step opens at its top with its main button on screen, the
 * fields say what is wrong as they are typed, the plan names an incomplete bundle and files borrowed from
 * another one, and a finished demo can be run again.
 */

test.use({ viewport: { width: 1366, height: 768 } });

let work: string;
test.beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-e2e-wizard-'));
});
test.afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

/** Goes on from the bottom of the page, as a technician who scrolled down to the button does. */
async function nextFromBottom(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.getByRole('button', { name: 'Next step' }).click();
}

async function expectOpenedAtTop(page: Page, main: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByRole('heading', { name: 'Migrate a phone' })).toBeInViewport();
  await expect(page.getByRole('button', { name: main })).toBeInViewport();
}

test('each step opens at its top with its main button on screen; fields are checked as typed', async ({ page, app }) => {
  await importBundles(work, app.dataDir, ['sip812', 'sip812Broken']);
  await page.goto(`${app.url}#/migrate`);
  const next = page.getByRole('button', { name: 'Next step' });
  await expect(next).toBeInViewport();

  await page.getByLabel('MAC address').fill('000E84C060A6');
  await page.getByLabel('Current firmware').fill('SCCP 8.1(2)');
  await nextFromBottom(page);

  // Target: the incomplete SIP 8.12 bundle, to see the plan say so.
  await expectOpenedAtTop(page, 'Next step');
  await page.getByRole('radio', { name: /SIP 8\.12 from sip-8-12-incomplete/ }).check();
  await nextFromBottom(page);

  // Network: nothing called live is chosen for the technician.
  await expectOpenedAtTop(page, 'Next step');
  const nics = page.locator('fieldset label', { has: page.locator('input[name="migrate-nic"]') });
  await expect(nics.first()).toBeVisible();
  for (const nic of await nics.all()) {
    if ((await nic.textContent())?.includes('Looks like a live network')) await expect(nic.locator('input')).not.toBeChecked();
  }
  await page.getByRole('radio', { name: /lo: 127\.0\.0\.1/ }).check();

  const port = page.getByTestId('migrate-port');
  await port.fill('70000');
  await expect(page.getByText('Type a whole number from 1 to 65535')).toBeVisible();
  await expect(port).toHaveAttribute('aria-invalid', 'true');
  await expect(next).toBeDisabled();
  await port.fill('');
  await expect(next).toBeDisabled();
  await port.fill('69');
  await expect(next).toBeEnabled();

  const phoneIp = page.getByTestId('migrate-phone-ip');
  await phoneIp.fill('192.168.1.300');
  await expect(page.getByText('"192.168.1.300" is not an IPv4 address: type four numbers from 0 to 255 with dots')).toBeVisible();
  await expect(next).toBeDisabled();
  await phoneIp.fill('');
  await expect(page.getByTestId('migrate-keypad')).toContainText('127.0.0.1');
  await expect(next).toBeInViewport();
  await nextFromBottom(page);

  // Plan: the incomplete bundle is said, and the loader that comes from the other bundle is named.
  await expectOpenedAtTop(page, 'Next step');
  await expect(page.getByTestId('migrate-plan-incomplete')).toContainText('sip-8-12-incomplete.zip');
  const borrowed = page.getByTestId('migrate-plan-borrowed');
  await expect(borrowed).toContainText('.sbn');
  await expect(borrowed).toContainText(/from cisco-sip-7940-7960-8-12/);
  await expect(next).toBeEnabled();
  await nextFromBottom(page);

  await expectOpenedAtTop(page, 'Start migration');
  await expect(page.getByText(/Invalid parameters/)).toHaveCount(0);
});

test('after a demo, Start runs the demo again (no raw schema error), and a real phone starts from the first step', async ({ page, app }) => {
  await importBundles(work, app.dataDir, ['sip812']);
  await page.goto(`${app.url}#/migrate`);
  await page.getByRole('button', { name: 'Try with a virtual phone' }).click();
  const state = page.getByTestId('migrate-state');
  await expect(state).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Start migration' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Run the demo again' }).click();
  await expect(state).not.toHaveAttribute('data-state', 'succeeded');
  await expect(state).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  await expect(page.getByText(/Invalid parameters/)).toHaveCount(0);

  await page.getByRole('button', { name: 'Migrate a real phone' }).click();
  await expect(page.getByLabel('MAC address')).toHaveValue('00:0E:84:C0:60:A6');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});
