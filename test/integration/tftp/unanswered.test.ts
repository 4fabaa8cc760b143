import { createSocket, type Socket } from 'node:dgram';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodePacket, encodePacket, type TftpPacket } from '../../../electron/engine/tftp/codec';
import { startFixture, until, type Fixture } from './server-fixture';
import { tftpGet } from './test-client';

/**
 * Issue 18 item 4: eight requests asking `timeout=255` and never ACKing held the phone's eight per-client slots for
 * about 30 minutes. Now a client's timeout is capped, an unanswered transfer has a short life, and only transfers
 * under way hold a client's slots (unanswered ones make room for newer requests).
 */
let fx: Fixture | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
  await fx?.close();
  fx = undefined;
});

/** Sends one RRQ from a fresh socket (its own TID) that never answers; collects what comes back. */
async function silentRequest(port: number, options: Record<string, string>, address = '127.0.0.1'): Promise<TftpPacket[] & { tid?: number }> {
  const s = createSocket('udp4');
  sockets.push(s);
  await new Promise<void>((r) => s.bind({ address, port: 0 }, r));
  const got: TftpPacket[] & { tid?: number } = [];
  s.on('message', (msg, from) => {
    got.tid = from.port;
    got.push(decodePacket(msg));
  });
  s.send(encodePacket({ op: 'RRQ', filename: 'OS79XX.TXT', mode: 'octet', options }), port, '127.0.0.1');
  await until(() => got.length > 0, 'the first answer');
  return got;
}

describe('requests nobody answers', () => {
  it('eight timeout=255 requests never ACKed do not lock the phone out; timeout=255 is not acknowledged', async () => {
    fx = await startFixture({ timeoutMs: 1000, retries: 5 });
    await fs.writeFile(path.join(fx.root, 'OS79XX.TXT'), 'P0S3-08-12-00\n');
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await silentRequest(fx.port, { timeout: '255', blksize: '1024' }));
    for (const got of answers) expect(got[0]).toEqual({ op: 'OACK', options: { blksize: '1024' } });
    const phone = await tftpGet({ port: fx.port, filename: 'OS79XX.TXT' });
    expect(phone.ok, phone.ok ? '' : phone.reason).toBe(true);
    expect(fx.events.filter((e) => e.type === 'refused')).toEqual([]);
  });

  it('a transfer whose client never answers ends within its unanswered life, whatever the timeout', async () => {
    fx = await startFixture({ timeoutMs: 5000, retries: 5, unansweredLifeMs: 300 });
    await fs.writeFile(path.join(fx.root, 'OS79XX.TXT'), 'P0S3-08-12-00\n');
    await silentRequest(fx.port, { timeout: '10' });
    await until(() => fx?.server.activeTransfers() === 0, 'the unanswered transfer to end', 400);
    const failed = fx.events.find((e) => e.type === 'failed');
    expect(failed?.type === 'failed' && failed.reason).toMatch(/no answer from the client/);
  });

  it('when every slot holds an unanswered transfer, the oldest makes room for a new request', async () => {
    fx = await startFixture({ maxTransfers: 4, maxTransfersPerClient: 2, timeoutMs: 1000, retries: 5 });
    await fs.writeFile(path.join(fx.root, 'OS79XX.TXT'), 'P0S3-08-12-00\n');
    const first = await silentRequest(fx.port, {}, '127.0.0.2');
    for (const address of ['127.0.0.3', '127.0.0.4', '127.0.0.5']) await silentRequest(fx.port, {}, address);
    const phone = await tftpGet({ port: fx.port, filename: 'OS79XX.TXT' });
    expect(phone.ok, phone.ok ? '' : phone.reason).toBe(true);
    await until(() => first.length > 1, 'the oldest transfer to be ended');
    expect(first.at(-1)).toMatchObject({ op: 'ERROR', message: 'Superseded by a newer request' });
    expect(fx.server.activeTransfers()).toBeLessThanOrEqual(4);
  });

  it('transfers under way still hold their slots: past the per-client limit a request is refused', async () => {
    fx = await startFixture({ maxTransfersPerClient: 2, timeoutMs: 1000, retries: 5 });
    await fs.writeFile(path.join(fx.root, 'OS79XX.TXT'), 'P0S3-08-12-00\n');
    for (let i = 0; i < 2; i++) {
      const got = await silentRequest(fx.port, { blksize: '1024' });
      // ACK the OACK from the transfer's port: the transfer is under way (its DATA then goes unanswered).
      sockets.at(-1)?.send(encodePacket({ op: 'ACK', block: 0 }), got.tid ?? 0, '127.0.0.1');
      await until(() => got.some((p) => p.op === 'DATA'), 'the first DATA after the ACK');
    }
    const third = await tftpGet({ port: fx.port, filename: 'OS79XX.TXT', retries: 0 });
    expect(third.ok).toBe(false);
    expect(fx.events.some((e) => e.type === 'refused' && e.reason === 'client-busy')).toBe(true);
  });
});
