import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirmwareLibrary } from '../../../../electron/engine/firmware/library-store';
import { processStartedAtMs } from '../../../../electron/engine/process-start';
import { sweepDataDir } from '../../../../electron/engine/startup-sweep';

/** What a crash leaves (kill -9, power cut) that the next start removes, and what it must leave alone. */
let dir: string;
let sibling: ChildProcess;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-startup-sweep-'));
  // A live process that is not this one: its PID stands for one reused after a crash.
  sibling = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((resolve) => sibling.once('spawn', resolve));
});
afterAll(async () => {
  sibling.kill();
  await fs.rm(dir, { recursive: true, force: true });
});

const HOUR = 60 * 60 * 1000;

async function aged(file: string, ageMs: number): Promise<void> {
  const when = new Date(Date.now() - ageMs);
  await fs.utimes(file, when, when);
}

describe.runIf(process.platform === 'linux')('library staging of a reused PID', () => {
  it('knows when a process started', () => {
    const started = processStartedAtMs(sibling.pid!);
    expect(started).toBeGreaterThan(Date.now() - HOUR);
    expect(started).toBeLessThanOrEqual(Date.now() + 2000);
  });

  it('removes staging named after a live PID when it is older than that process (and its own PID too), keeps a live import', async () => {
    const root = path.join(dir, 'library');
    const staging = path.join(root, '.staging');
    const reused = path.join(staging, `${sibling.pid}-0123456789abcdef`);
    const ownReused = path.join(staging, `${process.pid}-fedcba9876543210`);
    const live = path.join(staging, `${sibling.pid}-live000000000000`);
    for (const folder of [reused, ownReused, live]) await fs.mkdir(path.join(folder, 'files'), { recursive: true });
    // Left a day ago by earlier processes that had these PIDs.
    await aged(reused, 24 * HOUR);
    await aged(ownReused, 24 * HOUR);
    await new FirmwareLibrary(root).sweep();
    expect(existsSync(reused)).toBe(false);
    expect(existsSync(ownReused)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});

describe('data folder leftovers', () => {
  it('removes never-imported uploads and temporary files of atomic writes, only once old enough', async () => {
    const data = path.join(dir, 'data');
    const oldUpload = path.join(data, 'uploads', 'aaaaaaaaaaaaaaaa');
    const freshUpload = path.join(data, 'uploads', 'bbbbbbbbbbbbbbbb');
    for (const folder of [oldUpload, freshUpload]) {
      await fs.mkdir(folder, { recursive: true });
      await fs.writeFile(path.join(folder, 'sip-8-12.zip'), 'x');
    }
    await fs.mkdir(path.join(data, 'reports'), { recursive: true });
    const reportTmp = path.join(data, 'reports', 'migration-SEP000E84C060A6.html.0123456789ab.tmp');
    const settingsTmp = path.join(data, 'settings.json.abcdef012345.tmp');
    const freshTmp = path.join(data, 'reports', 'r.json.ffffffffffff.tmp');
    const report = path.join(data, 'reports', 'migration-SEP000E84C060A6.html');
    const notOurs = path.join(data, 'reports', 'notes.tmp');
    for (const file of [reportTmp, settingsTmp, freshTmp, report, notOurs]) await fs.writeFile(file, 'x');
    await aged(oldUpload, 2 * HOUR);
    for (const file of [reportTmp, settingsTmp, report, notOurs]) await aged(file, 2 * HOUR);

    const removed = await sweepDataDir(data);
    expect(removed.sort()).toEqual([oldUpload, reportTmp, settingsTmp].sort());
    for (const kept of [freshUpload, freshTmp, report, notOurs]) expect(existsSync(kept), kept).toBe(true);
  });
});
