import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { fillerChunks, writeLargeZip } from '../../fixtures/firmware-fixtures';

const MiB = 1024 * 1024;
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-large-'));

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

describe('a 200 MB archive', () => {
  it('imports with flat memory and exact hashes', async () => {
    const entries = [0, 1, 2, 3].map((i) => ({ name: `P0S3-8-12-0${i}.dat`, size: 50 * MiB, seed: 100 + i }));
    const file = path.join(work, 'large.zip');
    const archiveBytes = await writeLargeZip(file, entries);
    expect(archiveBytes).toBeGreaterThan(200 * MiB);

    const library = new FirmwareLibrary(path.join(work, 'library'));
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let samples = 0;
    const manifest = await library.import(file, {
      onProgress: () => {
        samples += 1;
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    peak = Math.max(peak, process.memoryUsage().rss);
    const deltaMiB = (peak - baseline) / MiB;
    console.log(`large import: ${samples} progress samples, rss baseline ${Math.round(baseline / MiB)} MiB, peak delta ${deltaMiB.toFixed(1)} MiB`);
    expect(samples).toBeGreaterThan(40);
    expect(deltaMiB).toBeLessThan(150);

    for (const entry of entries) {
      const hash = createHash('sha256');
      for (const chunk of fillerChunks(entry.size, entry.seed)) hash.update(chunk);
      const recorded = manifest.files.find((f) => f.name === entry.name);
      expect(recorded?.size).toBe(entry.size);
      expect(recorded?.sha256).toBe(hash.digest('hex'));
      expect((await fs.stat(library.filePath(manifest.id, entry.name))).size).toBe(entry.size);
    }
  });
});
