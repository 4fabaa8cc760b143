import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
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
  /** Each file's folder as resolved when the source was made: what an opened file must lie in. */
  private readonly realFolders = new Map<string, Promise<string | undefined>>();

  constructor(files: readonly BundleFile[]) {
    for (const file of files) {
      this.byName.set(file.name, file);
      const folder = path.dirname(path.resolve(file.path));
      if (!this.realFolders.has(folder)) this.realFolders.set(folder, fs.realpath(folder).catch(() => undefined));
    }
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
    const realRoot = await this.realFolders.get(path.dirname(path.resolve(file.path)));
    if (!stat?.isFile() || realRoot === undefined) return undefined;
    const real = path.join(realRoot, path.basename(file.path));
    // The same check as the TFTP root's: the handle opened must lie in the library folder known at the start.
    return { name: file.name, size: stat.size, match, origin: 'root', open: () => openFileContent(real, { realRoot, requested: requestedName }) };
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
