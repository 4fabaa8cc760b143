import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { ImportBudget } from './import-budget';

export interface WrittenFile {
  size: number;
  sha256: string;
}

export interface MeterOptions {
  budget: ImportBudget;
  /** For the per-entry ratio check, when the archive states it. */
  compressedSize?: number;
  entryName: string;
  /** The CRC-32 the archive states (zip); checked at the end, since zip readers do not. */
  crc32?: number;
}

/** Counts and hashes bytes as they pass; stops the stream as soon as a cap is crossed. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  private crc = 0;

  constructor(private readonly options: MeterOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.size += chunk.length;
      this.options.budget.countBytes(chunk.length);
      if (this.options.compressedSize !== undefined) {
        this.options.budget.checkEntryRatio(this.options.entryName, this.size, this.options.compressedSize);
      }
      this.hash.update(chunk);
      if (this.options.crc32 !== undefined) this.crc = crc32(chunk, this.crc);
      callback(null, chunk);
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.options.crc32 !== undefined && this.crc >>> 0 !== this.options.crc32 >>> 0) {
      callback(
        new PhonebenchError(
          'archive-corrupt',
          msg('firmware.checksum', { entry: this.options.entryName }),
          msg('firmware.checksum.fix'),
        ),
      );
      return;
    }
    callback();
  }
}

/** Streams `source` into `file` (created, never overwritten, flushed to disk at the end), hashing as it writes. Memory stays flat. */
export async function meteredWrite(source: Readable, file: string, options: MeterOptions): Promise<WrittenFile> {
  const meter = new Meter(options);
  await pipeline(source, meter, createWriteStream(file, { flags: 'wx', flush: true }));
  return { size: meter.size, sha256: meter.hash.digest('hex') };
}

/** Reads `source` to its end, counting bytes against the budget, keeping nothing. */
export async function meteredDrain(source: Readable, options: MeterOptions): Promise<number> {
  const meter = new Meter(options);
  const discard = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  await pipeline(source, meter, discard);
  return meter.size;
}
