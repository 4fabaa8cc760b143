import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { messages as consoleTexts } from '../../../renderer/src/i18n/console';
import { messages as movesTexts } from '../../../renderer/src/i18n/console-moves';
import { haveSocat, SocatPair } from '../../integration/serial/socat-pair';
import { askEngine } from '../migration/engine-socket';
import { docShot } from '../migration/screenshots';
import { expect, freshTest } from '../serve-fixture';

/**
 * Issue 21, console moves (Tera Term, PuTTY) at 1366x768 in English and Japanese, against a socat PTY whose far
 * end plays the phone: Alt+B asks for a BREAK (a PTY has none, so the engine's refusal shows), several pasted lines
 * wait for a yes, a saved macro sends its line, a text file goes out line by line, a saved profile survives a reload.
 */

const LANGUAGES = ['en', 'ja'] as const;
const test = freshTest;
test.use({ viewport: { width: 1366, height: 768 } });

test.describe('console moves', () => {
  test.skip(!haveSocat('console moves'), 'socat is not installed (apt-get install -y socat)');
  let dir: string;
  let pair: SocatPair;
  let far: SerialPort | undefined;
  test.beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pb-e2e-moves-'));
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
    test(`${language}: BREAK key, paste check, macro, send file, profile`, async ({ page, fresh }) => {
      const table: Record<string, string> = { ...consoleTexts[language], ...movesTexts[language] };
      const say = (key: string, vars: Record<string, string | number> = {}): string =>
        (table[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
      await askEngine(fresh.url, 'settings:update', { language });
      await page.goto(`${fresh.url}#/console`);
      await page.getByTestId('console-port').selectOption('__other__');
      await page.getByTestId('console-port-path').fill(pair.a);
      await page.getByTestId('console-connect').click();
      await expect(page.getByTestId('console-state')).toHaveAttribute('data-state', 'connected');
      const phone = new SerialPort({ path: pair.b, baudRate: 9600, autoOpen: false });
      far = phone;
      phone.on('error', () => {});
      await new Promise<void>((resolve, reject) => phone.open((e) => (e ? reject(e) : resolve())));
      let got = '';
      phone.on('data', (b: Buffer) => (got += b.toString()));

      // Alt+B is a BREAK request, not a key for the phone: a PTY cannot send one, and the engine says so.
      const terminal = page.getByTestId('console-terminal');
      await terminal.click();
      await page.keyboard.press('Alt+b');
      await expect(page.locator('.error')).toBeVisible();
      await page.keyboard.type('x');
      await expect.poll(() => got).toBe('x');

      // Several lines pasted: asked first; Cancel sends nothing, the yes sends them all.
      const paste = (text: string) =>
        page.locator('.xterm-helper-textarea').evaluate((area, t) => {
          const data = new DataTransfer();
          data.setData('text/plain', t);
          area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }, text);
      await paste('show config\nshow network\n');
      const confirm = page.getByTestId('console-paste-confirm');
      await expect(confirm).toContainText(say('moves.paste.confirm', { lines: 2, first: 'show config' }));
      await docShot(page, `${language === 'ja' ? 'ja-' : ''}console-paste-confirm`);
      await confirm.getByRole('button', { name: say('moves.paste.cancel') }).click();
      await expect(confirm).toHaveCount(0);
      await paste('show config\nshow network\n');
      await page.getByRole('button', { name: say('moves.paste.send', { lines: 2 }) }).click();
      await expect.poll(() => got).toContain('show config\rshow network\r');

      // A user macro, saved in the settings file and sent with the line ending.
      await page.getByText(say('moves.macros'), { exact: true }).click();
      await expect(page.getByText(say('moves.macros.none'))).toBeVisible();
      await page.getByLabel(say('moves.macros.name')).fill('cfg');
      await page.getByLabel(say('moves.macros.text')).fill('show config');
      await page.getByRole('button', { name: say('moves.macros.save') }).click();
      const macros = page.getByTestId('console-macros');
      await expect(macros).toContainText(say('moves.macros.user'));
      got = '';
      await macros.getByRole('button', { name: `${say('moves.macros.send')}: cfg` }).click();
      await expect.poll(() => got).toBe('show config\r');

      // Send file: line by line, paced, the end said.
      got = '';
      await page.getByTestId('console-send-file').setInputFiles({ name: 'setup.txt', mimeType: 'text/plain', buffer: Buffer.from('line one\nline two\nline three\n') });
      await expect(page.getByTestId('console-send-progress')).toHaveText(say('moves.sendFile.done', { name: 'setup.txt', total: 3 }));
      await expect.poll(() => got).toBe('line one\rline two\rline three\r');

      // A profile: saved, still there after a reload, and used after a disconnect.
      await page.getByText(say('moves.profiles'), { exact: true }).click();
      await page.getByLabel(say('moves.profiles.name')).fill('Bench A');
      await page.getByRole('button', { name: say('moves.profiles.save') }).click();
      await expect(page.getByTestId('console-profiles')).toContainText('Bench A');
      await page.getByTestId('console-disconnect').click();
      await expect(page.getByTestId('console-state')).toHaveAttribute('data-state', 'closed');
      await page.reload();
      await page.getByText(say('moves.profiles'), { exact: true }).click();
      const profiles = page.getByTestId('console-profiles');
      await expect(profiles).toContainText(`Bench A ${say('moves.profiles.summary', { path: pair.a, baud: 9600, frame: '8N1', ending: say('console.lineEnding.cr') })}`);
      await profiles.getByRole('button', { name: say('moves.profiles.use') }).click();
      await expect(page.getByTestId('console-port-path')).toHaveValue(pair.a);
      await docShot(page, `${language === 'ja' ? 'ja-' : ''}console-moves`);
    });
  }
});
