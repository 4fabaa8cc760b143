import { mkdtempSync, promises as fs, writeFileSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Engine } from '../../../../electron/engine/engine';
import { startWebHost, type WebHost } from '../../../../electron/web/web-host';

let engine: Engine;
let host: WebHost;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pb-web-'));
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>pb</title>');
  engine = await Engine.create({ dataDir, host: 'browser' });
  host = await startWebHost({ engine, port: 0, rendererDir });
});
afterAll(async () => {
  await host.close();
  await engine.close();
});

function get(pathAndQuery: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: pathAndQuery, method, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function openSocket(query: string, origin?: string) {
  return new WebSocket(`ws://127.0.0.1:${host.port}/api${query}`, origin ? { origin } : {});
}

describe('phonebench serve host', () => {
  it('binds 127.0.0.1 and prints a URL with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers the liveness check with 204 for its token and 403 for an older start\'s token', async () => {
    const ok = await get(`/api/alive?token=${host.token}`);
    expect(ok.status).toBe(204);
    expect(ok.body).toBe('');
    expect((await get('/api/alive?token=token-of-a-previous-start')).status).toBe(403);
  });

  it('serves the page with the token, and sets a strict CSP', async () => {
    const res = await get(`/?token=${host.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>pb</title>');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it.each([
    ['no token', '/', {}],
    ['a wrong token', '/?token=wrong', {}],
    ['a foreign Origin', `/?token=TOKEN`, { origin: 'http://evil.example' }],
    ['a foreign Host (DNS rebinding)', `/?token=TOKEN`, { host: 'evil.example:80' }],
  ])('refuses a page request with %s', async (_what, url, headers) => {
    const res = await get(url.replace('TOKEN', host.token), headers as Record<string, string>);
    expect(res.status).toBe(403);
  });

  it('accepts the session cookie set by the first page load', async () => {
    const first = await get(`/?token=${host.token}`);
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect((await get('/assets/whatever.js', { cookie })).status).toBe(200); // falls back to the page
    expect((await get('/', { cookie: cookie.replace(/=.*/, '=nope') })).status).toBe(403);
  });

  it('answers requests over the WebSocket with the token and our Origin', async () => {
    const ws = openSocket(`?token=${host.token}`, `http://127.0.0.1:${host.port}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const reply = new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    ws.send(JSON.stringify({ type: 'request', id: 7, name: 'app:status', params: {} }));
    expect(await reply).toMatchObject({ type: 'response', id: 7, result: { ok: true, value: { host: 'browser' } } });
    const bad = new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    ws.send('{not json');
    expect(await bad).toMatchObject({ type: 'response', result: { ok: false, error: { code: 'bad-request' } } });
    ws.close();
  });

  it.each([
    ['no token', '', 'ORIGIN'],
    ['a wrong token', '?token=nope', 'ORIGIN'],
    ['a foreign Origin', '?token=TOKEN', 'http://evil.example'],
    ['no Origin', '?token=TOKEN', undefined],
  ])('refuses a WebSocket with %s', async (_what, query, origin) => {
    const ws = openSocket(
      query.replace('TOKEN', host.token),
      origin === 'ORIGIN' ? `http://127.0.0.1:${host.port}` : origin,
    );
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });

  it('saves an upload under the data directory and refuses odd names', async () => {
    const origin = `http://127.0.0.1:${host.port}`;
    const res = await get(`/upload?token=${host.token}&name=fw.zip`, { origin }, 'POST', 'PK-data');
    const body = JSON.parse(res.body) as { ok: boolean; value: { path: string } };
    expect(body.ok).toBe(true);
    expect(path.relative(dataDir, body.value.path).startsWith('..')).toBe(false);
    expect(await fs.readFile(body.value.path, 'utf8')).toBe('PK-data');
    const odd = await get(`/upload?token=${host.token}&name=..`, { origin }, 'POST', 'x');
    expect(odd.status).toBe(400);
    const noOrigin = await get(`/upload?token=${host.token}&name=a.zip`, {}, 'POST', 'x');
    expect(noOrigin.status).toBe(403);
  });
});
