import { en } from '../../support/error-text';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationStatus, TimelineEntry } from '../../../shared/api/migrate';
import { Engine } from '../../../electron/engine/engine';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';
import { formatMessage } from '../../../shared/i18n/format';

/**
 * One-click migration against the virtual phone on loopback, through the whole engine: planner, firmware
 * library, TFTP server, runner. One test per planner path the virtual phone supports.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'pbmigrate-'));
const bundles: Record<string, string> = {};
let engine: Engine;

beforeAll(async () => {
  const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
  const library = new FirmwareLibrary(libraryRoot(path.join(dir, 'data')));
  for (const key of ['sip812', 'sip811', 'sip74', 'sip63', 'sccp812', 'sccp501', 'sccpSr2', 'sip23', 'sccp3']) {
    const f = fixtures[key];
    if (!f) throw new Error(`fixture ${key} missing`);
    bundles[key] = (await library.import(f.file)).id;
  }
  engine = await Engine.create({ dataDir: path.join(dir, 'data'), host: 'cli' });
});

afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function runDemo(from: string, bundleKey: string): Promise<{ status: MigrationStatus; timeline: TimelineEntry[] }> {
  const done = new Promise<MigrationStatus>((resolve) => {
    const off = engine.listen((name, payload) => {
      if (name !== 'migrate:state') return;
      const s = payload as MigrationStatus;
      if (s.state === 'succeeded' || s.state === 'failed' || s.state === 'stopped') {
        off();
        resolve(s);
      }
    });
  });
  const started = await engine.request('migrate:start', {
    mac: '00:0e:84:c0:60:a6', model: '7960', bundleId: bundles[bundleKey], bindAddress: '127.0.0.1', port: 0, from, demo: true,
  });
  if (!started.ok) throw new Error(`${started.error.code}: ${en(started.error.message)}`);
  const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no outcome within 50 s')), 50_000));
  const status = await Promise.race([done, timer]);
  const timeline = await engine.request('migrate:timeline', {});
  return { status, timeline: timeline.ok ? timeline.value : [] };
}

const PATHS: [string, string, string][] = [
  ['F3 SCCP 8.1(2) to SIP 8.12', 'SCCP 8.1(2)', 'sip812'],
  ['R4 SIP 8.12 to SCCP 8.1(2)', 'SIP 8.12', 'sccp812'],
  ['F2 SCCP 5.0(1.1) to SIP 8.12', 'SCCP 5.0(1.1)', 'sip812'],
  ['SIP 7.4 (given as its image id) to SIP 8.12', 'P0S3-07-4-00', 'sip812'],
  ['F2 SCCP 3.x to SIP 8.12', 'SCCP 3.2(2.14)', 'sip812'],
  ['F1 SCCP 5.0(1.1) to SIP 6.3', 'SCCP 5.0(1.1)', 'sip63'],
  ['R1 SIP 4.4 to SCCP 5.0(1.1)', 'SIP 4.4', 'sccp501'],
  ['R3 field SIP 6.3 to SCCP 8.1(2)', 'SIP 6.3', 'sccp812'],
  ['SCCP 8.1(2) to SCCP 8.1(2)SR2', 'SCCP 8.1(2)', 'sccpSr2'],
  ['SIP 6.3 to SIP 8.12 (two hops through 7.4)', 'SIP 6.3', 'sip812'],
  ['F1 SCCP 3.x to SIP 2.3', 'SCCP 3.2(2.14)', 'sip23'],
  // Issue 17: a complete bundle of a release the planner's table lacks plans from its own file names.
  ['SIP 7.4 to SIP 8.11 (a bundle not in the table)', 'SIP 7.4', 'sip811'],
  ['F3 SCCP 8.1(2) to SIP 8.11', 'SCCP 8.1(2)', 'sip811'],
];

describe('migrate --demo through the engine', () => {
  for (const [label, from, bundle] of PATHS) {
    it(label, async () => {
      const { status, timeline } = await runDemo(from, bundle);
      const why = `${en(status.message) ?? ''}\n${timeline.map((e) => `${e.kind}: ${en(e.message)}`).join('\n')}`;
      expect(status.state, why).toBe('succeeded');
      expect(timeline.some((e) => e.kind === 'served')).toBe(true);
      // The runner's own reading of the requests agrees with the phone: every hop seen done.
      expect(status.hops.map((h) => h.state), why).toEqual(status.hops.map(() => 'done'));
      expect(status.hops.length).toBeGreaterThan(0);
      const report = await engine.request('migrate:report', { format: 'html' });
      expect(report.ok && report.value.content).toContain('Files served');
    });
  }

  it('refuses a forbidden downgrade before anything is served', async () => {
    const served: string[] = [];
    const off = engine.listen((name, payload) => {
      if (name === 'migrate:timeline' && (payload as TimelineEntry).kind === 'served') served.push(en((payload as TimelineEntry).message) ?? '');
    });
    const r = await engine.request('migrate:start', {
      mac: '000E84C060A6', model: '7960', bundleId: bundles.sccp3, bindAddress: '127.0.0.1', port: 0, from: 'SIP 8.12', demo: true,
    });
    off();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('plan-refused');
      expect(en(r.error.message)).toMatch(/5\.0|signed/i);
      // The fix is words in the chosen language, never the rule's id (issue 19: "対処: ルール: unknown-version").
      expect(r.error.fix && formatMessage('ja', r.error.fix)).toBe('5.0 以降の移行先を選んでください。');
    }
    expect(served).toEqual([]);
  });

  it('refuses to start when the library lacks a stopover hop\'s files, naming them', async () => {
    // SIP 2.3 -> SIP 6.3 goes up the SIP chain (4.4, 5.3); the library has only the SIP 6.3 bundle.
    const r = await engine.request('migrate:start', {
      mac: '000E84C060A6', model: '7960', bundleId: bundles.sip63, bindAddress: '127.0.0.1', port: 0, from: 'SIP 2.3', demo: true,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('plan-refused');
      expect(en(r.error.message)).toMatch(/lacks files .*\(hop 1\)/);
      expect(en(r.error.fix)).toMatch(/Import the firmware bundle/);
    }
  });

  it('R2 goes through SIP 6.3 without a choice (issue 17); a chosen SCCP 6.x load then drives the plan', async () => {
    const base = { mac: '000E84C060A6', model: '7960', bundleId: bundles.sccp812!, from: 'SIP 4.4' } as const;
    const ask = await engine.request('migrate:preview', base);
    // The library lacks the SIP chain's files: the refusal names them, no choice is asked.
    expect(ask.ok && !ask.value.ok && 'choice' in ask.value).toBe(false);
    expect(ask.ok && !ask.value.ok && en(ask.value.reason)).toMatch(/P0S3-05-3-00\.bin \(hop 1\)/);
    const chosen = await engine.request('migrate:preview', { ...base, via: ['P00306000200'] });
    // The library lacks the chosen load's files: the refusal names them, hop 1.
    expect(chosen.ok && !chosen.value.ok && en(chosen.value.reason)).toMatch(/P00306000200\.bin \(hop 1\)/);
  });

  it('previews a plan without starting anything, and a refusal with its reason', async () => {
    const good = await engine.request('migrate:preview', { mac: '000E84C060A6', model: '7960', bundleId: bundles.sip812!, from: 'SCCP 8.1(2)' });
    expect(good.ok && good.value.ok && good.value.hops.length).toBeGreaterThan(0);
    const bad = await engine.request('migrate:preview', { mac: '000E84C060A6', model: '7960', bundleId: bundles.sccp3!, from: 'SIP 8.12' });
    expect(bad.ok && !bad.value.ok && en(bad.value.reason)).toMatch(/5\.0|signed/i);
    const listen = await engine.request('migrate:preview', { mac: '000E84C060A6', model: '7960', bundleId: bundles.sip812! });
    expect(listen.ok && listen.value.ok && listen.value.listenFirst).toBe(true);
    const status = await engine.request('migrate:status', {});
    expect(status.ok && status.value?.state).not.toBe('running');
  });
});
