import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Events } from '../../../shared/api/contract';
import type { TimelineEntry } from '../../../shared/api/migrate';
import type { EngineContext } from '../../../electron/engine/context';
import { EngineLog } from '../../../electron/engine/engine-log';
import { EventBus } from '../../../electron/engine/event-bus';
import { engineLibrary } from '../../../electron/engine/firmware/firmware-domain';
import { createMigrateDomain } from '../../../electron/engine/migration/migrate-domain';
import { createSerialDomain } from '../../../electron/engine/serial/serial-domain';
import { linkedStreamPair } from '../../../electron/engine/serial/stream-link';
import { SettingsStore } from '../../../electron/engine/settings-store';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'pbconsolein-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The technician's console session feeds the migration's hints through the serial service's in-process event
 * (bytes), not through the wire event: with the wire event silenced, the hint still reaches the timeline.
 */
it('console text reaches the migration in process, as bytes, with no wire event involved', async () => {
  const dataDir = path.join(dir, 'data');
  const events = new EventBus<Events>();
  const ctx: EngineContext = { log: new EngineLog(path.join(dataDir, 'logs', 'engine.jsonl')), dataDir, host: 'cli', settings: await SettingsStore.load(dataDir), events, reportService: () => {} };
  const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
  const library = engineLibrary(ctx);
  const bundleId = (await library.import(fixtures.sip812!.file)).id;
  // What a host would see of the console: nothing. The migration must not need the wire's base64 frames.
  const emit = events.emit.bind(events);
  events.emit = (name, payload) => {
    if (name !== 'serial:data') emit(name, payload);
  };
  const serial = createSerialDomain(ctx);
  const migrate = createMigrateDomain(ctx, { library, serial: serial.service });
  const [phone, technician] = linkedStreamPair();
  try {
    const session = await serial.service.openVirtual('virtual:console-test', { key: 'serial.demoConsoleLabel', params: {} } as never, technician);
    const matched = new Promise<TimelineEntry>((resolve) =>
      events.listen((name, payload) => {
        if (name === 'migrate:timeline' && (payload as TimelineEntry).code === 'console-match') resolve(payload as TimelineEntry);
      }),
    );
    const started = await migrate.handlers['migrate:start']({
      mac: '000E84C060A6', model: '7960', bundleId, bindAddress: '127.0.0.1', port: 0, from: 'SCCP 8.1(2)', demo: false, phoneIp: '127.0.0.1', consoleSessionId: session.id,
    } as never);
    expect(started.state).toBe('waiting-for-phone');
    phone.write('TFTP: File not found\r\n');
    const entry = await matched;
    expect(entry.hintId).toBe('file-not-found');
  } finally {
    await migrate.close();
    await serial.close();
    phone.destroy();
    technician.destroy();
  }
}, 120_000);
