import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { MESSAGE_CATALOGS } from '../../../shared/i18n/catalog';
import { messages as appTexts } from '../../../renderer/src/i18n/app';
import { messages as migrateTexts } from '../../../renderer/src/i18n/migrate';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';
import { expect, freshTest } from '../serve-fixture';
import { askEngine } from './engine-socket';
import { docShot } from './screenshots';

/**
 * Issue 12: every Migrate wizard step in Japanese at 1366x768, failing on English that leaks through (an engine
 * sentence, a missing key). PHONEBENCH_SCREENSHOTS=1 writes docs/screenshots/ja-migrate-*.png.
 */

const ja: Record<string, string> = { ...appTexts.ja, ...migrateTexts.ja };
const say = (key: string): string => {
  const text = ja[key];
  if (text === undefined) throw new Error(`no Japanese text for ${key}`);
  return text;
};

/**
 * English a Japanese screen may show on purpose: what the Japanese catalogues themselves keep in Latin letters
 * (menu names on the phone such as "Alternate TFTP", the phone's own screen texts), product and protocol names.
 */
const KEPT = [
  ...MESSAGE_CATALOGS.flatMap((c) => Object.values(c.ja as Record<string, string>)),
  ...Object.values(ja),
].join('\n');

/** Runs of three or more English words: a sentence, or most of one. */
const ENGLISH_RUN = /[A-Za-z][a-z']+(?:[ ,]+[A-Za-z][a-z']+){2,}/g;

/** English runs on the page that no Japanese text keeps on purpose. */
async function englishLeaks(page: Page): Promise<string[]> {
  // The terminal shows what the phone's console says, in the phone's language: not ours to translate.
  const text = await page.locator('main').evaluate((main) => {
    let all = (main as HTMLElement).innerText;
    for (const el of main.querySelectorAll<HTMLElement>('.xterm, pre, code')) {
      for (const line of el.innerText.split('\n')) if (line.trim()) all = all.replace(line, '');
    }
    return all;
  });
  const leaks: string[] = [];
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(ENGLISH_RUN)) {
      if (!KEPT.includes(m[0])) leaks.push(`${m[0]}   ⟵ ${line.trim().slice(0, 160)}`);
    }
  }
  return leaks;
}

async function step(page: Page, shot: string, fullPage = false): Promise<void> {
  // Each step opens at its top with its main button in view (issue 12, item 2).
  await expect(page.getByTestId('migrate-actions')).toBeInViewport();
  expect(await englishLeaks(page), `English on the ${shot} step`).toEqual([]);
  await docShot(page, shot, { fullPage });
}

// Each test gets its own server and data directory (freshTest).
const test = freshTest;

let work: string;

test.beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-e2e-ja-'));
});

test.afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

test.use({ viewport: { width: 1366, height: 768 } });

test.describe('the Migrate wizard in Japanese', () => {
  test('every step, the demo run and the report say nothing in English', async ({ page, fresh }) => {
    const bundles = await buildBundleFixtures(path.join(work, 'bundles'));
    await new FirmwareLibrary(libraryRoot(fresh.dataDir)).import(bundles.sip812!.file);
    await askEngine(fresh.url, 'settings:update', { language: 'ja' });

    await page.goto(`${fresh.url}#/migrate`);
    await expect(page.getByRole('heading', { name: say('migrate.heading') })).toBeVisible();
    const next = page.getByRole('button', { name: say('migrate.next') });

    await page.getByLabel(say('migrate.phone.mac'), { exact: true }).fill('00:0E:84:C0:60:A6');
    await page.getByLabel(say('migrate.phone.from'), { exact: true }).fill('SCCP 8.1(2)');
    await expect(page.getByText(say('migrate.phone.mac.normalised').replace('{mac}', '000E84C060A6'))).toBeVisible();
    await step(page, 'ja-migrate-1-phone');
    await next.click();

    await page.getByRole('radio', { name: /SIP 8\.12/ }).first().check();
    await step(page, 'ja-migrate-2-target');
    await next.click();

    await page.getByRole('radio', { name: /lo: 127\.0\.0\.1/ }).check();
    // The keypad steps come from the engine as messages: Japanese here, with the address filled in.
    await expect(page.getByTestId('migrate-keypad')).toContainText('「TFTP Server 1」を 127.0.0.1 にします。');
    await step(page, 'ja-migrate-3-network');
    await next.click();

    await expect(page.getByTestId('migrate-plan')).toContainText('SCCP 8.1(2)');
    await step(page, 'ja-migrate-4-plan', true);

    // A run: the virtual phone's demo, then its timeline and the report, all from engine messages.
    await page.getByRole('button', { name: say('migrate.demo') }).click();
    await expect(page.getByTestId('migrate-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
    const timeline = page.getByTestId('migrate-timeline');
    await expect(timeline.locator('li[data-kind="served"]').first()).toContainText('送信しました');
    await expect(timeline.locator('li[data-kind="success"]')).toContainText('仮想電話機は SIP 8.12 で動作しています。');
    await page.evaluate(() => window.scrollTo(0, 0));
    await step(page, 'ja-migrate-5-migrate', true);
    await page.getByRole('button', { name: say('migrate.next') }).click();
    await expect(page.getByTestId('migrate-report')).toBeVisible();
    await step(page, 'ja-migrate-6-report');

    // The Status page's service lines come from the engine too.
    await page.goto(`${fresh.url}#/status`);
    expect(await englishLeaks(page), 'English on the Status page').toEqual([]);
  });
});
