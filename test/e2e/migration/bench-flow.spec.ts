import { createSocket } from 'node:dgram';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MigrationStatus } from '../../../shared/api/migrate';
import { messages as benchTexts } from '../../../renderer/src/i18n/bench';
import { messages as migrateTexts } from '../../../renderer/src/i18n/migrate';
import { expect, freshTest, type ServedApp } from '../serve-fixture';
import { askEngine } from './engine-socket';
import { importBundles } from './library-seed';
import { docShot } from './screenshots';
import { startSimPhone, type SimRun } from './sim-phone';

/**
 * Issue 19 item 6 and issue 21 (the bench rhythm) at 1366x768, in English and Japanese: a real phone's run
 * (`phonebench sim` in its own process) ends as success with what comes next and no second Start; it stays on
 * screen when the technician leaves the page and comes back; Next phone keeps bundle, interface, port and
 * starting firmware and asks only for the MAC; the next phone's flash write is timed against the first one's.
 */

const MAC = '000E84C060A6';
const NEXT_MAC = '000E84C060B7';
const LANGUAGES = ['en', 'ja'] as const;
type Language = (typeof LANGUAGES)[number];

const test = freshTest;
test.use({ viewport: { width: 1366, height: 768 } });

let work: string;
const sims: SimRun[] = [];
test.beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-e2e-bench-'));
});
test.afterAll(async () => {
  for (const s of sims) s.stop();
  await fs.rm(work, { recursive: true, force: true });
});

function texts(language: Language): (key: string) => string {
  const table: Record<string, string> = { ...migrateTexts[language], ...benchTexts[language] };
  return (key) => {
    const text = table[key];
    if (text === undefined) throw new Error(`no ${language} text for ${key}`);
    return text;
  };
}

/** Steps 1 to 5 for an SCCP 8.1(2) 7960 going to SIP 8.12 on loopback; returns the TFTP port chosen. */
async function walkAndStart(page: Page, app: ServedApp, say: (key: string) => string): Promise<number> {
  const next = page.getByRole('button', { name: say('migrate.next') });
  await page.goto(`${app.url}#/migrate`);
  await page.getByLabel(say('migrate.phone.mac'), { exact: true }).fill(MAC);
  await page.getByLabel(say('migrate.phone.from'), { exact: true }).fill('SCCP 8.1(2)');
  await next.click();
  await page.getByRole('radio', { name: /SIP 8\.12/ }).first().check();
  await next.click();
  await page.getByRole('radio', { name: /lo: 127\.0\.0\.1/ }).check();
  const port = await freeUdpPort();
  await page.getByTestId('migrate-port').fill(String(port));
  await next.click();
  await expect(page.getByTestId('migrate-plan')).toBeVisible();
  await next.click();
  await page.getByRole('button', { name: say('migrate.run.start') }).click();
  await expect(page.getByTestId('migrate-state')).toHaveAttribute('data-state', 'waiting-for-phone');
  return port;
}

for (const language of LANGUAGES) {
  test(`${language}: success says what comes next, stays when the page is left, and Next phone asks only for the MAC`, async ({ page, fresh }) => {
    const say = texts(language);
    await importBundles(work, fresh.dataDir, ['sip812']);
    await askEngine(fresh.url, 'settings:update', { language });
    const port = await walkAndStart(page, fresh, say);

    const sim = startSimPhone({ port, mac: MAC, model: '7960', firmware: 'SCCP 8.1(2)', dataDir: path.join(work, `sim-${language}`), flashWriteMs: 500 });
    sims.push(sim);
    const state = page.getByTestId('migrate-state');
    await expect(state).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });

    // Success, said as success, with what comes next; no blue Start inviting a second run.
    const success = page.getByTestId('migrate-success');
    await expect(success).toBeVisible();
    await expect(success.getByRole('heading', { level: 2 })).toHaveText(say('bench.success.heading').replace('{to}', 'SIP 8.12'));
    await expect(page.getByTestId('migrate-success-line')).toHaveText(say('bench.success.sip').replace('{mac}', MAC));
    await expect(page.getByRole('button', { name: say('migrate.run.start') })).toHaveCount(0);
    await expect(page.getByTestId('migrate-next-phone')).toBeInViewport();
    await docShot(page, `${language === 'ja' ? 'ja-' : ''}migrate-5-success`);

    // Leaving the page and coming back keeps the finished run on screen.
    await page.goto(`${fresh.url}#/firmware`);
    await expect(page.getByTestId('migrate-state')).toHaveCount(0);
    await page.goto(`${fresh.url}#/migrate`);
    await expect(page.getByTestId('migrate-state')).toHaveAttribute('data-state', 'succeeded');
    await expect(page.getByTestId('migrate-success')).toBeVisible();

    // Next phone: only the MAC is asked; the rest is the last phone's.
    await page.getByTestId('migrate-next-phone').click();
    const nextForm = page.getByTestId('migrate-next');
    const mac = nextForm.getByLabel(say('migrate.phone.mac'), { exact: true });
    await expect(mac).toHaveValue('');
    await expect(nextForm.locator('input')).toHaveCount(1);
    const kept = page.getByTestId('migrate-next-kept');
    await expect(kept).toContainText('SIP 8.12');
    await expect(kept).toContainText(`127.0.0.1:${port}`);
    await expect(kept).toContainText('SCCP 8.1(2)');
    await docShot(page, `${language === 'ja' ? 'ja-' : ''}migrate-next-phone`);
    await mac.fill(NEXT_MAC);
    await nextForm.getByRole('button', { name: say('migrate.run.start') }).click();
    await expect(state).toHaveAttribute('data-state', 'waiting-for-phone');
    const second = await askEngine<MigrationStatus>(fresh.url, 'migrate:status');
    expect(second).toMatchObject({ mac: NEXT_MAC, from: 'SCCP 8.1(2)', to: 'SIP 8.12', bind: { address: '127.0.0.1', port }, state: 'waiting-for-phone' });

    // Expected durations: the second phone's flash write is measured against the first phone's, said with its
    // basis, and a phone quiet well past it gets a calm alert (this one takes 90 s to write).
    const slow = startSimPhone({ port, mac: NEXT_MAC, model: '7960', firmware: 'SCCP 8.1(2)', dataDir: path.join(work, `sim2-${language}`), flashWriteMs: 90_000 });
    sims.push(slow);
    const estimate = page.getByTestId('migrate-flash-estimate');
    await expect(estimate).toHaveAttribute('data-basis', 'bench', { timeout: 60_000 });
    await expect(estimate).toContainText(filled(say('bench.flash.basis.bench'), false));
    await expect(estimate).toHaveText(filled(say('bench.flash.usually')));
    const quiet = page.getByTestId('migrate-quiet');
    await expect(quiet).toBeVisible({ timeout: 60_000 });
    await expect(quiet).toHaveText(filled(say('bench.quiet')));
    await docShot(page, `${language === 'ja' ? 'ja-' : ''}migrate-5-quiet`);
    slow.stop();
    await askEngine(fresh.url, 'migrate:stop');
  });
}

/** A catalogue text with each {name} standing for any time or words, as a pattern. */
function filled(template: string, whole = true): RegExp {
  const parts = template.split(/\{[a-z]+\}/);
  const body = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+');
  return new RegExp(whole ? `^${body}$` : body);
}

/** A UDP port free on 127.0.0.1 right now. */
async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}
