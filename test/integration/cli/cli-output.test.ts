import dgram from 'node:dgram';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';
import { spawnCli, type CliProcess } from '../../support/cli-process';

/**
 * Issue 19 item 5, through real processes: a closed pipe, a server no phone can reach, a bad --allow, JSON lines
 * a script can read, a summary that does not count a request still in flight, and a closing line after SIGINT.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'pb-cli-output-'));
const dataDir = path.join(dir, 'data');
const root = path.join(dir, 'root');
const MAC = '000E84C060A6';
const bundles: Record<string, string> = {};
/** A long grace, so a loaded machine still shows the clean stop; the bound below only catches a hang. */
const GRACE = { PHONEBENCH_STOP_GRACE_MS: '15000' };
const EXIT_BOUND_MS = 30_000;

beforeAll(async () => {
  mkdirSync(root, { recursive: true });
  const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
  const library = new FirmwareLibrary(libraryRoot(dataDir));
  bundles.sip812 = (await library.import(fixtures.sip812!.file)).id;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ended(p: CliProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      p.child.kill('SIGKILL');
      reject(new Error(`still running after ${EXIT_BOUND_MS} ms:\n${p.out()}\n${p.err()}`));
    }, EXIT_BOUND_MS);
  });
  try {
    return await Promise.race([p.exited, hung]);
  } finally {
    clearTimeout(timer);
  }
}

describe('phonebench migrate output', () => {
  it('| head: a reader that goes away stops it quietly, with no EPIPE stack', async () => {
    const p = spawnCli(['migrate', '--demo', '--data-dir', dataDir, '--mac', MAC, '--to-bundle', bundles.sip812!, '--from', 'SCCP 3.1'], GRACE);
    await p.waitFor(/Serving on/, 'the first timeline line');
    // What `head -2` does once it has its lines: close its end of the pipe.
    p.child.stdout?.destroy();
    const { code, signal } = await ended(p);
    expect(signal).toBeNull();
    expect(code).not.toBeNull();
    expect(p.err()).not.toMatch(/EPIPE|Unhandled 'error' event|\n\s+at /);
  });

  it('--json lines carry the English text beside the message keys', async () => {
    const p = spawnCli(['migrate', '--demo', '--json', '--data-dir', dataDir, '--mac', MAC, '--to-bundle', bundles.sip812!, '--from', 'SCCP 3.1'], GRACE);
    expect(await ended(p)).toEqual({ code: 0, signal: null });
    const lines = p.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
    const serving = lines.find((l) => l.timeline?.code === 'serving')?.timeline;
    expect(serving?.message).toMatchObject({ key: 'migrate.t.serving' });
    expect(serving?.text).toMatch(/^Serving on 127\.0\.0\.1:\d+ for phone 000E84C060A6 only\.$/);
    const last = lines.at(-1)!;
    expect(last.status?.text).toMatch(/virtual phone runs SIP 8\.12/i);
  });

  it('the summary names a request still in flight instead of counting it, and SIGINT ends with a closing line', async () => {
    const p = spawnCli(
      ['migrate', '--data-dir', dataDir, '--mac', MAC, '--to-bundle', bundles.sip812!, '--from', 'SCCP 3.1', '--bind', '127.0.0.1', '--port', '0', '--phone-ip', '127.0.0.1'],
      GRACE,
    );
    const port = Number((await p.waitFor(/Serving on 127\.0\.0\.1:(\d+)/, 'the TFTP port'))[1]);
    // A client that asks for the big image and never acknowledges: the transfer stays in flight.
    const client = dgram.createSocket('udp4');
    try {
      await new Promise<void>((resolve) => client.bind(0, '127.0.0.1', resolve));
      const rrq = Buffer.concat([Buffer.from([0, 1]), Buffer.from('P0S3-8-12-00.sb2\0octet\0', 'latin1')]);
      client.send(rrq, port, '127.0.0.1');
      await p.waitFor(/Phone asked for P0S3-8-12-00\.sb2/, 'the request');
      p.child.kill('SIGINT');
      expect(await ended(p)).toEqual({ code: 1, signal: null });
    } finally {
      client.close();
    }
    expect(p.out()).toMatch(/^0 requests, 0 files served, 1 request still in flight when it ended \(not counted\)$/m);
    expect(p.err()).toContain('stopping (SIGINT)');
    expect(p.err()).toMatch(/phonebench: stopped \(SIGINT\); everything it opened is closed\.\n$/);
  });
});

describe('phonebench tftp serve', () => {
  it('without --bind says it listens on loopback, which no phone can reach, and how to bind', async () => {
    const p = spawnCli(['tftp', 'serve', '--root', root, '--allow', '127.0.0.1', '--port', '0', '--data-dir', dataDir], GRACE);
    await p.waitFor(/Listening on 127\.0\.0\.1:\d+/, 'the server');
    expect(p.err()).toContain('listening on 127.0.0.1 (loopback), which no phone can reach');
    expect(p.err()).toMatch(/fix: add --bind with this computer's address/);
    p.child.kill('SIGINT');
    expect(await ended(p)).toEqual({ code: 0, signal: null });
    expect(p.err()).toMatch(/stopped \(SIGINT\)/);
  });

  it('a bad --allow gets a fix line, shown escaped', async () => {
    const p = spawnCli(['tftp', 'serve', '--root', root, '--allow', 'phone\u001b[31m', '--port', '0', '--data-dir', dataDir]);
    expect(await ended(p)).toEqual({ code: 2, signal: null });
    expect(p.err()).toContain("--allow 'phone\\x1b[31m' is not an IPv4 address");
    expect(p.err()).toMatch(/\n {2}fix: give the phone's address as four numbers, e\.g\. --allow 192\.168\.1\.50/);
    expect(p.err()).not.toContain('\u001b');
  });
});
