import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../../support/cli-process';
import { makeFifo, unblockFifos } from '../../support/fifo';

/** settings.json that is a folder or a FIFO: the real CLI says so and goes on with defaults; no stack, no hang. */
const dir = mkdtempSync(path.join(tmpdir(), 'pb-settings-cli-'));
const fifos: string[] = [];
afterAll(() => {
  unblockFifos(fifos);
  rmSync(dir, { recursive: true, force: true });
});

describe('phonebench status with something else in settings.json’s place', () => {
  it.each(['folder', 'fifo'] as const)('a %s is moved aside with a notice; no stack trace', async (kind) => {
    const dataDir = path.join(dir, kind);
    mkdirSync(dataDir);
    const settings = path.join(dataDir, 'settings.json');
    if (kind === 'folder') mkdirSync(settings);
    else fifos.push(makeFifo(settings));
    const p = spawnCli(['status', '--data-dir', dataDir]);
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      p.exited,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          unblockFifos(fifos);
          p.child.kill('SIGKILL');
          reject(new Error(`status still running after 30 s:\n${p.out()}\n${p.err()}`));
        }, 30_000);
      }),
    ]).finally(() => clearTimeout(timer));
    const text = p.out() + p.err();
    expect(ended.code, text).toBe(0);
    expect(text).toMatch(/Notice: .*moved to .*settings\.json\.corrupt-/);
    expect(text).not.toMatch(/\n\s+at /);
    expect(readdirSync(dataDir).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
  });
});
