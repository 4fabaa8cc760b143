import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { makeSyntheticImage } from '../../../shared/cisco/synthetic-image';
import { buildBundleFixtures, zipBytes } from '../../fixtures/firmware-fixtures';
import { expect, test } from '../serve-fixture';

/**
 * R2 goes first to "the 6.3 image", read as SIP 6.3 since the planner's field-true paths (a162505): the wizard's
 * plan step plans SIP 4.4 -> SCCP 8.1(2) through SIP 5.3 and SIP 6.3 without asking for a load (naming the files to import), and an
 * SCCP 6.x load in the library is never made a stop unasked (choosing one stays the CLI's --via).
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
  // SIP 4.4 boots through OS79XX.TXT, which names no phone: the network step asks for the phone's address.
  await page.getByTestId('migrate-phone-ip').fill('127.0.0.1');
  await next.click();
}

test.describe('the plan step plans R2 through SIP 6.3 without asking for a load', () => {
  // The library here holds no SIP 5.3 or 6.3 package: the plan stops and names the files each hop lacks.
  const lacks = 'The library lacks files the plan needs: P0S3-05-3-00.bin (hop 1), P0S3-06-3-00.sbn (hop 2).';

  test('with no SCCP 6.x load in the library: no chooser; the SIP 5.3 and 6.3 files are asked for', async ({ page, app }) => {
    await importLibrary(app.dataDir, false);
    await toPlanStep(page, app.url);
    const refused = page.getByTestId('migrate-plan-refused');
    await expect(refused).toContainText(lacks);
    await expect(page.getByTestId('migrate-plan-choice')).toHaveCount(0);
    await expect(refused).not.toContainText('P00306030000');
    await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
  });

  test('with an SCCP 6.x load in the library: still through SIP 6.3, the load not made a stop unasked', async ({ page, app }) => {
    await importLibrary(app.dataDir, true);
    await toPlanStep(page, app.url);
    const refused = page.getByTestId('migrate-plan-refused');
    await expect(refused).toContainText(lacks);
    await expect(page.getByTestId('migrate-plan-choice')).toHaveCount(0);
    await expect(refused).not.toContainText('P00306000200');
  });
});
