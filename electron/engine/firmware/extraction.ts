import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BundleFile } from '../../../shared/api/firmware';
import { assertNever, PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { ArchiveEntry, EntryVisitor } from './archive-entry';
import { checkEntryName, isPlatformJunk, nestedArchiveFormat } from './entry-name';
import type { ImportBudget } from './import-budget';
import { meteredDrain, meteredWrite, type MeterOptions } from './metered-write';
import { sniffFile, type SourceKind } from './source-format';
import { walkTar } from './tar-walk';
import { walkZip, zipError } from './zip-walk';
import { storageError } from '../storage-errors';
import { NotRegularFileError, openRegularFile } from '../safe-open';


export interface Skipped {
  name: string;
  reason: string;
}

/**
 * Unpacks a source into a flat staging folder: the TFTP root is one folder, so every file keeps only its
 * base name, and two names a phone could confuse (equal, or equal but for case) are refused.
 */
export class Extraction {
  readonly files: BundleFile[] = [];
  readonly skipped: Skipped[] = [];
  private readonly byLowerName = new Map<string, BundleFile>();

  constructor(
    private readonly filesDir: string,
    private readonly scratchDir: string,
    private readonly budget: ImportBudget,
  ) {}

  /** `origin` names the source as the technician knows it, e.g. "sip-8-12.zip". */
  async fromArchive(file: string, kind: Exclude<SourceKind, 'file'>, origin: string, depth: number): Promise<void> {
    const visit: EntryVisitor = (entry) => this.handle(entry, origin, depth);
    switch (kind) {
      case 'zip':
        return walkZip(file, origin, visit);
      case 'tar':
        return walkTar(file, false, origin, visit, (bytes, fileBytes) => this.budget.countTarStream(origin, bytes, fileBytes));
      case 'tar.gz':
        return walkTar(file, true, origin, visit, (bytes, fileBytes) => this.budget.countTarStream(origin, bytes, fileBytes));
      default:
        return assertNever(kind, 'archive kind');
    }
  }

  /** A single loose file given on its own (an old single-image download). */
  async fromLooseFile(file: string, name: string): Promise<void> {
    await this.handle(looseEntry(file, name, 'file'), '', 0);
  }

  /** Every file under `dir`, recursively; symlinks and special files are refused as in archives. */
  async fromFolder(dir: string, origin: string): Promise<void> {
    const pending: string[] = [''];
    while (pending.length > 0) {
      const rel = pending.pop() ?? '';
      const names = (await fs.readdir(path.join(dir, rel))).sort();
      for (const name of names) {
        const relName = rel === '' ? name : `${rel}/${name}`;
        const stat = await fs.lstat(path.join(dir, relName));
        if (stat.isDirectory()) {
          this.budget.countEntry();
          // What this folder holds lies one level below it.
          this.budget.checkDepth(`${origin}/${relName}`, relName.split('/').length);
          pending.push(relName);
          continue;
        }
        const type = stat.isFile() ? 'file' : stat.isSymbolicLink() ? 'symlink' : 'device';
        await this.handle(looseEntry(path.join(dir, relName), relName, type), origin, 0);
      }
    }
  }

  private async handle(entry: ArchiveEntry, origin: string, depth: number): Promise<void> {
    this.budget.countEntry();
    const parts = checkEntryName(entry.name, origin || entry.name, entry.type === 'directory');
    const shownName = parts.join('/');
    const where = origin === '' ? shownName : `${origin}/${shownName}`;
    this.budget.checkDepth(where, parts.length - 1);
    switch (entry.type) {
      case 'directory':
        return;
      case 'symlink':
      case 'hardlink':
        throw new PhonebenchError('archive-refused', msg('firmware.link', { where }), msg('firmware.fix.refused'));
      case 'device':
      case 'other':
        throw new PhonebenchError('archive-refused', msg('firmware.special', { where }), msg('firmware.fix.refused'));
      case 'sparse':
        throw new PhonebenchError('archive-refused', msg('firmware.sparse', { where }), msg('firmware.fix.refused'));
      case 'unknown':
        throw new PhonebenchError('archive-refused', msg('firmware.unknownType', { where }), msg('firmware.fix.refused'));
      case 'file':
        break;
      default:
        return assertNever(entry.type, 'entry type');
    }
    if (entry.encrypted) {
      throw new PhonebenchError('archive-refused', msg('firmware.encrypted', { where }), msg('firmware.encrypted.fix'));
    }
    const meter = { budget: this.budget, entryName: where, compressedSize: entry.compressedSize, crc32: entry.crc32 };
    if (isPlatformJunk(parts)) {
      await this.guard(where, async () => meteredDrain(await entry.open(), meter));
      this.skipped.push({ name: where, reason: 'operating-system metadata, not firmware' });
      return;
    }
    const base = parts[parts.length - 1] ?? shownName;
    const nested = nestedArchiveFormat(base);
    if (nested !== null) return this.nestedArchive(entry, where, base, depth, meter);
    this.claimName(base, where);
    const written = await this.guard(where, async () => meteredWrite(await entry.open(), path.join(this.filesDir, base), meter));
    const file: BundleFile = { name: base, size: written.size, sha256: written.sha256, origin: where };
    this.files.push(file);
    this.byLowerName.set(base.toLowerCase(), file);
  }

  private async nestedArchive(
    entry: ArchiveEntry,
    where: string,
    base: string,
    depth: number,
    meter: MeterOptions,
  ): Promise<void> {
    if (depth >= this.budget.limits.maxNesting) {
      throw new PhonebenchError(
        'archive-refused',
        msg('firmware.tooDeep', { where, max: this.budget.limits.maxNesting }),
        msg('firmware.tooDeep.fix'),
      );
    }
    const scratch = path.join(this.scratchDir, `${randomBytes(6).toString('hex')}-${base}`);
    try {
      await this.guard(where, async () => meteredWrite(await entry.open(), scratch, meter));
      const kind = await sniffFile(scratch, base);
      if (kind === 'file') {
        throw new PhonebenchError('archive-corrupt', msg('firmware.notArchive', { where }), msg('firmware.notArchive.fix'));
      }
      await this.fromArchive(scratch, kind, where, depth + 1);
    } finally {
      await fs.rm(scratch, { force: true });
    }
  }

  private claimName(base: string, where: string): void {
    const clash = this.byLowerName.get(base.toLowerCase());
    if (!clash) return;
    if (clash.name === base) {
      throw new PhonebenchError(
        'archive-refused',
        msg('firmware.sameName', { name: base, first: clash.origin, second: where }),
        msg('firmware.sameName.fix'),
      );
    }
    throw new PhonebenchError(
      'archive-refused',
      msg('firmware.caseClash', { name: clash.name, other: base, first: clash.origin, second: where }),
      msg('firmware.caseClash.fix'),
    );
  }

  /** Reading errors that are not ours are the archive's: truncated or damaged data. */
  private async guard<T>(where: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PhonebenchError) throw error;
      // Swapped for a FIFO or device after the folder was listed: refused on the open handle, nothing read.
      if (error instanceof NotRegularFileError) throw new PhonebenchError('archive-refused', msg('firmware.special', { where }), msg('firmware.fix.refused'));
      const storage = storageError(error, where, path.join(this.filesDir, 'x'));
      if (storage) throw storage;
      const refused = zipError(error, where);
      if (refused.code === 'archive-refused') throw refused;
      const message = error instanceof Error ? error.message : String(error);
      throw new PhonebenchError('archive-corrupt', msg('firmware.damaged', { where, detail: message }), msg('firmware.fix.corrupt'));
    }
  }
}

function looseEntry(file: string, name: string, type: 'file' | 'symlink' | 'device'): ArchiveEntry {
  // Never through a symlink, never blocking on a FIFO: the handle is checked, not the name listed before.
  const open = async () => (await openRegularFile(file, { noFollow: true })).handle.createReadStream({ highWaterMark: 256 * 1024 });
  return { name, type, encrypted: false, open };
}
