import { createSocket, type RemoteInfo } from 'node:dgram';
import { decodePacket, encodePacket, type TftpPacket } from '../../../electron/engine/tftp/codec';

/**
 * A small, strict TFTP read client for tests: lockstep or RFC 7440 windows, short timeouts, and it checks
 * what the server does (block order, sizes). Not the product's client.
 */
export interface GetOptions {
  port: number;
  host?: string;
  filename: string;
  mode?: 'octet' | 'netascii';
  options?: Record<string, string>;
  timeoutMs?: number;
  retries?: number;
  /** How block numbers wrap after 65535 (to 0 or to 1), as the server was told. */
  rolloverTo?: 0 | 1;
  /** Bind the client to this local address (e.g. 127.0.0.2). */
  localAddress?: string;
}

export type GetResult =
  | { ok: true; data: Buffer; oack?: Record<string, string>; duplicateData: number; packets: number }
  | { ok: false; reason: string; code?: number };

function wire(absolute: number, rolloverTo: 0 | 1): number {
  return rolloverTo === 0 ? absolute % 65536 : absolute <= 65535 ? absolute : ((absolute - 1) % 65535) + 1;
}

export function tftpGet(o: GetOptions): Promise<GetResult> {
  const host = o.host ?? '127.0.0.1';
  const timeoutMs = o.timeoutMs ?? 1000;
  const retries = o.retries ?? 5;
  const rolloverTo = o.rolloverTo ?? 0;
  const requested = o.options ?? {};
  const socket = createSocket('udp4');
  return new Promise<GetResult>((resolve) => {
    let peer: RemoteInfo | undefined;
    let blksize = 512;
    let windowsize = 1;
    let expected = 1;
    let inWindow = 0;
    let oack: Record<string, string> | undefined;
    const parts: Buffer[] = [];
    let last: Buffer = encodePacket({ op: 'RRQ', filename: o.filename, mode: o.mode ?? 'octet', options: requested });
    let timeouts = 0;
    let duplicateData = 0;
    let packets = 0;
    let timer: NodeJS.Timeout | undefined;
    let finished = false;

    const finish = (r: GetResult): void => {
      if (finished) return;
      finished = true;
      if (timer) clearTimeout(timer);
      // Close only after the last datagram (the final ACK) has left.
      void lastSend.then(() => socket.close());
      resolve(r);
    };
    let lastSend: Promise<void> = Promise.resolve();
    const send = (buf: Buffer, to?: RemoteInfo): void => {
      last = buf;
      lastSend = new Promise((done) => socket.send(buf, to?.port ?? peer?.port ?? o.port, to?.address ?? peer?.address ?? host, () => done()));
    };
    const arm = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timeouts += 1;
        if (timeouts > retries) return finish({ ok: false, reason: 'client timed out' });
        socket.send(last, peer?.port ?? o.port, peer?.address ?? host);
        arm();
      }, timeoutMs);
    };
    const ack = (block: number): void => {
      send(encodePacket({ op: 'ACK', block: wire(block, rolloverTo) }));
      inWindow = 0;
      arm();
    };

    socket.on('message', (msg, rinfo) => {
      if (finished) return;
      packets += 1;
      if (peer && (rinfo.port !== peer.port || rinfo.address !== peer.address)) {
        socket.send(encodePacket({ op: 'ERROR', code: 5, message: 'Unknown transfer ID' }), rinfo.port, rinfo.address);
        return;
      }
      let p: TftpPacket;
      try {
        p = decodePacket(msg);
      } catch {
        return finish({ ok: false, reason: 'undecodable packet from server' });
      }
      peer ??= rinfo;
      switch (p.op) {
        case 'ERROR':
          return finish({ ok: false, reason: p.message, code: p.code });
        case 'OACK':
          if (expected !== 1 || parts.length > 0) return; // A late duplicate OACK.
          oack = p.options;
          blksize = Number(p.options['blksize'] ?? 512);
          windowsize = Number(p.options['windowsize'] ?? 1);
          timeouts = 0;
          return ack(0);
        case 'DATA': {
          if (p.block !== wire(expected, rolloverTo)) {
            duplicateData += 1;
            // Out of order or repeated: acknowledge what we hold (RFC 7440 asks for exactly this).
            return ack(expected - 1);
          }
          if (p.data.length > blksize) return finish({ ok: false, reason: `block ${expected} longer than blksize` });
          parts.push(Buffer.from(p.data));
          timeouts = 0;
          expected += 1;
          inWindow += 1;
          if (p.data.length < blksize) {
            ack(expected - 1);
            return finish({ ok: true, data: Buffer.concat(parts), ...(oack ? { oack } : {}), duplicateData, packets });
          }
          if (inWindow >= windowsize) ack(expected - 1);
          else arm();
          return;
        }
        default:
          return finish({ ok: false, reason: `unexpected ${p.op} from server` });
      }
    });
    const start = (): void => {
      send(last, { address: host, port: o.port } as RemoteInfo);
      arm();
    };
    if (o.localAddress) socket.bind({ address: o.localAddress, port: 0 }, start);
    else start();
  });
}
