import { en, errorText } from '../../support/error-text';
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationStatus, TimelineEntry } from '../../../shared/api/migrate';
import { runCli } from '../../../electron/cli/main';
import { Engine } from '../../../electron/engine/engine';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { decodePacket, encodePacket } from '../../../electron/engine/tftp/codec';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';

/**
 * The runner against a virtual phone in another process (`phonebench sim`), a second "phone" on 127.0.0.2
 * that must be refused, and the `phonebench migrate` command itself.
 */
const MAC = '000E84C060A6';
const dir = mkdtempSync(path.join(tmpdir(), 'pbmigrate-sim-'));
const dataDir = path.join(dir, 'data');
const bundles: Record<string, string> = {};
const children: ChildProcess[] = [];

beforeAll(async () => {
  const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
  const library = new FirmwareLibrary(libraryRoot(dataDir));
  for (const key of ['sip812', 'sccp812', 'sccp3']) bundles[key] = (await library.import(fixtures[key]!.file)).id;
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends one RRQ from `from` and returns what the server answered (ERROR text), or 'silence'. */
async function askFrom(from: string, port: number, file: string): Promise<string> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, from, () => r()));
  try {
    return await new Promise<string>((resolve) => {
      const t = setTimeout(() => resolve('silence'), 3000);
      socket.once('message', (m) => {
        clearTimeout(t);
        const p = decodePacket(m);
        resolve(p.op === 'ERROR' ? `error ${p.code}: ${p.message}` : p.op);
      });
      socket.send(encodePacket({ op: 'RRQ', filename: file, mode: 'octet', options: {} }), port, '127.0.0.1');
    });
  } finally {
    socket.close();
  }
}

function startSimProcess(port: number, firmware: string): ChildProcess {
  const child = spawn(
    path.resolve('node_modules/.bin/tsx'),
    ['test/integration/migration/sim-process.ts', '--tftp', `127.0.0.1:${port}`, '--mac', MAC, '--firmware', firmware, '--flash-write-ms', '20', '--data-dir', path.join(dir, 'sim-data')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  return child;
}

describe('migration against a virtual phone in its own process', () => {
  it('learns the phone from its MAC, refuses 127.0.0.2 before and after, and succeeds', async () => {
    const engine = await Engine.create({ dataDir, host: 'cli' });
    try {
      const timeline: TimelineEntry[] = [];
      let final: (s: MigrationStatus) => void = () => {};
      const done = new Promise<MigrationStatus>((r) => (final = r));
      engine.listen((name, payload) => {
        if (name === 'migrate:timeline') timeline.push(payload as TimelineEntry);
        if (name === 'migrate:state' && (payload as MigrationStatus).state === 'succeeded') final(payload as MigrationStatus);
      });
      const started = await engine.request('migrate:start', {
        mac: MAC, model: '7960', bundleId: bundles.sip812, bindAddress: '127.0.0.1', port: 0, from: 'SCCP 8.1(2)',
      });
      if (!started.ok) throw new Error(errorText(started.error));
      const port = started.value.bind.port;
      expect(port).toBeGreaterThan(0);

      // Before the phone is known: a MAC-less request from another address is refused, with the OS79XX advice.
      expect(await askFrom('127.0.0.2', port, 'OS79XX.TXT')).toMatch(/^error/);
      expect(en(timeline.find((e) => e.code === 'refused-os79xx')?.message)).toMatch(/127\.0\.0\.2 asked for OS79XX\.TXT: not served/);

      const sim = startSimProcess(port, 'SCCP 8.1(2)');
      let simOut = '';
      sim.stdout?.on('data', (c: Buffer) => (simOut += c.toString()));
      sim.stderr?.on('data', (c: Buffer) => (simOut += c.toString()));
      const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no success within 45 s\n${simOut}`)), 45_000));
      const status = await Promise.race([done, timer]);
      expect(status.phoneIp).toBe('127.0.0.1');
      expect(status.phoneIpSource).toBe('learned-from-mac');

      // Known now: the allowlist refuses another address even for this phone's own file.
      expect(await askFrom('127.0.0.2', port, `SEP${MAC}.cnf.xml`)).toMatch(/^error/);
      const refused = timeline.filter((e) => e.kind === 'refused');
      expect(refused.map((e) => e.file)).toEqual(['OS79XX.TXT', `SEP${MAC}.cnf.xml`]);
      const report = await engine.request('migrate:report', { format: 'json' });
      const data = report.ok ? (JSON.parse(report.value.content) as { refused: { client: string }[]; served: unknown[] }) : undefined;
      expect(data?.refused.every((r) => r.client === '127.0.0.2')).toBe(true);
      expect(data?.served.length).toBeGreaterThan(3);
      await engine.request('migrate:stop', {});
      // Stopped: the port is released.
      const probe = dgram.createSocket('udp4');
      await new Promise<void>((resolve, reject) => {
        probe.once('error', reject);
        probe.bind(port, '127.0.0.1', () => resolve());
      });
      probe.close();
    } finally {
      await engine.close();
    }
  });
});

describe('listen first', () => {
  for (const [label, firmware, phoneIp, expected] of [
    ['a loader-era phone is learned from its MAC and shows the loader era', 'SIP 8.12', undefined, { era: 'loader' }],
    ['an OS79XX-era SCCP phone at an entered IP shows the old mechanism and SCCP', 'SCCP 5.0(1.1)', '127.0.0.1', { era: 'os79xx', protocol: 'SCCP' }],
  ] as const) {
    it(label, async () => {
      const engine = await Engine.create({ dataDir, host: 'cli' });
      try {
        let found: (s: MigrationStatus) => void = () => {};
        const inferred = new Promise<MigrationStatus>((r) => (found = r));
        const served: string[] = [];
        engine.listen((name, payload) => {
          if (name === 'migrate:state' && (payload as MigrationStatus).inference) found(payload as MigrationStatus);
          if (name === 'migrate:timeline' && (payload as TimelineEntry).kind === 'served') served.push(en((payload as TimelineEntry).message) ?? '');
        });
        const started = await engine.request('migrate:start', {
          mac: MAC, model: '7960', bundleId: bundles.sip812, bindAddress: '127.0.0.1', port: 0, ...(phoneIp ? { phoneIp } : {}),
        });
        if (!started.ok) throw new Error(errorText(started.error));
        expect(started.value.state).toBe('listening');
        startSimProcess(started.value.bind.port, firmware);
        const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no inference within 45 s')), 45_000));
        const status = await Promise.race([inferred, timer]);
        expect(status.inference).toMatchObject(expected);
        expect(served).toEqual([]);
        await engine.request('migrate:stop', {});
      } finally {
        await engine.close();
      }
    });
  }
});

describe('phonebench migrate', () => {
  const io = () => {
    let out = '';
    let errText = '';
    let interrupt: () => void = () => {};
    const interrupted = new Promise<void>((r) => (interrupt = r));
    return {
      io: {
        stdout: (t: string) => void (out += t),
        stderr: (t: string) => void (errText += t),
        stdin: process.stdin,
        env: { ...process.env, PHONEBENCH_DATA_DIR: dataDir },
        interrupted,
      },
      out: () => out,
      err: () => errText,
      interrupt,
    };
  };

  it('Ctrl-C stops a migration with no phone: exit 1, the report says stopped', async () => {
    const c = io();
    const reportFile = path.join(dir, 'stopped.json');
    const running = runCli(
      ['migrate', '--mac', MAC, '--to-bundle', bundles.sip812!, '--bind', '127.0.0.1', '--port', '0', '--from', 'SCCP 8.1(2)', '--report', reportFile],
      c.io,
    );
    for (let i = 0; i < 300 && !c.out().includes('Serving on'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(c.out()).toContain('Serving on 127.0.0.1:');
    c.interrupt();
    expect(await running).toBe(1);
    expect(c.out()).toMatch(/Not done: Stopped by the technician/);
    const report = JSON.parse((await import('node:fs')).readFileSync(reportFile, 'utf8')) as { status: { state: string } };
    expect(report.status.state).toBe('stopped');
  });

  it('--demo exits 0 when the virtual phone reaches the target, and writes the report', async () => {
    const c = io();
    const reportFile = path.join(dir, 'report.html');
    const code = await runCli(
      ['migrate', '--demo', '--mac', '00:0e:84:c0:60:a6', '--model', '7960', '--to-bundle', bundles.sccp812!, '--from', 'SIP 8.12', '--report', reportFile],
      c.io,
    );
    expect(code, c.out() + c.err()).toBe(0);
    expect(c.out()).toMatch(/Done: The virtual phone runs SCCP 8\.1\(2\)/);
    const html = (await import('node:fs')).readFileSync(reportFile, 'utf8');
    expect(html).toContain('Files served');
    expect(html).not.toMatch(/<script/i);
  });

  it('exits 1 on a forbidden downgrade, naming the rule, with nothing served', async () => {
    const c = io();
    const code = await runCli(
      ['migrate', '--demo', '--json', '--mac', MAC, '--model', '7960', '--to-bundle', bundles.sccp3!, '--from', 'SCCP 8.1(2)'],
      c.io,
    );
    expect(code).toBe(1);
    const lines = c.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ ok: false, error: { code: 'plan-refused' } });
  });
});
