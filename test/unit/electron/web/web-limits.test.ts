import { mkdtempSync, promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { Engine } from '../../../../electron/engine/engine';
import { startWebHost, type WebHost } from '../../../../electron/web/web-host';
import { RateBucket } from '../../../../electron/web/web-limits';

const MiB = 1024 * 1024;
let engine: Engine;
let host: WebHost;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pb-weblimits-'));
  engine = await Engine.create({ dataDir, host: 'browser' });
  host = await startWebHost({
    engine,
    port: 0,
    rendererDir: dataDir,
    limits: { messagesPerSecond: 20, messageBurst: 40, maxMessageBytes: 64 * 1024, maxInFlight: 4, maxConnections: 3, maxUploadBytes: 256 * 1024, maxConcurrentUploads: 2 },
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await host.close();
  await engine.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${host.port}`;

async function connect(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { origin: origin() });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return ws;
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

/** Polls (bounded by count, not by a timed assertion) until the host holds nothing. */
async function drained(): Promise<void> {
  for (let i = 0; i < 2000; i += 1) {
    const s = host.stats();
    if (s.connections === 0 && s.inFlight === 0 && s.uploads === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`the host still holds ${JSON.stringify(host.stats())}`);
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

function request(id: number): string {
  return JSON.stringify({ type: 'request', id, name: 'app:status', params: {} });
}

describe('WebSocket messages', () => {
  it('closes a connection that floods past its rate (1008), and everything returns to baseline', async () => {
    const warm = await connect();
    warm.close();
    await closed(warm);
    await drained();
    const baseTimers = timers();
    const baseHeap = process.memoryUsage().heapUsed;

    const ws = await connect();
    const code = closed(ws);
    let answered = 0;
    ws.on('message', () => (answered += 1));
    for (let i = 0; i < 5000; i += 1) ws.send(request(i));
    expect(await code).toBe(1008);
    await drained();
    console.log(`rate flood: 5000 sent, ${answered} answered before the close`);
    expect(answered).toBeLessThan(5000);
    expect(timers()).toBeLessThanOrEqual(baseTimers);
    expect(process.memoryUsage().heapUsed - baseHeap).toBeLessThan(32 * MiB);

    // The host still serves the next, well-behaved connection.
    const next = await connect();
    const reply = new Promise<string>((resolve) => next.once('message', (d) => resolve(String(d))));
    next.send(request(1));
    expect(JSON.parse(await reply)).toMatchObject({ id: 1, result: { ok: true } });
    next.close();
    await closed(next);
  });

  it('closes a connection that sends a message over the size limit (1009)', async () => {
    const ws = await connect();
    const code = closed(ws);
    ws.send(JSON.stringify({ type: 'request', id: 1, name: 'app:status', params: { pad: 'x'.repeat(128 * 1024) } }));
    expect(await code).toBe(1009);
    await drained();
  });

  it("answers 'busy' past the requests one connection may have running", async () => {
    const releases: (() => void)[] = [];
    const real = engine.request.bind(engine);
    vi.spyOn(engine, 'request').mockImplementation(async (name: string, params: unknown) => {
      await new Promise<void>((resolve) => releases.push(resolve));
      return real(name, params);
    });
    const ws = await connect();
    const replies: { id: number; result: { ok: boolean; error?: { code: string } } }[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(String(d)) as (typeof replies)[number]));
    for (let i = 0; i < 10; i += 1) ws.send(request(i));
    for (let i = 0; i < 200 && replies.length < 6; i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(replies.map((r) => r.result.error?.code)).toEqual(Array(6).fill('busy'));
    expect(host.stats().inFlight).toBe(4);
    for (const release of releases) release();
    for (let i = 0; i < 200 && replies.length < 10; i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(replies.filter((r) => r.result.ok)).toHaveLength(4);
    ws.close();
    await closed(ws);
    await drained();
  });

  it('refuses connections past the limit (503) and takes them again once one leaves', async () => {
    const open = [await connect(), await connect(), await connect()];
    await expect(connect()).rejects.toThrow(/503/);
    open[0]!.close();
    await closed(open[0]!);
    const again = await connect();
    for (const ws of [again, open[1]!, open[2]!]) {
      ws.close();
      await closed(ws);
    }
    await drained();
  });
});

interface Reply {
  status: number;
  body: { ok: boolean; error?: { code: string } };
}

/** Starts an upload; `chunks` are written, then it either ends or is left hanging for the caller. */
function upload(name: string, headers: Record<string, string | number>, chunks: Buffer[], end = true) {
  const req = http.request({
    host: '127.0.0.1',
    port: host.port,
    path: `/upload?token=${host.token}&name=${name}`,
    method: 'POST',
    headers: { origin: origin(), ...headers },
  });
  const reply = new Promise<Reply>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Reply['body'] }));
    });
    req.on('error', reject);
  });
  for (const chunk of chunks) req.write(chunk);
  if (end) req.end();
  return { req, reply };
}

async function uploadsLeft(): Promise<string[]> {
  return fs.readdir(path.join(dataDir, 'uploads')).catch(() => [] as string[]);
}

describe('uploads', () => {
  it('refuses a stated size over the limit before reading the body', async () => {
    const before = await uploadsLeft();
    const { req, reply } = upload('fw.zip', { 'content-length': 64 * MiB }, [Buffer.alloc(1024)], false);
    const res = await reply;
    req.destroy();
    expect(res.status).toBe(400);
    expect(res.body.ok).toBe(false);
    expect(await uploadsLeft()).toEqual(before);
    await drained();
  });

  it('stops an unstated size at the limit and removes what it had saved', async () => {
    const before = await uploadsLeft();
    const chunks = Array.from({ length: 8 }, () => Buffer.alloc(64 * 1024, 1)); // 512 KiB, chunked
    const { reply } = upload('fw.zip', { 'transfer-encoding': 'chunked' }, chunks);
    const res = await reply.catch(() => undefined);
    if (res) expect(res.status).toBe(400); // or the server closed before the client finished writing
    await drained();
    expect(await uploadsLeft()).toEqual(before);
  });

  it('refuses an upload past the concurrent limit (429), and frees the slots when they end', async () => {
    const baseTimers = timers();
    const held = [0, 1].map((i) => upload(`held-${i}.zip`, { 'transfer-encoding': 'chunked' }, [Buffer.alloc(1024)], false));
    for (let i = 0; i < 200 && host.stats().uploads < 2; i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(host.stats().uploads).toBe(2);
    const third = await upload('third.zip', {}, [Buffer.from('PK')]).reply;
    expect(third.status).toBe(429);
    expect(third.body.error?.code).toBe('busy');
    held[0]!.req.end();
    expect((await held[0]!.reply).status).toBe(200);
    held[1]!.req.destroy(); // a tab closed mid-upload
    await held[1]!.reply.catch(() => undefined);
    await drained();
    expect(timers()).toBeLessThanOrEqual(baseTimers);
  });
});

describe('RateBucket', () => {
  it('lets a burst through, then the sustained rate', () => {
    let t = 0;
    const bucket = new RateBucket(10, 3, () => t);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    t += 100;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
  });
});
