import { PhonebenchError } from '../../../shared/api/result';
import type { ImportLimits } from './import-limits';

const BOMB_FIX = 'This archive unpacks to far more than firmware ever needs; do not use it. Download it again from Cisco.';
const PROGRESS_STEP = 4 * 1024 * 1024;

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
  private lastReport = 0;

  constructor(
    readonly limits: ImportLimits,
    /** Size of the file the technician gave us: the base of the whole-archive ratio. */
    private readonly sourceBytes: number,
    private readonly where: string,
    private readonly onProgress: (progress: BudgetProgress) => void = () => {},
    /** Aborting stops the import at its next entry or chunk. */
    private readonly signal?: AbortSignal,
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
        `${this.where} holds more than ${this.limits.maxEntries} entries.`,
        'A firmware bundle has a handful of files; check that this is the right archive.',
      );
    }
    this.report(true);
  }

  /** Adds bytes produced so far; throws when a cap is crossed. */
  countBytes(n: number): void {
    this.checkCancelled();
    this.bytes += n;
    if (this.bytes > this.limits.maxTotalBytes) {
      throw new PhonebenchError(
        'archive-refused',
        `${this.where} unpacks to more than ${formatMiB(this.limits.maxTotalBytes)}.`,
        BOMB_FIX,
      );
    }
    const allowed = Math.max(this.limits.ratioFloorBytes, this.sourceBytes * this.limits.maxRatio);
    if (this.bytes > allowed) {
      throw new PhonebenchError(
        'archive-refused',
        `${this.where} unpacks to more than ${this.limits.maxRatio} times its own size (a zip bomb).`,
        BOMB_FIX,
      );
    }
    this.report(false);
  }

  /** Per-entry ratio, when the archive states the compressed size (zip). */
  checkEntryRatio(entryName: string, produced: number, compressed: number): void {
    if (produced <= this.limits.ratioFloorBytes) return;
    if (produced > Math.max(compressed, 1) * this.limits.maxRatio) {
      throw new PhonebenchError(
        'archive-refused',
        `${this.where}: ${entryName} unpacks to more than ${this.limits.maxRatio} times its compressed size (a zip bomb).`,
        BOMB_FIX,
      );
    }
  }

  private checkCancelled(): void {
    if (this.signal?.aborted) {
      throw new PhonebenchError('cancelled', `Import of ${this.where} was stopped; nothing was added to the library.`);
    }
  }

  private report(force: boolean): void {
    if (!force && this.bytes - this.lastReport < PROGRESS_STEP) return;
    this.lastReport = this.bytes;
    this.onProgress({ bytes: this.bytes, entries: this.entries });
  }
}

function formatMiB(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}
