import { en } from '../../support/error-text';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../shared/api/contract';
import type { MigrationStatus, TimelineEntry } from '../../../shared/api/migrate';
import type { SessionInfo } from '../../../shared/api/serial';
import type { EngineContext } from '../../../electron/engine/context';
import { Engine } from '../../../electron/engine/engine';
import { EventBus } from '../../../electron/engine/event-bus';
import { EngineLog } from '../../../electron/engine/engine-log';
import { engineLibrary, libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { DEMO_CONSOLE_LABEL, DEMO_VIRTUAL_PORT, demoConsoleRoot, type DemoConsoleMode } from '../../../electron/engine/migration/demo-console';
import { createMigrateDomain } from '../../../electron/engine/migration/migrate-domain';
import { createSerialDomain } from '../../../electron/engine/serial/serial-domain';
import { SettingsStore } from '../../../electron/engine/settings-store';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';
import { haveSocat, until } from '../serial/socat-pair';

/**
 * "Try with a virtual phone" attaches the phone's console to a serial session: a socat PTY pair where socat is
 * installed, an in-process virtual port otherwise. The session's log must hold the phone's console text, and
 * stopping (or closing the engine) must leave no socat, no session and no temp folder behind.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'pbdemocon-'));
const fixturesDir = path.join(dir, 'fixtures');
let sip812 = '';
const socat = haveSocat("the demo's socat console");
const BOOT_LINE = '[sim] Cisco IP Phone 7960 console (virtual phone, MAC 000E84C060A6)';

beforeAll(async () => {
  const fixtures = await buildBundleFixtures(fixturesDir);
  sip812 = fixtures.sip812!.file;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importBundle(dataDir: string): Promise<string> {
  return (await new FirmwareLibrary(libraryRoot(dataDir)).import(sip812)).id;
}

/** Processes whose command line names `needle` (socat names its PTY links there). */
function processesNaming(needle: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'latin1').includes(needle)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

interface Harness {
  request(name: string, params: unknown): Promise<unknown>;
  listen(listener: (name: string, payload: unknown) => void): () => void;
  dataDir: string;
}

/** Runs one demo to its end and collects what the console session received. */
async function runDemo(h: Harness, bundleId: string) {
  const timeline: TimelineEntry[] = [];
  const received = new Map<string, string>();
  const hints: string[] = [];
  let end: (s: MigrationStatus) => void = () => {};
  const ended = new Promise<MigrationStatus>((resolve) => (end = resolve));
  const off = h.listen((name, payload) => {
    if (name === 'migrate:timeline') timeline.push(payload as TimelineEntry);
    if (name === 'migrate:state' && ['failed', 'succeeded', 'stopped'].includes((payload as MigrationStatus).state)) end(payload as MigrationStatus);
    if (name === 'serial:data') {
      const d = payload as { sessionId: string; data: string };
      received.set(d.sessionId, (received.get(d.sessionId) ?? '') + Buffer.from(d.data, 'base64').toString('latin1'));
    }
    if (name === 'serial:hint') {
      const e = payload as { sessionId: string; hintId: string };
      hints.push(`${e.sessionId} ${e.hintId}`);
    }
  });
  const started = (await h.request('migrate:start', {
    mac: '000E84C060A6', model: '7960', bundleId, bindAddress: '127.0.0.1', port: 0, from: 'SCCP 8.1(2)', demo: true,
  })) as MigrationStatus;
  const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no outcome within 50 s')), 50_000));
  const status = await Promise.race([ended, timer]);
  const sessions = (await h.request('serial:sessions', {})) as SessionInfo[];
  const session = sessions.find((s) => s.id === status.console?.sessionId);
  // The text crosses the PTY pair and a 40 ms batcher after the phone settles: wait for it, bounded.
  if (session) await until(() => (received.get(session.id) ?? '').includes('[sim] running'), 10_000);
  off();
  return { started, status, timeline, session, text: received.get(session?.id ?? '') ?? '', hints };
}

/** Types the console password: the session is two-way, and what is typed at the prompt stays out of the log. */
async function logIn(h: Harness, session: SessionInfo): Promise<void> {
  let text = '';
  const off = h.listen((name, payload) => {
    const d = payload as { sessionId: string; data: string };
    if (name === 'serial:data' && d.sessionId === session.id) text += Buffer.from(d.data, 'base64').toString('latin1');
  });
  try {
    await h.request('serial:write', { sessionId: session.id, data: 'cisco\r', encoding: 'utf8' });
    expect(await until(() => text.includes('[sim] logged in'), 10_000), `the phone answered: ${JSON.stringify(text)}`).toBe(true);
  } finally {
    off();
  }
}

async function expectCleanedUp(h: Harness, session: SessionInfo, tempDir: string | undefined) {
  const sessions = (await h.request('serial:sessions', {})) as SessionInfo[];
  expect(sessions.map((s) => s.id)).not.toContain(session.id);
  if (tempDir !== undefined) {
    expect(existsSync(tempDir)).toBe(false);
    expect(processesNaming(tempDir)).toEqual([]);
  }
  const root = demoConsoleRoot(h.dataDir);
  expect(existsSync(root) ? readdirSync(root) : []).toEqual([]);
  // The log is closed (flushed) by now: it holds the phone's console text and the session's own notes.
  const log = readFileSync(session.logFile, 'utf8');
  expect(log).toContain(BOOT_LINE);
  expect(log).toContain('[sim] running SIP');
  expect(log).toContain('# closed');
  expect(log).toContain('[sim] logged in');
  expect(log).toContain('at a password prompt (not logged)');
  expect(log).not.toContain('sent: cisco');
}

/** The migrate and serial domains alone, wired as engine.ts wires them, with the console mode given. */
async function domainsHarness(mode: DemoConsoleMode): Promise<Harness & { close(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(dir, 'data-'));
  const events = new EventBus<Events>();
  const ctx: EngineContext = { log: new EngineLog(path.join(dataDir, 'logs', 'engine.jsonl')), dataDir, host: 'cli', settings: await SettingsStore.load(dataDir), events, reportService: () => {} };
  const serial = createSerialDomain(ctx);
  const migrate = createMigrateDomain(ctx, { library: engineLibrary(ctx), serial: serial.service, demoConsole: mode, demoFlashWriteMs: 10 });
  const handlers = { ...serial.handlers, ...migrate.handlers } as Record<string, (p: unknown) => unknown>;
  return {
    dataDir,
    request: async (name, params) => handlers[name]!(params),
    listen: (listener) => events.listen(listener as never),
    async close() {
      await migrate.close();
      await serial.close();
    },
  };
}

describe('demo console', () => {
  it('in-process: a virtual port named for the demo carries the phone console, and stop removes it', async () => {
    const h = await domainsHarness('in-process');
    try {
      const bundleId = await importBundle(h.dataDir);
      const { status, timeline, session, text, hints } = await runDemo(h, bundleId);
      const why = timeline.map((e) => `${e.kind}: ${en(e.message)}`).join('\n');
      expect(status.state, why).toBe('succeeded');
      expect(status.console).toMatchObject({ kind: 'in-process', path: DEMO_VIRTUAL_PORT, label: DEMO_CONSOLE_LABEL });
      expect(timeline.some((e) => e.code === 'demo-console-in-process')).toBe(true);
      expect(session, 'the console session is listed in serial:sessions').toBeDefined();
      if (!session) return;
      expect(session).toMatchObject({ path: DEMO_VIRTUAL_PORT, label: DEMO_CONSOLE_LABEL, state: 'connected' });
      expect(text).toContain(BOOT_LINE);
      // The session's own hint matcher reads the phone's console: its "File not found" lines raise the hint.
      expect(hints).toContain(`${session.id} file-not-found`);
      await logIn(h, session);
      await h.request('migrate:stop', {});
      await expectCleanedUp(h, session, undefined);
    } finally {
      await h.close();
    }
  });

  it('in-process: the technician closing the console session mid-demo costs the demo nothing', async () => {
    const h = await domainsHarness('in-process');
    try {
      const bundleId = await importBundle(h.dataDir);
      let closing: Promise<unknown> | undefined;
      const off = h.listen((name, payload) => {
        const e = payload as TimelineEntry;
        if (name === 'migrate:timeline' && e.code === 'demo-console-in-process' && !closing) {
          closing = h.request('serial:sessions', {}).then((all) => Promise.all((all as SessionInfo[]).map((s) => h.request('serial:close', { sessionId: s.id }))));
        }
      });
      const { status, timeline } = await runDemo(h, bundleId);
      off();
      await closing;
      expect(closing, 'the console was attached and closed').toBeDefined();
      expect(status.state, timeline.map((e) => `${e.kind}: ${en(e.message)}`).join('\n')).toBe('succeeded');
      expect(await h.request('serial:sessions', {})).toEqual([]);
      await h.request('migrate:stop', {});
    } finally {
      await h.close();
    }
  });

  it.skipIf(!socat)('socat: a PTY pair in the data dir carries the phone console, and stop kills socat and removes the folder', async () => {
    const h = await domainsHarness('auto');
    try {
      const bundleId = await importBundle(h.dataDir);
      const { status, timeline, session, text, hints } = await runDemo(h, bundleId);
      const why = timeline.map((e) => `${e.kind}: ${en(e.message)}`).join('\n');
      expect(status.state, why).toBe('succeeded');
      expect(status.console?.kind, why).toBe('pty');
      expect(timeline.some((e) => e.code === 'demo-console-pty')).toBe(true);
      expect(session).toBeDefined();
      if (!session) return;
      const tempDir = path.dirname(session.path);
      expect(tempDir.startsWith(demoConsoleRoot(h.dataDir) + path.sep)).toBe(true);
      expect(session.label).toBe(DEMO_CONSOLE_LABEL);
      expect(processesNaming(tempDir).length, 'socat runs while the demo does').toBeGreaterThan(0);
      expect(text).toContain(BOOT_LINE);
      expect(hints).toContain(`${session.id} file-not-found`);
      await logIn(h, session);
      await h.request('migrate:stop', {});
      await expectCleanedUp(h, session, tempDir);
    } finally {
      await h.close();
    }
  });

  it.skipIf(!socat)('socat through the engine: engine.close kills socat and removes the folder', async () => {
    const dataDir = mkdtempSync(path.join(dir, 'engine-'));
    const bundleId = await importBundle(dataDir);
    const engine = await Engine.create({ dataDir, host: 'cli' });
    let closed = false;
    try {
      const h: Harness = {
        dataDir,
        request: async (name, params) => {
          const r = await engine.request(name, params);
          if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
          return r.value;
        },
        listen: (listener) => engine.listen(listener as never),
      };
      const { status, session, text } = await runDemo(h, bundleId);
      expect(status.state).toBe('succeeded');
      expect(status.console?.kind).toBe('pty');
      expect(session?.label).toBe(DEMO_CONSOLE_LABEL);
      expect(text).toContain(BOOT_LINE);
      if (!session) return;
      const tempDir = path.dirname(session.path);
      await engine.close();
      closed = true;
      expect(existsSync(tempDir)).toBe(false);
      expect(processesNaming(tempDir)).toEqual([]);
      expect(readFileSync(session.logFile, 'utf8')).toContain(BOOT_LINE);
    } finally {
      if (!closed) await engine.close();
    }
  });
});

