import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../../electron/engine/engine';
import { engineLogFile } from '../../../../electron/engine/engine-log';

const fresh = () => mkdtempSync(path.join(os.tmpdir(), 'pb-engine-fail-'));

describe('unexpected failures reach the engine log with their stack', () => {
  it('a handler that throws something unexpected answers internal and logs the stack', async () => {
    const engine = await Engine.create({ dataDir: fresh(), host: 'cli', process: new EventEmitter() });
    try {
      // A bug stands in for a handler: the engine must not lose what it threw.
      (engine as unknown as { handlers: Map<string, () => unknown> }).handlers.set('app:status', function brokenHandler() {
        throw new TypeError('cannot read the thing');
      });
      const answer = await engine.request('app:status', {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
      const line = engine.log.recent(5).find((e) => e.area === 'engine');
      expect(line).toMatchObject({ level: 'error', action: 'answer request', context: { request: 'app:status' } });
      expect(line?.detail).toContain('TypeError: cannot read the thing');
      expect(line?.detail).toContain('brokenHandler');
    } finally {
      await engine.close();
    }
  });

  it('an unhandled rejection or uncaught exception of the process is written to the log file at once, with its stack', async () => {
    const proc = new EventEmitter();
    const dataDir = fresh();
    const engine = await Engine.create({ dataDir, host: 'browser', process: proc });
    proc.emit('uncaughtExceptionMonitor', new Error('rejected late'), 'unhandledRejection');
    // Written synchronously: a crashing process has no later turn of the loop.
    const lines = readFileSync(engineLogFile(dataDir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; detail: string });
    expect(lines.at(-1)).toMatchObject({ action: 'unhandled rejection' });
    expect(lines.at(-1)?.detail).toMatch(/Error: rejected late\n\s+at /);
    await engine.close();
    // A closed engine stops watching: another engine's log is its own.
    expect(proc.listenerCount('uncaughtExceptionMonitor')).toBe(0);
  });
});
