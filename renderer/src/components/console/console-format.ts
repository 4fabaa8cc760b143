/** Pure helpers for the console view: what the terminal shows, and what a key press sends. */

export const LINE_ENDINGS = ['cr', 'lf', 'crlf'] as const;
export type LineEnding = (typeof LINE_ENDINGS)[number];

const ENDING_BYTES: Record<LineEnding, string> = { cr: '\r', lf: '\n', crlf: '\r\n' };

/** xterm sends Enter as CR; the phone may want LF or CRLF. */
export function translateEnter(input: string, ending: LineEnding): string {
  return input.replace(/\r\n|\r|\n/g, ENDING_BYTES[ending]);
}

/** What local echo shows for typed text: line breaks as CR LF, so the cursor returns. */
export function echoText(input: string): string {
  return input.replace(/\r\n|\r|\n/g, '\r\n');
}

export function base64ToBytes(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function hex2(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

function clock(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}.${p(date.getMilliseconds(), 3)}`;
}

export const TIMESTAMP_MODES = ['off', 'local', 'utc', 'elapsed'] as const;
export type TimestampMode = (typeof TIMESTAMP_MODES)[number];

export interface FormatOptions {
  hex: boolean;
  timestamps: TimestampMode;
}

function utcClock(date: Date): string {
  return date.toISOString().slice(11, 23);
}

function elapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `+${p(Math.floor(total / 3_600_000))}:${p(Math.floor(total / 60_000) % 60)}:${p(Math.floor(total / 1000) % 60)}.${p(total % 1000, 3)}`;
}

/**
 * Turns received bytes into terminal text. Text mode decodes UTF-8 across chunk boundaries and, with
 * timestamps on, dims a stamp at the start of every line: local or UTC time, or time since the first byte. Hex mode prints each batch at once,
 * 16 bytes a row with the running offset and an ASCII column.
 */
export class TerminalFormatter {
  private decoder = new TextDecoder('utf-8');
  private atLineStart = true;
  private offset = 0;
  /** When the first stamped byte came, for elapsed time. */
  private startedAt: number | undefined;

  constructor(private options: FormatOptions) {}

  setOptions(options: FormatOptions): void {
    if (options.hex !== this.options.hex) this.reset();
    this.options = options;
  }

  reset(): void {
    this.decoder = new TextDecoder('utf-8');
    this.atLineStart = true;
    this.offset = 0;
    this.startedAt = undefined;
  }

  format(bytes: Uint8Array, now: Date): string {
    return this.options.hex ? this.hexRows(bytes) : this.text(bytes, now);
  }

  private stamp(now: Date): string {
    switch (this.options.timestamps) {
      case 'off':
        return '';
      case 'local':
        return clock(now);
      case 'utc':
        return `${utcClock(now)}Z`;
      case 'elapsed':
        this.startedAt ??= now.getTime();
        return elapsed(now.getTime() - this.startedAt);
    }
  }

  private text(bytes: Uint8Array, now: Date): string {
    const text = this.decoder.decode(bytes, { stream: true });
    if (this.options.timestamps === 'off') return text;
    let out = '';
    for (const char of text) {
      if (this.atLineStart && char !== '\r' && char !== '\n') {
        out += `\x1b[2m[${this.stamp(now)}]\x1b[22m `;
        this.atLineStart = false;
      }
      out += char;
      if (char === '\n') this.atLineStart = true;
    }
    return out;
  }

  private hexLine(row: number[]): string {
    const hex = row.map(hex2).join(' ').padEnd(16 * 3 - 1, ' ');
    const ascii = row.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    return `${this.offset.toString(16).padStart(8, '0')}  ${hex}  |${ascii}|\r\n`;
  }

  private hexRows(bytes: Uint8Array): string {
    let out = '';
    for (let at = 0; at < bytes.length; at += 16) {
      const row = Array.from(bytes.subarray(at, at + 16));
      out += this.hexLine(row);
      this.offset += row.length;
    }
    return out;
  }
}

/** A bounded transcript for "Save log": keeps the newest `limit` bytes. */
export class Transcript {
  private chunks: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly limit = 8 * 1024 * 1024) {}

  push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
    for (let guard = 0; this.size > this.limit && this.chunks.length > 1 && guard < 100_000; guard++) {
      this.size -= this.chunks.shift()?.length ?? 0;
    }
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
  }

  get length(): number {
    return this.size;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
