import { createSocket, type Socket } from 'node:dgram';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../shared/api/app';
import type { TftpEvent } from '../../../shared/api/tftp';
import { decodePacket, encodePacket, TFTP_ERROR } from '../../../electron/engine/tftp/codec';
import { TftpService } from '../../../electron/engine/tftp/tftp-service';
import { patternBytes, sha256, startFixture, tempDir, until, type Fixture } from './server-fixture';
import { tftpGet } from './test-client';

/** Floods past the per-client and global transfer limits on loopback and checks that everything is given back. */

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

/** Resources Node holds for us, by kind (Timeout, UDPWRAP, ...). */
function resources(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) out[kind] = (out[kind] ?? 0) + 1;
  return out;
}

function heapMiB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

interface Answer {
  from: string;
  kind: 'data' | 'oack' | 'error';
  code?: number;
  message?: string;
}

/** One socket per request, so each is its own TID; none ever ACKs. */
async function flood(port: number, addresses: string[], perAddress: number, filename: string): Promise<{ sockets: Socket[]; answers: Map<Socket, Answer> }> {
  const sockets: Socket[] = [];
  const answers = new Map<Socket, Answer>();
  for (const address of addresses) {
    for (let i = 0; i < perAddress; i++) {
      const s = createSocket('udp4');
      await new Promise<void>((r) => s.bind({ address, port: 0 }, r));
      s.on('message', (msg) => {
        if (answers.has(s)) return;
        const p = decodePacket(msg);
        if (p.op === 'ERROR') answers.set(s, { from: address, kind: 'error', code: p.code, message: p.message });
        else answers.set(s, { from: address, kind: p.op === 'OACK' ? 'oack' : 'data' });
      });
      sockets.push(s);
    }
  }
  const rrq = encodePacket({ op: 'RRQ', filename, mode: 'octet', options: {} });
  for (const s of sockets) s.send(rrq, port, '127.0.0.1');
  await until(() => answers.size === sockets.length, 'an answer to every request', 400);
  return { sockets, answers };
}

function closeAll(sockets: Socket[]): Promise<void[]> {
  return Promise.all(sockets.map((s) => new Promise<void>((r) => s.close(() => r()))));
}

/** Most transfers alive at once, overall and per address, as the server's own events tell it. */
function concurrency(events: TftpEvent[]): { overall: number; perAddress: number } {
  const live = new Map<string, number>();
  let now = 0;
  let overall = 0;
  let perAddress = 0;
  for (const e of events) {
    if (e.type !== 'request' && e.type !== 'completed' && e.type !== 'failed') continue;
    const step = e.type === 'request' ? 1 : -1;
    now += step;
    const n = (live.get(e.client.address) ?? 0) + step;
    live.set(e.client.address, n);
    overall = Math.max(overall, now);
    perAddress = Math.max(perAddress, n);
  }
  return { overall, perAddress };
}

describe('transfer limits', () => {
  it('refuses past the per-client and global limits with a TFTP error, and gives back sockets, timers and memory', async () => {
    fx = await startFixture({ maxTransfers: 6, maxTransfersPerClient: 2, timeoutMs: 100, retries: 1 });
    const data = patternBytes(256 * 1024, 3);
    await fs.writeFile(path.join(fx.root, 'big.bin'), data);
    // Warm up (first transfer loads code and caches), then take the baseline.
    const warm = await tftpGet({ port: fx.port, filename: 'big.bin' });
    expect(warm.ok && sha256(warm.data)).toBe(sha256(data));
    await until(() => fx!.server.activeTransfers() === 0, 'the warm-up transfer to end');
    const before = resources();
    const heapBefore = heapMiB();

    const addresses = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6'];
    let heapAfterFirst = 0;
    for (let round = 0; round < 3; round++) {
      fx.events.length = 0;
      const { sockets, answers } = await flood(fx.port, addresses, 40, 'big.bin');
      const admitted = [...answers.values()].filter((a) => a.kind !== 'error');
      const refused = [...answers.values()].filter((a) => a.kind === 'error' && !/superseded/i.test(a.message ?? ''));
      const superseded = [...answers.values()].filter((a) => a.kind === 'error' && /superseded/i.test(a.message ?? ''));
      // Nobody answers, so each admitted transfer makes room for a newer request (issue 18 item 4); one still
      // being looked up cannot, and the request is refused. Every request is answered either way.
      expect(admitted.length).toBeGreaterThanOrEqual(6);
      expect(admitted.length + superseded.length + refused.length).toBe(200);
      for (const r of refused) {
        expect(r.code).toBe(TFTP_ERROR.notDefined);
        expect(r.message).toMatch(/busy|too many/i);
      }
      // Every refusal is reported (so logged), with the limit it hit.
      const refusals = fx.events.filter((e) => e.type === 'refused');
      expect(refusals.length).toBe(refused.length);
      for (const e of refusals) expect(e.type === 'refused' && ['busy', 'client-busy'].includes(e.reason)).toBe(true);
      // Nobody ACKs: the admitted transfers time out and end.
      await until(() => fx!.server.activeTransfers() === 0, 'the flooded transfers to time out', 400);
      const most = concurrency(fx.events);
      expect(most.overall).toBeLessThanOrEqual(6);
      expect(most.perAddress).toBeLessThanOrEqual(2);
      expect(fx.server.clientsWithTransfers()).toBe(0);
      await closeAll(sockets);
      // Transfer sockets close once their last datagram is out; retransmit timers are cleared.
      await until(() => (resources()['UDPWRAP'] ?? 0) <= (before['UDPWRAP'] ?? 0), 'transfer sockets to close');
      expect(resources()['Timeout'] ?? 0).toBeLessThanOrEqual(before['Timeout'] ?? 0);
      if (round === 0) heapAfterFirst = heapMiB();
    }
    const heapAfter = heapMiB();
    console.log(`heap: ${heapBefore.toFixed(1)} MiB before, ${heapAfterFirst.toFixed(1)} after one flood, ${heapAfter.toFixed(1)} after three`);
    // Three floods leave no more than the first did (nothing accumulates per request), and little beyond the baseline.
    expect(heapAfter - heapAfterFirst).toBeLessThan(2);
    expect(heapAfter - heapBefore).toBeLessThan(8);
    // Still serving afterwards.
    const after = await tftpGet({ port: fx.port, filename: 'big.bin' });
    expect(after.ok && sha256(after.data)).toBe(sha256(data));
  });

  it('a second file asked for on a TID whose transfer still runs is refused, not run alongside', async () => {
    fx = await startFixture({ timeoutMs: 100, retries: 1 });
    await fs.writeFile(path.join(fx.root, 'a.bin'), patternBytes(4096, 1));
    await fs.writeFile(path.join(fx.root, 'b.bin'), patternBytes(4096, 2));
    const s = createSocket('udp4');
    await new Promise<void>((r) => s.bind({ address: '127.0.0.1', port: 0 }, r));
    const got: ReturnType<typeof decodePacket>[] = [];
    s.on('message', (msg) => got.push(decodePacket(msg)));
    s.send(encodePacket({ op: 'RRQ', filename: 'a.bin', mode: 'octet', options: {} }), fx.port, '127.0.0.1');
    await until(() => got.length > 0, 'the first DATA');
    for (let i = 0; i < 20; i++) s.send(encodePacket({ op: 'RRQ', filename: 'b.bin', mode: 'octet', options: { x: String(i) } }), fx.port, '127.0.0.1');
    await until(() => fx!.events.filter((e) => e.type === 'refused').length === 20, 'twenty refusals');
    expect(fx.events.filter((e) => e.type === 'request').length).toBe(1);
    await until(() => fx!.server.activeTransfers() === 0, 'the transfer to time out', 400);
    expect(fx.server.clientsWithTransfers()).toBe(0);
    await new Promise<void>((r) => s.close(() => r()));
  });

  it('the settings carry the limits to the service, which refuses past them and logs it', async () => {
    const root = await tempDir('limits');
    await fs.writeFile(path.join(root, 'f.bin'), patternBytes(64 * 1024, 5));
    const settings = settingsSchema.parse({ tftp: { maxTransfersPerClient: 1, timeoutSeconds: 1, retries: 1 } });
    expect(settingsSchema.parse({}).tftp).toMatchObject({ maxTransfers: 64, maxTransfersPerClient: 8 });
    const service = new TftpService(() => settings.tftp);
    try {
      const status = await service.start({ address: '127.0.0.1', port: 0, root, allowAll: true, allowAnyAddress: false });
      const port = status.port ?? 0;
      const { sockets, answers } = await flood(port, ['127.0.0.1'], 3, 'f.bin');
      expect([...answers.values()].filter((a) => a.kind === 'error').length).toBe(2);
      expect(service.recentLog().filter((l) => /refused: 1 transfers at once from 127\.0\.0\.1/.test(l.text)).length).toBe(2);
      await closeAll(sockets);
    } finally {
      await service.stop();
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
