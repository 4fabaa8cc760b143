import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhonebenchError } from '../../../shared/api/result';
import { writeFileAtomic } from '../../../electron/engine/atomic-write';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { ConsoleLog } from '../../../electron/engine/serial/console-log';
import { SettingsStore } from '../../../electron/engine/settings-store';
import { writeLargeZip } from '../../fixtures/firmware-fixtures';
import { en } from '../../support/error-text';
import { requireTool } from '../../support/require-tool';

const MiB = 1024 * 1024;
const canMount = requireTool('root', 'mounting a 2 MiB tmpfs to fill the disk');
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-full-'));
const disk = path.join(work, 'disk');

beforeAll(async () => {
  if (!canMount) return;
  await fs.mkdir(disk);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk]);
});

afterAll(async () => {
  if (canMount) execFileSync('umount', [disk]);
  await fs.rm(work, { recursive: true, force: true });
});

async function freeBytes(): Promise<number> {
  const stats = await fs.statfs(disk);
  return stats.bavail * stats.bsize;
}

async function refusal(work: Promise<unknown>): Promise<PhonebenchError> {
  const error = (await work.then(
    () => undefined,
    (e: unknown) => e,
  )) as PhonebenchError | undefined;
  if (!error) throw new Error('the write succeeded on a full disk');
  return error;
}

describe.runIf(canMount)('a full disk (2 MiB tmpfs)', () => {
  it('ends an import with disk-full and its fix, and leaves no byte of it', async () => {
    const archive = path.join(work, 'firmware.zip');
    await writeLargeZip(archive, [{ name: 'P0S3-8-12-00.sb2', size: 4 * MiB, seed: 3 }]);
    const library = new FirmwareLibrary(path.join(disk, 'library'));
    const before = await freeBytes();
    const error = await refusal(library.import(archive));
    expect(error.code).toBe('disk-full');
    expect(error.message).toContain('The disk is full');
    expect(en(error.fix)).toContain('Free some space');
    expect(await library.list()).toEqual([]);
    expect(await fs.readdir(path.join(disk, 'library', '.staging'))).toEqual([]);
    expect(await freeBytes()).toBe(before);
  });

  it('ends a settings write with disk-full, keeping the old settings whole', async () => {
    const dataDir = path.join(disk, 'data');
    const store = await SettingsStore.load(dataDir);
    await store.update({ language: 'ja' });
    const filler = path.join(disk, 'filler');
    await fs.writeFile(filler, Buffer.alloc(0));
    // Fill what is left, a block at a time, until the disk says no.
    const handle = await fs.open(filler, 'a');
    try {
      for (;;) await handle.write(Buffer.alloc(4096, 1));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      await handle.close();
    }
    try {
      const error = await refusal(store.update({ language: 'en', tftp: { maxBlksize: 1024 } }));
      expect(error.code).toBe('disk-full');
      expect(error.message).toContain('settings.json');
      expect(store.get().language).toBe('ja');
      expect((await SettingsStore.load(dataDir)).get().language).toBe('ja');
      expect(await fs.readdir(dataDir)).toEqual(['settings.json']);

      const report = path.join(disk, 'reports', 'SEP001122334455.txt');
      expect((await refusal(writeFileAtomic(report, Buffer.alloc(64 * 1024)))).code).toBe('disk-full');
      expect(await fs.readdir(path.dirname(report))).toEqual([]);
    } finally {
      await fs.rm(filler, { force: true });
    }
  });

  it('ends a console log write with disk-full once the disk fills', async () => {
    const filler = path.join(disk, 'filler');
    const log = await ConsoleLog.open({ logFile: path.join(disk, 'logs', 'a.log'), rawFile: path.join(disk, 'logs', 'a.raw') });
    try {
      // Console bytes arrive faster than the disk has room for: 3 MiB onto a 2 MiB disk.
      for (let i = 0; i < 48; i += 1) log.received(Buffer.alloc(64 * 1024, 0x41));
      await log.close();
      const error = log.error as PhonebenchError | undefined;
      expect(error?.code).toBe('disk-full');
      expect(error?.message).toMatch(/The disk is full: a\.(raw|log) could not be written/);
    } finally {
      await fs.rm(path.join(disk, 'logs'), { recursive: true, force: true });
      await fs.rm(filler, { force: true });
    }
  });
});
