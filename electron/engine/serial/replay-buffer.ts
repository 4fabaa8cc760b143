import type { ReplayEntry, SerialHintEvent, SessionState } from '../../../shared/api/serial';

/** Bytes of console traffic a session keeps for a page that comes back (the full log is on disk). */
export const REPLAY_MAX_BYTES = 256 * 1024;
/** Entries kept at most, however small each is. */
export const REPLAY_MAX_ENTRIES = 4000;
/** Hints kept (newest last). */
export const REPLAY_MAX_HINTS = 100;

type Hint = Omit<SerialHintEvent, 'sessionId'>;

/**
 * What a console showed lately, in order: bytes in, bytes out (or how many, at a password prompt), state
 * changes; and the hints matched. Bounded: the oldest entries go first, and how many bytes went is counted.
 */
export class ReplayBuffer {
  private entries: ReplayEntry[] = [];
  private hintList: Hint[] = [];
  private bytes = 0;
  private dropped = 0;

  constructor(
    private readonly maxBytes = REPLAY_MAX_BYTES,
    private readonly maxEntries = REPLAY_MAX_ENTRIES,
  ) {}

  received(data: Buffer, at: Date): void {
    this.pushBytes('in', data, at);
  }

  /** What was sent; at a password prompt only how many bytes. */
  sent(data: Buffer, at: Date, hidden: boolean): void {
    if (hidden) this.push({ at: at.toISOString(), kind: 'hidden', bytes: data.length }, 0);
    else this.pushBytes('out', data, at);
  }

  state(state: SessionState, at: Date, detail?: string): void {
    const entry: ReplayEntry = { at: at.toISOString(), kind: 'state', state };
    if (detail !== undefined) entry.detail = detail;
    this.push(entry, 0);
  }

  hint(hint: Hint): void {
    this.hintList.push(hint);
    if (this.hintList.length > REPLAY_MAX_HINTS) this.hintList.splice(0, this.hintList.length - REPLAY_MAX_HINTS);
  }

  snapshot(): { entries: ReplayEntry[]; hints: Hint[]; droppedBytes: number } {
    return { entries: this.entries.map((e) => ({ ...e })), hints: this.hintList.map((h) => ({ ...h })), droppedBytes: this.dropped };
  }

  /** Bytes of traffic held now (for tests and the bound). */
  get heldBytes(): number {
    return this.bytes;
  }

  private pushBytes(kind: 'in' | 'out', data: Buffer, at: Date): void {
    if (data.length === 0) return;
    // A single chunk larger than the whole buffer keeps only its tail.
    const kept = data.length > this.maxBytes ? data.subarray(data.length - this.maxBytes) : data;
    this.dropped += data.length - kept.length;
    this.push({ at: at.toISOString(), kind, data: kept.toString('base64'), bytes: kept.length }, kept.length);
  }

  private push(entry: ReplayEntry, size: number): void {
    this.entries.push(entry);
    this.bytes += size;
    let drop = 0;
    let freed = 0;
    while (drop < this.entries.length - 1 && (this.bytes - freed > this.maxBytes || this.entries.length - drop > this.maxEntries)) {
      const old = this.entries[drop] as ReplayEntry;
      if (old.kind === 'in' || old.kind === 'out') freed += old.bytes ?? 0;
      drop++;
    }
    if (drop > 0) {
      this.entries.splice(0, drop);
      this.bytes -= freed;
      this.dropped += freed;
    }
  }
}
