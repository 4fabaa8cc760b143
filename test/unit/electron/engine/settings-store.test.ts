import { en } from '../../../support/error-text';
import { mkdtempSync, promises as fs, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../electron/engine/settings-store';
import { makeFifo, settlesWithoutFifoWriter } from '../../../support/fifo';

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

describe('SettingsStore with what is not a plain settings file', () => {
  it('reads a settings.json that starts with a byte order mark (Notepad), without moving it aside', async () => {
    const dir = tmp();
    await fs.writeFile(path.join(dir, 'settings.json'), '\uFEFF{"language": "ja"}\n');
    const store = await SettingsStore.load(dir);
    expect(store.get().language).toBe('ja');
    expect(store.notice).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('moves a folder in its place aside with a notice, instead of throwing EISDIR', async () => {
    const dir = tmp();
    await fs.mkdir(path.join(dir, 'settings.json'));
    const store = await SettingsStore.load(dir);
    expect(store.get().language).toBe('en');
    expect(en(store.notice)).toMatch(/a folder, a pipe or a device.*moved to .*settings\.json\.corrupt-/);
    expect(readdirSync(dir)).not.toContain('settings.json');
    // The next save writes a real file.
    await store.update({ language: 'ja' });
    expect((await SettingsStore.load(dir)).get().language).toBe('ja');
  });

  it('does not block on a FIFO in its place: moved aside at once', async () => {
    const dir = tmp();
    const fifo = makeFifo(path.join(dir, 'settings.json'));
    const store = await settlesWithoutFifoWriter(SettingsStore.load(dir), [fifo]);
    expect(en(store.notice)).toMatch(/moved to .*settings\.json\.corrupt-/);
    expect(readdirSync(dir)).not.toContain('settings.json');
  });
});
