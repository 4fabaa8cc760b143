import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BundleSummary } from '../../../shared/api/firmware';
import type { HistoryRecord } from '../../../shared/api/history';
import type { MigrationStatus } from '../../../shared/api/migrate';
import { historyFile } from '../../../electron/engine/history/history-store';
import { expect, freshTest } from '../serve-fixture';
import { askEngine } from '../migration/engine-socket';
import { importBundles } from '../migration/library-seed';

/**
 * The History page in Chromium against `phonebench serve`: a run that ends while the page is open appears in
 * the table and the day summary at once; a failed run of the same day gives its reason; a damaged line is said,
 * not fatal; "Download the day's reports" hands over one zip; the page speaks Japanese.
 */
const test = freshTest;
let work: string;

test.beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-e2e-history-'));
});
test.afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('a finished run appears live; the day summary, reasons and the day zip', async ({ page, fresh }) => {
  await page.goto(`${fresh.url}#/history`);
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(page.getByTestId('history-empty')).toBeVisible();

  await importBundles(work, fresh.dataDir, ['sip812']);
  const [bundle] = await askEngine<BundleSummary[]>(fresh.url, 'firmware:list');
  await askEngine<MigrationStatus>(fresh.url, 'migrate:start', {
    mac: '000E84C060A6',
    model: '7960',
    bundleId: bundle!.id,
    bindAddress: '127.0.0.1',
    from: 'SCCP 8.1(2)SR2',
    demo: true,
  });

  // No reload: the history:record event brings the run in.
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(1, { timeout: 60_000 });
  await expect(rows.first()).toHaveAttribute('data-result', 'succeeded');
  await expect(rows.first()).toContainText('000E84C060A6');
  await expect(rows.first()).toContainText('SCCP 8.1(2)SR2 → SIP 8.12');
  await expect(rows.first()).toContainText(/phonebench-000E84C060A6-.*\.json/);
  await expect(page.getByTestId('history-summary')).toContainText('Phones done: 1 · failed: 0 · stopped: 0 · runs: 1');

  // A failed run of today, written by another process, and a line a crash cut short.
  const done = JSON.parse((await fs.readFile(historyFile(fresh.dataDir), 'utf8')).trim()) as HistoryRecord;
  const failed: HistoryRecord = { ...done, id: 'mfailed', mac: '000E84C060A7', result: 'failed', reason: { key: 'migrate.stoppedByUser' }, code: 'migrate.stoppedByUser', reportFile: 'phonebench-gone.json', demo: false };
  await fs.appendFile(historyFile(fresh.dataDir), `${JSON.stringify(failed)}\n{"id":"cut`);
  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('history-summary')).toContainText('Phones done: 1 · failed: 1 · stopped: 0 · runs: 2');
  await expect(page.getByTestId('history-reasons')).toContainText('1 × Stopped by the technician.');
  await expect(page.getByTestId('history-corrupt')).toContainText('could not be read and were skipped: 1');
  await expect(page.getByTestId('history-day')).toHaveValue(today());

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: "Download the day's reports" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`phonebench-reports-${today()}.zip`);
  const zip = await fs.readFile((await download.path())!);
  expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  expect(zip.includes(Buffer.from('index.csv'))).toBe(true);
  expect(zip.includes(Buffer.from(done.reportFile!))).toBe(true);
  await expect(page.getByTestId('history-downloaded')).toContainText('reports in it: 1; runs without a saved report: 1');

  await askEngine(fresh.url, 'settings:update', { language: 'ja' });
  await expect(page.getByRole('heading', { name: '履歴' })).toBeVisible();
  await expect(page.getByRole('link', { name: '履歴' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('history-summary')).toContainText('完了 1 台、失敗 1 台、停止 0 台（移行 2 回）');
  await expect(page.getByRole('button', { name: 'この日のレポートをダウンロード' })).toBeVisible();
});
