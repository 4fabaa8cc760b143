import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeLeftoversSync, trackChild, trackFolder } from '../../../../electron/engine/leftovers';

describe('leftovers', () => {
  it('ends tracked children and removes tracked folders, synchronously', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'pb-leftover-'));
    writeFileSync(path.join(folder, 'half-written'), 'x');
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('spawn', resolve));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    trackChild(child);
    trackFolder(folder);
    removeLeftoversSync();
    expect(existsSync(folder)).toBe(false);
    expect(await exited).toBe('SIGTERM');
  });

  it('forgets what was untracked', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'pb-leftover-'));
    const untrack = trackFolder(folder);
    untrack();
    removeLeftoversSync();
    expect(existsSync(folder)).toBe(true);
    rmSync(folder, { recursive: true });
  });
});
