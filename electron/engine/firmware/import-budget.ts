import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { ImportLimits } from './import-limits';
import type { ImportStop } from './import-stop';

const PROGRESS_STEP = 4 * 1024 * 1024;
/** Tar headers and block padding: up to 1 KiB per entry (a header, a partial block), and the end blocks. */
const TAR_OVERHEAD_PER_ENTRY = 1024;
const TAR_END_BYTES = 1024 * 1024;

export interface BudgetProgress {
  bytes: number;
  entries: number;
}

/**
 * Counts what an import really produces, byte by byte as it streams, against the limits. One budget covers
 * the source archive and everything nested in it.
 */
export class ImportBudget {
  private bytes = 0;
  private entries = 0;
  /** Decompressed tar stream bytes, per tar file (a nested one has its own). */
  private readonly tarStreams = new Map<string, number>();
  private tarStreamTotal = 0;
  private lastReport = 0;

  constructor(
    readonly limits: ImportLimits,
    /** Size of the file the technician gave us: the base of the whole-archive ratio. */
    private readonly sourceBytes: number,
    private readonly where: string,
    private readonly onProgress: (progress: BudgetProgress) => void = () => {},
    /** Stops the import at its next entry or chunk (a signal or the time budget). */
    private readonly stop?: ImportStop,
  ) {}

  get totalBytes(): number {
    return this.bytes;
  }

  get totalEntries(): number {
    return this.entries;
  }

  countEntry(): void {
    this.checkCancelled();
    this.entries += 1;
    if (this.entries > this.limits.maxEntries) {
      throw new PhonebenchError(
        'archive-refused',
        msg('firmwareImport.tooManyEntries', { name: this.where, limit: this.limits.maxEntries }),
        msg('firmwareImport.raiseLimit.fix', { setting: 'maxEntries', limit: this.limits.maxEntries }),
      );
    }
    this.report(true);
  }

  /** Adds bytes produced so far; throws when a cap is crossed. */
  countBytes(n: number): void {
    this.checkCancelled();
    this.bytes += n;
    if (this.bytes > this.limits.maxTotalBytes) {
      const limit = toMiB(this.limits.maxTotalBytes);
      throw new PhonebenchError(
        'archive-refused',
        msg('firmwareImport.unpacksTooLarge', { name: this.where, limit }),
        msg('firmwareImport.raiseLimit.fix', { setting: 'maxMegabytes', limit }),
      );
    }
    const allowed = Math.max(this.limits.ratioFloorBytes, this.sourceBytes * this.limits.maxRatio);
    if (this.bytes > allowed) {
      throw new PhonebenchError(
        'archive-refused',
        msg('firmware.ratio', { where: this.where, ratio: this.limits.maxRatio }),
        msg('firmware.fix.bomb'),
      );
    }
    this.report(false);
  }

  /**
   * The whole decompressed stream of one tar, padding included, as it flows: against the size cap (all tar
   * streams together), the ratio to the tar's own file, and the time limit (checked every chunk).
   */
  countTarStream(where: string, n: number, fileBytes: number): void {
    this.checkCancelled();
    const mine = (this.tarStreams.get(where) ?? 0) + n;
    this.tarStreams.set(where, mine);
    this.tarStreamTotal += n;
    // Headers and padding come on top of the files: one tar's stream may be its files plus a little.
    const cap = this.limits.maxTotalBytes + this.limits.maxEntries * TAR_OVERHEAD_PER_ENTRY + TAR_END_BYTES;
    if (this.tarStreamTotal > cap) {
      const limit = toMiB(this.limits.maxTotalBytes);
      throw new PhonebenchError(
        'archive-refused',
        msg('firmwareImport.unpacksTooLarge', { name: this.where, limit }),
        msg('firmwareImport.raiseLimit.fix', { setting: 'maxMegabytes', limit }),
      );
    }
    if (mine > Math.max(this.limits.ratioFloorBytes, fileBytes * this.limits.maxRatio)) {
      throw new PhonebenchError('archive-refused', msg('firmware.ratio', { where, ratio: this.limits.maxRatio }), msg('firmware.fix.bomb'));
    }
  }

  /** Per-entry ratio, when the archive states the compressed size (zip). */
  checkEntryRatio(entryName: string, produced: number, compressed: number): void {
    if (produced <= this.limits.ratioFloorBytes) return;
    if (produced > Math.max(compressed, 1) * this.limits.maxRatio) {
      throw new PhonebenchError(
        'archive-refused',
        msg('firmware.entryRatio', { where: this.where, entry: entryName, ratio: this.limits.maxRatio }),
        msg('firmware.fix.bomb'),
      );
    }
  }

  /** Folders inside folders: `depth` counts the folders above `where`. */
  checkDepth(where: string, depth: number): void {
    if (depth <= this.limits.maxDepth) return;
    throw new PhonebenchError(
      'archive-refused',
      msg('firmwareImport.tooDeep', { where, limit: this.limits.maxDepth }),
      msg('firmwareImport.raiseLimit.fix', { setting: 'maxDepth', limit: this.limits.maxDepth }),
    );
  }

  checkCancelled(): void {
    this.stop?.check();
  }

  private report(force: boolean): void {
    if (!force && this.bytes - this.lastReport < PROGRESS_STEP) return;
    this.lastReport = this.bytes;
    this.onProgress({ bytes: this.bytes, entries: this.entries });
  }
}

export function toMiB(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
