import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhonebenchError } from '../../../../../shared/api/result';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../../../../electron/engine/firmware/import-limits';
import { FirmwareLibrary } from '../../../../../electron/engine/firmware/library-store';
import { buildBundleFixtures, zipBytes, type BuiltFixture } from '../../../../fixtures/firmware-fixtures';
import { en } from '../../../../support/error-text';

let work: string;
let bundles: Record<string, BuiltFixture>;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-limits-'));
  bundles = await buildBundleFixtures(path.join(work, 'bundles'));
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

async function library(limits: Partial<ImportLimits> = {}): Promise<FirmwareLibrary> {
  return new FirmwareLibrary(await fs.mkdtemp(path.join(work, 'lib-')), { ...DEFAULT_IMPORT_LIMITS, ...limits });
}

async function refusal(lib: FirmwareLibrary, source: string, options: Parameters<FirmwareLibrary['import']>[1] = {}): Promise<PhonebenchError> {
  const error = (await lib.import(source, options).then(
    () => undefined,
    (e: unknown) => e,
  )) as PhonebenchError | undefined;
  if (!error) throw new Error(`${source} was imported`);
  return error;
}

/** What is left in the library folder: nothing at all after a refusal, staging included. */
async function leftovers(lib: FirmwareLibrary): Promise<string[]> {
  const top = await fs.readdir(lib.root).catch(() => [] as string[]);
  const staging = await fs.readdir(path.join(lib.root, '.staging')).catch(() => [] as string[]);
  return [...top.filter((n) => n !== '.staging'), ...staging];
}

function sip812(): string {
  const found = bundles.sip812;
  if (!found) throw new Error('no sip812 fixture');
  return found.file;
}

describe('only regular files and folders', () => {
  it('refuses /dev/zero at once instead of reading it for ever', async () => {
    const lib = await library();
    const phases: string[] = [];
    const error = await refusal(lib, '/dev/zero', { onProgress: (phase) => phases.push(phase) });
    expect(error.code).toBe('archive-refused');
    expect(error.message).toBe('/dev/zero is a device, not a file or a folder.');
    expect(en(error.fix)).toContain('firmware archive');
    expect(phases).toEqual([]);
    expect(await leftovers(lib)).toEqual([]);
  });

  it('refuses a named pipe without opening it (opening would wait for a writer)', async () => {
    const fifo = path.join(work, 'firmware.zip');
    execFileSync('mkfifo', [fifo]);
    try {
      const error = await refusal(await library(), fifo);
      expect(error.code).toBe('archive-refused');
      expect(error.message).toContain('is a named pipe');
    } finally {
      await fs.rm(fifo, { force: true });
    }
  });

  it('refuses a socket', async () => {
    const socketPath = path.join(work, 'firmware.sock');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      const error = await refusal(await library(), socketPath);
      expect(error.code).toBe('archive-refused');
      expect(error.message).toContain('is a socket');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses a loose file whose name no phone uses, before hashing it', async () => {
    const file = path.join(work, 'holiday-photo.jpg');
    await fs.writeFile(file, Buffer.alloc(4096, 7));
    const phases: string[] = [];
    const error = await refusal(await library(), file, { onProgress: (phase) => phases.push(phase) });
    expect(error.code).toBe('archive-refused');
    expect(error.message).toContain('neither an archive');
    expect(phases).toEqual([]);
  });
});

describe('budgets name the limit and the setting that raises it', () => {
  it('refuses a source larger than the byte budget before reading it', async () => {
    const file = path.join(work, 'huge.zip');
    const handle = await fs.open(file, 'w');
    await handle.truncate(3 * 1024 * 1024); // sparse: no bytes to read, only a size
    await handle.close();
    const lib = await library({ maxTotalBytes: 2 * 1024 * 1024 });
    const phases: string[] = [];
    const error = await refusal(lib, file, { onProgress: (phase) => phases.push(phase) });
    expect(error.code).toBe('archive-refused');
    expect(error.message).toBe('huge.zip is 3 MiB, more than the import limit of 2 MiB.');
    expect(en(error.fix)).toContain('"firmwareImport.maxMegabytes" (now 2) in settings.json');
    expect(phases).toEqual([]);
    expect(await leftovers(lib)).toEqual([]);
  });

  it('stops at the depth budget in a folder', async () => {
    const root = path.join(work, 'deep');
    const deepest = path.join(root, ...Array.from({ length: 6 }, (_, i) => `d${i}`));
    await fs.mkdir(deepest, { recursive: true });
    await fs.writeFile(path.join(deepest, 'SEP.cnf.xml'), 'x');
    const lib = await library({ maxDepth: 4 });
    const error = await refusal(lib, root);
    expect(error.code).toBe('archive-refused');
    expect(error.message).toContain('more than 4 folders deep');
    expect(en(error.fix)).toContain('"firmwareImport.maxDepth" (now 4)');
    expect(await leftovers(lib)).toEqual([]);
  });

  it('stops at the depth budget in an archive entry path', async () => {
    const file = path.join(work, 'deep.zip');
    await fs.writeFile(file, zipBytes([{ name: `${'a/'.repeat(10)}P0S3-8-12-00.loads`, data: Buffer.from('x') }]));
    const error = await refusal(await library({ maxDepth: 8 }), file);
    expect(error.code).toBe('archive-refused');
    expect(error.message).toContain('more than 8 folders deep');
  });

  it('stops at the time budget and leaves nothing', async () => {
    const lib = await library({ maxSeconds: 0 });
    const error = await refusal(lib, sip812());
    expect(error.code).toBe('archive-refused');
    expect(error.message).toContain('took longer than the limit of 0 seconds');
    expect(en(error.fix)).toContain('"firmwareImport.maxSeconds"');
    expect(await leftovers(lib)).toEqual([]);
  });

  it('takes its limits from a function read at each import (the settings)', async () => {
    let maxEntries = 1;
    const lib = new FirmwareLibrary(await fs.mkdtemp(path.join(work, 'lib-')), () => ({ ...DEFAULT_IMPORT_LIMITS, maxEntries }));
    expect((await refusal(lib, sip812())).message).toContain('more than 1 entries');
    maxEntries = 100;
    expect((await lib.import(sip812())).files.length).toBeGreaterThan(1);
  });
});

describe('cancelling', () => {
  it('stops while hashing, with a cancelled error and no staging folder', async () => {
    const file = path.join(work, 'big.zip');
    await fs.writeFile(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64 * 1024 * 1024, 1)]));
    const lib = await library();
    const controller = new AbortController();
    const error = await refusal(lib, file, {
      signal: controller.signal,
      onProgress: (phase) => {
        if (phase === 'hashing') controller.abort();
      },
    });
    expect(error.code).toBe('cancelled');
    expect(error.message).toBe('The import of big.zip was stopped; nothing was added to the library.');
    expect(await leftovers(lib)).toEqual([]);
  });

  it('refuses at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await refusal(await library(), sip812(), { signal: controller.signal });
    expect(error.code).toBe('cancelled');
  });
});
