import { mkdtempSync, rmSync } from 'node:fs';
import { createSocket, type Socket } from 'node:dgram';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationStatus, TimelineEntry } from '../../../shared/api/migrate';
import { Engine } from '../../../electron/engine/engine';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';

/**
 * Everything a migration run opens (its TFTP and DHCP sockets, the console subscription, the demo console and its
 * socat, the virtual phone and its timers, the report write) is released by the one dispose behind migrate:stop,
 * whatever stage the run reached. After each stage the process's live handles and timers are back at baseline.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'pbrunrelease-'));
let engine: Engine;
let bundleId = '';
const FLASH_ENV = 'PHONEBENCH_DEMO_FLASH_WRITE_MS';
const savedFlash = process.env[FLASH_ENV];

/** Short-lived requests (a file read in flight, a queued callback) are not resources a run holds. */
const TRANSIENT = new Set(['FSReqCallback', 'FSReqPromise', 'Immediate', 'GetAddrInfoReqWrap', 'FileHandleCloseReq', 'StatWatcher']);

function resources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) if (!TRANSIENT.has(kind)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

const describeCounts = (m: Map<string, number>) => JSON.stringify(Object.fromEntries([...m].sort()));
let baseline = new Map<string, number>();

/** Waits (generously: the machine is shared) for the handles and timers to come back to the baseline. */
async function expectBaseline(stage: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (describeCounts(resources()) !== describeCounts(baseline) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  // The polling timer itself is gone by now: the loop ended.
  expect(describeCounts(resources()), `${stage}: handles and timers back at baseline`).toBe(describeCounts(baseline));
}

function demoParams() {
  return { mac: '00:0e:84:c0:60:a6', model: '7960', bundleId, bindAddress: '127.0.0.1', port: 0, from: 'SCCP 8.1(2)', demo: true };
}

/** Resolves with the first event payload that `pick` accepts. */
function waitFor<T>(pick: (name: string, payload: unknown) => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const off = engine.listen((name, payload) => {
      const found = pick(name, payload);
      if (found === undefined) return;
      off();
      resolve(found);
    });
  });
}

async function stopAndCheck(stage: string): Promise<void> {
  const stopped = await engine.request('migrate:stop', {});
  expect(stopped.ok, stage).toBe(true);
  const status = await engine.request('migrate:status', {});
  expect(status.ok && status.value?.state, stage).not.toBe('running');
  await expectBaseline(stage);
}

beforeAll(async () => {
  const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
  const dataDir = path.join(dir, 'data');
  bundleId = (await new FirmwareLibrary(libraryRoot(dataDir)).import(fixtures.sip812!.file)).id;
  engine = await Engine.create({ dataDir, host: 'cli' });
  // Let the engine settle (its first log flush, the library's sweep), then take the baseline.
  await engine.request('firmware:list', {});
  await new Promise((r) => setTimeout(r, 200));
  baseline = resources();
}, 120_000);

afterAll(async () => {
  if (savedFlash === undefined) delete process.env[FLASH_ENV];
  else process.env[FLASH_ENV] = savedFlash;
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a migration run releases everything it opened with one dispose', () => {
  it('stopped before the start answers (while it is still deciding)', async () => {
    const starting = engine.request('migrate:start', demoParams());
    const stopped = await engine.request('migrate:stop', {});
    expect(stopped.ok).toBe(true);
    const started = await starting;
    // The stop is not lost: the start that was still deciding opens nothing and answers stopped.
    expect(started.ok && started.value.state).toBe('stopped');
    const status = await engine.request('migrate:status', {});
    expect(status.ok && status.value?.state).toBe('stopped');
    await expectBaseline('stop before the start answered');
  }, 60_000);

  it('stopped mid-start, once its TFTP server listens but before the virtual phone runs', async () => {
    const serving = waitFor((name, payload) => (name === 'migrate:timeline' && (payload as TimelineEntry).code === 'serving' ? true : undefined));
    let stopDuringStart: Promise<unknown> | undefined;
    void serving.then(() => {
      stopDuringStart = engine.request('migrate:stop', {});
    });
    const started = await engine.request('migrate:start', demoParams());
    expect(stopDuringStart, 'the stop was sent while the start was still opening').toBeDefined();
    await stopDuringStart;
    expect(started.ok && started.value.state).toBe('stopped');
    await stopAndCheck('stop mid-start');
  }, 60_000);

  it('stopped while the virtual phone writes flash', async () => {
    process.env[FLASH_ENV] = '600000';
    let text = '';
    const writing = waitFor((name, payload) => {
      if (name !== 'serial:data') return undefined;
      text += Buffer.from((payload as { data: string }).data, 'base64').toString('latin1');
      return text.includes('flash-write') ? true : undefined;
    });
    const started = await engine.request('migrate:start', demoParams());
    expect(started.ok).toBe(true);
    await writing;
    const status = await engine.request('migrate:status', {});
    expect(status.ok && status.value?.state).not.toBe('succeeded');
    await stopAndCheck('stop during the flash write');
  }, 120_000);

  it('stopped after success', async () => {
    process.env[FLASH_ENV] = '0';
    const ended = waitFor((name, payload) => {
      const s = payload as MigrationStatus;
      return name === 'migrate:state' && ['succeeded', 'failed', 'stopped'].includes(s.state) ? s.state : undefined;
    });
    const started = await engine.request('migrate:start', demoParams());
    expect(started.ok).toBe(true);
    expect(await ended).toBe('succeeded');
    await stopAndCheck('stop after success');
  }, 120_000);

  it('a start refused after opening its first socket (port taken) leaves nothing open', async () => {
    const holder: Socket = createSocket('udp4');
    await new Promise<void>((resolve) => holder.bind(0, '127.0.0.1', () => resolve()));
    try {
      const taken = holder.address().port;
      const started = await engine.request('migrate:start', { ...demoParams(), demo: false, from: 'SCCP 8.1(2)', phoneIp: '127.0.0.1', port: taken });
      expect(started.ok).toBe(false);
      if (!started.ok) expect(started.error.code).toBe('port-in-use');
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
    await stopAndCheck('refused start');
  }, 60_000);
});
