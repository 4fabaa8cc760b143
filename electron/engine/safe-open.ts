import { close, constants as fsConstants, fstat, open, promises as fs, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import type { FileHandle } from 'node:fs/promises';

/** What a path turned out to be when it was not a regular file. */
export type NotRegularKind = 'fifo' | 'device' | 'socket' | 'directory' | 'other';

/** Thrown by openRegularFile for a FIFO, device, socket or folder: nothing was read from it. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREGULAR';
  constructor(
    readonly file: string,
    readonly kind: NotRegularKind,
  ) {
    super(`${file} is not a regular file (${kind})`);
    this.name = 'NotRegularFileError';
  }
}

export function notRegularKind(stat: Stats): NotRegularKind | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isFIFO()) return 'fifo';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
  if (stat.isSocket()) return 'socket';
  if (stat.isDirectory()) return 'directory';
  return 'other';
}

export interface SafeOpenOptions {
  /** Refuse a symlink as the last path component (ELOOP), for paths that were already resolved. */
  noFollow?: boolean;
}

/**
 * Opens a file for reading without ever blocking: O_NONBLOCK makes open() of a FIFO return at once (a plain
 * open waits for a writer and holds a thread of the pool, four of which stop all file work), then the handle
 * itself is checked, so a file swapped between a check and the open is caught too. Regular files ignore
 * O_NONBLOCK, so the handle reads as usual. Everything that is not a regular file is closed and refused.
 */
export async function openRegularFile(file: string, options: SafeOpenOptions = {}): Promise<{ handle: FileHandle; stat: Stats }> {
  const handle = await fs.open(file, readFlags(options));
  try {
    const stat = await handle.stat();
    const kind = notRegularKind(stat);
    if (kind !== undefined) throw new NotRegularFileError(file, kind);
    return { handle, stat };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

function readFlags(options: SafeOpenOptions): number {
  return fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (options.noFollow ? (fsConstants.O_NOFOLLOW ?? 0) : 0);
}

/**
 * openRegularFile for a library that wants a bare descriptor and closes it itself (yauzl.fromFd): the caller
 * owns the number and must close it (fs.close) if the library never took it.
 */
export async function openRegularFd(file: string, options: SafeOpenOptions = {}): Promise<{ fd: number; stat: Stats }> {
  const fd = await promisify(open)(file, readFlags(options));
  try {
    const stat = await promisify(fstat)(fd);
    const kind = notRegularKind(stat);
    if (kind !== undefined) throw new NotRegularFileError(file, kind);
    return { fd, stat };
  } catch (error) {
    close(fd, () => undefined);
    throw error;
  }
}

/** Reads a whole regular file (settings, a manifest) through openRegularFile; refuses one past `maxBytes`. */
export async function readRegularFile(file: string, maxBytes: number, options: SafeOpenOptions = {}): Promise<Buffer> {
  const { handle, stat } = await openRegularFile(file, options);
  try {
    if (stat.size > maxBytes) throw Object.assign(new Error(`${file} is larger than ${maxBytes} bytes`), { code: 'EFBIG' });
    const buffer = Buffer.alloc(stat.size);
    let got = 0;
    while (got < buffer.length) {
      const { bytesRead } = await handle.read(buffer, got, buffer.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buffer.subarray(0, got);
  } finally {
    await handle.close();
  }
}
