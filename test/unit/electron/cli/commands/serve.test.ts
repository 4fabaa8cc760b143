import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServeCommand } from '../../../../../electron/cli/commands/serve';
import { recordingIo } from '../../../../support/cli-harness';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pb-serve-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `serve` with a recording opener until it printed its URL, then stops it. */
async function serveWith(args: string[]) {
  const opened: string[] = [];
  const command = createServeCommand((url) => opened.push(url));
  const c = recordingIo();
  const running = command.run(['--port', '0', '--json', '--data-dir', path.join(dir, 'data'), ...args], c.io);
  for (let i = 0; i < 400 && !c.out().includes('"url"'); i++) await new Promise((r) => setTimeout(r, 25));
  c.interrupt();
  expect(await running).toBe(0);
  const { url } = JSON.parse(c.out().split('\n')[0] ?? '{}') as { url: string };
  return { url, opened };
}

describe('phonebench serve --open', () => {
  it('opens the URL it serves', async () => {
    const { url, opened } = await serveWith(['--open']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(opened).toEqual([url]);
  });

  it('--no-open wins over --open (npm start -- --no-open)', async () => {
    expect((await serveWith(['--open', '--no-open'])).opened).toEqual([]);
  });

  it('opens nothing by default', async () => {
    expect((await serveWith([])).opened).toEqual([]);
  });
});
