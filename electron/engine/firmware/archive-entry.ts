import type { Readable } from 'node:stream';

/** 'sparse': a GNU sparse tar entry (its data is a map, not the file); 'unknown': a tar type flag no reader here knows. */
export type EntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'device' | 'other' | 'sparse' | 'unknown';

/** One entry of an archive or folder, before any of its bytes are trusted. */
export interface ArchiveEntry {
  /** As stored in the archive; checked by checkEntryName before use. */
  name: string;
  type: EntryType;
  encrypted: boolean;
  /** Stated by zip entries; used for the per-entry ratio check only. */
  compressedSize?: number;
  /** Stated by zip entries; checked against the bytes as they stream. */
  crc32?: number;
  /** The entry's bytes; must be read to the end (or destroyed) before the next entry comes. */
  open(): Promise<Readable>;
}

/** Called once per entry, in archive order; the walk waits for it. */
export type EntryVisitor = (entry: ArchiveEntry) => Promise<void>;
