import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhonebenchError } from '../../../../../shared/api/result';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../../../../electron/engine/firmware/import-limits';
import { FirmwareLibrary } from '../../../../../electron/engine/firmware/library-store';
import { en } from '../../../../support/error-text';

/**
 * A small .tar.gz whose tar is one tiny file followed by gigabytes of zeros (padding no entry counts): the
 * import must stop on its size, ratio or time limit while the zeros flow, never succeed after reading them all.
 */
let work: string;
beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-gzip-padding-'));
});
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

const MiB = 1024 * 1024;

/** One gzip member of `size` zeros, repeated: gunzip reads concatenated members as one stream. */
async function paddedTarGz(name: string, zeroMiB: number): Promise<string> {
  const pack = tar.pack();
  pack.entry({ name: 'OS79XX.TXT', mtime: new Date(0) }, 'P0S3-08-12-00\n');
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  const member = gzipSync(Buffer.alloc(64 * MiB), { level: 9 });
  const file = path.join(work, name);
  await fs.writeFile(file, Buffer.concat([gzipSync(Buffer.concat(chunks)), ...Array.from({ length: zeroMiB / 64 }, () => member)]));
  return file;
}

async function refusal(limits: Partial<ImportLimits>, source: string): Promise<PhonebenchError> {
  const lib = new FirmwareLibrary(await fs.mkdtemp(path.join(work, 'lib-')), { ...DEFAULT_IMPORT_LIMITS, ...limits });
  const outcome = await lib.import(source).then(
    () => undefined,
    (e: unknown) => e as PhonebenchError,
  );
  if (!outcome) throw new Error(`${path.basename(source)} was imported: its padding was never counted`);
  return outcome;
}

describe('gzip of tar padding', () => {
  it('is stopped by the ratio limit', async () => {
    const source = await paddedTarGz('ratio.tar.gz', 1024);
    const error = await refusal({}, source);
    expect(error.code).toBe('archive-refused');
    expect(error.message).toMatch(/100/);
    expect(en(error.fix)).toBeTruthy();
  }, 120_000);

  it('is stopped by maxMegabytes', async () => {
    const source = await paddedTarGz('size.tar.gz', 1024);
    const error = await refusal({ maxRatio: 1_000_000, maxTotalBytes: 64 * MiB }, source);
    expect(error.code).toBe('archive-refused');
    expect(en(error.fix)).toContain('maxMegabytes');
  }, 120_000);

  // 64 GiB of zeros from a 64 MiB file: minutes of gunzip on any machine, so an import that only looks at the
  // clock between entries runs past this test's generous bound (the old code took 96 s for 16 GiB here).
  it('is stopped by maxSeconds while the zeros flow', async () => {
    const source = await paddedTarGz('slow.tar.gz', 64 * 1024);
    const error = await refusal({ maxRatio: 1_000_000, maxTotalBytes: 128 * 1024 * MiB, maxSeconds: 3 }, source);
    expect(error.code).toBe('archive-refused');
    expect(en(error.fix)).toContain('maxSeconds');
  }, 90_000);
});
