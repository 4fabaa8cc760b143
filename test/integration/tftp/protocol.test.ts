import { createSocket } from 'node:dgram';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TftpServer } from '../../../electron/engine/tftp/server';
import { PhonebenchError } from '../../../shared/api/result';
import { RawPeer } from './raw-peer';
import { patternBytes, sha256, startFixture, tempDir, until, type Fixture } from './server-fixture';
import { tftpGet } from './test-client';

let fx: Fixture | undefined;
const peers: RawPeer[] = [];
afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await fx?.close();
  fx = undefined;
});

async function peer(address?: string): Promise<RawPeer> {
  const p = await RawPeer.open(address);
  peers.push(p);
  return p;
}

describe('option negotiation', () => {
  it('caps blksize 65536 to the setting, reports the real tsize, caps windowsize, ignores unknown options', async () => {
    fx = await startFixture({ maxBlksize: 1468, maxWindowsize: 4 });
    await fs.writeFile(path.join(fx.root, 'a.bin'), patternBytes(5000));
    const c = await peer();
    c.send({ op: 'RRQ', filename: 'a.bin', mode: 'octet', options: { blksize: '65536', tsize: '0', windowsize: '64', colour: 'blue' } }, fx.port);
    const { packet } = await c.next();
    expect(packet).toEqual({ op: 'OACK', options: { blksize: '1468', tsize: '5000', windowsize: '4' } });
  });

  it('leaves out malformed options and answers plain DATA when none remain', async () => {
    fx = await startFixture();
    await fs.writeFile(path.join(fx.root, 'a.bin'), patternBytes(10));
    const c = await peer();
    c.send({ op: 'RRQ', filename: 'a.bin', mode: 'octet', options: { blksize: '7', timeout: '0', windowsize: 'x' } }, fx.port);
    const { packet } = await c.next();
    expect(packet.op).toBe('DATA');
  });

  it('really uses the negotiated blksize and windowsize', async () => {
    fx = await startFixture({ maxBlksize: 1000, maxWindowsize: 8 });
    const data = patternBytes(100_000, 3);
    await fs.writeFile(path.join(fx.root, 'w.bin'), data);
    const r = await tftpGet({ port: fx.port, filename: 'w.bin', options: { blksize: '9000', windowsize: '8' } });
    expect(r.ok && sha256(r.data)).toBe(sha256(data));
    expect(r.ok && r.oack).toEqual({ blksize: '1000', windowsize: '8' });
  });
});

describe('transfer rules', () => {
  it('duplicate ACKs never cause duplicate DATA (no Sorcerer\'s Apprentice)', async () => {
    fx = await startFixture({ timeoutMs: 5000 });
    await fs.writeFile(path.join(fx.root, 's.bin'), patternBytes(512 * 4 + 10));
    const c = await peer();
    c.send({ op: 'RRQ', filename: 's.bin', mode: 'octet', options: {} }, fx.port);
    const first = await c.next();
    expect(first.packet).toMatchObject({ op: 'DATA', block: 1 });
    const tid = first.from.port;
    c.send({ op: 'ACK', block: 1 }, tid);
    expect((await c.next()).packet).toMatchObject({ op: 'DATA', block: 2 });
    // The ACK for block 1 again, three times: the server must send nothing for them.
    for (let i = 0; i < 3; i++) c.send({ op: 'ACK', block: 1 }, tid);
    c.send({ op: 'ACK', block: 2 }, tid);
    expect((await c.next()).packet).toMatchObject({ op: 'DATA', block: 3 });
    c.send({ op: 'ACK', block: 2 }, tid);
    c.send({ op: 'ACK', block: 3 }, tid);
    expect((await c.next()).packet).toMatchObject({ op: 'DATA', block: 4 });
    c.send({ op: 'ACK', block: 4 }, tid);
    const last = await c.next();
    expect(last.packet).toMatchObject({ op: 'DATA', block: 5 });
    c.send({ op: 'ACK', block: 5 }, tid);
    await until(() => fx?.events.some((e) => e.type === 'completed') ?? false, 'completion');
    expect(await c.drain(100)).toEqual([]);
    const done = fx.events.find((e) => e.type === 'completed');
    expect(done?.type === 'completed' && done.retransmits).toBe(0);
  });

  it('windowsize: a mid-window ACK restarts the window after it (RFC 7440), a stale one sends nothing', async () => {
    fx = await startFixture({ timeoutMs: 5000 });
    await fs.writeFile(path.join(fx.root, 'w.bin'), patternBytes(512 * 10 + 1));
    const c = await peer();
    c.send({ op: 'RRQ', filename: 'w.bin', mode: 'octet', options: { windowsize: '4' } }, fx.port);
    const oack = await c.next();
    expect(oack.packet).toEqual({ op: 'OACK', options: { windowsize: '4' } });
    const tid = oack.from.port;
    c.send({ op: 'ACK', block: 0 }, tid);
    const blocks = async (n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const { packet } = await c.next();
        if (packet.op === 'DATA') out.push(packet.block);
      }
      return out;
    };
    expect(await blocks(4)).toEqual([1, 2, 3, 4]);
    c.send({ op: 'ACK', block: 2 }, tid); // Lost 3: the client says it holds up to 2.
    expect(await blocks(4)).toEqual([3, 4, 5, 6]);
    c.send({ op: 'ACK', block: 2 }, tid); // Stale duplicate: nothing.
    expect(await c.drain(100)).toEqual([]);
    c.send({ op: 'ACK', block: 6 }, tid);
    expect(await blocks(4)).toEqual([7, 8, 9, 10]);
    c.send({ op: 'ACK', block: 10 }, tid);
    expect(await blocks(1)).toEqual([11]);
    c.send({ op: 'ACK', block: 11 }, tid);
    await until(() => fx?.events.some((e) => e.type === 'completed') ?? false, 'completion');
  });

  // The transfer socket is connected to its client, as tftpd-hpa's is: a stranger's datagrams never reach the transfer
  // (the kernel answers ICMP port unreachable), so it gets no TFTP error 5 and cannot move or end the transfer.
  it('ignores a stranger on the transfer port and carries on', async () => {
    fx = await startFixture({ timeoutMs: 5000 });
    const data = patternBytes(512 * 2 + 1);
    await fs.writeFile(path.join(fx.root, 't.bin'), data);
    const c = await peer();
    const stranger = await peer();
    c.send({ op: 'RRQ', filename: 't.bin', mode: 'octet', options: {} }, fx.port);
    const first = await c.next();
    stranger.send({ op: 'ACK', block: 1 }, first.from.port);
    stranger.send({ op: 'ERROR', code: 0, message: 'stop' }, first.from.port);
    expect(await c.drain(50)).toEqual([]); // The stranger's ACK moved nothing.
    expect(await stranger.drain(0)).toEqual([]);
    c.send({ op: 'ACK', block: 1 }, first.from.port);
    expect((await c.next()).packet).toMatchObject({ op: 'DATA', block: 2 });
    c.send({ op: 'ACK', block: 2 }, first.from.port);
    expect((await c.next()).packet).toMatchObject({ op: 'DATA', block: 3 });
    c.send({ op: 'ACK', block: 3 }, first.from.port);
    await until(() => fx?.events.some((e) => e.type === 'completed') ?? false, 'completion');
  });

  it('retransmits on timeout and gives up after the set retries with a reason', async () => {
    fx = await startFixture({ timeoutMs: 50, retries: 3 });
    await fs.writeFile(path.join(fx.root, 'r.bin'), patternBytes(600));
    const c = await peer();
    c.send({ op: 'RRQ', filename: 'r.bin', mode: 'octet', options: {} }, fx.port);
    await until(() => fx?.events.some((e) => e.type === 'failed') ?? false, 'failure');
    const packets = await c.drain(20);
    // The first send, three retransmissions, then an ERROR telling the client.
    expect(packets.filter((p) => p.op === 'DATA').length).toBe(4);
    expect(packets.at(-1)).toMatchObject({ op: 'ERROR' });
    const failed = fx.events.find((e) => e.type === 'failed');
    expect(failed?.type === 'failed' && failed.reason).toMatch(/timed out/);
  });

  it('ends on the ACK of the last short block, and sends an empty last block for exact multiples', async () => {
    fx = await startFixture();
    await fs.writeFile(path.join(fx.root, 'm.bin'), patternBytes(1024));
    const r = await tftpGet({ port: fx.port, filename: 'm.bin' });
    expect(r.ok && r.data.length).toBe(1024);
    await until(() => fx?.events.some((e) => e.type === 'completed') ?? false, 'completion');
    const done = fx.events.find((e) => e.type === 'completed');
    expect(done?.type === 'completed' && done.blocks).toBe(3);
  });

  it('a repeated RRQ from the same port does not start a second transfer', async () => {
    fx = await startFixture({ timeoutMs: 5000 });
    await fs.writeFile(path.join(fx.root, 'd.bin'), patternBytes(100));
    const c = await peer();
    const rrq = { op: 'RRQ' as const, filename: 'd.bin', mode: 'octet', options: {} };
    c.send(rrq, fx.port);
    c.send(rrq, fx.port);
    const first = await c.next();
    expect(await c.drain(100)).toEqual([]);
    c.send({ op: 'ACK', block: 1 }, first.from.port);
    await until(() => fx?.events.some((e) => e.type === 'completed') ?? false, 'completion');
    expect(fx.events.filter((e) => e.type === 'request').length).toBe(1);
  });

  it.each([0, 1] as const)('block numbers roll over past 65535 to %i', async (rolloverTo) => {
    fx = await startFixture({ rolloverTo, maxBlksize: 1468 });
    // 8-byte blocks: 70 000 blocks in 560 kB.
    const data = patternBytes(8 * 70_000 + 3, 11);
    await fs.writeFile(path.join(fx.root, 'roll.bin'), data);
    const r = await tftpGet({ port: fx.port, filename: 'roll.bin', options: { blksize: '8', windowsize: '16' }, rolloverTo });
    expect(r.ok && sha256(r.data)).toBe(sha256(data));
    // The same file read by a client expecting the other convention fails cleanly instead of corrupting.
    const wrong = await tftpGet({ port: fx.port, filename: 'roll.bin', options: { blksize: '8', windowsize: '16' }, rolloverTo: rolloverTo === 0 ? 1 : 0, timeoutMs: 100, retries: 2 });
    expect(wrong.ok).toBe(false);
  });

  it('a window wider than the 2 MiB read cache (blksize 65464, windowsize 64) still delivers every byte', async () => {
    fx = await startFixture({ maxBlksize: 65464, maxWindowsize: 64, timeoutMs: 100, retries: 20 }); // Bursts this wide overflow loopback buffers.
    const data = patternBytes(5 * 1024 * 1024 + 5, 21);
    await fs.writeFile(path.join(fx.root, 'wide.bin'), data);
    const r = await tftpGet({ port: fx.port, filename: 'wide.bin', options: { blksize: '65464', windowsize: '64' }, timeoutMs: 100, retries: 20 });
    expect(r.ok && sha256(r.data)).toBe(sha256(data));
  });

  it('many transfers at once, several from the same phone', async () => {
    fx = await startFixture({ maxTransfersPerClient: 40 });
    const files = ['RINGLIST.DAT', 'dialplan.xml', 'SIPDefault.cnf', 'OS79XX.TXT'];
    const data = new Map(files.map((f, i) => [f, patternBytes(3000 + i * 700, i + 1)]));
    for (const [f, d] of data) await fs.writeFile(path.join(fx.root, f), d);
    const gets = Array.from({ length: 40 }, (_, i) => {
      const f = files[i % files.length] as string;
      return tftpGet({ port: fx!.port, filename: f, options: i % 2 ? { blksize: '1468' } : {} }).then((r) => ({ f, r }));
    });
    for (const { f, r } of await Promise.all(gets)) expect(r.ok && sha256(r.data)).toBe(sha256(data.get(f) as Buffer));
  });

  it('uses the configured port range for transfers', async () => {
    const probe = createSocket('udp4');
    await new Promise<void>((r) => probe.bind({ address: '127.0.0.1', port: 0 }, r));
    const base = probe.address().port;
    probe.close();
    fx = await startFixture({ portRange: { from: base, to: base + 3 } });
    await fs.writeFile(path.join(fx.root, 'p.bin'), patternBytes(10));
    const c = await peer();
    c.send({ op: 'RRQ', filename: 'p.bin', mode: 'octet', options: {} }, fx.port);
    const { from } = await c.next();
    expect(from.port).toBeGreaterThanOrEqual(base);
    expect(from.port).toBeLessThanOrEqual(base + 3);
  });
});

describe('uploads', () => {
  it('refuses WRQ when no upload folder is set', async () => {
    fx = await startFixture();
    const c = await peer();
    c.send({ op: 'WRQ', filename: 'x.bin', mode: 'octet', options: {} }, fx.port);
    expect((await c.next()).packet).toMatchObject({ op: 'ERROR', code: 2 });
    expect(fx.events.some((e) => e.type === 'refused' && e.reason === 'write-disabled')).toBe(true);
  });

  it('accepts an upload into the upload folder, whole or not at all, never overwriting', async () => {
    const up = await tempDir('up');
    fx = await startFixture({ uploadDir: up });
    const data = patternBytes(1500, 5);
    const c = await peer();
    c.send({ op: 'WRQ', filename: 'log.txt', mode: 'octet', options: {} }, fx.port);
    const ack0 = await c.next();
    expect(ack0.packet).toEqual({ op: 'ACK', block: 0 });
    for (let b = 1; b <= 3; b++) {
      c.send({ op: 'DATA', block: b, data: data.subarray((b - 1) * 512, b * 512) }, ack0.from.port);
      expect((await c.next()).packet).toEqual({ op: 'ACK', block: b });
    }
    expect(await fs.readFile(path.join(up, 'log.txt'))).toEqual(data);
    expect((await fs.readdir(up)).length).toBe(1);
    c.send({ op: 'WRQ', filename: 'log.txt', mode: 'octet', options: {} }, fx.port);
    expect((await c.next()).packet).toMatchObject({ op: 'ERROR', code: 6 });
    await fs.rm(up, { recursive: true, force: true });
  });
});

describe('binding', () => {
  it('refuses 0.0.0.0 unless asked explicitly', async () => {
    await expect(TftpServer.start({ address: '0.0.0.0', port: 0, sources: [], maxBlksize: 512, maxWindowsize: 1, timeoutMs: 1000, retries: 1, rolloverTo: 0 })).rejects.toThrow(/0\.0\.0\.0/);
  });

  it('names port-in-use and the process holding it', async () => {
    fx = await startFixture();
    const e = await TftpServer.start({ address: '127.0.0.1', port: fx.port, sources: [], maxBlksize: 512, maxWindowsize: 1, timeoutMs: 1000, retries: 1, rolloverTo: 0 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PhonebenchError);
    expect((e as PhonebenchError).code).toBe('port-in-use');
    if (process.platform === 'linux') expect((e as PhonebenchError).message).toMatch(/pid \d+/);
  });

  it('maps an address this machine does not have to address-unavailable', async () => {
    // 192.0.2.1 is TEST-NET-1: bind only, nothing is ever sent.
    const e = await TftpServer.start({ address: '192.0.2.1', port: 0, sources: [], maxBlksize: 512, maxWindowsize: 1, timeoutMs: 1000, retries: 1, rolloverTo: 0 }).catch((x: unknown) => x);
    expect((e as PhonebenchError).code).toBe('address-unavailable');
  });
});
