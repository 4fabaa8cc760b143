import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanCreated } from '../../../../../shared/api/plan';
import type { CliCommand } from '../../../../../electron/cli/command';
import { runCommand, type CliRun } from '../../../../support/cli-harness';
import { planCommand, renderChoice } from '../../../../../electron/cli/commands/plan';
import { msg } from '../../../../../shared/i18n/message';

let work: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-cli-plan-'));
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

function run(command: CliCommand, ...args: string[]): Promise<CliRun> {
  return runCommand(command, [...args, '--data-dir', path.join(work, 'data')]);
}

describe('phonebench plan', () => {
  it('prints the hops, files and configs', async () => {
    const r = await run(planCommand, '--model', '7960', '--mac', '0011223344AA', '--from', 'SCCP 3.1', '--to', 'SIP 8.12');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Hop 1: F2  SCCP 3.1 -> SIP 8.12');
    expect(r.out).toContain('    P003-8-12-00.sbn');
    expect(r.out).toContain('Config OS79XX.TXT (every phone):\n    | P003-8-12-00\n');
  });

  it('--from-image and --json', async () => {
    const r = await run(planCommand, '--model', '7940', '--mac', '00:11:22:33:44:aa', '--from-image', 'P0S3-07-4-00', '--to', 'SCCP 8.1(2)SR2', '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as { ok: true; value: PlanCreated };
    expect(parsed.value.plan.hops.map((h) => h.path)).toEqual(['R4']);
  });

  it('a refused plan exits non-zero with the reason', async () => {
    const r = await run(planCommand, '--model', '7960', '--mac', '0011223344AA', '--from', 'SIP 8.12', '--to', 'SIP 2.3');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/signed image/);
    expect(r.err).toMatch(/fix: Pick a target of 5.0 or later/);
  });

  it('the commands of issue 11 print the corrected plans', async () => {
    const mac = ['--model', '7960', '--mac', '0011223344AA'];
    // Issue 17: the latest SCCP 4.x is advice (a warning), R2's "6.3 image" is SIP 6.3.
    const sccp4 = await run(planCommand, ...mac, '--from', 'SIP 2.3', '--to', 'SCCP 5.0(1.1)');
    expect(sccp4.code).toBe(0);
    expect(sccp4.out).toContain('Hop 1: R1  SIP 2.3 -> SCCP 5.0(1.1)');
    expect(sccp4.out).toMatch(/advises trying the latest SCCP 4\.x/);
    expect(sccp4.out + sccp4.err).not.toMatch(/P0030401/);
    const r2 = await run(planCommand, ...mac, '--from', 'SIP 4.4', '--to', 'SCCP 8.1(2)');
    expect(r2.code).toBe(0);
    expect(r2.out).toContain('Hop 2: R2  SIP 5.3 -> SIP 6.3');
    expect(r2.out).toContain('    | P0S3-06-3-00\n');
    expect(r2.out).toContain('Hop 3: R2  SIP 6.3 -> SCCP 8.1(2)');
    expect(r2.out + r2.err).not.toMatch(/P00306030000|needs choice|must be chosen/);
    const chosen = await run(planCommand, ...mac, '--from', 'SIP 4.4', '--to', 'SCCP 8.1(2)SR2', '--via', 'P00306000200');
    expect(chosen.code).toBe(0);
    expect(chosen.out).toContain('Hop 1: R2  SIP 4.4 -> SCCP 6.0(2)');
    expect(chosen.out).toContain('Hop 2: R2  SCCP 6.0(2) -> SCCP 8.1(2)SR2');
    const f1 = await run(planCommand, ...mac, '--from', 'SCCP 3.1', '--to', 'SIP 6.3');
    expect(f1.out).toMatch(/, 1 hop\n/);
    expect(f1.out).toContain('Hop 1: F1  SCCP 3.1 -> SIP 6.3');
    const unknown = await run(planCommand, ...mac, '--from', 'SIP 4.4', '--to', 'SIP 99.1');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Known targets: .*SIP 8\.12/);
  });

  it('--via takes a load from the library or the table of real loads only, refused in technician words', async () => {
    const r = await run(planCommand, '--model', '7960', '--mac', '0011223344AA', '--from', 'SIP 3.1', '--to', 'SCCP 5.0(1.1)', '--via', 'P00304010500');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/P00304010500 is in neither the firmware library nor the table of real loads/);
    expect(r.err).toMatch(/fix: Import the Cisco package/);
    expect(r.err).not.toMatch(/Rule:|via-unfit/);
  });

  it('an unknown target is refused with a fix a technician can act on, never the rule name', async () => {
    const r = await run(planCommand, '--model', '7960', '--mac', '0011223344AA', '--from', 'SIP 7.4', '--to', 'SIP 8.11');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/fix: Import the Cisco package of that release/);
    expect(r.err).not.toMatch(/Rule:|unknown-version/);
  });

  it('final configs say what they still lack: the call agent SEP file, SIP proxy and lines', async () => {
    const sccp = await run(planCommand, '--model', '7960', '--mac', '0011223344AA', '--from', 'SIP 8.12', '--to', 'SCCP 8.1(2)');
    expect(sccp.out).toMatch(/the call agent \(CallManager or CME\) writes the phone's own SEP0011223344AA\.cnf\.xml/);
    const sip = await run(planCommand, '--model', '7960', '--mac', '0011223344AA', '--from', 'SCCP 8.1(2)', '--to', 'SIP 8.12');
    expect(sip.out).toMatch(/add proxy1_address, line1_name \(proxy and line settings\)/);
  });

  it('a choice lists the library loads that fit as --via flags', () => {
    const text = renderChoice({
      from: { protocol: 'SIP', major: 4, minor: 4 },
      to: { protocol: 'SCCP', major: 8, minor: 1, maintenance: 2 },
      choice: { stop: 'r2-first', protocol: 'SCCP', major: 6, reason: msg('planner.choice.r2First'), candidates: ['P00306000100', 'P00306000200'] },
    });
    expect(text).toContain('a load must be chosen (SCCP 6.x)');
    expect(text).toContain('    --via P00306000100\n    --via P00306000200\n');
  });

  it('usage errors exit 2', async () => {
    expect((await run(planCommand, '--model', '7970', '--mac', 'x', '--from', 'a', '--to', 'b')).code).toBe(2);
    expect((await run(planCommand, '--model', '7960', '--mac', '0011223344AA', '--to', 'SIP 8.12')).code).toBe(2);
    const bundle = await run(planCommand, '--model', '7960', '--mac', '0011223344AA', '--from', 'SCCP 3.1', '--to-bundle', 'abc');
    expect(bundle.code).toBe(2);
    expect(bundle.err).toMatch(/--to-bundle is not available/);
  });
});
