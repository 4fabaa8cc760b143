import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { MatchKind } from '../../../shared/api/tftp';
import { openFileContent, type FileSource, type ResolvedFile } from '../tftp/file-source';
import { checkRequestedName } from '../tftp/path-guard';
import { openRegularFile } from '../safe-open';

export interface BundleFile {
  /** The name the phone asks for (as in the vendor archive). */
  name: string;
  /** Where the firmware library keeps it; served in place, never copied. */
  path: string;
}

/** Firmware files straight from the library, by exact name, then ignoring case. Nothing else resolves. */
export class BundleSource implements FileSource {
  private readonly byName = new Map<string, BundleFile>();

  constructor(files: readonly BundleFile[]) {
    for (const file of files) this.byName.set(file.name, file);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  async resolve(requestedName: string): Promise<ResolvedFile | undefined> {
    const clean = checkRequestedName(requestedName).join('/');
    let file = this.byName.get(clean);
    let match: MatchKind = /^(\.\/)+/.test(requestedName) ? 'dot-slash' : 'exact';
    if (!file) {
      const want = clean.toLowerCase();
      file = [...this.byName.values()].find((f) => f.name.toLowerCase() === want);
      match = 'case-insensitive';
    }
    if (!file) return undefined;
    const stat = await fs.stat(file.path).catch(() => undefined);
    if (!stat?.isFile()) return undefined;
    const found = file;
    return { name: found.name, size: stat.size, match, origin: 'root', open: () => openFileContent(found.path) };
  }
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of (await openRegularFile(file)).handle.createReadStream()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function sha256Text(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
