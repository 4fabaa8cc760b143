import { StreamingHintMatcher, type HintMatch } from '../../../shared/cisco/hints';
import { PhonebenchError } from '../../../shared/api/result';
import { msg, type Message } from '../../../shared/i18n/message';
import type { LineSettings, SessionInfo, SessionState } from '../../../shared/api/serial';
import { ByteBatcher } from './byte-batcher';
import type { ConsoleLog } from './console-log';
import type { LinkOpener, SerialLink } from './serial-link';
import { ReplayBuffer } from './replay-buffer';
import { logSwallowed } from '../engine-log';

export interface SessionListener {
  data(batch: Buffer, session: SerialSession): void;
  state(session: SerialSession, detail?: string, attempt?: number): void;
  hint(match: HintMatch, session: SerialSession): void;
}

export interface SessionOptions {
  open: LinkOpener;
  present: (path: string) => Promise<boolean>;
  listener: SessionListener;
  now?: () => Date;
  /** How often to check the device is still there while connected. */
  presencePollMs?: number;
  /** Delay before reconnect attempt n (1-based). */
  backoffMs?: (attempt: number) => number;
  /** Attempts before giving up; the Reconnect button starts again. */
  maxReconnectAttempts?: number;
  batchIntervalMs?: number;
  batchMaxBytes?: number;
  /** Bytes of recent traffic kept for serial:replay. */
  replayMaxBytes?: number;
  /** Shown instead of the path (virtual ports). */
  label?: Message;
}

/** A prompt such as "Password: " at the end of what the phone printed. */
const PASSWORD_PROMPT = /pass(word|wd)?\s*:\s*$/i;

const DEFAULT_BACKOFF = (attempt: number) => Math.min(250 * 2 ** Math.max(0, attempt - 1), 5000);

function settingsLabel(s: LineSettings): string {
  const parity = s.parity[0]?.toUpperCase() ?? 'N';
  const flow = [s.rtscts ? 'RTS/CTS' : '', s.xonxoff ? 'XON/XOFF' : ''].filter(Boolean).join('+') || 'no flow control';
  return `${s.baud} ${s.dataBits}${parity}${s.stopBits}, ${flow}`;
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error ?? 'port closed')).slice(0, 300);
}

/**
 * One console: a port, its logs, its batcher and hint matcher. Survives unplugs: when the port goes away it
 * says so, and (when asked to) reopens the same path with a bounded backoff once the device is back.
 */
export class SerialSession {
  private link: SerialLink | undefined;
  /** Bumped whenever a link is dropped, so late events of an old link are ignored. */
  private generation = 0;
  private stateValue: SessionState = 'connecting';
  private connectedSince: string | undefined;
  private bytesIn = 0;
  private bytesOut = 0;
  private dtr = true;
  private rts = true;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private polling = false;
  private closed = false;
  private readonly batcher: ByteBatcher;
  private readonly matcher = new StreamingHintMatcher();
  private readonly now: () => Date;
  /** The last characters received, to tell when the phone is asking for a password. */
  private tail = '';
  private sentText = '';
  private sentHidden = 0;
  private logErrorReported = false;
  private readonly replayBuffer: ReplayBuffer;

  private constructor(
    readonly id: string,
    readonly path: string,
    readonly settings: LineSettings,
    readonly autoReconnect: boolean,
    private readonly log: ConsoleLog,
    private readonly options: SessionOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.replayBuffer = new ReplayBuffer(options.replayMaxBytes);
    this.batcher = new ByteBatcher(
      (batch) => {
        this.replayBuffer.received(batch, this.now());
        options.listener.data(batch, this);
      },
      options.batchIntervalMs ?? 40,
      options.batchMaxBytes ?? 16 * 1024,
    );
  }

  /** Opens the port; throws a PhonebenchError (and closes the log) when it cannot. */
  static async start(
    id: string,
    path: string,
    settings: LineSettings,
    autoReconnect: boolean,
    log: ConsoleLog,
    options: SessionOptions,
  ): Promise<SerialSession> {
    const session = new SerialSession(id, path, settings, autoReconnect, log, options);
    try {
      const link = await options.open(path, settings);
      session.attach(link, 'connected');
    } catch (error) {
      log.note(`could not open ${path}: ${reasonOf(error)}`);
      await log.close();
      throw error;
    }
    return session;
  }

  get state(): SessionState {
    return this.stateValue;
  }

  info(): SessionInfo {
    const info: SessionInfo = {
      id: this.id,
      path: this.path,
      settings: this.settings,
      autoReconnect: this.autoReconnect,
      state: this.stateValue,
      bytesIn: this.bytesIn,
      bytesOut: this.bytesOut,
      dtr: this.dtr,
      rts: this.rts,
      logFile: this.log.logFile,
      rawFile: this.log.rawFile,
    };
    if (this.connectedSince !== undefined) info.connectedSince = this.connectedSince;
    if (this.log.error) info.logError = this.log.error.message.slice(0, 300);
    if (this.options.label !== undefined) info.label = this.options.label;
    return info;
  }

  get totals(): { bytesIn: number; bytesOut: number } {
    return { bytesIn: this.bytesIn, bytesOut: this.bytesOut };
  }

  /** What a page that comes back replays: recent traffic, state changes and hints. */
  replay(): ReturnType<ReplayBuffer['snapshot']> {
    return this.replayBuffer.snapshot();
  }

  private setState(state: SessionState, detail?: string, attempt?: number): void {
    this.replayBuffer.state(state, this.now(), detail);
    this.stateValue = state;
    this.options.listener.state(this, detail, attempt);
  }

  private attach(link: SerialLink, how: 'connected' | 'reconnected'): void {
    const generation = ++this.generation;
    this.link = link;
    link.on('data', (bytes) => {
      if (generation === this.generation) this.received(bytes);
    });
    link.on('close', (error) => {
      if (generation === this.generation) this.lost(error ? reasonOf(error) : 'the port closed');
    });
    link.on('error', (error) => {
      if (generation === this.generation) this.lost(reasonOf(error));
    });
    this.connectedSince = this.now().toISOString();
    this.log.note(`${how} ${this.path} ${settingsLabel(this.settings)}`);
    this.setState('connected', how === 'reconnected' ? 'the port is back' : undefined);
    this.startPresencePoll(generation);
  }

  private received(bytes: Buffer): void {
    this.tail = (this.tail + bytes.subarray(-64).toString('latin1')).slice(-64);
    this.bytesIn += bytes.length;
    this.log.received(bytes);
    if (this.log.error && !this.logErrorReported) {
      this.logErrorReported = true;
      this.options.listener.state(this, `The console log could not be written: ${this.log.error.message.slice(0, 200)}`);
    }
    this.batcher.push(bytes);
    for (const match of this.matcher.push(bytes.toString('latin1'))) {
      this.replayBuffer.hint({ hintId: match.hint.id, excerpt: match.excerpt, at: this.now().toISOString() });
      this.options.listener.hint(match, this);
    }
  }

  private startPresencePoll(generation: number): void {
    this.stopPresencePoll();
    const every = this.options.presencePollMs ?? 1000;
    this.pollTimer = setInterval(() => {
      if (this.polling || generation !== this.generation) return;
      this.polling = true;
      this.options
        .present(this.path)
        .then((present) => {
          if (!present && generation === this.generation) this.lost('the device is gone (unplugged?)');
        })
        .catch((error: unknown) => logSwallowed('serial', 'check the device is present', error, { path: this.path }))
        .finally(() => {
          this.polling = false;
        });
    }, every);
    this.pollTimer.unref();
  }

  private stopPresencePoll(): void {
    if (this.pollTimer !== undefined) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  /** Drops the current link quietly; its late events are ignored. */
  private drop(): void {
    this.generation++;
    this.stopPresencePoll();
    const link = this.link;
    this.link = undefined;
    if (!link) return;
    link.removeAllListeners();
    link.on('error', (error: Error) => logSwallowed('serial', 'error on a port being closed', error, { path: this.path }));
    if (link.isOpen) link.close((error) => error && logSwallowed('serial', 'close port', error, { path: this.path }));
  }

  private lost(reason: string): void {
    if (this.closed || this.stateValue !== 'connected') return;
    this.drop();
    this.batcher.flush();
    this.matcher.reset();
    this.flushSent();
    this.log.note(`unplugged: ${reason}`);
    this.setState('unplugged', reason);
    if (this.autoReconnect) this.scheduleReconnect(1);
  }

  private scheduleReconnect(attempt: number): void {
    if (this.closed) return;
    const max = this.options.maxReconnectAttempts ?? 120;
    if (attempt > max) {
      this.log.note(`gave up reconnecting after ${max} attempts`);
      this.setState('unplugged', `Gave up after ${max} attempts; press Reconnect when the adapter is back.`);
      return;
    }
    this.setState('reconnecting', undefined, attempt);
    const delay = (this.options.backoffMs ?? DEFAULT_BACKOFF)(attempt);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.tryReconnect(attempt);
    }, delay);
  }

  private async tryReconnect(attempt: number): Promise<void> {
    if (this.closed) return;
    const generation = this.generation;
    let link: SerialLink;
    try {
      if (!(await this.options.present(this.path))) throw new Error('not there yet');
      link = await this.options.open(this.path, this.settings);
    } catch (error) {
      logSwallowed('serial', 'reconnect', error, { path: this.path, attempt });
      if (generation === this.generation) this.scheduleReconnect(attempt + 1);
      return;
    }
    // Closed meanwhile, or the Reconnect button got there first: this link is not wanted.
    if (this.closed || generation !== this.generation) {
      link.close(() => {});
      return;
    }
    this.attach(link, 'reconnected');
    await this.applyLines().catch((error: unknown) => logSwallowed('serial', 'restore line settings after reconnect', error, { path: this.path }));
  }

  /** The Reconnect button: drop the port if open and open it again now. */
  async reconnect(): Promise<void> {
    this.assertOpen();
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.drop();
    this.batcher.flush();
    this.matcher.reset();
    this.setState('reconnecting', 'reconnect requested', 1);
    const generation = this.generation;
    try {
      const link = await this.options.open(this.path, this.settings);
      if (this.closed || generation !== this.generation) {
        link.close(() => {});
        return;
      }
      this.attach(link, 'reconnected');
    } catch (error) {
      this.log.note(`reconnect failed: ${reasonOf(error)}`);
      this.setState('unplugged', reasonOf(error));
      if (this.autoReconnect) this.scheduleReconnect(1);
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new PhonebenchError('not-found', msg('serial.sessionClosed', { id: this.id }), msg('serial.sessionClosed.fix'));
  }

  private connectedLink(): SerialLink {
    this.assertOpen();
    if (this.stateValue !== 'connected' || !this.link) {
      throw new PhonebenchError(
        'serial-disconnected',
        msg('serial.notConnected', { path: this.path, state: this.stateValue }),
        // Promise a reconnect by itself only when this session really reconnects.
        msg(this.autoReconnect ? 'serial.notConnected.fix' : 'serial.notConnected.fix.manual'),
      );
    }
    return this.link;
  }

  async write(bytes: Buffer): Promise<number> {
    return (await this.send(bytes)).bytes;
  }

  /** Writes, and says whether it went to a password prompt (then it is counted, never logged or replayed). */
  async send(bytes: Buffer): Promise<{ bytes: number; hidden: boolean }> {
    const link = this.connectedLink();
    if (bytes.length === 0) return { bytes: 0, hidden: false };
    // Decided before writing: a fast peer (an in-process port) may answer, and move the tail on, before the write returns.
    const atPasswordPrompt = PASSWORD_PROMPT.test(this.tail);
    try {
      await new Promise<void>((resolve, reject) => {
        link.write(bytes, (error) => (error ? reject(error) : resolve()));
      });
      await new Promise<void>((resolve, reject) => {
        link.drain((error) => (error ? reject(error) : resolve()));
      });
    } catch (error) {
      // Where unplugging fires no close event (Windows), a failed write is how we find out.
      this.lost(reasonOf(error));
      throw new PhonebenchError('serial-disconnected', msg('serial.writeFailed', { path: this.path, reason: reasonOf(error) }), msg('serial.writeFailed.fix'));
    }
    this.bytesOut += bytes.length;
    this.noteSent(bytes, atPasswordPrompt);
    this.replayBuffer.sent(bytes, this.now(), atPasswordPrompt);
    return { bytes: bytes.length, hidden: atPasswordPrompt };
  }

  /**
   * Keys arrive one write at a time: the log gets one "sent" line per line typed (at CR/LF, 200 characters,
   * or when the session changes). What is typed at a password prompt is counted, never logged.
   */
  private noteSent(bytes: Buffer, hidden: boolean): void {
    // Keep the log in order when typing moves between a password prompt and ordinary input.
    if (hidden ? this.sentText : this.sentHidden) this.flushSent();
    if (hidden) this.sentHidden += bytes.length;
    else this.sentText += bytes.subarray(0, 256).toString('latin1');
    if (bytes.includes(0x0d) || bytes.includes(0x0a) || this.sentText.length >= 200) this.flushSent();
  }

  private flushSent(): void {
    if (this.sentText) this.log.note(`sent: ${this.sentText}`);
    if (this.sentHidden) this.log.note(`sent ${this.sentHidden} bytes at a password prompt (not logged)`);
    this.sentText = '';
    this.sentHidden = 0;
  }

  private setFlags(link: SerialLink, flags: { brk: boolean; dtr: boolean; rts: boolean }, action: 'break' | 'lines'): Promise<void> {
    return new Promise((resolve, reject) => {
      link.set(flags, (error) => {
        if (!error) return resolve();
        const reason = reasonOf(error);
        reject(
          /ioctl|ENOTTY|not supported/i.test(reason)
            ? new PhonebenchError('serial-unavailable', msg('serial.noControlLines', { action: msg(`serial.action.${action}`), reason }), msg('serial.noControlLines.fix'))
            : new PhonebenchError('serial-unavailable', msg('serial.controlFailed', { action: msg(`serial.action.${action}`), path: this.path, reason })),
        );
      });
    });
  }

  private applyLines(): Promise<void> {
    const link = this.connectedLink();
    return this.setFlags(link, { brk: false, dtr: this.dtr, rts: this.rts }, 'lines');
  }

  /** Holds the line in BREAK for `durationMs`. */
  async sendBreak(durationMs: number): Promise<void> {
    const link = this.connectedLink();
    await this.setFlags(link, { brk: true, dtr: this.dtr, rts: this.rts }, 'break');
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    await this.setFlags(link, { brk: false, dtr: this.dtr, rts: this.rts }, 'break');
    this.log.note(`sent BREAK (${durationMs} ms)`);
  }

  async setLines(lines: { dtr?: boolean; rts?: boolean }): Promise<void> {
    const link = this.connectedLink();
    const next = { dtr: lines.dtr ?? this.dtr, rts: lines.rts ?? this.rts };
    await this.setFlags(link, { brk: false, ...next }, 'lines');
    this.dtr = next.dtr;
    this.rts = next.rts;
    this.log.note(`DTR ${next.dtr ? 'on' : 'off'}, RTS ${next.rts ? 'on' : 'off'}`);
  }

  /** Closes the port and the logs; idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const link = this.link;
    this.generation++;
    this.stopPresencePoll();
    this.link = undefined;
    if (link) {
      link.removeAllListeners();
      link.on('error', (error: Error) => logSwallowed('serial', 'error on a lost port', error, { path: this.path }));
      if (link.isOpen) {
        await new Promise<void>((resolve) =>
          link.close((error) => {
            if (error) logSwallowed('serial', 'close lost port', error, { path: this.path });
            resolve();
          }),
        );
      }
    }
    this.batcher.flush();
    this.flushSent();
    this.log.note('closed');
    await this.log.close();
    this.setState('closed');
  }
}
