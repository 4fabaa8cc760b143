import { Readable, Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { ArchiveEntry, EntryType, EntryVisitor } from './archive-entry';
import { openRegularFile } from '../safe-open';


/**
 * Hears every chunk of the tar stream (decompressed), padding and headers included, with the size of the file
 * it comes from: gzip of tar padding makes gigabytes that no entry ever counts. Throws to stop the walk.
 */
export type TarStreamMeter = (bytes: number, fileBytes: number) => void;

/** Visits every entry of a tar or tar.gz file, streaming: nothing is held in memory. */
export async function walkTar(file: string, gzip: boolean, where: string, visit: EntryVisitor, meter?: TarStreamMeter): Promise<void> {
  const { handle, stat } = await openRegularFile(file);
  const source = handle.createReadStream({ highWaterMark: 256 * 1024 });
  const extract = tar.extract();
  const tail = new TailWatch(meter ? (bytes) => meter(bytes, stat.size) : undefined);
  const gunzip = gzip ? createGunzip({ chunkSize: 64 * 1024 }) : undefined;
  const fail = (error: Error): void => {
    extract.destroy(error);
  };
  source.on('error', fail);
  tail.on('error', fail);
  gunzip?.on('error', fail);
  (gunzip ? source.pipe(gunzip).pipe(tail) : source.pipe(tail)).pipe(extract);
  try {
    for await (const stream of extract) {
      const header = stream.header;
      let opened = false;
      const entry: ArchiveEntry = {
        name: header.name,
        type: isGnuSparse(header) ? 'sparse' : entryType(header.type),
        encrypted: false,
        open: async () => {
          opened = true;
          // tar-stream hands out streamx streams; Node's pipeline gets a Node stream over the same bytes.
          return Readable.from(stream, { objectMode: false });
        },
      };
      await visit(entry);
      // An entry the visitor did not read must still be consumed before tar-stream moves on.
      if (!opened) stream.resume();
    }
  } catch (error) {
    if (error instanceof PhonebenchError) throw error;
    throw tarError(error, where);
  } finally {
    source.destroy();
    gunzip?.destroy();
  }
  // A tar cut exactly between two entries parses cleanly; only its missing end blocks give it away.
  if (!tail.endsWithZeroBlock()) {
    throw new PhonebenchError('archive-corrupt', msg('firmware.tarCut', { where }), msg('firmware.fix.corrupt'));
  }
}

/** Passes bytes through, metering them and remembering the last 512 so the end of the tar can be checked. */
class TailWatch extends Transform {
  private last: Buffer = Buffer.alloc(0);

  constructor(private readonly meter?: (bytes: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.meter?.(chunk.length);
    } catch (error) {
      callback(error as Error);
      return;
    }
    this.last = chunk.length >= 512 ? chunk.subarray(chunk.length - 512) : Buffer.concat([this.last, chunk]).subarray(-512);
    callback(null, chunk);
  }

  endsWithZeroBlock(): boolean {
    return this.last.length === 512 && this.last.every((byte) => byte === 0);
  }
}

/** GNU sparse in a PAX header (formats 0.x and 1.0): the data holds a map first, not the file's bytes. */
function isGnuSparse(header: { pax?: unknown }): boolean {
  const pax = header.pax;
  return typeof pax === 'object' && pax !== null && Object.keys(pax).some((key) => key.startsWith('GNU.sparse.'));
}

/** tar-stream names the type flags it knows and gives null for the rest (GNU sparse 'S', volume 'V', dumpdir 'D'...). */
function entryType(type: string | null | undefined): EntryType {
  switch (type) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case null:
    case undefined:
      return 'unknown';
    case 'directory':
      return 'directory';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    case 'character-device':
    case 'block-device':
    case 'fifo':
      return 'device';
    default:
      return 'other';
  }
}

export function tarError(error: unknown, where: string): PhonebenchError {
  const message = error instanceof Error ? error.message : String(error);
  return new PhonebenchError('archive-corrupt', msg('firmware.notTar', { where, detail: message }), msg('firmware.fix.corrupt'));
}
