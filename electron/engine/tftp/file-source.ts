import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { MatchKind } from '../../../shared/api/tftp';
import { checkRequestedName, confirmInsideRoot, confirmOpenedInside } from './path-guard';
import { openRegularFile } from '../safe-open';

/** Random access to the bytes being served. */
export interface FileContent {
  readonly size: number;
  /** Reads up to `length` bytes at `position`; shorter only at the end. */
  read(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export interface ResolvedFile {
  /** The name served, relative to its source (e.g. 'SIPDefault.cnf' for a request of './sipdefault.CNF'). */
  name: string;
  size: number;
  match: MatchKind;
  /** Where it came from, for the log: 'root' or 'virtual'. */
  origin: 'root' | 'virtual';
  open(): Promise<FileContent>;
}

/** A place files come from. Sources are consulted in order; the first that resolves a name wins. */
export interface FileSource {
  /** Undefined when this source has no such file; throws PathRefusedError when the name must not be served. */
  resolve(requestedName: string, clientAddress: string): Promise<ResolvedFile | undefined>;
}

export function bufferContent(data: Buffer): FileContent {
  return {
    size: data.length,
    read: async (position, length) => data.subarray(position, Math.min(data.length, position + length)),
    close: async () => {},
  };
}

/** A read-only folder on disk behind the path guard. */
export class DirectorySource implements FileSource {
  private realRoot: Promise<string> | undefined;

  constructor(readonly root: string) {}

  private resolvedRoot(): Promise<string> {
    this.realRoot ??= fs.realpath(path.resolve(this.root));
    return this.realRoot;
  }

  async resolve(requestedName: string): Promise<ResolvedFile | undefined> {
    const segments = checkRequestedName(requestedName);
    const root = await this.resolvedRoot();
    const literal = path.join(root, ...segments);
    const direct = await confirmInsideRoot(root, literal, requestedName);
    if (direct) {
      const match: MatchKind = /^(\.\/)+/.test(requestedName) ? 'dot-slash' : 'exact';
      return this.resolved(segments.join('/'), direct.realPath, direct.size, match, { realRoot: root, requested: requestedName });
    }
    const folded = await this.caseInsensitive(root, segments);
    if (!folded) return undefined;
    const found = await confirmInsideRoot(root, path.join(root, ...folded), requestedName);
    return found ? this.resolved(folded.join('/'), found.realPath, found.size, 'case-insensitive', { realRoot: root, requested: requestedName }) : undefined;
  }

  /** Walks the folders one segment at a time, matching each name ignoring case. */
  private async caseInsensitive(root: string, segments: string[]): Promise<string[] | undefined> {
    const out: string[] = [];
    let dir = root;
    for (const segment of segments) {
      const entries = await fs.readdir(dir).catch(() => undefined);
      if (!entries) return undefined;
      const want = segment.toLowerCase();
      const hit = entries.filter((e) => e.toLowerCase() === want).sort()[0];
      if (hit === undefined) return undefined;
      out.push(hit);
      dir = path.join(dir, hit);
    }
    return out;
  }

  private resolved(name: string, realPath: string, size: number, match: MatchKind, inside: { realRoot: string; requested: string }): ResolvedFile {
    return { name, size, match, origin: 'root', open: () => openFileContent(realPath, inside) };
  }
}

/**
 * Opens a regular file for positioned reads (never through a symlink, never blocking on a FIFO swapped in
 * after the check): what every on-disk source serves.
 */
export async function openFileContent(realPath: string, inside?: { realRoot: string; requested: string }): Promise<FileContent> {
  const { handle, stat } = await openRegularFile(realPath, { noFollow: true });
  if (inside) {
    // O_NOFOLLOW guards the last component only: a parent folder swapped for a link is caught on the handle.
    await confirmOpenedInside(handle, realPath, inside.realRoot, inside.requested).catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
  }
  const { size } = stat;
  return {
    size,
    async read(position, length) {
      const want = Math.max(0, Math.min(length, size - position));
      const buf = Buffer.allocUnsafe(want);
      let got = 0;
      while (got < want) {
        const { bytesRead } = await handle.read(buf, got, want - got, position + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === want ? buf : buf.subarray(0, got);
    },
    close: () => handle.close(),
  };
}

interface VirtualEntry {
  name: string;
  content: Buffer;
  forClient?: string;
}

/** Files held in memory (generated configs), for every client or for one address only. */
export class VirtualFiles implements FileSource {
  private readonly entries = new Map<string, VirtualEntry>();

  private static key(name: string, forClient: string | undefined): string {
    return `${forClient ?? '*'}\n${name}`;
  }

  set(name: string, content: Buffer | string, options: { forClient?: string } = {}): void {
    const clean = checkRequestedName(name).join('/');
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const entry: VirtualEntry =
      options.forClient === undefined ? { name: clean, content: data } : { name: clean, content: data, forClient: options.forClient };
    this.entries.set(VirtualFiles.key(clean, options.forClient), entry);
  }

  delete(name: string, options: { forClient?: string } = {}): boolean {
    return this.entries.delete(VirtualFiles.key(name.replace(/^(\.\/)+/, ''), options.forClient));
  }

  clear(): void {
    this.entries.clear();
  }

  names(): { name: string; forClient?: string; size: number }[] {
    return [...this.entries.values()].map((e) =>
      e.forClient === undefined ? { name: e.name, size: e.content.length } : { name: e.name, forClient: e.forClient, size: e.content.length },
    );
  }

  async resolve(requestedName: string, clientAddress: string): Promise<ResolvedFile | undefined> {
    const segments = checkRequestedName(requestedName);
    const stripped = segments.join('/');
    const dotSlash = /^(\.\/)+/.test(requestedName);
    // A file meant for this client wins over one meant for everyone.
    for (const forClient of [clientAddress, undefined]) {
      const hit = this.entries.get(VirtualFiles.key(stripped, forClient));
      if (hit) return this.resolved(hit, dotSlash ? 'dot-slash' : 'exact');
    }
    const want = stripped.toLowerCase();
    for (const forClient of [clientAddress, undefined]) {
      for (const entry of this.entries.values()) {
        if (entry.forClient === forClient && entry.name.toLowerCase() === want) return this.resolved(entry, 'case-insensitive');
      }
    }
    return undefined;
  }

  private resolved(entry: VirtualEntry, match: MatchKind): ResolvedFile {
    const content = entry.content;
    return { name: entry.name, size: content.length, match, origin: 'virtual', open: async () => bufferContent(content) };
  }
}
