import { existsSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientMessageSchema, type ServerMessage } from '../../shared/api/wire';
import { err, PhonebenchError } from '../../shared/api/result';
import { msg } from '../../shared/i18n/message';
import type { Engine } from '../engine/engine';
import { serveStatic } from './static-files';
import { saveUpload } from './upload';
import { AnonymousConnections } from './anonymous-connections';
import { WebAuth } from './web-auth';
import { ConnectionGuard, DEFAULT_WEB_LIMITS, WebLoad, type WebLimits, type WebLoadStats } from './web-limits';

/** Where an old tab checks whether this server still knows its token (see renderer/src/api/client.ts). */
export const ALIVE_PATH = '/api/alive';

export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface WebHostOptions {
  engine: Engine;
  /** 0 picks a free port. */
  port: number;
  rendererDir?: string;
  /** Defaults: DEFAULT_WEB_LIMITS. */
  limits?: Partial<WebLimits>;
  /** A token kept from an earlier start (web-session.ts); absent: a fresh one. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  /** What the host holds now: connections, requests in flight, uploads. */
  stats(): WebLoadStats;
  close(): Promise<void>;
}

/** `phonebench serve`: the renderer and the API over a WebSocket, on 127.0.0.1 only, behind a per-start token. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  let port = options.port;
  const auth = new WebAuth(() => port, options.token);
  const sockets = new Set<WebSocket>();
  const load = new WebLoad({ ...DEFAULT_WEB_LIMITS, ...options.limits });
  const wss = new WebSocketServer({ noServer: true, maxPayload: load.limits.maxMessageBytes });

  const anonymous = new AnonymousConnections(load.limits.maxAnonymousConnections, load.limits.headersTimeoutMs);
  // A short time for headers, checked every second (Node checks every 30 s by default).
  const server = http.createServer({ headersTimeout: load.limits.headersTimeoutMs, connectionsCheckingInterval: 1000 }, (req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, error instanceof Error ? error.message : 'internal error');
      else res.destroy();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isPost = req.method === 'POST';
    if (!auth.sameSite(req, isPost) || !auth.hasToken(req, url)) {
      res.setHeader('connection', 'close');
      sendText(res, 403, 'Forbidden: open the exact URL that `phonebench serve` printed (it carries a token).');
      return;
    }
    anonymous.trust(req.socket);
    // A tab that lost its socket asks here: 204 means "retry", the 403 above means "a newer start, new token".
    if (url.pathname === ALIVE_PATH) {
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
      return;
    }
    if (isPost && url.pathname === '/upload') {
      await receiveUpload(req, res, options.engine.ctx.dataDir, url.searchParams.get('name'), load);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed');
      return;
    }
    if (!existsSync(rendererDir)) {
      sendText(res, 503, `The UI is not built yet: run 'npm run build:renderer' (looked in ${rendererDir}).`);
      return;
    }
    const headers = {
      'set-cookie': auth.sessionCookie(),
      'content-security-policy': contentSecurityPolicy(port),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    };
    if (await serveStatic(rendererDir, url.pathname, res, headers)) return;
    // A single-page app: unknown paths get the page itself.
    if (await serveStatic(rendererDir, '/index.html', res, headers)) return;
    sendText(res, 404, 'Not found');
  }

  server.on('connection', (socket: Socket) => anonymous.add(socket));

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/api' || !auth.sameSite(req, true) || !auth.hasToken(req, url)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    if (load.connections >= load.limits.maxConnections) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    anonymous.trust(socket as Socket);
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    sockets.add(ws);
    const guard = new ConnectionGuard(load);
    const send = (message: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unlisten = options.engine.listen((name, payload) => send({ type: 'event', name, payload }));
    ws.on('message', (data) => {
      if (!guard.admit()) {
        ws.close(1008, 'message rate limit');
        return;
      }
      let parsed;
      try {
        parsed = clientMessageSchema.safeParse(JSON.parse(String(data)));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) {
        send({ type: 'response', id: -1, result: err('bad-request', msg('engine.malformedMessage')) });
        return;
      }
      const { id, name, params } = parsed.data;
      void guard
        .run(
          () => options.engine.request(name, params),
          (busy) => ({ ok: false as const, error: busy.toAppError() }),
        )
        .then((result) => send({ type: 'response', id, result }));
    });
    ws.on('close', () => {
      guard.release();
      unlisten();
      sockets.delete(ws);
    });
    ws.on('error', () => ws.terminate());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new PhonebenchError('port-in-use', msg('web.portInUse', { port: options.port }), msg('web.portInUse.fix')));
      } else reject(error);
    });
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/?token=${auth.token}`,
    port,
    token: auth.token,
    stats: () => load.stats(anonymous.size),
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closed;
    },
  };
}

/** One browser upload, within the host's size and concurrency limits. */
async function receiveUpload(req: IncomingMessage, res: ServerResponse, dataDir: string, name: string | null, load: WebLoad): Promise<void> {
  let release: (() => void) | undefined;
  try {
    release = load.claimUpload();
    const file = await saveUpload(req, dataDir, name, load);
    sendJson(res, 200, { ok: true, value: { path: file } });
  } catch (error) {
    const appError = error instanceof PhonebenchError ? error.toAppError() : { code: 'io-error' as const, message: msg('error.internal', { detail: String(error) }) };
    const status = appError.code === 'busy' ? 429 : 400;
    // The body may be unread (refused before reading): close rather than read a flood to its end.
    if (!req.complete) res.setHeader('connection', 'close');
    sendJson(res, status, { ok: false, error: appError });
  } finally {
    release?.();
  }
}

function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
