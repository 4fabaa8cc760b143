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

/** What a console line that reports a failure looks like (Cisco's "TFTP Error", "File not found", timeouts). */
export const ERROR_LINE = /\b(error|errors|fail(?:ed|ure|s)?|refused|denied|not found|invalid|time ?out|timed out|unable|cannot)\b/i;
const RED = '\x1b[1;31m';
const PLAIN = '\x1b[22;39m';

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
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
  /** The current line's text (no stamp, no CR), to tell an error line when it ends. */
  private line = '';
  private lineStamp = '';
  /** True while the current line has not been written out by an earlier call. */
  private lineStartedHere = true;

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
    this.line = '';
    this.lineStamp = '';
    this.lineStartedHere = true;
  }

  format(bytes: Uint8Array, now: Date, columns = 80): string {
    return this.options.hex ? this.hexRows(bytes) : this.text(bytes, now, columns);
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

  /**
   * Text as it comes, with a stamp at each line start; a finished line that reads like an error is shown red.
   * A line already partly on screen is rewritten in place (from column 0) when it fits in `columns`.
   */
  private text(bytes: Uint8Array, now: Date, columns: number): string {
    const text = this.decoder.decode(bytes, { stream: true });
    let out = '';
    let lineOut = '';
    for (const char of text) {
      if (this.atLineStart && char !== '\r' && char !== '\n') {
        this.lineStamp = this.options.timestamps === 'off' ? '' : `\x1b[2m[${this.stamp(now)}]\x1b[22m `;
        lineOut += this.lineStamp;
        this.atLineStart = false;
      }
      if (char === '\n') {
        out += this.endLine(lineOut, columns) + char;
        lineOut = '';
        this.line = '';
        this.lineStamp = '';
        this.atLineStart = true;
        this.lineStartedHere = true;
        continue;
      }
      lineOut += char;
      if (char !== '\r') this.line += char;
    }
    // What is left is a line still being printed: it shows now, and counts as "already on screen" next time.
    if (lineOut) this.lineStartedHere = false;
    return out + lineOut;
  }

  private endLine(lineOut: string, columns: number): string {
    if (this.options.hex || !ERROR_LINE.test(this.line)) {
      this.lineStartedHere = false;
      return lineOut;
    }
    const cr = lineOut.endsWith('\r') ? '\r' : '';
    const body = cr ? lineOut.slice(0, -1) : lineOut;
    let shown: string;
    if (this.lineStartedHere) {
      shown = body.startsWith(this.lineStamp) ? `${this.lineStamp}${RED}${body.slice(this.lineStamp.length)}${PLAIN}` : `${RED}${body}${PLAIN}`;
    } else if (visibleLength(this.lineStamp) + this.line.length < columns) {
      shown = `${body}\r${this.lineStamp}${RED}${this.line}${PLAIN}`;
    } else {
      shown = body;
    }
    this.lineStartedHere = false;
    return shown + cr;
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

function logStamp(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${clock(date)}`;
}

/** Control characters shown in a saved line, so a typed CR or ESC is visible. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r/g, '<CR>').replace(/\n/g, '<LF>').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, (c) => `<${c.charCodeAt(0).toString(16).padStart(2, '0')}>`);
}

/**
 * "Save log": one line per line the phone printed ("<") and per line typed (">"), each with the date and time
 * it started, plus notes ("--") such as unplugs. Keys are gathered until Enter, as a terminal log reads.
 */
export class ConsoleLogRecorder {
  private lines: string[] = [];
  private size = 0;
  private decoder = new TextDecoder('utf-8');
  private partial = '';
  private partialAt: Date | undefined;
  private typed = '';
  private typedAt: Date | undefined;

  constructor(private readonly limit = 8 * 1024 * 1024) {}

  received(bytes: Uint8Array, at: Date): void {
    for (const char of this.decoder.decode(bytes, { stream: true })) {
      if (char === '\n') {
        this.flushReceived();
        continue;
      }
      if (char === '\r') continue;
      if (this.partial === '') this.partialAt = at;
      this.partial += char;
    }
  }

  sent(text: string, at: Date): void {
    if (this.typed === '') this.typedAt = at;
    this.typed += text;
    if (/[\r\n]/.test(text) || this.typed.length >= 200) this.flushTyped();
  }

  /** A line of the recorder's own, e.g. "[6 bytes typed at a password prompt, not logged]" or a state change. */
  note(text: string, at: Date): void {
    this.flushTyped();
    this.flushReceived();
    this.add(`${logStamp(at)} -- ${text}`);
  }

  clear(): void {
    this.lines = [];
    this.size = 0;
    this.partial = '';
    this.typed = '';
  }

  text(): string {
    const pending = [
      ...(this.partial ? [`${logStamp(this.partialAt ?? new Date())} <  ${this.partial}`] : []),
      ...(this.typed ? [`${logStamp(this.typedAt ?? new Date())} >  ${visible(this.typed)}`] : []),
    ];
    return [...this.lines, ...pending].map((l) => `${l}\n`).join('');
  }

  private flushReceived(): void {
    if (this.partialAt === undefined && this.partial === '') return;
    // A prompt and what is typed after it: the prompt first, as it came first.
    this.add(`${logStamp(this.partialAt ?? new Date())} <  ${this.partial}`);
    this.partial = '';
    this.partialAt = undefined;
  }

  private flushTyped(): void {
    if (this.typed === '') return;
    if (this.partial) this.flushReceived();
    this.add(`${logStamp(this.typedAt ?? new Date())} >  ${visible(this.typed)}`);
    this.typed = '';
    this.typedAt = undefined;
  }

  private add(line: string): void {
    this.lines.push(line);
    this.size += line.length + 1;
    while (this.size > this.limit && this.lines.length > 1) this.size -= (this.lines.shift()?.length ?? 0) + 1;
  }
}

/** OS errors that reach the console page, each with a plain sentence and a fix (keys in i18n/console.ts). */
const OS_ERRORS: { pattern: RegExp; key: string }[] = [
  { pattern: /udevadm/i, key: 'console.os.udevadm' },
  { pattern: /EBADF|bad file descriptor/i, key: 'console.os.ebadf' },
  { pattern: /EACCES|EPERM|permission denied|access denied/i, key: 'console.os.eacces' },
  { pattern: /EBUSY|resource busy|cannot lock port/i, key: 'console.os.ebusy' },
  { pattern: /ENODEV|ENXIO|no such device/i, key: 'console.os.enodev' },
  { pattern: /EIO\b|input\/output error/i, key: 'console.os.eio' },
  { pattern: /ENOENT|no such file|file not found|cannot find the file/i, key: 'console.os.enoent' },
  { pattern: /ENOTTY|inappropriate ioctl/i, key: 'console.os.enotty' },
];

/** The catalogue key that explains an OS error text, when it is one we know. */
export function osErrorKey(raw: string): string | undefined {
  return OS_ERRORS.find((e) => e.pattern.test(raw))?.key;
}
