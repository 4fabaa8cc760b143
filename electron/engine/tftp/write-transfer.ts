import { promises as fs } from 'node:fs';
import path from 'node:path';
import { wireBlock } from './block-numbers';
import { TFTP_ERROR, type TftpPacket } from './codec';
import { fromNetascii } from './netascii';
import { TransferBase, type TransferSetup } from './transfer';

/** Largest upload accepted; phones have nothing bigger to send. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * Receives a file (WRQ) in lockstep into memory, then writes it whole (temp file + rename), so a broken
 * upload never leaves a half-written file behind.
 */
export class WriteTransfer extends TransferBase {
  private expected = 1;
  private readonly parts: Buffer[] = [];
  private bytes = 0;
  private lastAck: TftpPacket;

  constructor(
    setup: TransferSetup,
    private readonly target: string,
    private readonly netascii: boolean,
  ) {
    super(setup);
    this.lastAck = setup.sendOack ? { op: 'OACK', options: setup.options.acknowledged } : { op: 'ACK', block: 0 };
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
    if (packet.op !== 'DATA') return;
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
    this.parts.push(Buffer.from(packet.data));
    this.bytes += packet.data.length;
    this.timeoutsInARow = 0;
    this.lastAck = { op: 'ACK', block: packet.block };
    this.expected += 1;
    if (packet.data.length === this.setup.options.blksize) {
      this.send(this.lastAck);
      this.armTimer();
      this.setup.onProgress(this.bytes, this.expected - 1);
      return;
    }
    // The short block ends the upload; duplicates of it arriving while saving get the repeated ACK above.
    void this.save().then(
      () => {
        this.send(this.lastAck);
        this.finish({ ok: true, bytes: this.bytes, blocks: this.expected - 1, retransmits: this.retransmits });
      },
      (e: unknown) => {
        this.send({ op: 'ERROR', code: TFTP_ERROR.diskFull, message: 'Could not store file' });
        this.fail(`could not store upload: ${e instanceof Error ? e.message : String(e)}`, TFTP_ERROR.diskFull);
      },
    );
  }

  private async save(): Promise<void> {
    const data = Buffer.concat(this.parts);
    const body = this.netascii ? fromNetascii(data) : data;
    const temp = path.join(path.dirname(this.target), `.${path.basename(this.target)}.${this.setup.id}.part`);
    try {
      await fs.writeFile(temp, body, { flag: 'wx' });
      // link() refuses to replace an existing file, unlike rename(): an upload never overwrites.
      await fs.link(temp, this.target);
    } finally {
      await fs.rm(temp, { force: true });
    }
  }
}
