import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { makeSyntheticImage } from '../../../shared/cisco/synthetic-image';
import { buildBundleFixtures, zipBytes } from '../../fixtures/firmware-fixtures';
import { expect, test } from '../serve-fixture';

/**
 * R2 goes first to "the 6.3 image", a load no source names exactly: the wizard's plan step asks the technician to
 * choose an SCCP 6.x load from the library, and plans only once one is chosen.
 */

let work: string;

test.beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-e2e-plan-choice-'));
});

test.afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

/** The SCCP 8.1(2) fixture, and an SCCP 6.0(2) zip (P00306000200, source line 269) laid out like it. */
async function importLibrary(dataDir: string, withSccp6: boolean): Promise<void> {
  const bundles = await buildBundleFixtures(path.join(work, `bundles-${String(withSccp6)}`));
  const library = new FirmwareLibrary(libraryRoot(dataDir));
  const have = new Set((await library.list()).map((m) => m.source.name));
  const files = [bundles['sccp812']!.file];
  if (withSccp6) {
    const zip = path.join(work, 'cmterm-7940-7960-sccp.6-0-2.zip');
    const names = ['P00306000200.bin', 'P00306000200.sbn', 'P00306000200.loads', 'P00306000200.sb2'];
    await fs.writeFile(zip, zipBytes(names.map((name) => ({ name, data: makeSyntheticImage(name, 4096) }))));
    files.push(zip);
  }
  for (const file of files) if (!have.has(path.basename(file))) await library.import(file);
}

async function toPlanStep(page: import('@playwright/test').Page, url: string): Promise<void> {
  const next = page.getByRole('button', { name: 'Next step' });
  await page.goto(`${url}#/migrate`);
  await page.getByLabel('MAC address').fill('000E84C060A6');
  await page.getByLabel('Current firmware').fill('SIP 4.4');
  await next.click();
  await page.getByRole('radio', { name: /SCCP 8\.1\(2\) from cmterm-7940-7960-sccp\.8-1-2/ }).check();
  await next.click();
  await page.getByRole('radio', { name: /lo: 127\.0\.0\.1/ }).check();
  await next.click();
}

test.describe('the plan step asks for a load no source names', () => {
  test('with none (run first: the library is shared by the worker): says which load to import and holds the wizard', async ({ page, app }) => {
    await importLibrary(app.dataDir, false);
    await toPlanStep(page, app.url);
    const choice = page.getByTestId('migrate-plan-choice');
    await expect(choice).toContainText('The firmware library holds no SCCP 6.x load');
    await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
  });

  test('with an SCCP 6.x load in the library: choose it, then the two R2 hops are planned', async ({ page, app }) => {
    await importLibrary(app.dataDir, true);
    await toPlanStep(page, app.url);
    const choice = page.getByTestId('migrate-plan-choice');
    await expect(choice).toContainText('Choose the SCCP 6.x load for this plan');
    await expect(choice).toContainText('6.3 image');
    await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
    const use = page.getByRole('button', { name: 'Plan with this load' });
    await expect(use).toBeDisabled();
    await page.getByRole('radio', { name: 'P00306000200' }).check();
    await use.click();
    const plan = page.getByTestId('migrate-plan');
    await expect(plan).toContainText('Hop 1: SIP 4.4 to SCCP 6.0(2)');
    await expect(plan).toContainText('Hop 2: SCCP 6.0(2) to SCCP 8.1(2)');
    await expect(plan).not.toContainText('P00306030000');
    await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
  });
});
