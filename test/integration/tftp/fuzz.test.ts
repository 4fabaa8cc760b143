import { createSocket } from 'node:dgram';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePacket } from '../../../electron/engine/tftp/codec';
import { mulberry32 } from './lossy-relay';
import { patternBytes, sha256, startFixture, type Fixture } from './server-fixture';
import { tftpGet } from './test-client';

/** Thousands of random and mutated datagrams at the listening port and at live transfer ports. */

let fx: Fixture;
const data = patternBytes(20_000, 42);

beforeAll(async () => {
  fx = await startFixture({ timeoutMs: 200, retries: 2, maxTransfers: 64 });
  await fs.writeFile(path.join(fx.root, 'OS79XX.TXT'), data);
});

afterAll(async () => {
  await fx?.close();
});

function mutate(buf: Buffer, r: () => number): Buffer {
  const out = Buffer.from(buf);
  const kind = Math.floor(r() * 4);
  if (kind === 0 && out.length > 0) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
  if (kind === 1) return out.subarray(0, Math.floor(r() * out.length));
  if (kind === 2) return Buffer.concat([out, Buffer.from(Array.from({ length: Math.floor(r() * 20) }, () => Math.floor(r() * 256)))]);
  if (kind === 3 && out.length > 2) out.writeUInt16BE(Math.floor(r() * 8), 0);
  return out;
}

describe('fuzz', () => {
  it('survives 6000 random and mutated packets and still serves the right bytes', async () => {
    const r = mulberry32(20261128);
    const seeds = [
      encodePacket({ op: 'RRQ', filename: 'OS79XX.TXT', mode: 'octet', options: { blksize: '1024', tsize: '0', windowsize: '4' } }),
      encodePacket({ op: 'RRQ', filename: '../etc/passwd', mode: 'netascii', options: {} }),
      encodePacket({ op: 'WRQ', filename: 'x', mode: 'octet', options: { tsize: '99' } }),
      encodePacket({ op: 'ACK', block: 1 }),
      encodePacket({ op: 'DATA', block: 1, data: Buffer.from('hi') }),
      encodePacket({ op: 'ERROR', code: 1, message: 'x' }),
      encodePacket({ op: 'OACK', options: { blksize: '8' } }),
    ];
    const sock = createSocket('udp4');
    await new Promise<void>((res) => sock.bind({ address: '127.0.0.1', port: 0 }, res));
    // Transfer ports the server opened for us are fuzzed too, once we learn them.
    const tids = new Set<number>();
    sock.on('message', (_m, from) => {
      if (from.port !== fx.port && tids.size < 32) tids.add(from.port);
    });
    for (let i = 0; i < 6000; i++) {
      const pkt =
        r() < 0.3
          ? Buffer.from(Array.from({ length: Math.floor(r() * 64) }, () => Math.floor(r() * 256)))
          : mutate(seeds[Math.floor(r() * seeds.length)] as Buffer, r);
      const ports = [fx.port, ...tids];
      const port = ports[Math.floor(r() * ports.length)] as number;
      sock.send(pkt, port, '127.0.0.1');
      if (i % 200 === 0) await new Promise((res) => setTimeout(res, 5)); // Let the server breathe, bounded.
    }
    sock.close();
    // The server must still answer correctly, many times over.
    for (let i = 0; i < 5; i++) {
      const got = await tftpGet({ port: fx.port, filename: 'OS79XX.TXT', options: i % 2 ? { blksize: '1468' } : {} });
      expect(got.ok && sha256(got.data)).toBe(sha256(data));
    }
    expect(fx.events.some((e) => e.type === 'refused' && e.reason === 'path')).toBe(true);
  });
});
