import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../../support/cli-process';

/**
 * Issue 19 item 2, through a real process: on a fresh data folder (an empty library), `phonebench migrate --demo
 * --from "SCCP 3.1"` with no --to-bundle runs the virtual phone on the demo library, says the bundle is a demo,
 * and exits 0 when the phone runs the target.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'pb-demo-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('phonebench migrate --demo on a fresh install', () => {
  it('needs no --to-bundle: the demo library is built and the virtual phone reaches SIP 8.12', async () => {
    const p = spawnCli(['migrate', '--demo', '--from', 'SCCP 3.1', '--data-dir', path.join(dir, 'data')], { PHONEBENCH_DEMO_FLASH_WRITE_MS: '20' });
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        p.child.kill('SIGKILL');
        reject(new Error(`no end within 90 s:\n${p.out()}\n${p.err()}`));
      }, 90_000);
    });
    try {
      expect(await Promise.race([p.exited, hung]), p.out() + p.err()).toEqual({ code: 0, signal: null });
    } finally {
      clearTimeout(timer);
    }
    expect(p.out()).toContain('No --to-bundle: the demo uses "demo, not Cisco firmware: SIP 8.12"');
    expect(p.out()).toMatch(/Serving the demo bundle "demo, not Cisco firmware: SIP 8\.12": .*not Cisco firmware/);
    expect(p.out()).toContain('Done: The virtual phone runs SIP 8.12.');
  });

  it('says which starting firmware would work when no demo bundle plans from the one given', async () => {
    // SCCP 9.4 is newer than every demo bundle: nothing to plan.
    const p = spawnCli(['migrate', '--demo', '--from', 'SCCP 9.4', '--data-dir', path.join(dir, 'data')]);
    expect(await p.exited).toEqual({ code: 1, signal: null });
    expect(p.err()).toContain('no demo bundle plans a migration from "SCCP 9.4"');
    expect(p.err()).toMatch(/\n {2}fix: give the firmware the virtual phone starts on, e\.g\. --from "SCCP 3\.1"/);
  });
});
