import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../shared/api/app';
import { Engine } from '../../../electron/engine/engine';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { writeLargeZip, zipBytes } from '../../fixtures/firmware-fixtures';

const MiB = 1024 * 1024;
const here = path.dirname(new URL(import.meta.url).pathname);
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-crash-'));

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

/** Starts the child, waits for its marker line, then kills it with SIGKILL: no handler runs, no finally. */
async function killMidway(args: string[], marker: string): Promise<void> {
  // node itself with tsx as a loader: the `tsx` command would run node as a grandchild that SIGKILL misses.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'crash-child.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`${marker}\n`)) resolve();
    });
    child.once('exit', () => reject(new Error(`child ended before "${marker}": ${out}${err}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(out).not.toContain('done');
}

async function listing(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => [] as string[]);
}

describe('kill -9 leaves no visible half-state', () => {
  it('in the middle of an import: the next engine sweeps the staging folder at start', async () => {
    const dataDir = path.join(work, 'import-data');
    const archive = path.join(work, 'large.zip');
    const small = path.join(work, 'small.zip');
    await fs.writeFile(small, zipBytes([{ name: 'P0S3-8-12-00.sb2', data: Buffer.alloc(4096, 5) }]));
    await writeLargeZip(
      archive,
      [0, 1, 2].map((i) => ({ name: `P0S3-8-12-0${i}.dat`, size: 24 * MiB, seed: 7 + i })),
    );
    // A bundle already in the library must come through the crash whole.
    const before = await new FirmwareLibrary(libraryRoot(dataDir)).import(small);
    await killMidway(['import', dataDir, archive], 'extracting');
    const staging = path.join(libraryRoot(dataDir), '.staging');
    expect((await listing(staging)).length).toBe(1); // the killed import's half-written folder

    const engine = await Engine.create({ dataDir, host: 'cli' });
    try {
      const listed = await engine.request('firmware:list', {});
      expect(listed.ok && listed.value.map((b) => b.id)).toEqual([before.id]);
      expect(await listing(staging)).toEqual([]);
      expect((await listing(libraryRoot(dataDir))).filter((n) => n !== '.staging')).toEqual([before.id]);
      expect(await engine.request('firmware:show', { id: before.id })).toEqual({ ok: true, value: before });
    } finally {
      await engine.close();
    }

    // Nothing stands in the way of importing the same archive again, and its manifest reads back whole.
    const library = new FirmwareLibrary(libraryRoot(dataDir));
    const manifest = await library.import(archive);
    expect(await library.get(manifest.id)).toEqual(manifest);
  });

  it('in the middle of settings writes: the file parses and no temporary file is left', async () => {
    const dataDir = path.join(work, 'settings-data');
    for (let round = 0; round < 2; round += 1) {
      await killMidway(['settings', dataDir], 'writing');
      const engine = await Engine.create({ dataDir, host: 'cli' });
      try {
        expect(engine.status().settingsNotice).toBeUndefined();
        const text = await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8');
        expect(settingsSchema.safeParse(JSON.parse(text)).success).toBe(true);
        expect((await listing(dataDir)).filter((n) => n.startsWith('settings.json'))).toEqual(['settings.json']);
      } finally {
        await engine.close();
      }
    }
  });
});
