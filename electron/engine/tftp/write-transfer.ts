import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { wireBlock } from './block-numbers';
import { TFTP_ERROR, type TftpPacket } from './codec';
import { NetasciiDecoder } from './netascii';
import { TransferBase, type TransferOutcome, type TransferSetup } from './transfer';
import { logSwallowed } from '../engine-log';

/** Largest upload accepted; phones have nothing bigger to send. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * Receives a file (WRQ) in lockstep, writing each block to a temp file beside the target as it arrives and ACKing it
 * once written (so a fast client cannot queue more than one block in memory); the finished file is linked into
 * place, so a broken upload never leaves a half-written file behind.
 */
export class WriteTransfer extends TransferBase {
  private expected = 1;
  private bytes = 0;
  private lastAck: TftpPacket;
  private readonly temp: string;
  private file: Promise<FileHandle> | undefined;
  private readonly decoder: NetasciiDecoder | undefined;
  /** True while a block is being written: a DATA arriving meanwhile is a duplicate or out of turn. */
  private writing = false;

  constructor(
    setup: TransferSetup,
    private readonly target: string,
    netascii: boolean,
  ) {
    super(setup);
    this.lastAck = setup.sendOack ? { op: 'OACK', options: setup.options.acknowledged } : { op: 'ACK', block: 0 };
    this.temp = path.join(path.dirname(target), `.${path.basename(target)}.${setup.id}.part`);
    this.decoder = netascii ? new NetasciiDecoder() : undefined;
  }

  start(): void {
    this.send(this.lastAck);
    this.armTimer();
  }

  protected progressBytes(): number {
    return this.bytes;
  }

  protected retransmit(): void {
    this.retransmits += 1;
    this.send(this.lastAck);
  }

  protected onPacket(packet: Exclude<TftpPacket, { op: 'ERROR' }>): void {
    if (packet.op !== 'DATA' || this.writing) return;
    const rollover = this.setup.rolloverTo;
    if (packet.block === wireBlock(this.expected - 1, rollover) && this.expected > 1) {
      this.send(this.lastAck); // Our ACK was lost: repeat it once per duplicate DATA.
      return;
    }
    if (packet.block !== wireBlock(this.expected, rollover)) return;
    if (packet.data.length > this.setup.options.blksize) {
      this.send({ op: 'ERROR', code: TFTP_ERROR.illegalOperation, message: 'Block larger than negotiated' });
      this.fail('client sent a block larger than negotiated', TFTP_ERROR.illegalOperation);
      return;
    }
    if (this.bytes + packet.data.length > MAX_UPLOAD_BYTES) {
      this.send({ op: 'ERROR', code: TFTP_ERROR.diskFull, message: 'Upload too large' });
      this.fail(`upload larger than ${MAX_UPLOAD_BYTES} bytes`, TFTP_ERROR.diskFull);
      return;
    }
    this.answered();
    this.timeoutsInARow = 0;
    this.armTimer();
    const last = packet.data.length < this.setup.options.blksize;
    this.writing = true;
    void this.store(packet.data, last).then(
      () => {
        this.writing = false;
        if (this.done) return;
        this.bytes += packet.data.length;
        this.lastAck = { op: 'ACK', block: packet.block };
        this.expected += 1;
        this.send(this.lastAck);
        // The short block ends the upload; a duplicate of it arriving later gets the repeated ACK above.
        if (last) this.finish({ ok: true, bytes: this.bytes, blocks: this.expected - 1, retransmits: this.retransmits });
        else this.setup.onProgress(this.bytes, this.expected - 1);
      },
      (e: unknown) => {
        this.writing = false;
        this.send({ op: 'ERROR', code: TFTP_ERROR.diskFull, message: 'Could not store file' });
        this.fail(`could not store upload: ${e instanceof Error ? e.message : String(e)}`, TFTP_ERROR.diskFull);
      },
    );
  }

  /** Appends one block to the temp file; the last one closes it and links it into place. */
  private async store(data: Buffer, last: boolean): Promise<void> {
    this.file ??= fs.open(this.temp, 'wx');
    const handle = await this.file;
    if (this.done) throw new Error('the transfer ended'); // discard() closes and removes what was opened.
    const body = this.decoder ? Buffer.concat([this.decoder.push(data), last ? this.decoder.end() : Buffer.alloc(0)]) : data;
    await handle.write(body);
    if (!last) return;
    await handle.close();
    this.file = undefined;
    if (this.done) throw new Error('the transfer ended');
    // link() refuses to replace an existing file, unlike rename(): an upload never overwrites.
    await fs.link(this.temp, this.target);
    await fs.rm(this.temp, { force: true });
  }

  protected override finish(outcome: TransferOutcome, lingerMs = 0): void {
    if (this.done) return;
    super.finish(outcome, lingerMs);
    if (!outcome.ok) void this.discard();
  }

  /** A failed upload leaves nothing behind. */
  private async discard(): Promise<void> {
    const file = this.file;
    if (file) await file.then((h) => h.close()).catch(() => undefined);
    await fs.rm(this.temp, { force: true }).catch((error: unknown) => logSwallowed('tftp', 'remove upload temp file', error));
  }
}
