import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimOutcome } from '../../../shared/api/sim';
import type { TimelineEntry } from '../../../shared/api/migrate';
import { parseFirmwareLabel, type FirmwareVersion } from '../../../shared/cisco/firmware-version';
import { planMigration } from '../../../shared/cisco/planner/plan-migration';
import { Engine } from '../../../electron/engine/engine';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { BundleSource } from '../../../electron/engine/migration/bundle-source';
import { startDemoPhone } from '../../../electron/engine/migration/demo-phone';
import { toRunnerPlan } from '../../../electron/engine/migration/plan-adapter';
import { collectReport } from '../../../electron/engine/migration/report';
import { MigrationRunner } from '../../../electron/engine/migration/runner';
import { TftpServer } from '../../../electron/engine/tftp/server';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';
import { en } from '../../support/error-text';

/**
 * Issue 19 item 1: a phone of the OS79XX.TXT era (SCCP 3.1) and no phone IP. Its OS79XX.TXT is refused (it
 * names no phone), it falls back to SEP<MAC>.cnf.xml and would chase an image no package has. The run must
 * fail with the fix instead of saying "migrating", never call the phone's own refusal normal, and the report
 * must not list the phone's first request among other machines'. The engine refuses such a start outright.
 */
const MAC = '000E84C060A6';
const dir = mkdtempSync(path.join(tmpdir(), 'pb-os79xx-stall-'));
const dataDir = path.join(dir, 'data');
let sip812 = '';
let library: FirmwareLibrary;

beforeAll(async () => {
  const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
  library = new FirmwareLibrary(libraryRoot(dataDir));
  sip812 = (await library.import(fixtures.sip812!.file)).id;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The runner and its locked server as the migrate domain wires them, but started without the domain's check
 * (which now refuses this start), then a virtual phone on loopback running `phoneRuns`.
 */
async function runWithoutPhoneIp(planFrom: string, phoneRuns: string) {
  const from = parseFirmwareLabel(planFrom) as FirmwareVersion;
  const to = parseFirmwareLabel('SIP 8.12') as FirmwareVersion;
  const manifest = await library.get(sip812);
  const outcome = planMigration({ model: '7960', mac: MAC, from, to, context: 'bench', library: { files: manifest.files.map((f) => f.name) } });
  if (!outcome.ok) throw new Error('no plan');
  const adapted = toRunnerPlan(outcome.plan);
  if (!adapted.ok) throw new Error('no runner plan');
  const runner = new MigrationRunner({
    id: 'm-stall', mac: MAC, model: '7960', from: planFrom, to: 'SIP 8.12', bundleId: sip812,
    bind: { address: '127.0.0.1', port: 0 }, plan: adapted.plan,
    bundle: new BundleSource(manifest.files.map((f) => ({ name: f.name, path: library.filePath(sip812, f.name) }))),
    bundleHashes: new Map(manifest.files.map((f) => [f.name, f.sha256])),
  });
  const timeline: TimelineEntry[] = [];
  runner.onUpdate((u) => {
    if (u.timeline) timeline.push(u.timeline);
  });
  const server = await TftpServer.start({
    address: '127.0.0.1', port: 0, sources: [runner.source], allow: null,
    maxBlksize: 1468, maxWindowsize: 1, timeoutMs: 2000, retries: 3, rolloverTo: 0,
  });
  server.on('event', (e) => runner.onTftpEvent(e));
  runner.rebind(server.address());
  runner.attach(server);
  let settle: (o: SimOutcome) => void = () => {};
  const settled = new Promise<SimOutcome>((r) => (settle = r));
  const phone = await startDemoPhone({
    mac: MAC, model: '7960', firmware: parseFirmwareLabel(phoneRuns) as FirmwareVersion,
    host: '127.0.0.1', port: server.address().port, flashWriteMs: 10, onEvent: () => {}, onSettled: (o) => settle(o),
  });
  const bound = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the phone did not settle in 60 s:\n${timeline.map((e) => en(e.message)).join('\n')}`)), 60_000));
  try {
    const phoneOutcome = await Promise.race([settled, bound]);
    return { runner, timeline, phoneOutcome };
  } finally {
    await phone.stop();
    await server.close();
  }
}

describe('an OS79XX.TXT-era phone with no phone IP', () => {
  it('its refused OS79XX.TXT fails the run with the fix, serves it nothing more, and the report keeps it out of "not this phone"', async () => {
    const { runner, timeline, phoneOutcome } = await runWithoutPhoneIp('SCCP 3.1', 'SCCP 3.1');
    const status = runner.status();
    expect(status.state).toBe('failed');
    expect(timeline.find((e) => e.kind === 'failed')?.code).toBe('stall-os79xx-refused');
    expect(en(status.message)).toMatch(/asked for OS79XX\.TXT before its address was known/);
    expect(en(status.fix)).toMatch(/Start again with Phone IP 127\.0\.0\.1/);
    // The phone was told nothing it could act on: it still runs what it had.
    expect(phoneOutcome).toMatchObject({ kind: 'running', firmware: 'SCCP 3.1' });
    expect(timeline.some((e) => e.code === 'refused-own' && e.file === 'OS79XX.TXT')).toBe(true);
    expect(timeline.map((e) => en(e.message)).join('\n')).not.toMatch(/this is normal/);
    expect(collectReport(runner, 'test').refused.filter((r) => r.client === '127.0.0.1')).toEqual([]);
  });

  it('a phone that chases an image no package has (its firmware older than entered) fails there, never "normal"', async () => {
    // Entered as SCCP 8.1(2), a loader-era phone, so the start is allowed; the phone really runs SCCP 3.1.
    const { runner, timeline, phoneOutcome } = await runWithoutPhoneIp('SCCP 8.1(2)', 'SCCP 3.1');
    expect(phoneOutcome).toMatchObject({ kind: 'error', message: 'Protocol Application Invalid' });
    const status = runner.status();
    expect(status.state).toBe('failed');
    expect(timeline.find((e) => e.kind === 'failed')?.code).toBe('stall-image-missing');
    expect(en(status.message)).toMatch(/asked for P0S3-8-12-00\.bin, which no bundle in the library has/);
    expect(en(status.fix)).toMatch(/correct the current firmware/);
    expect(timeline.map((e) => en(e.message)).join('\n')).not.toMatch(/this is normal/);
    expect(collectReport(runner, 'test').refused.filter((r) => r.client === '127.0.0.1')).toEqual([]);
  });

  it('the engine refuses to start such a run: the address (or bench DHCP) is required, with the fix', async () => {
    const engine = await Engine.create({ dataDir, host: 'cli' });
    try {
      const base = { mac: MAC, model: '7960', bundleId: sip812, bindAddress: '127.0.0.1', port: 0 };
      const refused = await engine.request('migrate:start', { ...base, from: 'SCCP 3.1' });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('bad-request');
      expect(refused.error.message).toMatchObject({ key: 'migrate.phoneIpNeeded' });
      expect(en(refused.error.fix)).toMatch(/Enter the phone's IP .* or let the bench DHCP give it one/);
      // SIP 6.x is of the same era; a loader-era phone (SCCP 8.1(2)) is learned from its MAC and needs none.
      const sip6 = await engine.request('migrate:start', { ...base, from: 'SIP 6.3' });
      expect(!sip6.ok && sip6.error.message.key).toBe('migrate.phoneIpNeeded');
      const loader = await engine.request('migrate:start', { ...base, from: 'SCCP 8.1(2)' });
      expect(loader.ok).toBe(true);
      await engine.request('migrate:stop', {});
      const withIp = await engine.request('migrate:start', { ...base, from: 'SCCP 3.1', phoneIp: '127.0.0.1' });
      expect(withIp.ok).toBe(true);
      await engine.request('migrate:stop', {});
    } finally {
      await engine.close();
    }
  });
});
