import type { ArchiveFormat } from '../../../shared/api/firmware';
import { nestedArchiveFormat } from './entry-name';
import { openRegularFile } from '../safe-open';

/** What a file is, by its first bytes; the name only breaks ties for old tars without the ustar magic. */
export type SourceKind = Exclude<ArchiveFormat, 'folder'> | 'file';

export async function sniffFile(file: string, name: string): Promise<SourceKind> {
  const { handle } = await openRegularFile(file);
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, 512, 0);
    return sniffBytes(head.subarray(0, bytesRead), name);
  } finally {
    await handle.close();
  }
}

export function sniffBytes(head: Uint8Array, name: string): SourceKind {
  const b = (i: number): number => head[i] ?? -1;
  if (b(0) === 0x50 && b(1) === 0x4b && (b(2) === 3 || b(2) === 5) && (b(3) === 4 || b(3) === 6)) return 'zip';
  if (b(0) === 0x1f && b(1) === 0x8b) return 'tar.gz';
  if (head.length >= 262 && String.fromCharCode(...head.subarray(257, 262)) === 'ustar') return 'tar';
  const byName = nestedArchiveFormat(name);
  if (byName === 'tar' && head.length === 512) return 'tar';
  // A name that promises an archive over bytes that are not one is a broken download, said by the caller.
  return byName === null ? 'file' : byName;
}
