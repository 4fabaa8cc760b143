import { en, errorText } from '../../support/error-text';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TftpStatus } from '../../../shared/api/tftp';
import { Engine } from '../../../electron/engine/engine';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';

/** A technician who started the TFTP page's server, then a migration on the same port, is told which one to stop. */
const dir = mkdtempSync(path.join(tmpdir(), 'pb-portholder-'));
let engine: Engine;
let bundleId = '';

beforeAll(async () => {
  const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
  const dataDir = path.join(dir, 'data');
  bundleId = (await new FirmwareLibrary(libraryRoot(dataDir)).import(fixtures.sip812!.file)).id;
  engine = await Engine.create({ dataDir, host: 'cli' });
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

it("names the TFTP page's server when it holds the migration's port, and serves nothing", async () => {
  const page = await engine.request('tftp:start', { address: '127.0.0.1', port: 0, root: dir, allow: ['127.0.0.1'] });
  if (!page.ok) throw new Error(errorText(page.error));
  const port = (page.value as TftpStatus).port!;
  const started = await engine.request('migrate:start', {
    mac: '000E84C060A6', model: '7960', bundleId, bindAddress: '127.0.0.1', port, from: 'SCCP 8.1(2)', demo: true,
  });
  expect(started).toMatchObject({ ok: false, error: { code: 'port-in-use' } });
  if (started.ok) return;
  expect(en(started.error.message)).toContain("TFTP page's server");
  expect(en(started.error.fix)).toContain('Stop the server on the TFTP page');
  expect(await engine.request('migrate:status', {})).toMatchObject({ ok: true, value: null });

  // Once the page's server is stopped, the same migration starts.
  await engine.request('tftp:stop', {});
  const again = await engine.request('migrate:start', {
    mac: '000E84C060A6', model: '7960', bundleId, bindAddress: '127.0.0.1', port, from: 'SCCP 8.1(2)', demo: true,
  });
  expect(again.ok).toBe(true);
  await engine.request('migrate:stop', {});
});
