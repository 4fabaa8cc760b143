import { mkdirSync, mkdtempSync, promises as fs, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Engine } from '../../../../electron/engine/engine';
import { startWebHost, type WebHost } from '../../../../electron/web/web-host';

/**
 * Issue 18 item 8: idle connections that never show the token could hold file descriptors without end, and a tab
 * opened from the cookie without `?token` (the renderer then sent `?token=`) was refused forever.
 */
let engine: Engine;
let host: WebHost;
let dataDir: string;
const MAX_ANONYMOUS = 8;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pb-webconn-'));
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>pb</title>');
  engine = await Engine.create({ dataDir, host: 'browser' });
  host = await startWebHost({ engine, port: 0, rendererDir, limits: { maxAnonymousConnections: MAX_ANONYMOUS, headersTimeoutMs: 2000 } });
});
afterAll(async () => {
  await host.close();
  await engine.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

function get(pathAndQuery: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: pathAndQuery, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function cookie(): Promise<string> {
  const first = await get(`/?token=${host.token}`);
  return String(first.headers['set-cookie']).split(';')[0] ?? '';
}

function wsOutcome(query: string, headers: Record<string, string>): Promise<'open' | 'refused'> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api${query}`, { origin: `http://127.0.0.1:${host.port}`, headers });
  return new Promise((resolve) => {
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('error', () => resolve('refused'));
  });
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 800; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('a tab opened without ?token', () => {
  it('is accepted through its session cookie, with an empty ?token= too; a wrong token still is not', async () => {
    const session = await cookie();
    expect((await get('/', { cookie: session })).status).toBe(200);
    expect((await get('/?token=', { cookie: session })).status).toBe(200);
    expect((await get('/api/alive', { cookie: session })).status).toBe(204);
    expect(await wsOutcome('', { cookie: session })).toBe('open');
    expect(await wsOutcome('?token=', { cookie: session })).toBe('open');
    // An older start's token in the query decides (that tab is stale), and no cookie means no entry.
    expect((await get('/?token=older-start', { cookie: session })).status).toBe(403);
    expect(await wsOutcome('?token=', {})).toBe('refused');
  });
});

describe('connections that never show the token', () => {
  it(`are held to ${MAX_ANONYMOUS} at once, the oldest closed first; the tab still gets in`, async () => {
    const sockets: net.Socket[] = [];
    let closed = 0;
    for (let i = 0; i < 100; i++) {
      const s = net.connect(host.port, '127.0.0.1');
      s.on('close', () => (closed += 1));
      s.on('error', () => {});
      sockets.push(s);
      await new Promise<void>((r) => s.once('connect', () => r()));
    }
    await until(() => closed >= 100 - MAX_ANONYMOUS, 'the host to close all but the newest idle connections');
    console.log(`idle connections: 100 opened, ${closed} closed by the host`);
    expect(host.stats().anonymous).toBeLessThanOrEqual(MAX_ANONYMOUS);
    expect((await get(`/?token=${host.token}`)).status).toBe(200);
    for (const s of sockets) s.destroy();
  });

  it('that send half a request are closed after the headers timeout', async () => {
    const s = net.connect(host.port, '127.0.0.1');
    s.on('error', () => {});
    await new Promise<void>((r) => s.once('connect', () => r()));
    s.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    let ended = false;
    s.on('close', () => (ended = true));
    await until(() => ended, 'the host to close a connection that never finished its headers');
    expect(ended).toBe(true);
  });
});
