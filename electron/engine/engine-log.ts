import { appendFileSync, mkdirSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { EngineLogEntry } from '../../shared/api/engine-log';
import { escapeTerminalText } from '../../shared/text/terminal-text';
import { errorDetail, type LogContext, type SwallowLog } from './kit/log';

export interface EngineLogOptions {
  /** The file is rotated when a write would take it past this size. */
  maxBytes: number;
  /** Rotated files kept next to it: engine.1.jsonl (newest) ... engine.<keep>.jsonl. */
  keep: number;
  /** Entries waiting to be written; past this the oldest waiting ones are dropped and counted. */
  maxPending: number;
  /** Entries kept in memory for the Status page. */
  recentCount: number;
}

export const DEFAULT_ENGINE_LOG_OPTIONS: EngineLogOptions = { maxBytes: 1024 * 1024, keep: 3, maxPending: 1000, recentCount: 200 };

/** logs/engine.jsonl in the data folder. */
export function engineLogFile(dataDir: string): string {
  return path.join(dataDir, 'logs', 'engine.jsonl');
}

/**
 * One JSON-lines log in the data folder, rotated by size. `write` only queues (the hot paths never wait on the
 * disk); one flush at a time appends what is queued. A failing disk never throws into the caller.
 */
export class EngineLog implements SwallowLog {
  private readonly options: EngineLogOptions;
  private pending: string[] = [];
  private dropped = 0;
  private readonly recentEntries: EngineLogEntry[] = [];
  private flushing: Promise<void> | undefined;
  private size: number | undefined;

  constructor(
    readonly file: string,
    options: Partial<EngineLogOptions> = {},
  ) {
    this.options = { ...DEFAULT_ENGINE_LOG_OPTIONS, ...options };
  }

  write(entry: Omit<EngineLogEntry, 'at'> & { at?: string }): void {
    const full = escapeEntry({ at: entry.at ?? new Date().toISOString(), ...entry } as EngineLogEntry);
    this.recentEntries.push(full);
    if (this.recentEntries.length > this.options.recentCount) this.recentEntries.shift();
    this.pending.push(`${JSON.stringify(full)}\n`);
    if (this.pending.length > this.options.maxPending) {
      this.pending.shift();
      this.dropped++;
    }
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
  }

  /**
   * An error the code deliberately does not let through (a cleanup that failed, a best-effort save, a throwing
   * listener): it goes to this log with where and what, instead of vanishing.
   */
  swallowed(area: string, action: string, error: unknown, context?: LogContext): void {
    this.write({ level: 'warn', area, action, detail: errorDetail(error).slice(0, 2000), ...(context ? { context } : {}) });
  }

  /**
   * The last words of a process about to end (an uncaught exception): written to the file at once, not queued,
   * since nothing after this line may run. A failing disk is ignored, as everywhere in this log.
   */
  writeNow(entry: Omit<EngineLogEntry, 'at'>): void {
    const full: EngineLogEntry = { at: new Date().toISOString(), ...entry };
    this.recentEntries.push(full);
    if (this.recentEntries.length > this.options.recentCount) this.recentEntries.shift();
    const line = `${JSON.stringify(full)}\n`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      appendFileSync(this.file, line);
      if (this.size !== undefined) this.size += Buffer.byteLength(line);
    } catch {
      // Nowhere else to go.
    }
  }

  /** The last entries, oldest first. */
  recent(limit: number): EngineLogEntry[] {
    return this.recentEntries.slice(-limit);
  }

  /** Resolves when everything written so far is on disk (or failed to be). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const lines = this.pending.splice(0);
        if (this.dropped > 0) {
          const note: EngineLogEntry = {
            at: new Date().toISOString(),
            level: 'warn',
            area: 'engine-log',
            action: 'write log',
            detail: `${this.dropped} entries dropped: more errors came than the disk took`,
          };
          lines.unshift(`${JSON.stringify(note)}\n`);
          this.dropped = 0;
        }
        await this.append(lines);
      }
    } catch {
      // The log is where failures go: one that cannot be written has nowhere else to go. Next write retries.
    } finally {
      this.flushing = undefined;
    }
  }

  /** Appends whole lines; the file is rotated before a line that would take it past the bound. */
  private async append(lines: string[]): Promise<void> {
    if (this.size === undefined) {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      this.size = await fs.stat(this.file).then(
        (s) => s.size,
        () => 0,
      );
    }
    let chunk = '';
    let chunkBytes = 0;
    for (const line of lines) {
      const bytes = Buffer.byteLength(line);
      if (this.size + chunkBytes > 0 && this.size + chunkBytes + bytes > this.options.maxBytes) {
        if (chunk) await fs.appendFile(this.file, chunk);
        await this.rotate();
        chunk = '';
        chunkBytes = 0;
      }
      chunk += line;
      chunkBytes += bytes;
    }
    if (chunk) await fs.appendFile(this.file, chunk);
    this.size += chunkBytes;
  }

  /** engine.jsonl -> engine.1.jsonl -> engine.2.jsonl ...; the oldest beyond `keep` is removed. */
  private async rotate(): Promise<void> {
    const rotated = (n: number) => this.file.replace(/\.jsonl$/, `.${n}.jsonl`);
    await fs.rm(rotated(this.options.keep), { force: true });
    for (let n = this.options.keep - 1; n >= 1; n--) {
      // Fewer files than `keep` so far: a missing one is simply not there yet.
      await fs.rename(rotated(n), rotated(n + 1)).catch(() => undefined);
    }
    await fs.rename(this.file, rotated(1));
    this.size = 0;
  }
}

/**
 * JSON escapes C0 but leaves C1, DEL, U+2028/2029 and bidi controls raw, and `less`/`cat` show the text: every
 * string of an entry is escaped visibly before it is kept or written.
 */
function escapeEntry(entry: EngineLogEntry): EngineLogEntry {
  const out: EngineLogEntry = { ...entry, area: escapeTerminalText(entry.area), action: escapeTerminalText(entry.action), detail: escapeTerminalText(entry.detail) };
  if (entry.context) {
    out.context = Object.fromEntries(
      Object.entries(entry.context).map(([k, v]) => [escapeTerminalText(k), typeof v === 'string' ? escapeTerminalText(v) : v]),
    );
  }
  return out;
}

const open = new Set<EngineLog>();

/** Makes `log` receive what `logSwallowed` reports (the engine does this for its own log). */
export function attachEngineLog(log: EngineLog): () => void {
  open.add(log);
  return () => open.delete(log);
}

/**
 * An error the code deliberately does not let through (a cleanup that failed, a best-effort save): it goes to
 * the engine log with where and what, instead of vanishing.
 */
export function logSwallowed(area: string, action: string, error: unknown, context?: EngineLogEntry['context']): void {
  for (const log of open) log.swallowed(area, action, error, context);
}
