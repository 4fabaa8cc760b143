import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { decodePacket, encodePacket, type TftpPacket } from '../../../electron/engine/tftp/codec';

/** A hand-driven UDP peer: send exact packets, read exactly what comes back. */
export class RawPeer {
  readonly inbox: { packet: TftpPacket; from: RemoteInfo }[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('message', (msg, from) => {
      this.inbox.push({ packet: decodePacket(msg), from });
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async open(address = '127.0.0.1'): Promise<RawPeer> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind({ address, port: 0 }, resolve));
    return new RawPeer(socket);
  }

  send(p: TftpPacket | Buffer, port: number): void {
    this.socket.send(Buffer.isBuffer(p) ? p : encodePacket(p), port, '127.0.0.1');
  }

  /** The next packet not yet taken; throws after `ms` of silence (a liveness bound, not a timed assertion). */
  async next(ms = 3000): Promise<{ packet: TftpPacket; from: RemoteInfo }> {
    const deadline = Date.now() + ms;
    while (this.inbox.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no packet arrived');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.inbox.shift() as { packet: TftpPacket; from: RemoteInfo };
  }

  /** Collects whatever arrives within `ms` (used to show that nothing more was sent). */
  async drain(ms: number): Promise<TftpPacket[]> {
    await new Promise((r) => setTimeout(r, ms));
    return this.inbox.splice(0).map((x) => x.packet);
  }

  close(): void {
    this.socket.close();
  }
}
