import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { countLine } from '../../../electron/cli/commands/migrate';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';
import { recordingIo } from '../../support/cli-harness';
import { makeSyntheticImage } from '../../../shared/cisco/synthetic-image';

/** The `phonebench migrate` contract: what it needs, what it prints, and its exit code. */
const dir = mkdtempSync(path.join(tmpdir(), 'pbmigrate-cli-'));
const dataDir = path.join(dir, 'data');
/** A library that also holds an SCCP 4.x load (the "latest SCCP 4.x" stop) and SCCP 5.0(1.1). */
const sccp4DataDir = path.join(dir, 'data-sccp4');
const bundles: Record<string, string> = {};

beforeAll(async () => {
  const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
  const library = new FirmwareLibrary(libraryRoot(dataDir));
  for (const key of ['sip812', 'sccp812']) bundles[key] = (await library.import(fixtures[key]!.file)).id;
  const sccp4Library = new FirmwareLibrary(libraryRoot(sccp4DataDir));
  bundles.sccp501 = (await sccp4Library.import(fixtures.sccp501!.file)).id;
  // P00304010500 (SCCP 4.1(5)) stands for "a 4.x load the technician imported"; the bytes are synthetic.
  const loose = path.join(dir, 'P00304010500.bin');
  writeFileSync(loose, makeSyntheticImage('P00304010500.bin', 3000));
  await sccp4Library.import(loose);
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

  it('R2 from SIP 4.x needs no --via: the plan goes through SIP 5.3 and SIP 6.3, and names the files the library lacks', async () => {
    const c = recordingIo();
    expect(await runCli(['migrate', '--demo', '--data-dir', dataDir, '--to-bundle', bundles.sccp812!, '--from', 'SIP 4.4'], c.io)).toBe(1);
    // R2's stop is SIP 6.3 (P0S3-06-3-00, exact), reached by the SIP chain rule; nothing for the technician to choose.
    expect(c.err()).toContain('P0S3-05-3-00');
    expect(c.err()).toContain('P0S3-06-3-00');
    expect(c.err()).not.toContain('--via');
    expect(c.err()).not.toContain('P00306000200');
  });

  it('--via carries a chosen library load for the latest SCCP 4.x stop (SIP 3.x to SCCP 5.x)', async () => {
    const offered = recordingIo();
    const args = ['migrate', '--demo', '--data-dir', sccp4DataDir, '--to-bundle', bundles.sccp501!, '--from', 'SIP 3.1'];
    const code = await runCli(args, offered.io);
    const offeredText = offered.out() + offered.err();
    // Advice, not a gate: without --via the plan goes straight to 5.0(1.1), one hop.
    expect(code, offeredText).toBe(0);
    expect(offeredText).toContain('hop 1: SIP 3.1 to SCCP 5.0(1.1) (R1)');
    expect(offeredText).not.toContain('hop 2:');
    const chosen = recordingIo();
    const viaCode = await runCli([...args, '--via', 'P00304010500'], chosen.io);
    const chosenText = chosen.out() + chosen.err();
    expect(viaCode, chosenText).toBe(0);
    expect(chosenText).toContain('hop 1: SIP 3.1 to SCCP 4.1(5) (R1)');
    expect(chosenText).toContain('hop 2: SCCP 4.1(5) to SCCP 5.0(1.1)');
    expect(chosenText).toContain('P00304010500');
    expect(chosenText).toContain('The virtual phone runs SCCP 5.0(1.1)');
  });

  it('--via refuses a load the library lacks, with the loads that fit', async () => {
    const c = recordingIo();
    expect(await runCli(['migrate', '--demo', '--data-dir', dataDir, '--to-bundle', bundles.sccp812!, '--from', 'SIP 3.1', '--via', 'P00304010500'], c.io)).toBe(1);
    expect(c.err()).toContain('P00304010500');
    // The loads that fit come from the library or the table of real loads (SCCP 6.0(2), source line 269).
    expect(c.err()).toContain('P00306000200');
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
