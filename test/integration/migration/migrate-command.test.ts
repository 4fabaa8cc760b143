import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { countLine } from '../../../electron/cli/commands/migrate';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';
import { recordingIo } from '../../support/cli-harness';

/** The `phonebench migrate` contract: what it needs, what it prints, and its exit code. */
const dir = mkdtempSync(path.join(tmpdir(), 'pbmigrate-cli-'));
const dataDir = path.join(dir, 'data');
const bundles: Record<string, string> = {};

beforeAll(async () => {
  const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
  const library = new FirmwareLibrary(libraryRoot(dataDir));
  for (const key of ['sip812', 'sccp812']) bundles[key] = (await library.import(fixtures[key]!.file)).id;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('phonebench migrate', () => {
  it('--demo runs without --mac: it makes one up, says so, and counts in words', async () => {
    const c = recordingIo();
    const code = await runCli(['migrate', '--demo', '--data-dir', dataDir, '--to-bundle', bundles.sccp812!, '--from', 'SIP 8.12'], c.io);
    expect(code, c.out() + c.err()).toBe(0);
    const made = /No --mac given: the virtual phone uses the made-up MAC ([0-9A-F]{12})\./.exec(c.out());
    expect(made).not.toBeNull();
    // Locally administered: never a real phone's address.
    expect(made![1]!.slice(0, 2)).toBe('02');
    expect(c.out()).toContain(`Migrating ${made![1]}`);
    expect(c.out()).toMatch(/\n\d+ requests?, \d+ files? served/);
    expect(c.out()).not.toMatch(/\(s\)/);
  });

  it('--via carries the chosen load for a stop no source names (R2 from SIP 4.x)', async () => {
    const ask = recordingIo();
    expect(await runCli(['migrate', '--demo', '--data-dir', dataDir, '--to-bundle', bundles.sccp812!, '--from', 'SIP 4.4'], ask.io)).toBe(1);
    expect(ask.err()).toMatch(/6\.3/);
    expect(ask.err()).not.toContain('P00306000200');
    const chosen = recordingIo();
    const code = await runCli(['migrate', '--demo', '--data-dir', dataDir, '--to-bundle', bundles.sccp812!, '--from', 'SIP 4.4', '--via', 'P00306000200'], chosen.io);
    // The plan now goes through the chosen 6.0(2) load, which this library lacks: the refusal names it.
    expect(code).toBe(1);
    expect(chosen.err()).toContain('P00306000200');
  });

  it('still wants --mac for a real phone', async () => {
    const c = recordingIo();
    const code = await runCli(['migrate', '--data-dir', dataDir, '--to-bundle', bundles.sccp812!, '--bind', '127.0.0.1'], c.io);
    expect(code).toBe(2);
    expect(c.err()).toContain('--mac is required');
  });

  it('exits 0 when the phone already runs the target, and --json says alreadyThere', async () => {
    const c = recordingIo();
    const code = await runCli(
      ['migrate', '--json', '--data-dir', dataDir, '--mac', '000E84C060A6', '--to-bundle', bundles.sip812!, '--bind', '127.0.0.1', '--port', '0', '--from', 'SIP 8.12'],
      c.io,
    );
    expect(code, c.out() + c.err()).toBe(0);
    const lines = c.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ ok: true, alreadyThere: true });
    expect(String(lines[0]!.message)).toContain('already runs SIP 8.12');
  });

  it('says so in words without --json, also exit 0', async () => {
    const c = recordingIo();
    const code = await runCli(
      ['migrate', '--data-dir', dataDir, '--mac', '000E84C060A6', '--to-bundle', bundles.sip812!, '--bind', '127.0.0.1', '--port', '0', '--from', 'SIP 8.12'],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.out()).toContain('Done: The phone already runs SIP 8.12: nothing to do.');
  });

  it('counts with the right plural', () => {
    expect(countLine(new Map([['request', 1], ['served', 1], ['refused', 1]]))).toBe('1 request, 1 file served, 1 request refused');
    expect(countLine(new Map([['request', 3], ['served', 2], ['refused', 2], ['not-found', 2]]))).toBe(
      '3 requests, 2 files served, 2 requests refused, 2 files not found',
    );
    expect(countLine(new Map())).toBe('0 requests, 0 files served');
    // Issue 19: a request with no answer yet (stopped mid-transfer) is named, not counted as a request answered.
    expect(countLine(new Map([['request', 3], ['served', 1], ['not-found', 1]]))).toBe(
      '2 requests, 1 file served, 1 file not found, 1 request still in flight when it ended (not counted)',
    );
  });
});
