import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { messages as migrateTexts } from '../../../renderer/src/i18n/migrate';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';
import { expect, freshTest as test } from '../serve-fixture';
import { askEngine } from './engine-socket';

/**
 * Issue 19 item 1: a phone of the OS79XX.TXT era (here SCCP 3.1) asks first for a file that names no phone, so
 * the network step requires its address (or the bench DHCP) and holds the wizard until it is given, in both
 * languages. A loader-era phone (SCCP 8.1(2)) keeps the field optional.
 */

let work: string;

test.beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-e2e-phone-ip-'));
});

test.afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

test.use({ viewport: { width: 1366, height: 768 } });

for (const lang of ['en', 'ja'] as const) {
  const say = (key: keyof typeof migrateTexts.en, params: Record<string, string> = {}): string => {
    let text: string = migrateTexts[lang][key];
    for (const [k, v] of Object.entries(params)) text = text.replace(`{${k}}`, v);
    return text;
  };

  test(`the network step requires the phone IP for SCCP 3.1, not for SCCP 8.1(2) (${lang})`, async ({ page, fresh }) => {
    const bundles = await buildBundleFixtures(path.join(work, `bundles-${lang}`));
    await new FirmwareLibrary(libraryRoot(fresh.dataDir)).import(bundles.sip812!.file);
    if (lang === 'ja') await askEngine(fresh.url, 'settings:update', { language: 'ja' });

    await page.goto(`${fresh.url}#/migrate`);
    await expect(page.getByRole('heading', { name: say('migrate.heading') })).toBeVisible();
    const next = page.getByRole('button', { name: say('migrate.next') });
    await page.getByLabel(say('migrate.phone.mac'), { exact: true }).fill('000E84C060A6');
    const from = page.getByLabel(say('migrate.phone.from'), { exact: true });
    await from.fill('SCCP 3.1');
    await next.click();
    await page.getByRole('radio', { name: /SIP 8\.12/ }).first().check();
    await next.click();
    await page.getByRole('radio', { name: /lo: 127\.0\.0\.1/ }).check();

    const ip = page.getByTestId('migrate-phone-ip');
    await expect(page.getByText(say('migrate.network.phoneIp.requiredLabel', { firmware: 'SCCP 3.1' }))).toBeVisible();
    await expect(ip).toHaveAttribute('aria-required', 'true');
    await expect(ip).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#migrate-phone-ip-help')).toHaveText(say('migrate.network.phoneIp.required', { firmware: 'SCCP 3.1' }));
    await expect(next).toBeDisabled();

    // The bench DHCP gives it an address: enough.
    await page.getByRole('checkbox', { name: say('migrate.network.dhcp') }).check();
    await expect(ip).toHaveAttribute('aria-invalid', 'false');
    await page.getByRole('checkbox', { name: say('migrate.network.dhcp') }).uncheck();
    await expect(next).toBeDisabled();

    await ip.fill('127.0.0.1');
    await expect(ip).toHaveAttribute('aria-invalid', 'false');
    await expect(next).toBeEnabled();
    await next.click();
    await expect(page.getByTestId('migrate-plan')).toContainText('SCCP 3.1');

    // A loader-era phone is learned from its MAC: the field is optional again.
    await page.getByRole('button', { name: say('migrate.back') }).click();
    await page.getByRole('button', { name: say('migrate.back') }).click();
    await page.getByRole('button', { name: say('migrate.back') }).click();
    await from.fill('SCCP 8.1(2)');
    await next.click();
    await next.click();
    await ip.fill('');
    await expect(page.getByText(say('migrate.network.phoneIp'), { exact: true })).toBeVisible();
    await expect(ip).toHaveAttribute('aria-required', 'false');
    await expect(next).toBeEnabled();
  });
}
