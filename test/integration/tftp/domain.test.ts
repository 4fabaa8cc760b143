import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine';
import type { TftpEvent } from '../../../shared/api/tftp';
import { tempDir, until } from './server-fixture';
import { tftpGet } from './test-client';

describe('tftp domain through the engine contract', () => {
  it('starts, serves, logs, reports its service state and stops', async () => {
    const dataDir = await tempDir('engine');
    const root = await tempDir('engine-root');
    await fs.writeFile(path.join(root, 'RINGLIST.DAT'), 'Chirp1  Chirp1.raw\n');
    const engine = await Engine.create({ dataDir, host: 'cli' });
    const transfers: TftpEvent[] = [];
    const states: string[] = [];
    engine.listen((name, payload) => {
      if (name === 'tftp:transfer') transfers.push(payload as TftpEvent);
      if (name === 'service:state' && (payload as { name: string }).name === 'tftp') states.push((payload as { state: string }).state);
    });
    try {
      const ifs = await engine.request('tftp:interfaces', {});
      expect(ifs.ok && ifs.value.some((i) => i.address === '127.0.0.1' && i.internal)).toBe(true);

      const ambiguous = await engine.request('tftp:start', { address: '127.0.0.1', port: 0, root });
      expect(!ambiguous.ok && ambiguous.error.code).toBe('bad-request');
      const anyAddr = await engine.request('tftp:start', { address: '0.0.0.0', port: 0, root, allowAll: true });
      expect(!anyAddr.ok && anyAddr.error.code).toBe('bad-request');
      const missing = await engine.request('tftp:start', { address: '127.0.0.1', port: 0, root: path.join(root, 'nope'), allowAll: true });
      expect(!missing.ok && missing.error.code).toBe('not-found');

      const started = await engine.request('tftp:start', { address: '127.0.0.1', port: 0, root, allow: ['127.0.0.1'] });
      expect(started.ok).toBe(true);
      if (!started.ok) return;
      expect(started.value).toMatchObject({ state: 'running', address: '127.0.0.1', allow: ['127.0.0.1'] });
      const port = started.value.port as number;

      const got = await tftpGet({ port, filename: 'ringlist.dat' });
      expect(got.ok && got.data.toString()).toBe('Chirp1  Chirp1.raw\n');
      await until(() => transfers.some((e) => e.type === 'completed'), 'completion event');

      const locked = await engine.request('tftp:allow', { allow: ['127.0.0.9'] });
      expect(locked.ok && locked.value.allow).toEqual(['127.0.0.9']);
      const refused = await tftpGet({ port, filename: 'RINGLIST.DAT', retries: 0 });
      expect(refused.ok).toBe(false);

      const log = await engine.request('tftp:log', {});
      const text = log.ok ? log.value.map((l) => l.text).join('\n') : '';
      expect(text).toMatch(/Serving 'RINGLIST\.DAT' \(asked for 'ringlist\.dat', matched ignoring case\)/);
      expect(text).toMatch(/Sending 'RINGLIST\.DAT' to 127\.0\.0\.1 \(octet, blksize 512\): Successful, 19 bytes/);
      expect(text).toMatch(/refused: not the target phone/);

      const stopped = await engine.request('tftp:stop', {});
      expect(stopped.ok && stopped.value.state).toBe('stopped');
      expect(states).toContain('running');
      expect(states.at(-1)).toBe('stopped');
    } finally {
      await engine.close();
      await fs.rm(dataDir, { recursive: true, force: true });
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
