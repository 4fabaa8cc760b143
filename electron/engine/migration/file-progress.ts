import type { FileProgress } from '../../../shared/api/migrate';
import { sameTftpName } from './runner-plan';

/** Each file of each hop: waiting, sending, served, not found or failed, with its bytes. */
export class FileProgressBook {
  /** By hop and lower-case name. */
  private readonly files = new Map<string, FileProgress>();
  private lastProgressEmit = 0;

  constructor(
    private readonly now: () => Date,
    /** Minimum gap between progress-only state updates. */
    private readonly progressEveryMs: number,
  ) {}

  /** Lists a file the hop will serve, as waiting. */
  track(name: string, hop: number): void {
    const key = keyOf(hop, name);
    if (!this.files.has(key)) this.files.set(key, { name, hop, state: 'waiting', bytes: 0 });
  }

  /** The tracked spelling of a requested name in this hop, else the name without './'. */
  nameOf(requested: string, hop: number): string {
    for (const f of this.files.values()) if (f.hop === hop && sameTftpName(f.name, requested)) return f.name;
    return requested.replace(/^(\.\/)+/, '');
  }

  /**
   * Applies a change to a file (tracking it if new, unless `onlyIfTracked`). Returns whether the state is worth
   * sending now: progress-only changes are sent at most every `progressEveryMs`, and never undo 'served'.
   */
  update(name: string, hop: number, patch: Partial<FileProgress>, progressOnly = false, onlyIfTracked = false): boolean {
    const key = keyOf(hop, name);
    let f = this.files.get(key);
    if (!f) {
      if (onlyIfTracked) return false;
      f = { name, hop, state: 'waiting', bytes: 0 };
      this.files.set(key, f);
    }
    if (f.state === 'served' && patch.state === 'sending' && progressOnly) return false;
    Object.assign(f, patch);
    if (progressOnly) {
      const t = this.now().getTime();
      if (t - this.lastProgressEmit < this.progressEveryMs) return false;
      this.lastProgressEmit = t;
    }
    return true;
  }

  list(): FileProgress[] {
    return [...this.files.values()].map((f) => ({ ...f }));
  }
}

function keyOf(hop: number, name: string): string {
  return `${hop}\n${name.toLowerCase()}`;
}
