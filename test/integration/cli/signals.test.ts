import dgram from 'node:dgram';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { demoConsoleRoot } from '../../../electron/engine/migration/demo-console';
import { childrenNamed, isRunning, spawnCli, type CliProcess } from '../../support/cli-process';
import { buildBundleFixtures, writeLargeZip } from '../../fixtures/firmware-fixtures';
import { SocatPair } from '../serial/socat-pair';
import { requireTool } from '../../support/require-tool';

/**
 * Every long-running command, spawned for real, stopped by SIGTERM or SIGINT: it exits on its own (well within
 * the 2 s the CLI allows before it ends itself), with its exit code, and leaves nothing behind.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'pb-signals-'));
const bundles: Record<string, string> = {};
const MAC = '000E84C060A6';
/**
 * The CLI ends itself 1.5 s after a signal. Here it gets 15 s, so a busy machine still shows the clean stop (its
 * exit code, its own cleanup); the forced end is tested on its own below. The bound only catches a hang.
 */
const GRACE = { PHONEBENCH_STOP_GRACE_MS: '15000' };
const EXIT_BOUND_MS = 30_000;

beforeAll(async () => {
  const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
  const library = new FirmwareLibrary(libraryRoot(path.join(dir, 'migrate-data')));
  bundles.sccp812 = (await library.import(fixtures.sccp812!.file)).id;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function stop(p: CliProcess, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  p.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      p.child.kill('SIGKILL');
      reject(new Error(`still running ${EXIT_BOUND_MS} ms after ${signal}:\n${p.out()}\n${p.err()}`));
    }, EXIT_BOUND_MS);
  });
  try {
    return await Promise.race([p.exited, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** Says the stop was seen, and that it was a clean one (no "did not stop within" forced exit). */
function expectCleanStop(p: CliProcess, signal: NodeJS.Signals): void {
  expect(p.err()).toContain(`stopping (${signal})`);
  expect(p.err()).not.toContain('exiting now');
}

async function freeUdpPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

async function udpPortFree(port: number): Promise<boolean> {
  const socket = dgram.createSocket('udp4');
  return new Promise<boolean>((resolve) => {
    socket.once('error', () => resolve(false));
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

async function tcpPortFree(port: number): Promise<boolean> {
  const server = net.createServer();
  return new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** socat makes the demo's console (and the console test's port); without it, its part is skipped, except under CI. */
const socatOrSay = (): boolean => requireTool('socat', 'the socat part of the signal tests');

describe.each(['SIGTERM', 'SIGINT'] as const)('on %s', (signal) => {
  it('serve closes its web server and exits 0', async () => {
    const p = spawnCli(['serve', '--port', '0', '--json', '--data-dir', path.join(dir, `serve-${signal}`)], GRACE);
    const port = Number((await p.waitFor(/"url":"http:\/\/127\.0\.0\.1:(\d+)/, 'the URL'))[1]);
    expect(await stop(p, signal)).toEqual({ code: 0, signal: null });
    expectCleanStop(p, signal);
    expect(await tcpPortFree(port)).toBe(true);
  });

  it('migrate --demo stops the migration, ends socat, removes its folder, frees the port and exits 1', async () => {
    const dataDir = path.join(dir, 'migrate-data');
    const p = spawnCli(['migrate', '--demo', '--data-dir', dataDir, '--mac', MAC, '--to-bundle', bundles.sccp812!, '--from', 'SIP 8.12'], GRACE);
    const port = Number((await p.waitFor(/Serving on 127\.0\.0\.1:(\d+)/, 'the TFTP port'))[1]);
    const withSocat = socatOrSay();
    if (withSocat) await p.waitFor(/console: socat PTY pair/, 'the socat console');
    const socat = withSocat ? childrenNamed(p.child.pid!, 'socat') : [];
    if (withSocat) expect(socat).toHaveLength(1);
    expect(await stop(p, signal)).toEqual({ code: 1, signal: null });
    expectCleanStop(p, signal);
    expect(p.out()).toMatch(/Not done: Stopped/);
    for (const pid of socat) expect(isRunning(pid)).toBe(false);
    const leftovers = existsSync(demoConsoleRoot(dataDir)) ? readdirSync(demoConsoleRoot(dataDir)) : [];
    expect(leftovers).toEqual([]);
    expect(await udpPortFree(port)).toBe(true);
  });

  it('firmware import of a large archive stops, removes its staging folder and adds nothing', async () => {
    const dataDir = path.join(dir, `import-${signal}`);
    const source = path.join(dir, `large-${signal}.zip`);
    // Incompressible, so hashing and unpacking take long enough to be interrupted on any machine.
    await writeLargeZip(source, [
      { name: 'P0S3-08-12-00.sb2', size: 96 * 1024 * 1024, seed: 1 },
      { name: 'P0S3-08-12-00.bin', size: 96 * 1024 * 1024, seed: 2 },
    ]);
    try {
      const p = spawnCli(['firmware', 'import', source, '--data-dir', dataDir], GRACE);
      await p.waitFor(/hashing\.\.\.|extracting\.\.\./, 'the import to begin');
      const { code } = await stop(p, signal);
      expect(code, p.out() + p.err()).toBe(1);
      expectCleanStop(p, signal);
      expect(p.err()).toMatch(/stopped|cancelled/i);
      const staging = path.join(libraryRoot(dataDir), '.staging');
      expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
      const library = libraryRoot(dataDir);
      const bundlesLeft = existsSync(library) ? readdirSync(library).filter((name) => name !== '.staging') : [];
      expect(bundlesLeft).toEqual([]);
    } finally {
      rmSync(source, { force: true });
    }
  });
});

describe('on SIGTERM', () => {
  it('tftp serve closes its socket and exits 0', async () => {
    const root = path.join(dir, 'tftp-root');
    await mkdir(root, { recursive: true });
    const port = await freeUdpPort();
    const p = spawnCli(['tftp', 'serve', '--root', root, '--port', String(port), '--all-phones', '--data-dir', path.join(dir, 'tftp-data')], GRACE);
    await p.waitFor(/Listening on 127\.0\.0\.1:\d+/, 'the listening line');
    expect(await stop(p, 'SIGTERM')).toEqual({ code: 0, signal: null });
    expectCleanStop(p, 'SIGTERM');
    expect(await udpPortFree(port)).toBe(true);
  });

  it('dhcp closes its socket and exits 0', async () => {
    const clientPort = await freeUdpPort();
    const p = spawnCli([
      'dhcp', '--json', '--mac', MAC, '--offer', '127.0.0.20', '--server', '127.0.0.1', '--mask', '255.255.255.255',
      '--bind', '127.0.0.1', '--port', '0', '--client-port', String(clientPort),
    ], GRACE);
    const port = Number((await p.waitFor(/"port":(\d+)/, 'the listening line'))[1]);
    expect(await stop(p, 'SIGTERM')).toEqual({ code: 0, signal: null });
    expectCleanStop(p, 'SIGTERM');
    expect(await udpPortFree(port)).toBe(true);
  });

  it('sim stops the virtual phone before it settles and exits 1', async () => {
    const deadPort = await freeUdpPort();
    const p = spawnCli(['sim', '--tftp', `127.0.0.1:${deadPort}`, '--mac', MAC, '--firmware', 'SCCP 8.1(2)', '--data-dir', path.join(dir, 'sim-data')], GRACE);
    await p.waitFor(/state\s+\S+/, 'the first state');
    expect(await stop(p, 'SIGTERM')).toEqual({ code: 1, signal: null });
    expectCleanStop(p, 'SIGTERM');
    expect(p.err()).toContain('stopped before the phone settled');
  });

  it('console closes the serial port and exits 0', async (context) => {
    if (!socatOrSay()) return context.skip();
    const pair = new SocatPair(mkdtempSync(path.join(dir, 'pty-')));
    await pair.start();
    try {
      const p = spawnCli(['console', '--port', pair.a, '--data-dir', path.join(dir, 'console-data')], GRACE);
      await p.waitFor(/Connected to /, 'the connected line');
      expect(await stop(p, 'SIGTERM')).toEqual({ code: 0, signal: null });
      expectCleanStop(p, 'SIGTERM');
    } finally {
      await pair.stop();
    }
  });
});

describe('when a command does not stop in time, or a second signal comes', () => {
  it('migrate --demo is ended at the deadline: socat ended, its folder removed, exit 143', async () => {
    const dataDir = path.join(dir, 'migrate-data');
    // A deadline too short for any clean stop: what is left must be removed by the forced exit itself.
    const p = spawnCli(['migrate', '--demo', '--data-dir', dataDir, '--mac', MAC, '--to-bundle', bundles.sccp812!, '--from', 'SIP 8.12'], {
      PHONEBENCH_STOP_GRACE_MS: '1',
    });
    const withSocat = socatOrSay();
    await p.waitFor(withSocat ? /console: socat PTY pair/ : /Serving on 127\.0\.0\.1:\d+/, 'the migration to run');
    const socat = withSocat ? childrenNamed(p.child.pid!, 'socat') : [];
    // Ended by the signal raised again (process.exit() could wait forever on a stuck pool thread): the shell sees 143.
    expect(await stop(p, 'SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
    expect(p.err()).toContain('did not stop within');
    for (const pid of socat) expect(isRunning(pid)).toBe(false);
    const leftovers = existsSync(demoConsoleRoot(dataDir)) ? readdirSync(demoConsoleRoot(dataDir)) : [];
    expect(leftovers).toEqual([]);
  });

  it('migrate --demo on two signals back to back leaves nothing', async () => {
    const dataDir = path.join(dir, 'migrate-data');
    const p = spawnCli(['migrate', '--demo', '--data-dir', dataDir, '--mac', MAC, '--to-bundle', bundles.sccp812!, '--from', 'SIP 8.12'], GRACE);
    const withSocat = socatOrSay();
    await p.waitFor(withSocat ? /console: socat PTY pair/ : /Serving on 127\.0\.0\.1:\d+/, 'the migration to run');
    const socat = withSocat ? childrenNamed(p.child.pid!, 'socat') : [];
    // Back to back: the second usually comes while the first stop is still ending socat and closing the server,
    // and ends the process at once (143). On a loaded machine this test can be descheduled between the two
    // kills long enough for the clean stop to finish first; then the process is already on its way out. Either
    // way nothing may be left (the exact handling of a second signal is in test/unit/electron/cli/stop-signals).
    // Two signals pending at once may be handled in either order (seen in CI: SIGTERM first, then SIGINT).
    p.child.kill('SIGINT');
    const ended = await stop(p, 'SIGTERM');
    expect(p.err()).toMatch(/stopping \((SIGINT|SIGTERM)\)/);
    if (/exiting now/.test(p.err())) expect([{ code: null, signal: 'SIGTERM' }, { code: null, signal: 'SIGINT' }]).toContainEqual(ended);
    else expect([{ code: 1, signal: null }, { code: null, signal: 'SIGTERM' }, { code: null, signal: 'SIGINT' }]).toContainEqual(ended);
    for (const pid of socat) expect(isRunning(pid)).toBe(false);
    const leftovers = existsSync(demoConsoleRoot(dataDir)) ? readdirSync(demoConsoleRoot(dataDir)) : [];
    expect(leftovers).toEqual([]);
  });
});
