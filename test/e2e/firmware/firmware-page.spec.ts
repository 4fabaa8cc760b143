import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBundleFixtures, buildHostileFixtures } from '../../fixtures/firmware-fixtures';
import { expect, freshTest, test } from '../serve-fixture';

/** The Firmware page in Chromium against `phonebench serve`: upload, progress, list, detail, refusal, delete. */

let work: string;
let sip812: string;
let incomplete: string;
let sip74: string;
let bomb: string;

test.beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-e2e-fw-'));
  const bundles = await buildBundleFixtures(path.join(work, 'bundles'));
  sip812 = bundles.sip812!.file;
  incomplete = bundles.sip812Broken!.file;
  sip74 = bundles.sip74!.file;
  const hostile = await buildHostileFixtures(path.join(work, 'hostile'));
  bomb = hostile.find((h) => h.label === 'zip bomb (ratio)')!.file;
});

test.afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

test.describe('the Firmware page', () => {
  test('uploads a SIP 8.12 zip, lists it complete, shows files and hashes, deletes it', async ({ page, app }) => {
    await page.goto(`${app.url}#/firmware`);
    await expect(page.getByRole('heading', { name: 'Firmware library' })).toBeVisible();
    await expect(page.getByTestId('firmware-empty')).toBeVisible();

    await page.getByTestId('firmware-file-input').setInputFiles(sip812);
    await expect(page.getByTestId('firmware-notice')).toContainText('SIP 8.12');
    const list = page.getByTestId('firmware-list');
    await expect(list).toContainText('SIP 8.12');
    await expect(list).toContainText('complete');
    await expect(list).toContainText('SIP package with loader');

    const files = page.getByTestId('firmware-files');
    await expect(files.getByRole('row')).toHaveCount(6);
    await expect(files).toContainText('P0S3-8-12-00.sb2');
    await expect(files).toContainText(/[0-9a-f]{64}/);

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Really delete' }).click();
    await expect(page.getByTestId('firmware-empty')).toBeVisible();
  });

  // Its own server: the library of the other tests stays as they expect it.
  freshTest('the same archive again is information naming the bundle already there, not an error', async ({ page, fresh }) => {
    await page.goto(`${fresh.url}#/firmware`);
    await page.getByTestId('firmware-file-input').setInputFiles(sip74);
    await expect(page.getByTestId('firmware-notice')).toContainText('SIP 7.4');
    await page.getByTestId('firmware-file-input').setInputFiles(sip74);
    const notice = page.getByTestId('firmware-notice');
    await expect(notice).toContainText(/is already in the library as [0-9a-f]{16}/);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('words what an incomplete bundle lacks', async ({ page, app }) => {
    await page.goto(`${app.url}#/firmware`);
    await page.getByTestId('firmware-file-input').setInputFiles(incomplete);
    await expect(page.getByTestId('firmware-list')).toContainText('2 issue(s)');
    await expect(page.getByTestId('firmware-issues')).toContainText('OS79XX.TXT names P003-8-12-00 but P003-8-12-00.sbn is missing.');
  });

  test('speaks Japanese when asked', async ({ page, app }) => {
    await page.goto(`${app.url}#/settings`);
    await page.getByLabel('Language').selectOption('ja');
    await page.goto(`${app.url}#/firmware`);
    await expect(page.getByRole('heading', { name: 'ファームウェア ライブラリ' })).toBeVisible();
    await page.getByTestId('firmware-file-input').setInputFiles(sip74);
    await expect(page.getByTestId('firmware-notice')).toContainText('SIP 7.4');
    await expect(page.getByTestId('firmware-list')).toContainText('ローダー付き SIP パッケージ');
    await expect(page.getByTestId('firmware-list')).toContainText('そろっています');
    await page.goto(`${app.url}#/settings`);
    await page.getByLabel('言語').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  });

  test('shows a refused archive with its reason and fix', async ({ page, app }) => {
    await page.goto(`${app.url}#/firmware`);
    await page.getByTestId('firmware-file-input').setInputFiles(bomb);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('zip bomb');
    await expect(alert).toContainText('Fix:');
  });
});
