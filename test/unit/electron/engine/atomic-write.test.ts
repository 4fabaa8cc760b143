import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sweepAtomicTemps, writeFileAtomic } from '../../../../electron/engine/atomic-write';
import { SettingsStore } from '../../../../electron/engine/settings-store';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'pb-atomic-'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('writeFileAtomic', () => {
  it('flushes the file to disk before the rename, and the folder after it', async () => {
    const dir = tmp();
    const file = path.join(dir, 'settings.json');
    const order: string[] = [];
    const realOpen = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await realOpen(...args);
      const target = String(args[0]);
      const realSync = handle.sync.bind(handle);
      handle.sync = async () => {
        order.push(target === dir ? 'sync folder' : 'sync file');
        return realSync();
      };
      return handle;
    });
    const realRename = fs.rename.bind(fs);
    vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      order.push('rename');
      return realRename(from, to);
    });
    await writeFileAtomic(file, 'whole\n');
    expect(order).toEqual(['sync file', 'rename', 'sync folder']);
    expect(await fs.readFile(file, 'utf8')).toBe('whole\n');
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });
});

describe('after a crash', () => {
  it('sweeps the temporary files a killed write left, and only those', async () => {
    const dir = tmp();
    const file = path.join(dir, 'settings.json');
    await fs.writeFile(file, '{"language":"ja"}\n');
    await fs.writeFile(`${file}.0123456789ab.tmp`, '{"langu');
    await fs.writeFile(path.join(dir, 'settings.json.notes.tmp'), 'kept: not ours');
    await sweepAtomicTemps(file);
    expect((await fs.readdir(dir)).sort()).toEqual(['settings.json', 'settings.json.notes.tmp']);
  });

  it('loads the settings whole and without the leftover', async () => {
    const dir = tmp();
    const file = path.join(dir, 'settings.json');
    await fs.writeFile(file, '{"language":"ja"}\n');
    await fs.writeFile(`${file}.aaaaaaaaaaaa.tmp`, '{"langu');
    const store = await SettingsStore.load(dir);
    expect(store.get().language).toBe('ja');
    expect(store.notice).toBeUndefined();
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });
});
