import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineLogEntry } from '../../../shared/api/engine-log';
import type { MigrationStatus } from '../../../shared/api/migrate';
import { runCli } from '../../../electron/cli/main';
import { Engine } from '../../../electron/engine/engine';
import { engineLogFile } from '../../../electron/engine/engine-log';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';
import { recordingIo } from '../../support/cli-harness';
import { errorText } from '../../support/error-text';

/** A report that cannot be saved used to vanish silently; now it is in logs/engine.jsonl and on the Status page. */
const dir = mkdtempSync(path.join(tmpdir(), 'pb-engine-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the engine log', () => {
  it('holds a failed report save, with context, and app:log and status name it', async () => {
    const dataDir = path.join(dir, 'data');
    const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
    const bundle = (await new FirmwareLibrary(libraryRoot(dataDir)).import(fixtures.sccp812!.file)).id;
    // A file where the reports folder should be: every report save fails.
    writeFileSync(path.join(dataDir, 'reports'), 'not a folder');

    const engine = await Engine.create({ dataDir, host: 'cli' });
    try {
      const done = new Promise<MigrationStatus>((resolve) =>
        engine.listen((name, payload) => {
          const s = payload as MigrationStatus;
          if (name === 'migrate:state' && ['succeeded', 'failed', 'stopped'].includes(s.state)) resolve(s);
        }),
      );
      const started = await engine.request('migrate:start', { mac: '000E84C060A6', model: '7960', bundleId: bundle, bindAddress: '127.0.0.1', port: 0, demo: true, from: 'SIP 8.12' });
      if (!started.ok) throw new Error(errorText(started.error));
      expect((await done).state).toBe('succeeded');
      await engine.request('migrate:stop', {});
      const view = await engine.request('app:log', { limit: 50 });
      if (!view.ok) throw new Error(errorText(view.error));
      expect(view.value.file).toBe(engineLogFile(dataDir));
      const saved = view.value.entries.find((e) => e.action === 'save report');
      expect(saved).toMatchObject({ area: 'migrate', level: 'warn' });
      expect(saved?.detail).not.toBe('');
      expect(String(saved?.context?.file)).toMatch(/\.json$/);
    } finally {
      await engine.close();
    }
    const onDisk = readFileSync(engineLogFile(dataDir), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as EngineLogEntry);
    expect(onDisk.some((e) => e.area === 'migrate' && e.action === 'save report')).toBe(true);

    const c = recordingIo();
    expect(await runCli(['status', '--data-dir', dataDir], c.io)).toBe(0);
    expect(c.out()).toContain(`Engine log: ${engineLogFile(dataDir)}`);
  });
});
