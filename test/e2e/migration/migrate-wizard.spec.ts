import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../serve-fixture';
import { importBundles } from './library-seed';

/** The Migrate wizard in Chromium against `phonebench serve`: the virtual-phone demo, the steps, a refused plan. */

let work: string;

test.beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-e2e-migrate-'));
});

test.afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

test.describe('the Migrate page', () => {
  test('the virtual-phone demo runs to success, shows the timeline, and exports the report', async ({ page, app }) => {
    await importBundles(work, app.dataDir, ['sip812']);
    await page.goto(`${app.url}#/migrate`);
    await expect(page.getByRole('heading', { name: 'Migrate a phone' })).toBeVisible();
    await page.getByRole('button', { name: 'Try with a virtual phone' }).click();
    await expect(page.getByTestId('migrate-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
    const timeline = page.getByTestId('migrate-timeline');
    await expect(timeline.locator('li[data-kind="served"]').first()).toBeVisible();
    await expect(timeline.locator('li[data-kind="hop-done"]')).toHaveCount(1);
    await expect(page.getByTestId('migrate-hops').locator('li[data-state="done"]')).toHaveCount(1);

    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.getByTestId('migrate-report')).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^phonebench-000E84C060A6-.*\.json$/);
    const report = JSON.parse(await fs.readFile(await file.path(), 'utf8')) as { status: { state: string }; served: unknown[] };
    expect(report.status.state).toBe('succeeded');
    expect(report.served.length).toBeGreaterThan(3);
  });

  test('walks the steps: MAC checked, bundle, network with keypad steps, plan', async ({ page, app }) => {
    await importBundles(work, app.dataDir, ['sip812']);
    await page.goto(`${app.url}#/migrate`);
    const next = page.getByRole('button', { name: 'Next step' });
    await page.getByLabel('MAC address').fill('00:0e:84');
    await page.getByLabel('Current firmware').fill('SCCP 8.1(2)');
    await expect(page.getByText('Not a MAC address')).toBeVisible();
    await expect(next).toBeDisabled();
    await page.getByLabel('MAC address').fill('000e.84c0.60a6');
    await expect(page.getByText('Phone files will name it 000E84C060A6.')).toBeVisible();
    await next.click();

    // The worker's library may also hold other SIP 8.12 bundles (the Firmware spec's incomplete one): pick ours.
    await page.getByRole('radio', { name: /SIP 8\.12 from cisco-sip-7940-7960-8-12/ }).check();
    await next.click();

    await page.getByRole('radio', { name: /lo: 127\.0\.0\.1/ }).check();
    await expect(page.getByTestId('migrate-keypad')).toContainText('Set TFTP Server 1 to 127.0.0.1; the * key types the dot of the address.');
    await expect(page.getByTestId('migrate-keypad')).toContainText('**#');
    await next.click();

    await expect(page.getByTestId('migrate-plan')).toContainText('SCCP 8.1(2)');
    await expect(next).toBeEnabled();
  });

  test('a forbidden downgrade stops at the plan with the reason', async ({ page, app }) => {
    await importBundles(work, app.dataDir, ['sccp3']);
    await page.goto(`${app.url}#/migrate`);
    const next = page.getByRole('button', { name: 'Next step' });
    await page.getByLabel('MAC address').fill('000E84C060A6');
    await page.getByLabel('Current firmware').fill('SIP 8.12');
    await next.click();
    await page.getByRole('radio', { name: /SCCP 3\./ }).check();
    await next.click();
    // Nothing is chosen for the technician on the network step.
    await page.getByRole('radio', { name: /lo: 127\.0\.0\.1/ }).check();
    await next.click();
    await expect(page.getByTestId('migrate-plan-refused')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(/5\.0|signed/i);
    await expect(next).toBeDisabled();
  });
});
