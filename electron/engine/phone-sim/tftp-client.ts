import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIPv4 } from 'node:net';
import { decodePacket, encodePacket, TFTP_ERROR, TftpDecodeError, type TftpPacket } from '../tftp/codec';
import { isSendablePort, sendDatagram } from '../udp-send';

/**
 * The virtual phone's TFTP client (RFC 1350 reads, with blksize/tsize options per RFC 2347-2349). One socket
 * per transfer, so a phone can fetch several files at once as a real 7960 does.
 */

export interface TftpGetOptions {
  host: string;
  port: number;
  fileName: string;
  /** Asked for with the blksize option when above 512; the server may answer smaller. */
  blksize?: number;
  /** Ask for tsize so an oversized file is refused before it is sent. */
  tsize?: boolean;
  /** Wait for each packet this long before sending the last one again. */
  timeoutMs?: number;
  /** Resends before giving up. */
  retries?: number;
  /** Larger files are refused (with TFTP error 3). */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Give up with an ERROR carrying `abortMessage` once this block arrived (a phone refusing mid-transfer). */
  abortAfterBlock?: number;
  abortMessage?: string;
}

export type TftpGetResult =
  | { result: 'ok'; data: Buffer; blksize: number; blocks: number }
  | { result: 'not-found'; message: string }
  | { result: 'error'; code?: number; message: string }
  | { result: 'timeout'; message: string };

const DEFAULT_BLKSIZE = 512;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export async function tftpGet(options: TftpGetOptions): Promise<TftpGetResult> {
  // Replies are matched by address, so a host name is turned into its IPv4 address first.
  let host = options.host;
  if (!isIPv4(host)) {
    try {
      host = (await lookup(host, { family: 4 })).address;
    } catch (e) {
      return { result: 'error', message: `cannot resolve ${host}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return new Promise((resolve) => {
    const transfer = new ReadTransfer({ ...options, host }, resolve);
    transfer.start();
  });
}

class ReadTransfer {
  private readonly socket: Socket;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly maxBytes: number;
  private readonly askedBlksize: number;
  private blksize = DEFAULT_BLKSIZE;
  private serverPort: number | undefined;
  private lastSent: Buffer;
  private resends = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Block we wait for next (wraps at 65535 to 0; a server rolling to 1 is accepted too). */
  private expected = 1;
  private blocks = 0;
  private readonly chunks: Buffer[] = [];
  private received = 0;
  private optionsSent: boolean;
  private done = false;
  private readonly onAbort = (): void =>
    this.finish(
      { result: 'error', message: 'transfer cancelled' },
      encodePacket({ op: 'ERROR', code: TFTP_ERROR.notDefined, message: 'cancelled' }),
    );

  constructor(
    private readonly options: TftpGetOptions,
    private readonly resolve: (r: TftpGetResult) => void,
  ) {
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.retries = options.retries ?? 5;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.askedBlksize = Math.min(Math.max(options.blksize ?? DEFAULT_BLKSIZE, 8), 65464);
    this.socket = createSocket('udp4');
    this.optionsSent = this.askedBlksize !== DEFAULT_BLKSIZE || options.tsize === true;
    this.lastSent = this.request(this.optionsSent);
  }

  start(): void {
    if (this.options.signal?.aborted) {
      this.finish({ result: 'error', message: 'transfer cancelled' });
      return;
    }
    this.options.signal?.addEventListener('abort', this.onAbort, { once: true });
    this.socket.on('error', (e) => this.finish({ result: 'error', message: `socket: ${e.message}` }));
    this.socket.on('message', (msg, from) => this.onMessage(msg, from));
    // Loopback servers get a loopback-bound client; anything else uses the default route.
    const local = this.options.host.startsWith('127.') ? '127.0.0.1' : undefined;
    this.socket.bind({ port: 0, address: local }, () => this.send(this.lastSent, this.options.port));
  }

  private request(withOptions: boolean): Buffer {
    const opts: Record<string, string> = {};
    if (withOptions) {
      if (this.askedBlksize !== DEFAULT_BLKSIZE) opts.blksize = String(this.askedBlksize);
      if (this.options.tsize === true) opts.tsize = '0';
    }
    return encodePacket({ op: 'RRQ', filename: this.options.fileName, mode: 'octet', options: opts });
  }

  private send(packet: Buffer, port: number): void {
    if (this.done) return;
    this.lastSent = packet;
    sendDatagram(this.socket, packet, { port, address: this.options.host }, 'phone-sim');
    this.arm();
  }

  private arm(): void {
    // One timer per transfer, restarted per packet (cheaper than a new timer per block).
    if (this.timer) this.timer.refresh();
    else this.timer = setTimeout(() => this.onTimeout(), this.timeoutMs);
  }

  private onTimeout(): void {
    if (this.done) return;
    if (this.resends >= this.retries) {
      const what = this.serverPort === undefined ? 'no answer to the request' : `no block ${this.expected}`;
      this.finish({ result: 'timeout', message: `TFTP timeout: ${what} after ${this.retries + 1} tries` });
      return;
    }
    this.resends++;
    this.send(this.lastSent, this.serverPort ?? this.options.port);
  }

  private onMessage(msg: Buffer, from: RemoteInfo): void {
    // Port 0 cannot be answered or adopted as the server's TID: such a datagram is dropped.
    if (this.done || from.address !== this.options.host || !isSendablePort(from.port)) return;
    if (this.serverPort === undefined) {
      this.serverPort = from.port;
    } else if (from.port !== this.serverPort) {
      // Another transfer's packet: tell its sender, carry on with ours (RFC 1350 section 4).
      sendDatagram(this.socket, encodePacket({ op: 'ERROR', code: TFTP_ERROR.unknownTid, message: 'Unknown transfer ID' }), from, 'phone-sim');
      return;
    }
    let packet: TftpPacket;
    try {
      packet = decodePacket(msg);
    } catch (e) {
      if (e instanceof TftpDecodeError) return; // garbage is dropped; the timer resends
      throw e;
    }
    this.onPacket(packet);
  }

  private onPacket(p: TftpPacket): void {
    switch (p.op) {
      case 'ERROR':
        if (p.code === TFTP_ERROR.optionRefused && this.optionsSent && this.blocks === 0) {
          // A server refusing options: ask again plainly, from a fresh transfer id.
          this.optionsSent = false;
          this.serverPort = undefined;
          this.resends = 0;
          this.send(this.request(false), this.options.port);
          return;
        }
        if (p.code === TFTP_ERROR.fileNotFound) {
          this.finish({ result: 'not-found', message: p.message || 'File not found' });
          return;
        }
        this.finish({ result: 'error', code: p.code, message: p.message || `TFTP error ${p.code}` });
        return;
      case 'OACK':
        this.onOack(p.options);
        return;
      case 'DATA':
        this.onData(p.block, p.data);
        return;
      case 'RRQ':
      case 'WRQ':
      case 'ACK':
        this.abort(TFTP_ERROR.illegalOperation, `unexpected ${p.op}`);
        return;
      default: {
        const never: never = p;
        return never;
      }
    }
  }

  private onOack(options: Record<string, string>): void {
    if (this.blocks > 0 || !this.optionsSent) return;
    const blk = options.blksize;
    if (blk !== undefined) {
      const n = Number(blk);
      if (!Number.isInteger(n) || n < 8 || n > this.askedBlksize) {
        this.abort(TFTP_ERROR.optionRefused, `blksize ${blk} not acceptable`);
        return;
      }
      this.blksize = n;
    }
    const tsize = options.tsize;
    if (tsize !== undefined && Number(tsize) > this.maxBytes) {
      this.abort(TFTP_ERROR.diskFull, 'file too large');
      return;
    }
    this.resends = 0;
    this.send(encodePacket({ op: 'ACK', block: 0 }), this.serverPort ?? this.options.port);
  }

  private onData(block: number, data: Buffer): void {
    const rolledToOne = this.expected === 0 && block === 1;
    if (block !== this.expected && !rolledToOne) {
      // A repeat of the last block means our ACK was lost: ACK it again (never resend on a duplicate ACK).
      const previous = (this.expected + 0xffff) & 0xffff;
      if (block === previous && this.blocks > 0) {
        sendDatagram(this.socket, encodePacket({ op: 'ACK', block }), { port: this.serverPort ?? this.options.port, address: this.options.host }, 'phone-sim');
      }
      return;
    }
    if (data.length > this.blksize) {
      this.abort(TFTP_ERROR.illegalOperation, 'block larger than negotiated');
      return;
    }
    this.received += data.length;
    if (this.received > this.maxBytes) {
      this.abort(TFTP_ERROR.diskFull, 'file too large');
      return;
    }
    this.chunks.push(data);
    this.blocks++;
    this.expected = (block + 1) & 0xffff;
    this.resends = 0;
    if (this.options.abortAfterBlock !== undefined && this.blocks >= this.options.abortAfterBlock) {
      this.abort(TFTP_ERROR.notDefined, this.options.abortMessage ?? 'transfer refused');
      return;
    }
    const ack = encodePacket({ op: 'ACK', block });
    if (data.length < this.blksize) {
      this.finish({ result: 'ok', data: Buffer.concat(this.chunks), blksize: this.blksize, blocks: this.blocks }, ack);
      return;
    }
    this.send(ack, this.serverPort ?? this.options.port);
  }

  /** Tells the server we give up, then ends with an error. */
  private abort(code: number, message: string): void {
    this.finish({ result: 'error', code, message }, encodePacket({ op: 'ERROR', code, message }));
  }

  /** Ends the transfer once; `farewell` (the last ACK, or an ERROR) goes to the server first. */
  private finish(result: TftpGetResult, farewell?: Buffer): void {
    if (this.done) return;
    this.done = true;
    if (this.timer) clearTimeout(this.timer);
    this.options.signal?.removeEventListener('abort', this.onAbort);
    const close = (): void => {
      try {
        this.socket.close();
      } catch {
        // already closed
      }
      this.resolve(result);
    };
    if (farewell !== undefined && this.serverPort !== undefined) {
      sendDatagram(this.socket, farewell, { port: this.serverPort, address: this.options.host }, 'phone-sim', close);
    } else {
      close();
    }
  }
}
