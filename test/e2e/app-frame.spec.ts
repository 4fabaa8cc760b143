import { expect, test } from './serve-fixture';

test.describe('the app frame in the browser', () => {
  test('loads the UI and shows the status view', async ({ page, app }) => {
    await page.goto(`${app.url}#/status`);
    await expect(page.getByRole('heading', { name: 'Engine status' })).toBeVisible();
    await expect(page.getByTestId('status-version')).toHaveText(/^\d+\.\d+\.\d+/);
    await expect(page.getByText(app.dataDir, { exact: true })).toBeVisible();
    await expect(page.getByText('a browser (phonebench serve)')).toBeVisible();
    for (const name of ['Migrate', 'Firmware', 'TFTP', 'Console', 'Settings']) {
      await expect(page.getByRole('navigation').getByRole('link', { name, exact: true })).toBeVisible();
    }
  });

  test('switches to Japanese, remembers it across a reload, and back', async ({ page, app }) => {
    await page.goto(`${app.url}#/settings`);
    await page.getByLabel('Language').selectOption('ja');
    await expect(page.getByRole('heading', { name: '設定' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: '移行' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: '設定' })).toBeVisible();
    await page.getByLabel('言語').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  });

  test('refuses the page with a wrong token', async ({ page, app }) => {
    const wrong = new URL(app.url);
    wrong.searchParams.set('token', 'not-the-token');
    const response = await page.goto(wrong.toString());
    expect(response?.status()).toBe(403);
    await expect(page.getByText(/Forbidden/)).toBeVisible();
  });
});
