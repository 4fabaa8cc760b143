import { en } from '../../../support/error-text';
import { mkdtempSync, promises as fs, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../electron/engine/settings-store';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'pb-settings-'));

describe('SettingsStore', () => {
  it('uses defaults when there is no file, and remembers an update', async () => {
    const dir = tmp();
    const store = await SettingsStore.load(dir);
    expect(store.get().language).toBe('en');
    await store.update({ language: 'ja', tftp: { maxBlksize: 1024 } });
    const again = await SettingsStore.load(dir);
    expect(again.get().language).toBe('ja');
    expect(again.get().tftp.maxBlksize).toBe(1024);
    expect(again.get().tftp.maxWindowsize).toBe(16);
    expect(again.notice).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"language": "en"'],
    ['wrong values', '{"language": "klingon"}'],
    ['a blksize out of range', '{"tftp": {"maxBlksize": 70000}}'],
  ])('moves a corrupt file (%s) aside, uses defaults and says so', async (_what, text) => {
    const dir = tmp();
    await fs.writeFile(path.join(dir, 'settings.json'), text);
    const store = await SettingsStore.load(dir);
    expect(store.get().language).toBe('en');
    expect(en(store.notice)).toMatch(/moved to .*settings\.json\.corrupt-/);
    const files = readdirSync(dir);
    expect(files.some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
    expect(files).not.toContain('settings.json');
    const aside = files.find((f) => f.startsWith('settings.json.corrupt-'));
    expect(await fs.readFile(path.join(dir, aside!), 'utf8')).toBe(text);
  });
});
