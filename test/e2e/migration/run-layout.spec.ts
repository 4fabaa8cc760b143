import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { SerialPort } from 'serialport';
import { messages as benchTexts } from '../../../renderer/src/i18n/bench';
import { messages as movesTexts } from '../../../renderer/src/i18n/console-moves';
import { messages as migrateTexts } from '../../../renderer/src/i18n/migrate';
import { haveSocat, SocatPair } from '../../integration/serial/socat-pair';
import { expect, freshTest } from '../serve-fixture';
import type { MigrationStatus } from '../../../shared/api/migrate';
import { askEngine } from './engine-socket';
import { secondPhoneAsks } from './second-phone';
import { importBundles } from './library-seed';
import { docShot } from './screenshots';

/**
 * Issue 21, one boot on one screen: at 1366x768 the phone's console text sits beside the timeline in step 5,
 * above the fold, in English and Japanese; the terminal goes full window and back. The console is a socat PTY
 * pair whose far end plays the phone.
 */

const LANGUAGES = ['en', 'ja'] as const;
const BOOT = 'Requesting Configuration';
const test = freshTest;
test.use({ viewport: { width: 1366, height: 768 } });

/** The rectangle an element takes on the screen. */
async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element not laid out');
  return b;
}

async function fullyInViewport(page: Page, locator: Locator): Promise<void> {
  const b = await box(locator);
  const viewport = page.viewportSize();
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.y + Math.min(b.height, 200)).toBeLessThanOrEqual(viewport?.height ?? 0);
}

test.describe('step 5 with a console', () => {
  test.skip(!haveSocat('step 5 with a console'), 'socat is not installed (apt-get install -y socat)');
  let dir: string;
  let pair: SocatPair;
  let far: SerialPort | undefined;
  test.beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pb-e2e-run-layout-'));
    pair = new SocatPair(dir);
    await pair.start();
  });
  test.afterEach(async () => {
    const f = far;
    if (f?.isOpen) await new Promise<void>((resolve) => f.close(() => resolve()));
    await pair.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const language of LANGUAGES) {
    test(`${language}: the boot text beside the timeline, above the fold; full window and back`, async ({ page, fresh }) => {
      const table: Record<string, string> = { ...migrateTexts[language], ...benchTexts[language], ...movesTexts[language] };
      const say = (key: string): string => table[key] ?? key;
      await importBundles(dir, fresh.dataDir, ['sip812']);
      await askEngine(fresh.url, 'settings:update', { language });

      const next = page.getByRole('button', { name: say('migrate.next') });
      await page.goto(`${fresh.url}#/migrate`);
      await page.getByLabel(say('migrate.phone.mac'), { exact: true }).fill('000E84C060A6');
      await page.getByLabel(say('migrate.phone.from'), { exact: true }).fill('SCCP 8.1(2)');
      await next.click();
      await page.getByRole('radio', { name: /SIP 8\.12/ }).first().check();
      await next.click();
      await page.getByRole('radio', { name: /lo: 127\.0\.0\.1/ }).check();
      await page.getByTestId('migrate-port').fill(String(await freeUdpPort()));
      await next.click();
      await expect(page.getByTestId('migrate-plan')).toBeVisible();
      await next.click();

      // The console beside the timeline: its port is chosen there, then the controls fold away.
      await page.getByTestId('console-port').selectOption('__other__');
      await page.getByTestId('console-port-path').fill(pair.a);
      await page.getByTestId('console-connect').click();
      await expect(page.getByTestId('console-state')).toHaveAttribute('data-state', 'connected');
      await page.getByRole('button', { name: say('migrate.run.start') }).click();
      await expect(page.getByTestId('migrate-state')).toHaveAttribute('data-state', 'waiting-for-phone');

      const phone = new SerialPort({ path: pair.b, baudRate: 9600, autoOpen: false });
      far = phone;
      phone.on('error', () => {});
      await new Promise<void>((resolve, reject) => phone.open((e) => (e ? reject(e) : resolve())));
      phone.write(`${BOOT}\r\nSEP000E84C060A6.cnf.xml\r\n`);
      const terminal = page.getByTestId('console-terminal');
      await expect(terminal).toContainText(BOOT);

      await page.evaluate(() => window.scrollTo(0, 0));
      const timeline = page.getByTestId('migrate-timeline');
      await expect(timeline.locator('li').first()).toBeVisible();
      await fullyInViewport(page, terminal);
      await fullyInViewport(page, timeline);
      const t = await box(terminal);
      const l = await box(timeline);
      // Beside: the terminal to the right of the timeline, their heights overlapping.
      expect(t.x).toBeGreaterThanOrEqual(l.x + l.width - 1);
      expect(Math.min(t.y + t.height, l.y + l.height)).toBeGreaterThan(Math.max(t.y, l.y));
      await docShot(page, `${language === 'ja' ? 'ja-' : ''}migrate-5-console`);

      // The phone timeline: console lines and TFTP requests on one axis, in the order they happened.
      const status = await askEngine<MigrationStatus>(fresh.url, 'migrate:status');
      expect(await secondPhoneAsks(status.bind.port, 'SEP000E84C060A6.cnf.xml')).not.toBe('silence');
      await expect(timeline.locator('li[data-kind="request"]').filter({ hasText: 'SEP000E84C060A6.cnf.xml' })).toHaveCount(1);
      phone.write('Upgrading Software\r\n');
      await expect(terminal).toContainText('Upgrading Software');
      await page.getByTestId('migrate-phone-timeline-toggle').click();
      const rows = page.getByTestId('migrate-phone-timeline').locator('tr');
      await expect(rows.filter({ hasText: 'Upgrading Software' })).toHaveCount(1);
      const texts = await rows.allInnerTexts();
      const boot = texts.findIndex((text) => text.includes(BOOT));
      const asked = texts.findIndex((text) => text.includes('SEP000E84C060A6.cnf.xml') && !text.includes(BOOT) && /TFTP/.test(text));
      const upgrading = texts.findIndex((text) => text.includes('Upgrading Software'));
      expect(boot).toBeGreaterThanOrEqual(0);
      expect(asked).toBeGreaterThan(boot);
      expect(upgrading).toBeGreaterThan(asked);
      await expect(rows.nth(boot)).toHaveAttribute('data-source', 'console');
      await expect(rows.nth(asked)).toHaveAttribute('data-source', 'tftp');
      await docShot(page, `${language === 'ja' ? 'ja-' : ''}migrate-5-phone-timeline`);
      await page.getByTestId('migrate-phone-timeline-toggle').click();

      // Full window: the terminal takes the screen, and the button brings it back beside the timeline.
      await page.getByTestId('console-full').click();
      await expect.poll(async () => (await box(terminal)).height).toBeGreaterThan(500);
      // The timeline is under the console now: what is at its middle belongs to the console.
      const covered = () =>
        timeline.evaluate((list) => {
          const r = list.getBoundingClientRect();
          return document.elementFromPoint(r.x + r.width / 2, r.y + Math.min(r.height / 2, 100))?.closest('[data-testid="console-view"]') !== null;
        });
      await expect.poll(covered).toBe(true);
      await page.getByRole('button', { name: say('moves.full.exit') }).click();
      await expect.poll(covered).toBe(false);
      await askEngine(fresh.url, 'migrate:stop');
    });
  }
});

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}
