import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import type { SyslogLine, SyslogStatus } from '../../../shared/api/syslog';
import { bindError } from '../bind-errors';
import { Emitter, type Event } from '../kit/event';
import { discardLog, type SwallowLog } from '../kit/log';
import { RateBucket } from '../rate-bucket';
import { parseSyslog } from './syslog-parse';

export interface SyslogReceiverOptions {
  address: string;
  port: number;
  /** The phone(s) heard; null hears everyone (only when the technician asks). */
  allow: string[] | null;
  /** Lines a second after a burst; more are dropped and counted. */
  perSecond?: number;
  burst?: number;
  /** Lines kept for a page that opens later. */
  keep?: number;
  /** How often lines go out as one batch. */
  batchMs?: number;
  log?: SwallowLog;
}

/**
 * A UDP syslog receiver bound to one address and locked to the phone, like the TFTP server: a datagram from any
 * other address is counted and dropped unread. Lines are parsed tolerantly, escaped, rate-limited and sent out
 * in batches. Nothing from the wire throws out of the socket handler.
 */
export class SyslogReceiver {
  private readonly batches: Emitter<SyslogLine[]>;
  /** Lines received since the last batch, sent together at most every batchMs. */
  readonly onLines: Event<SyslogLine[]>;
  private readonly recent: SyslogLine[] = [];
  private pending: SyslogLine[] = [];
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private readonly counts = { received: 0, refused: 0, dropped: 0 };
  private lastRefusedFrom: string | undefined;
  private readonly bucket: RateBucket;
  private closed = false;

  private constructor(
    private readonly socket: Socket,
    private readonly options: SyslogReceiverOptions,
  ) {
    this.batches = new Emitter<SyslogLine[]>({ log: options.log ?? discardLog, name: 'syslog.lines' });
    this.onLines = this.batches.event;
    this.bucket = new RateBucket(options.perSecond ?? 200, options.burst ?? 500);
    socket.on('message', (data, from) => this.receive(data, from));
    // A socket error after bind (ICMP noise, say) must not end the process.
    socket.on('error', (error) => (options.log ?? discardLog).swallowed('syslog', 'socket error', error));
  }

  static async start(options: SyslogReceiverOptions): Promise<SyslogReceiver> {
    const socket = createSocket({ type: 'udp4' });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.bind({ address: options.address, port: options.port, exclusive: true }, () => {
          socket.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      socket.close();
      throw await bindError(error, options.address, options.port, 'Syslog');
    }
    return new SyslogReceiver(socket, options);
  }

  status(): SyslogStatus {
    const bound = this.closed ? undefined : this.socket.address();
    return {
      state: this.closed ? 'stopped' : 'running',
      ...(bound ? { address: bound.address, port: bound.port } : {}),
      allow: this.options.allow,
      ...this.counts,
      ...(this.lastRefusedFrom ? { lastRefusedFrom: this.lastRefusedFrom } : {}),
    };
  }

  lines(limit: number): SyslogLine[] {
    return this.recent.slice(-limit);
  }

  /** Sends what is waiting, closes the socket; idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.flush();
    this.batches.dispose();
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  private receive(data: Buffer, from: RemoteInfo): void {
    try {
      if (this.options.allow && !this.options.allow.includes(from.address)) {
        this.counts.refused++;
        this.lastRefusedFrom = from.address;
        return;
      }
      if (!this.bucket.take()) {
        this.counts.dropped++;
        return;
      }
      this.counts.received++;
      const line: SyslogLine = { seq: ++this.seq, at: new Date().toISOString(), from: from.address, ...parseSyslog(data) };
      this.recent.push(line);
      if (this.recent.length > (this.options.keep ?? 1000)) this.recent.shift();
      this.pending.push(line);
      this.timer ??= setTimeout(() => this.flush(), this.options.batchMs ?? 100);
    } catch (error) {
      (this.options.log ?? discardLog).swallowed('syslog', 'receive datagram', error);
    }
  }

  private flush(): void {
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.batches.fire(batch);
  }
}
