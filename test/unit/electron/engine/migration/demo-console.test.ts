import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../../../shared/api/contract';
import type { EngineContext } from '../../../../../electron/engine/context';
import { EventBus } from '../../../../../electron/engine/event-bus';
import { EngineLog } from '../../../../../electron/engine/engine-log';
import { DEMO_CONSOLE_LABEL, DEMO_VIRTUAL_PORT, demoConsoleRoot, openDemoConsole } from '../../../../../electron/engine/migration/demo-console';
import { createSerialDomain } from '../../../../../electron/engine/serial/serial-domain';
import { SettingsStore } from '../../../../../electron/engine/settings-store';

const dir = mkdtempSync(path.join(tmpdir(), 'pbdemoconsole-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serialDomain() {
  const dataDir = mkdtempSync(path.join(dir, 'data-'));
  const ctx: EngineContext = { log: new EngineLog(path.join(dataDir, 'logs', 'engine.jsonl')), dataDir, host: 'cli', settings: await SettingsStore.load(dataDir), events: new EventBus<Events>(), reportService: () => {} };
  return { dataDir, serial: createSerialDomain(ctx) };
}

describe('openDemoConsole', () => {
  it('falls back to the in-process port when socat is not on PATH, and says why', async () => {
    const { dataDir, serial } = await serialDomain();
    try {
      const c = await openDemoConsole(serial.service, dataDir, { mode: 'auto', locateSocat: () => Promise.resolve(undefined) });
      expect(c.kind).toBe('in-process');
      expect(c.fallback).toBe('socat is not on PATH');
      expect(c.session).toMatchObject({ path: DEMO_VIRTUAL_PORT, label: DEMO_CONSOLE_LABEL });
      await c.close();
      expect(await serial.handlers['serial:sessions']({})).toEqual([]);
    } finally {
      await serial.close();
    }
  });

  it('falls back when socat cannot start, and leaves no folder behind', async () => {
    const { dataDir, serial } = await serialDomain();
    try {
      const c = await openDemoConsole(serial.service, dataDir, { mode: 'auto', locateSocat: () => Promise.resolve(path.join(dir, 'no-such-socat')) });
      expect(c.kind).toBe('in-process');
      expect(c.fallback).toMatch(/socat PTY pair failed/);
      const root = demoConsoleRoot(dataDir);
      expect(existsSync(root) ? readdirSync(root) : []).toEqual([]);
      await c.close();
    } finally {
      await serial.close();
    }
  });
});
