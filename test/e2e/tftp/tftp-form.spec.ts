import type { Page } from '@playwright/test';
import { messages as tftpTexts } from '../../../renderer/src/i18n/tftp';
import { askEngine } from '../migration/engine-socket';
import { expect, freshTest as test } from '../serve-fixture';

/**
 * Issue 19 item 5 (TFTP page), in English and Japanese at 1366x768: no interface chosen for the technician, a bad
 * phone address said in words with its fix (never the schema's text), and an address list that shows its whole text.
 */

test.use({ viewport: { width: 1366, height: 768 } });

/** Labels whose text is cut: wider content than the box shows, or the box pushed past the page's right edge. */
async function clipped(page: Page): Promise<string[]> {
  return page.getByTestId('tftp-address').locator('label').evaluateAll((labels) =>
    labels
      .filter((l) => l.scrollWidth > l.clientWidth + 1 || l.getBoundingClientRect().right > document.documentElement.clientWidth)
      .map((l) => (l as HTMLElement).innerText),
  );
}

for (const language of ['en', 'ja'] as const) {
  const say = (key: keyof typeof tftpTexts.en, value = '') => tftpTexts[language][key].replace('{value}', value);

  test(`${language}: no interface preselected, a bad phone address in words with the fix, the address list unclipped`, async ({ page, fresh }) => {
    await askEngine(fresh.url, 'settings:update', { language });
    await page.goto(`${fresh.url}#/tftp`);
    await expect(page.getByRole('heading', { name: say('tftp.heading') })).toBeVisible();

    const addresses = page.getByTestId('tftp-address');
    await expect(addresses.getByRole('radio').first()).toBeVisible();
    // Nothing chosen for the technician, and Start waits until something is.
    for (const radio of await addresses.getByRole('radio').all()) await expect(radio).not.toBeChecked();
    await expect(page.getByText(say('tftp.form.address.pick'))).toBeVisible();
    await page.getByTestId('tftp-root').fill('/tmp');
    await expect(page.getByTestId('tftp-start')).toBeDisabled();
    expect(await clipped(page)).toEqual([]);
    const loopback = addresses.getByRole('radio', { name: /^127\.0\.0\.1 / });
    await expect(addresses.locator('label', { hasText: '127.0.0.1 (' })).toContainText(say('tftp.form.loopback'));
    await loopback.check();
    await expect(page.getByTestId('tftp-start')).toBeEnabled();

    // A bad phone address: said in the chosen language with the fix; the schema's words never show.
    await page.getByTestId('tftp-phone').fill('10.1.1.300');
    const problem = page.getByTestId('tftp-phone-problem');
    await expect(problem).toContainText(say('tftp.form.phone.bad', '10.1.1.300'));
    await expect(problem).toContainText(say('tftp.form.phone.fix'));
    await expect(page.getByTestId('tftp-start')).toBeDisabled();
    await expect(page.locator('main')).not.toContainText(/Invalid IPv4|invalid_format|Invalid parameters/i);
    await page.getByTestId('tftp-phone').fill('127.0.0.1');
    await expect(problem).toHaveCount(0);
  });
}

test('the engine says a bad address in words with the fix, to any client', async ({ fresh }) => {
  const answer = await askEngine(fresh.url, 'tftp:start', { address: '127.0.0.1', port: 0, root: '/tmp', allow: ['10.1.1.300'] }).catch((e: Error) => e.message);
  expect(answer).toBe("tftp:start: '10.1.1.300' is not an IPv4 address.");
});
