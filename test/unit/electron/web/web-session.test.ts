import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../electron/engine/settings-store';
import { DEFAULT_WEB_PORT, rememberedSession, rememberPort } from '../../../../electron/web/web-session';

const dir = mkdtempSync(path.join(tmpdir(), 'pb-web-session-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the kept web address (issue 19 item 4)', () => {
  it('starts on the fixed default, keeps the port bound and a token only this user can read', async () => {
    const dataDir = path.join(dir, 'a');
    const settings = await SettingsStore.load(dataDir);
    const first = await rememberedSession(dataDir, settings);
    expect(first.port).toBe(DEFAULT_WEB_PORT);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    if (process.platform !== 'win32') expect(statSync(path.join(dataDir, 'web-token')).mode & 0o777).toBe(0o600);
    await rememberPort(settings, 51234);
    const again = await rememberedSession(dataDir, await SettingsStore.load(dataDir));
    expect(again).toEqual({ port: 51234, token: first.token });
  });

  it('a damaged token file is replaced, never used', async () => {
    const dataDir = path.join(dir, 'b');
    const settings = await SettingsStore.load(dataDir);
    const first = await rememberedSession(dataDir, settings);
    writeFileSync(path.join(dataDir, 'web-token'), 'short\u001b[2J');
    const next = await rememberedSession(dataDir, settings);
    expect(next.token).not.toBe(first.token);
    expect(next.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
