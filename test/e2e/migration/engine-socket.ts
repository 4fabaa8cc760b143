import WebSocket from 'ws';
import { formatMessage } from '../../../shared/i18n/format';
import type { Message } from '../../../shared/i18n/message';

/**
 * Asks the engine behind `phonebench serve` directly, over the same token-guarded WebSocket the page uses:
 * the test's own view of what the engine did, independent of what the UI shows.
 */
export async function askEngine<T>(appUrl: string, name: string, params: Record<string, unknown> = {}): Promise<T> {
  const page = new URL(appUrl);
  const token = page.searchParams.get('token') ?? '';
  const ws = new WebSocket(`ws://${page.host}/api?token=${encodeURIComponent(token)}`, { headers: { Origin: page.origin } });
  try {
    return await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name}: no answer from the engine in 10 s`)), 10_000);
      ws.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; id?: number; result?: { ok: boolean; value?: T; error?: { message: Message } } };
        if (message.type !== 'response' || message.id !== 1) return;
        clearTimeout(timer);
        if (message.result?.ok) resolve(message.result.value as T);
        else reject(new Error(`${name}: ${message.result?.error ? formatMessage('en', message.result.error.message) : 'failed'}`));
      });
      ws.once('open', () => ws.send(JSON.stringify({ type: 'request', id: 1, name, params })));
    });
  } finally {
    ws.close();
  }
}
