import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tftpGet } from '../../../electron/engine/phone-sim/tftp-client';
import { decodePacket, encodePacket } from '../../../electron/engine/tftp/codec';
import { DirectorySource } from '../../../electron/engine/tftp/file-source';
import { TftpServer } from '../../../electron/engine/tftp/server';

/** A scripted server: answers each packet the client sends through `script`, from its own transfer port. */
async function scripted(script: (packet: ReturnType<typeof decodePacket>, reply: (b: Buffer) => void, from: RemoteInfo) => void): Promise<{ port: number; transfer: Socket; close: () => void }> {
  const listen = createSocket('udp4');
  const transfer = createSocket('udp4');
  await new Promise<void>((r) => listen.bind(0, '127.0.0.1', r));
  await new Promise<void>((r) => transfer.bind(0, '127.0.0.1', r));
  const handle = (msg: Buffer, from: RemoteInfo): void => script(decodePacket(msg), (b) => transfer.send(b, from.port, from.address), from);
  listen.on('message', handle);
  transfer.on('message', handle);
  return { port: listen.address().port, transfer, close: () => { listen.close(); transfer.close(); } };
}

const block = (n: number, size: number): Buffer => Buffer.alloc(size, n & 0xff);

describe('phone-sim TFTP client: lost, repeated and stray packets', () => {
  it.each([
    ['a repeated DATA is ACKed again and kept once', true],
    ['a lost DATA makes it send its last ACK again after the timeout', false],
  ] as const)('%s', async (_name, duplicate) => {
    const acks: number[] = [];
    let droppedOnce = false;
    const server = await scripted((p, reply) => {
      if (p.op === 'RRQ') {
        reply(encodePacket({ op: 'DATA', block: 1, data: block(1, 512) }));
        if (duplicate) reply(encodePacket({ op: 'DATA', block: 1, data: block(1, 512) }));
      } else if (p.op === 'ACK') {
        acks.push(p.block);
        if (p.block === 1 && !droppedOnce) {
          droppedOnce = true; // the answer to the first ACK 1 is lost
          return;
        }
        if (p.block === 1) reply(encodePacket({ op: 'DATA', block: 2, data: block(2, 10) }));
      }
    });
    try {
      const r = await tftpGet({ host: '127.0.0.1', port: server.port, fileName: 'x', timeoutMs: 100, retries: 5 });
      expect(r.result).toBe('ok');
      if (r.result === 'ok') expect(r.data.length).toBe(522);
      // at least the first ACK and the one sent again (more only if this machine is slower than the timeout)
      expect(acks.filter((a) => a === 1).length).toBeGreaterThanOrEqual(2);
    } finally {
      server.close();
    }
  });

  it('tells a stranger "unknown transfer ID" and carries on with its server', async () => {
    const stranger = createSocket('udp4');
    await new Promise<void>((r) => stranger.bind(0, '127.0.0.1', r));
    const strangerGot: string[] = [];
    stranger.on('message', (m) => {
      const p = decodePacket(m);
      if (p.op === 'ERROR') strangerGot.push(`${p.code}`);
    });
    const server = await scripted((p, reply, from) => {
      if (p.op === 'RRQ') {
        reply(encodePacket({ op: 'DATA', block: 1, data: block(1, 512) }));
        stranger.send(encodePacket({ op: 'DATA', block: 2, data: block(9, 3) }), from.port, from.address);
      } else if (p.op === 'ACK' && p.block === 1) {
        setTimeout(() => reply(encodePacket({ op: 'DATA', block: 2, data: block(2, 3) })), 20);
      }
    });
    try {
      const r = await tftpGet({ host: '127.0.0.1', port: server.port, fileName: 'x', timeoutMs: 500, retries: 3 });
      expect(r.result).toBe('ok');
      if (r.result === 'ok') expect([...r.data.subarray(512)]).toEqual([2, 2, 2]);
      expect(strangerGot).toEqual(['5']);
    } finally {
      server.close();
      stranger.close();
    }
  });

  it('asks again without options when the server refuses them (error 8)', async () => {
    const requests: Record<string, string>[] = [];
    const server = await scripted((p, reply) => {
      if (p.op === 'RRQ') {
        requests.push(p.options);
        if (Object.keys(p.options).length > 0) reply(encodePacket({ op: 'ERROR', code: 8, message: 'no options' }));
        else reply(encodePacket({ op: 'DATA', block: 1, data: block(1, 7) }));
      }
    });
    try {
      const r = await tftpGet({ host: '127.0.0.1', port: server.port, fileName: 'x', blksize: 1468, tsize: true, timeoutMs: 200 });
      expect(r.result).toBe('ok');
      expect(requests).toHaveLength(2);
      expect(requests[1]).toEqual({});
    } finally {
      server.close();
    }
  });
});

describe("phone-sim TFTP client: block number rollover against Phonebench's server", () => {
  it.each([0, 1] as const)('reads past block 65535 when the server rolls over to %i', async (rolloverTo) => {
    const root = await fs.mkdtemp(path.join(tmpdir(), 'pb-sim-roll-'));
    // blksize 8: 65,536 blocks + a few is just over 512 KiB
    const content = Buffer.alloc(65_536 * 8 + 100);
    for (let i = 0; i < content.length; i++) content[i] = (i * 31) & 0xff;
    await fs.writeFile(path.join(root, 'roll.bin'), content);
    const server = await TftpServer.start({
      address: '127.0.0.1', port: 0, sources: [new DirectorySource(root)], maxBlksize: 1468, maxWindowsize: 1, timeoutMs: 1000, retries: 3, rolloverTo,
    });
    try {
      const r = await tftpGet({ host: '127.0.0.1', port: server.address().port, fileName: 'roll.bin', blksize: 8, timeoutMs: 1000 });
      expect(r.result).toBe('ok');
      if (r.result === 'ok') {
        expect(r.blocks).toBe(65_549);
        expect(Buffer.compare(r.data, content)).toBe(0);
      }
    } finally {
      await server.close();
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
