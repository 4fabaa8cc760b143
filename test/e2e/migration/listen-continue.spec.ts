import { createSocket } from 'node:dgram';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { messages as migrateTexts } from '../../../renderer/src/i18n/migrate';
import { expect, freshTest } from '../serve-fixture';
import { askEngine } from './engine-socket';
import { importBundles } from './library-seed';
import { startSimPhone, type SimRun } from './sim-phone';

/**
 * Issue 19 item 4 at 1366x768, in English and Japanese: "Listen first" against a virtual SCCP 8.1(2) 7940
 * (`phonebench sim` in its own process) ends with a Continue that takes the technician back to step 1 with the
 * MAC and model filled and the current firmware narrowed to the releases that boot through the loader (UAL);
 * never the loader as a release.
 */

const MAC = '000E84C060A6';
const LANGUAGES = ['en', 'ja'] as const;

const test = freshTest;
test.use({ viewport: { width: 1366, height: 768 } });

let work: string;
const sims: SimRun[] = [];
test.beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-e2e-listen-'));
});
test.afterAll(async () => {
  for (const s of sims) s.stop();
  await fs.rm(work, { recursive: true, force: true });
});

for (const language of LANGUAGES) {
  test(`${language}: Listen first ends with Continue, which fills step 1 with what was learned`, async ({ page, fresh }) => {
    const table: Record<string, string> = migrateTexts[language];
    const say = (key: string): string => {
      const text = table[key];
      if (text === undefined) throw new Error(`no ${language} text for ${key}`);
      return text;
    };
    await importBundles(work, fresh.dataDir, ['sip812']);
    await askEngine(fresh.url, 'settings:update', { language });
    const next = page.getByRole('button', { name: say('migrate.next') });
    await page.goto(`${fresh.url}#/migrate`);
    await page.getByLabel(say('migrate.phone.mac'), { exact: true }).fill(MAC);
    await page.getByRole('combobox', { name: say('migrate.phone.model') }).selectOption('7940');
    await page.getByLabel(say('migrate.phone.listen'), { exact: true }).check();
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
    await expect(page.getByTestId('migrate-state')).toHaveAttribute('data-state', /listening|waiting-for-phone/);

    const sim = startSimPhone({ port, mac: MAC, model: '7940', firmware: 'SCCP 8.1(2)', dataDir: path.join(work, `sim-${language}`), flashWriteMs: 500 });
    sims.push(sim);
    const proceed = page.getByTestId('migrate-listen-continue');
    await expect(proceed).toHaveText(say('migrate.run.listenContinue'), { timeout: 60_000 });
    await proceed.click();
    sim.stop();

    // Step 1, filled: the MAC and model learned, listen first off, the current firmware narrowed to the
    // loader-era releases step 1 offers (the loader's hunt does not show the protocol), said in release words.
    await expect(page.locator('nav li[aria-current="step"]')).toHaveText(say('migrate.step.phone'));
    await expect(page.getByLabel(say('migrate.phone.mac'), { exact: true })).toHaveValue(MAC);
    await expect(page.getByRole('combobox', { name: say('migrate.phone.model') })).toHaveValue('7940');
    await expect(page.getByLabel(say('migrate.phone.listen'), { exact: true })).not.toBeChecked();
    const candidates = page.getByTestId('migrate-from-candidates');
    await expect(candidates).toContainText(say('migrate.phone.from.learned').replace('{candidates}', 'SCCP 6.3, SCCP 7.2(3), SCCP 8.1(2), SCCP 8.1(2)SR2, SIP 7.4, SIP 8.12'));
    await expect(candidates).not.toContainText(/loader|ローダー/i);
    await candidates.getByRole('button', { name: 'SCCP 8.1(2)', exact: true }).click();
    await expect(page.getByLabel(say('migrate.phone.from'), { exact: true })).toHaveValue('SCCP 8.1(2)');
    await expect(next).toBeEnabled();
    await askEngine(fresh.url, 'migrate:stop');
  });
}

/** A UDP port free on 127.0.0.1 right now. */
async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}
