import { expect, freshTest as test } from '../serve-fixture';

/**
 * Issue 19 item 2: on a fresh install (an empty library), "Try with a virtual phone" runs on the demo library's
 * synthetic bundles and says they are a demo, not Cisco firmware.
 */

test.use({ viewport: { width: 1366, height: 768 } });

test('"Try with a virtual phone" works with an empty library, on bundles named as a demo', async ({ page, fresh }) => {
  await page.goto(`${fresh.url}#/migrate`);
  await expect(page.getByRole('heading', { name: 'Migrate a phone' })).toBeVisible();
  await page.getByRole('button', { name: 'Try with a virtual phone' }).click();
  await expect(page.getByTestId('migrate-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 90_000 });
  const timeline = page.getByTestId('migrate-timeline');
  await expect(timeline).toContainText('Serving the demo bundle "demo, not Cisco firmware: SIP 8.12"');
  await expect(timeline.locator('li[data-kind="hop-done"]')).toHaveCount(1);
  // The technician's own library is still empty: the demo bundles live apart.
  await page.goto(`${fresh.url}#/firmware`);
  await expect(page.getByText('demo, not Cisco firmware')).toHaveCount(0);
});
