import type { Socket } from 'node:dgram';
import type { NegotiatedOptions, TftpClientAddress } from '../../../shared/api/tftp';
import { absoluteBlock, wireBlock, type RolloverTo } from './block-numbers';
import { decodePacket, encodePacket, OPCODES, TFTP_ERROR, type TftpPacket } from './codec';
import type { FileContent } from './file-source';
import { logSwallowed } from '../engine-log';
import { sendDatagram } from '../udp-send';

/** What every transfer needs from the server. */
export interface TransferSetup {
  id: string;
  peer: TftpClientAddress;
  /** The transfer's own socket (its TID), bound and connected to the peer. The transfer closes it. */
  socket: Socket;
  options: NegotiatedOptions;
  /** Send an OACK first (the client asked for options we accepted). */
  sendOack: boolean;
  retries: number;
  timeoutMs: number;
  /** A transfer whose client has not answered by then ends, whatever its timeout and retries. */
  unansweredLifeMs?: number;
  rolloverTo: RolloverTo;
  /** The client answered for the first time: the transfer is under way. */
  onUnderWay?(): void;
  onProgress(bytes: number, blocks: number): void;
  onEnd(outcome: TransferOutcome): void;
}

export type TransferOutcome =
  | { ok: true; bytes: number; blocks: number; retransmits: number }
  | { ok: false; reason: string; tftpCode?: number; bytes: number; retransmits: number };

/** Shared plumbing: the socket, the timer, the unknown-TID rule, the single ending. */
export abstract class TransferBase {
  protected retransmits = 0;
  protected timeoutsInARow = 0;
  private timer: NodeJS.Timeout | undefined;
  private ended = false;
  private unanswered: NodeJS.Timeout | undefined;

  constructor(protected readonly setup: TransferSetup) {
    setup.socket.on('message', (msg) => this.onMessage(msg));
    setup.socket.on('error', (e) => this.fail(`socket error: ${e.message}`));
    if (setup.unansweredLifeMs !== undefined) {
      const life = setup.unansweredLifeMs;
      this.unanswered = setTimeout(() => {
        this.send({ op: 'ERROR', code: TFTP_ERROR.notDefined, message: 'Timed out' });
        this.fail(`no answer from the client within ${Math.round(life / 1000)} s`, TFTP_ERROR.notDefined);
      }, life);
    }
  }

  /** The client's first valid answer: the transfer is under way and no longer bound by the unanswered life. */
  protected answered(): void {
    if (this.unanswered === undefined || this.ended) return;
    clearTimeout(this.unanswered);
    this.unanswered = undefined;
    this.setup.onUnderWay?.();
  }

  get done(): boolean {
    return this.ended;
  }

  /** Datagrams handed to the socket but not yet sent; the socket is closed only once this is 0. */
  private inFlight = 0;
  private closeWhenIdle: (() => void) | undefined;
  private readonly sent = (): void => {
    this.inFlight -= 1;
    if (this.inFlight === 0 && this.closeWhenIdle) this.closeWhenIdle();
  };
  private deadline = 0;

  protected send(packet: TftpPacket): void {
    this.sendRaw(encodePacket(packet));
  }

  /** Sends one datagram made of one or more buffers (DATA goes as header + file slice, no copy). */
  protected sendRaw(buf: Buffer | Buffer[], track = true): void {
    if (this.ended) return;
    if (!track) {
      sendDatagram(this.setup.socket, buf, undefined, 'tftp');
      return;
    }
    this.inFlight += 1;
    sendDatagram(this.setup.socket, buf, undefined, 'tftp', this.sent);
  }

  /** (Re)starts the retransmission clock. One timer per transfer, moved by a deadline, not re-created per packet. */
  protected armTimer(): void {
    this.deadline = Date.now() + this.setup.timeoutMs;
    this.timer ??= setTimeout(this.tick, this.setup.timeoutMs);
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    if (this.ended) return;
    const left = this.deadline - Date.now();
    if (left > 0) this.timer = setTimeout(this.tick, left);
    else this.onTimer();
  };

  private onTimer(): void {
    if (this.ended) return;
    this.timeoutsInARow += 1;
    if (this.timeoutsInARow > this.setup.retries) {
      this.send({ op: 'ERROR', code: TFTP_ERROR.notDefined, message: 'Timed out' });
      this.fail(`timed out after ${this.setup.retries} retries`, TFTP_ERROR.notDefined);
      return;
    }
    this.retransmit();
    this.armTimer();
  }

  /** The socket is connected to the peer, so only the peer's datagrams arrive here (no unknown-TID case). */
  private onMessage(msg: Buffer): void {
    if (this.ended) return;
    // ACKs are nearly all a read sees: read the block number straight from the bytes.
    if (msg.length >= 4 && msg[0] === 0 && msg[1] === OPCODES.ACK) {
      this.onAck(msg.readUInt16BE(2));
      return;
    }
    let packet: TftpPacket;
    try {
      packet = decodePacket(msg);
    } catch {
      return; // Garbage from our peer is dropped; the timer covers real loss.
    }
    if (packet.op === 'ERROR') {
      this.fail(`client sent error ${packet.code}: ${packet.message || '(no message)'}`, packet.code);
      return;
    }
    this.onPacket(packet);
  }

  protected abstract onPacket(packet: Exclude<TftpPacket, { op: 'ERROR' }>): void;

  /** An ACK with its wire block number; a read answers it without building a packet object. */
  protected onAck(block: number): void {
    this.onPacket({ op: 'ACK', block });
  }
  protected abstract retransmit(): void;
  protected abstract progressBytes(): number;

  /** Ends the transfer at once, telling the client with one ERROR. */
  abort(reason: string, clientMessage = 'Server stopped'): void {
    this.send({ op: 'ERROR', code: TFTP_ERROR.notDefined, message: clientMessage });
    this.fail(reason, TFTP_ERROR.notDefined);
  }

  protected fail(reason: string, tftpCode?: number): void {
    if (this.ended) return;
    const outcome: TransferOutcome =
      tftpCode === undefined
        ? { ok: false, reason, bytes: this.progressBytes(), retransmits: this.retransmits }
        : { ok: false, reason, tftpCode, bytes: this.progressBytes(), retransmits: this.retransmits };
    this.finish(outcome);
  }

  protected finish(outcome: TransferOutcome, lingerMs = 0): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.unanswered) clearTimeout(this.unanswered);
    this.release(lingerMs);
    this.setup.onEnd(outcome);
  }

  protected release(lingerMs: number): void {
    const close = (): void => {
      try {
        this.setup.socket.close();
      } catch {
        // Already closed.
      }
    };
    const closeNow = (): void => {
      if (lingerMs > 0) setTimeout(close, lingerMs).unref();
      else close();
    };
    if (this.inFlight === 0) closeNow();
    else this.closeWhenIdle = closeNow;
  }
}

/** Sends a file (RRQ): lockstep or RFC 7440 windows, with rollover and bounded retransmission. */
export class ReadTransfer extends TransferBase {
  private readonly blksize: number;
  private readonly window: number;
  private readonly lastBlock: number;
  /** Highest block the client has acknowledged (0 = OACK acknowledged or nothing yet). */
  private acked = 0;
  /** Highest block sent so far. */
  private sentUpTo = 0;
  private awaitingOack: boolean;
  private chunk: { start: number; data: Buffer } | undefined;
  private sending: Promise<void> = Promise.resolve();
  /** Windows waiting on a disk read. */
  private reads = 0;

  constructor(
    setup: TransferSetup,
    private readonly content: FileContent,
  ) {
    super(setup);
    this.blksize = setup.options.blksize;
    this.window = setup.options.windowsize;
    this.lastBlock = Math.floor(content.size / this.blksize) + 1;
    this.awaitingOack = setup.sendOack;
  }

  start(): void {
    if (this.awaitingOack) {
      this.send({ op: 'OACK', options: this.setup.options.acknowledged });
      this.armTimer();
    } else this.sendWindow();
  }

  protected progressBytes(): number {
    return Math.min(this.acked * this.blksize, this.content.size);
  }

  protected onPacket(packet: Exclude<TftpPacket, { op: 'ERROR' }>): void {
    if (packet.op === 'ACK') this.onAck(packet.block); // Anything else from the peer during a read is ignored.
  }

  protected override onAck(wire: number): void {
    if (this.awaitingOack) {
      if (wire !== 0) return;
      this.answered();
      this.awaitingOack = false;
      this.timeoutsInARow = 0;
      this.sendWindow();
      return;
    }
    const block = absoluteBlock(wire, this.acked, this.sentUpTo, this.setup.rolloverTo);
    // A duplicate or stale ACK changes nothing and sends nothing: no Sorcerer's Apprentice.
    if (block === undefined || block <= this.acked) return;
    this.answered();
    this.acked = block;
    this.timeoutsInARow = 0;
    this.setup.onProgress(this.progressBytes(), this.acked);
    if (this.acked >= this.lastBlock) {
      this.finish({ ok: true, bytes: this.content.size, blocks: this.lastBlock, retransmits: this.retransmits });
      void this.content.close().catch((error: unknown) => logSwallowed('tftp', 'close served file', error));
      return;
    }
    this.sendWindow();
  }

  protected retransmit(): void {
    if (this.awaitingOack) {
      this.retransmits += 1;
      this.send({ op: 'OACK', options: this.setup.options.acknowledged });
      return;
    }
    this.sendWindow(true);
  }

  override abort(reason: string, clientMessage?: string): void {
    super.abort(reason, clientMessage);
    void this.content.close().catch((error: unknown) => logSwallowed('tftp', 'close served file', error));
  }

  protected override fail(reason: string, tftpCode?: number): void {
    super.fail(reason, tftpCode);
    void this.content.close().catch((error: unknown) => logSwallowed('tftp', 'close served file', error));
  }

  /** Sends blocks acked+1 .. acked+window; reads are serialised so ACKs arriving meanwhile queue up. */
  private sendWindow(isRetransmit = false): void {
    this.armTimer();
    const from = this.acked + 1;
    const to = Math.min(this.acked + this.window, this.lastBlock);
    // Fast path: nothing queued and the whole window is in the read cache, so send now, synchronously.
    const c = this.chunk;
    if (this.reads === 0 && c && (from - 1) * this.blksize >= c.start && this.blockEnd(to) <= c.start + c.data.length) {
      for (let block = from; block <= to; block++) {
        const start = (block - 1) * this.blksize - c.start;
        this.sendBlock(block, c.data.subarray(start, Math.min(start + this.blksize, this.content.size - c.start)), isRetransmit);
      }
      return;
    }
    this.reads += 1;
    this.sending = this.sending
      .then(async () => {
        if (this.done || this.acked + 1 !== from) return; // Overtaken by a newer ACK.
        for (let block = from; block <= to; block++) {
          const data = await this.blockData(block);
          if (this.done) return;
          this.sendBlock(block, data, isRetransmit);
        }
      })
      .catch((e: unknown) => {
        this.send({ op: 'ERROR', code: TFTP_ERROR.notDefined, message: 'Read error' });
        this.fail(`read error: ${e instanceof Error ? e.message : String(e)}`, TFTP_ERROR.notDefined);
      })
      .finally(() => {
        this.reads -= 1;
      });
  }

  private sendBlock(block: number, data: Buffer, isRetransmit: boolean): void {
    if (block <= this.sentUpTo || isRetransmit) this.retransmits += 1;
    this.sentUpTo = Math.max(this.sentUpTo, block);
    const header = Buffer.allocUnsafe(4);
    header.writeUInt16BE(OPCODES.DATA, 0);
    header.writeUInt16BE(wireBlock(block, this.setup.rolloverTo), 2);
    // Untracked: a read only ends after the client acknowledged the last DATA, or with a (tracked) ERROR.
    this.sendRaw(data.length > 0 ? [header, data] : header, false);
  }

  /** Byte offset just past the block's last byte. */
  private blockEnd(block: number): number {
    return Math.min(block * this.blksize, this.content.size);
  }

  private async blockData(block: number): Promise<Buffer> {
    const start = (block - 1) * this.blksize;
    const end = Math.min(start + this.blksize, this.content.size);
    const c = this.chunk;
    if (!c || start < c.start || end > c.start + c.data.length) {
      // Two windows ahead, at most 2 MiB: with the limit on transfers, that bounds the memory reads can hold.
      const length = Math.min(2 * 1024 * 1024, Math.max(256 * 1024, this.blksize * this.window * 2));
      const data = await this.content.read(start, length);
      this.chunk = { start, data };
      if (start + data.length < end) throw new Error('file shrank while being sent');
    }
    const chunk = this.chunk as { start: number; data: Buffer };
    return chunk.data.subarray(start - chunk.start, end - chunk.start);
  }
}
