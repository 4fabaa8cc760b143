import type { EventName, Events, PhonebenchClient, RequestName } from '../../../shared/api/contract';
import { err, type Result } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { ServerMessage } from '../../../shared/api/wire';

/** 'stale': the server answering is a newer start that refuses this tab's token; retrying cannot help. */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'stale';

/** The browser host's liveness check: 204 with our token, 403 when the server was restarted (a new token). */
export const ALIVE_PATH = '/api/alive';

/** What the Electron preload exposes as window.phonebench (see electron/preload). */
export interface PreloadBridge {
  request(domain: string, verb: string, params: unknown): Promise<Result<unknown>>;
  subscribe(name: string, listener: (payload: unknown) => void): () => void;
}

type Listener = (payload: unknown) => void;

/** The renderer's one way to the engine: over the preload in Electron, over a WebSocket in the browser. */
export interface RendererClient extends PhonebenchClient {
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

export function createClient(): RendererClient {
  const bridge = (window as unknown as { phonebench?: PreloadBridge }).phonebench;
  return bridge ? bridgeClient(bridge) : webSocketClient();
}

function bridgeClient(bridge: PreloadBridge): RendererClient {
  return {
    request(name, params) {
      const [domain, verb] = String(name).split(':') as [string, string];
      return bridge.request(domain, verb, params) as never;
    },
    subscribe(name, listener) {
      return bridge.subscribe(name, listener as Listener);
    },
    onConnection(listener) {
      listener('open');
      return () => {};
    },
  };
}

function webSocketClient(): RendererClient {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  // Without ?token (a tab reopened from history) the session cookie carries it.
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<Listener>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket | undefined;
  let state: ConnectionState = 'connecting';
  let retryMs = 250;

  const aliveUrl = token ? `${ALIVE_PATH}?token=${encodeURIComponent(token)}` : ALIVE_PATH;
  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of connectionListeners) listener(next);
  };

  const connect = () => {
    setState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      setState('open');
      for (const message of queue) ws.send(message);
      queue = [];
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if (message.type === 'response') {
        pending.get(message.id)?.(message.result as Result<unknown>);
        pending.delete(message.id);
      } else {
        for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
      }
    };
    ws.onclose = () => {
      if (state === 'stale') return;
      setState('closed');
      for (const resolve of pending.values()) {
        resolve(err('not-running', msg('web.connectionLost')));
      }
      pending.clear();
      const delay = retryMs;
      retryMs = Math.min(retryMs * 2, 5000);
      // A refused upgrade looks like a dead server to a WebSocket; a plain request tells them apart.
      void isStale(aliveUrl).then((stale) => {
        if (stale) return goStale();
        setTimeout(connect, delay);
      });
    };
  };
  const goStale = () => {
    setState('stale');
    for (const resolve of pending.values()) resolve(err('not-running', msg('web.restarted')));
    pending.clear();
    queue = [];
  };
  connect();

  return {
    request<N extends RequestName>(name: N, params: unknown) {
      const id = nextId++;
      const message = JSON.stringify({ type: 'request', id, name, params });
      return new Promise((resolve) => {
        if (state === 'stale') {
          resolve(err('not-running', msg('web.restarted')));
          return;
        }
        pending.set(id, resolve as (result: Result<unknown>) => void);
        if (state === 'open' && socket?.readyState === WebSocket.OPEN) socket.send(message);
        else queue.push(message);
      }) as never;
    },
    subscribe<E extends EventName>(name: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(name) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(name, set);
      return () => set.delete(listener as Listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
  };
}

/** True only when a server answers on this address and refuses our token; a dead server is not stale. */
async function isStale(aliveUrl: string): Promise<boolean> {
  try {
    const response = await fetch(aliveUrl, { cache: 'no-store', credentials: 'same-origin' });
    return response.status === 403;
  } catch {
    return false;
  }
}
