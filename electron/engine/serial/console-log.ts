import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import path from 'node:path';
import { storageError } from '../storage-errors';
import { escapeTerminalText } from '../../../shared/text/terminal-text';

/** Where a session's logs go: `<dataDir>/console-logs/<start>_<port>_<id>.{log,raw}`. */
export function consoleLogPaths(dataDir: string, portPath: string, sessionId: string, start: Date) {
  const stamp = start.toISOString().replace(/[:.]/g, '-');
  const port = path.basename(portPath).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64) || 'port';
  const base = path.join(dataDir, 'console-logs', `${stamp}_${port}_${sessionId}`);
  return { logFile: `${base}.log`, rawFile: `${base}.raw` };
}

/** Shows a received byte in the text log: printable ASCII as is, anything else as \xNN. */
function escapeByte(byte: number): string {
  if ((byte >= 0x20 && byte < 0x7f && byte !== 0x5c) || byte === 0x09) return String.fromCharCode(byte);
  if (byte === 0x5c) return '\\\\';
  return `\\x${byte.toString(16).padStart(2, '0')}`;
}

/**
 * One session's logs, append-only: `.raw` holds every received byte exactly; `.log` is text with a UTC
 * timestamp at the start of every line, received lines as they came, and `#` lines for what happened
 * (connected, unplugged, sent). Lines end at LF; CR is dropped from the text log only.
 */
export class ConsoleLog {
  private readonly raw: WriteStream;
  private readonly log: WriteStream;
  private atLineStart = true;
  private closed = false;
  private failure: Error | undefined;

  private constructor(
    readonly logFile: string,
    readonly rawFile: string,
    private readonly now: () => Date,
  ) {
    this.raw = createWriteStream(rawFile, { flags: 'a' });
    this.log = createWriteStream(logFile, { flags: 'a' });
    for (const [stream, file] of [
      [this.raw, rawFile],
      [this.log, logFile],
    ] as const) {
      stream.on('error', (error) => {
        // A full disk is said as such (disk-full, with its fix); the session shows the first failure.
        this.failure ??= storageError(error, path.basename(file), file) ?? error;
      });
    }
  }

  static async open(
    files: { logFile: string; rawFile: string },
    now: () => Date = () => new Date(),
  ): Promise<ConsoleLog> {
    await fs.mkdir(path.dirname(files.logFile), { recursive: true });
    return new ConsoleLog(files.logFile, files.rawFile, now);
  }

  /** The first write error, if the disk failed; the session shows it. */
  get error(): Error | undefined {
    return this.failure;
  }

  received(bytes: Uint8Array): void {
    if (this.closed || bytes.length === 0) return;
    this.raw.write(bytes);
    let out = '';
    for (const byte of bytes) {
      if (this.atLineStart) {
        out += `${this.now().toISOString()} `;
        this.atLineStart = false;
      }
      if (byte === 0x0a) {
        out += '\n';
        this.atLineStart = true;
      } else if (byte !== 0x0d) {
        out += escapeByte(byte);
      }
    }
    this.log.write(out);
  }

  /** A line about the session itself, e.g. "connected /dev/ttyUSB0 9600 8N1". Ends any partial line. */
  note(message: string): void {
    if (this.closed) return;
    const prefix = this.atLineStart ? '' : '\n';
    this.atLineStart = true;
    // Bytes as the received text shows them; a wider character stays itself unless a terminal would act on it.
    const clean = [...message.slice(0, 2000)].map((c) => (c.charCodeAt(0) <= 0xff ? escapeByte(c.charCodeAt(0)) : escapeTerminalText(c))).join('');
    this.log.write(`${prefix}${this.now().toISOString()} # ${clean}\n`);
  }

  /** Flushes both files to disk and closes them. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      [this.raw, this.log].map(
        (stream) =>
          new Promise<void>((resolve) => {
            // 'close' comes after 'error' (a full disk) as after 'finish', so `error` is known once this resolves.
            if (stream.closed) return resolve();
            stream.once('close', () => resolve());
            stream.end();
          }),
      ),
    );
  }
}
