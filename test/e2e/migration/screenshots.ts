import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const SHOTS = fileURLToPath(new URL('../../../docs/screenshots', import.meta.url));

/** Screenshots for the docs, written only with PHONEBENCH_SCREENSHOTS=1 so an ordinary run leaves docs/ alone. */
export const screenshotsWanted = process.env.PHONEBENCH_SCREENSHOTS === '1';

/** The viewport, or with `fullPage` the whole page (a long plan, the whole timeline). */
export async function docShot(page: Page, name: string, o: { fullPage?: boolean } = {}): Promise<void> {
  if (!screenshotsWanted) return;
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled', fullPage: o.fullPage ?? false });
}
