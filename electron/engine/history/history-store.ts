import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { HISTORY_RESULTS, type HistoryRecord } from '../../../shared/api/history';
import type { Message } from '../../../shared/i18n/message';
import { writeFileAtomic } from '../atomic-write';
import { openRegularFile } from '../safe-open';

export interface HistoryStoreOptions {
  /** Records kept; past this (or maxBytes) the oldest go when the file is rewritten. */
  maxRecords: number;
  maxBytes: number;
}

/** About 5000 runs (a year of a busy bench) in well under 8 MiB. */
export const DEFAULT_HISTORY_OPTIONS: HistoryStoreOptions = { maxRecords: 5000, maxBytes: 8 * 1024 * 1024 };

/** history/runs.jsonl in the data folder. */
export function historyFile(dataDir: string): string {
  return path.join(dataDir, 'history', 'runs.jsonl');
}

const messageSchema: z.ZodType<Message> = z.custom<Message>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string',
);

/** A line of the file is checked like any input: one that does not match is counted as corrupt, never trusted. */
const recordSchema = z.object({
  id: z.string().max(100),
  mac: z.string().max(40),
  model: z.enum(['7940', '7960']),
  from: z.string().max(100),
  to: z.string().max(100),
  bundleId: z.string().max(200),
  result: z.enum(HISTORY_RESULTS),
  reason: messageSchema.optional(),
  code: z.string().max(200).optional(),
  startedAt: z.string().max(40),
  endedAt: z.string().max(40),
  durationMs: z.number().nonnegative(),
  reportFile: z.string().max(255).optional(),
  demo: z.boolean(),
});

export interface LoadedHistory {
  records: HistoryRecord[];
  /** Lines that could not be read, and the first one's number (1-based) for the log. */
  corrupt: number;
  firstCorruptLine?: number;
}

/**
 * The history file: append-only JSON lines, one per run. An append is one write of one whole line, flushed to
 * disk before it counts; a line cut short by a crash is a corrupt line the next read skips and counts, and the
 * next append starts on a fresh line. When the file passes its bound it is rewritten (atomically) with the
 * newest records only.
 */
export class HistoryStore {
  private loaded: LoadedHistory | undefined;
  private endsClean = true;
  private bytes = 0;
  /** One read or write at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly options: HistoryStoreOptions = DEFAULT_HISTORY_OPTIONS,
  ) {}

  /**
   * The records, read from the file once and then answered from memory, unless the file changed size since
   * (another Phonebench on the same data folder, the CLI beside the app, appended): then it is read again.
   * A missing file is an empty history.
   */
  load(): Promise<LoadedHistory> {
    return this.serial(async () => {
      if (this.loaded) {
        const size = await fs.stat(this.file).then(
          (s) => s.size,
          () => 0,
        );
        if (size !== this.bytes) this.loaded = undefined;
      }
      return this.ensureLoaded();
    });
  }

  append(record: HistoryRecord): Promise<void> {
    return this.serial(async () => {
      const loaded = await this.ensureLoaded();
      const line = `${this.endsClean ? '' : '\n'}${JSON.stringify(record)}\n`;
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      const handle = await fs.open(this.file, fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_CREAT | (fsConstants.O_NONBLOCK ?? 0), 0o644);
      try {
        if (!(await handle.stat()).isFile()) throw Object.assign(new Error(`${this.file} is not a regular file`), { code: 'ENOTREGULAR' });
        await handle.write(line);
        await handle.sync();
      } finally {
        await handle.close();
      }
      this.endsClean = true;
      this.bytes += Buffer.byteLength(line);
      loaded.records.push(record);
      if (loaded.records.length > this.options.maxRecords || this.bytes > this.options.maxBytes) await this.compact(loaded);
    });
  }

  private async compact(loaded: LoadedHistory): Promise<void> {
    const keep: HistoryRecord[] = [];
    let bytes = 0;
    // Newest first until either bound; the rewrite holds at most three quarters of the byte bound, so the
    // next rewrite is many runs away.
    for (let i = loaded.records.length - 1; i >= 0 && keep.length < this.options.maxRecords; i--) {
      const record = loaded.records[i];
      if (!record) continue;
      const size = Buffer.byteLength(JSON.stringify(record)) + 1;
      if (bytes + size > (this.options.maxBytes * 3) / 4) break;
      keep.push(record);
      bytes += size;
    }
    keep.reverse();
    await writeFileAtomic(this.file, keep.map((r) => `${JSON.stringify(r)}\n`).join(''));
    loaded.records = keep;
    loaded.corrupt = 0;
    delete loaded.firstCorruptLine;
    this.bytes = bytes;
  }

  private async ensureLoaded(): Promise<LoadedHistory> {
    if (this.loaded) return this.loaded;
    const { text, size } = await this.readTail();
    const records: HistoryRecord[] = [];
    let corrupt = 0;
    let firstCorruptLine: number | undefined;
    const lines = text.split('\n');
    this.endsClean = text === '' || text.endsWith('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const parsed = parseLine(line);
      if (parsed) records.push(parsed);
      else {
        corrupt++;
        firstCorruptLine ??= index + 1;
      }
    });
    this.bytes = size;
    this.loaded = firstCorruptLine === undefined ? { records, corrupt } : { records, corrupt, firstCorruptLine };
    return this.loaded;
  }

  /** The file's text; one grown past twice its bound (written by something else) is read from its last part. */
  private async readTail(): Promise<{ text: string; size: number }> {
    let opened;
    try {
      opened = await openRegularFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: '', size: 0 };
      throw error;
    }
    const { handle, stat } = opened;
    try {
      const limit = this.options.maxBytes * 2;
      const start = Math.max(0, stat.size - limit);
      const buffer = Buffer.alloc(stat.size - start);
      let got = 0;
      while (got < buffer.length) {
        const { bytesRead } = await handle.read(buffer, got, buffer.length - got, start + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      const text = buffer.subarray(0, got).toString('utf8');
      // Started mid-line: that first piece is not a record.
      return { text: start > 0 ? text.slice(text.indexOf('\n') + 1) : text, size: start + got };
    } finally {
      await handle.close();
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function parseLine(line: string): HistoryRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { reason, code, reportFile, ...rest } = parsed.data;
  return { ...rest, ...(reason ? { reason } : {}), ...(code !== undefined ? { code } : {}), ...(reportFile !== undefined ? { reportFile } : {}) };
}
