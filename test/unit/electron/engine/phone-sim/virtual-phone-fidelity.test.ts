import { describe, expect, it } from 'vitest';
import type { SimEvent, SimOutcome } from '../../../../../shared/api/sim';
import { parseFirmwareLabel } from '../../../../../shared/cisco/firmware-version';
import { makeSyntheticImage } from '../../../../../shared/cisco/synthetic-image';
import { VirtualPhone } from '../../../../../electron/engine/phone-sim/virtual-phone';
import { memoryFetcher } from './memory-fetcher';

/**
 * Issue 11 item 9. TFTP roots are built from real package file lists (domain reference section 2, "Firmware
 * packages"), never from what the planner or the simulator would ask for.
 */
const MAC = '000E84C060A6';

/** The real SIP 8.12 set, with synthetic images under their own names; OS79XX.TXT as the package ships it. */
function sip812Package(): [string, string | Uint8Array][] {
  return [
    ['OS79XX.TXT', 'P003-8-12-00\n'],
    ['P003-8-12-00.bin', makeSyntheticImage('P003-8-12-00.bin', 600)],
    ['P003-8-12-00.sbn', makeSyntheticImage('P003-8-12-00.sbn', 600)],
    ['P0S3-8-12-00.loads', 'opaque'],
    ['P0S3-8-12-00.sb2', makeSyntheticImage('P0S3-8-12-00.sb2', 600)],
  ];
}

/** cmterm-7940-7960-sccp.8-1-2.zip: P00308010200.bin, .sbn, .loads, .sb2. */
function sccp812Package(): [string, string | Uint8Array][] {
  return [
    ['P00308010200.bin', makeSyntheticImage('P00308010200.bin', 600)],
    ['P00308010200.sbn', makeSyntheticImage('P00308010200.sbn', 600)],
    ['P00308010200.loads', 'opaque'],
    ['P00308010200.sb2', makeSyntheticImage('P00308010200.sb2', 600)],
  ];
}

async function boot(
  firmware: string,
  files: [string, string | Uint8Array][],
): Promise<{ outcome: SimOutcome | undefined; requests: string[]; events: SimEvent[]; phone: VirtualPhone }> {
  const phone = new VirtualPhone({
    id: 'f',
    mac: MAC,
    model: '7960',
    firmware: parseFirmwareLabel(firmware),
    fetch: memoryFetcher(new Map(files)),
    tftpServer: '127.0.0.1',
    flashWriteMs: 0,
  });
  const events: SimEvent[] = [];
  phone.onEvent((e) => events.push(e));
  const outcome = await phone.boot();
  return { outcome, events, phone, requests: events.flatMap((e) => (e.kind === 'tftp' ? [e.file] : [])) };
}

function flashWrites(events: SimEvent[]): { loader?: string; app?: string }[] {
  return events.flatMap((e) => (e.kind === 'flash' ? [{ ...(e.flash.loader ? { loader: e.flash.loader } : {}), ...(e.flash.app ? { app: e.flash.app } : {}) }] : []));
}

describe('virtual phone fidelity (issue 11 item 9)', () => {
  it('a loader-era install is the loader, a reboot, then the application', async () => {
    const { outcome, events, requests } = await boot('SIP 8.12', [
      [`SIP${MAC}.cnf`, 'image_version: P00308010200\n'],
      ...sccp812Package(),
    ]);
    expect(outcome).toMatchObject({ kind: 'running', firmware: 'SCCP 8.1(2)', protocol: 'sccp' });
    // First write: the new loader only, with the old application still in flash.
    expect(flashWrites(events)).toEqual([
      { loader: 'P00308010200', app: 'P0S3-8-12-00' },
      { loader: 'P00308010200', app: 'P00308010200' },
    ]);
    const loaderAt = requests.indexOf('P00308010200.sbn');
    const appAt = requests.indexOf('P00308010200.sb2');
    expect(loaderAt).toBeGreaterThan(-1);
    const rebootBetween = events.findIndex((e, i) => i > events.findIndex((x) => x.kind === 'tftp' && x.file === 'P00308010200.sbn') && e.kind === 'state' && e.state === 'reboot');
    const appEvent = events.findIndex((e) => e.kind === 'tftp' && e.file === 'P00308010200.sb2');
    expect(rebootBetween).toBeGreaterThan(-1);
    expect(rebootBetween).toBeLessThan(appEvent);
    expect(appAt).toBeGreaterThan(loaderAt);
  });

  it('dialplan.xml: asked for by a loader-era SIP phone (field log, 8.12), not by an OS79XX-era one (source document log)', async () => {
    const configs: [string, string][] = [
      ['RINGLIST.DAT', 'Chirp 2\tringer2.pcm\n'],
      ['ringer2.pcm', 'pcm'],
      ['dialplan.xml', '<DIALTEMPLATE><TEMPLATE MATCH="*" Timeout="5"/></DIALTEMPLATE>\n'],
    ];
    const old = await boot('SIP 6.3', [['OS79XX.TXT', 'P0S3-06-3-00\n'], ['SIPDefault.cnf', 'image_version: P0S3-06-3-00\n'], ...configs]);
    expect(old.outcome).toMatchObject({ kind: 'running', firmware: 'SIP 6.3' });
    expect(old.requests).toEqual(['OS79XX.TXT', 'SIPDefault.cnf', `SIP${MAC}.cnf`, 'RINGLIST.DAT', 'ringer2.pcm']);
    const loader = await boot('SIP 8.12', [...sip812Package(), ['SIPDefault.cnf', 'image_version: P0S3-8-12-00\n'], ...configs]);
    expect(loader.outcome).toMatchObject({ kind: 'running', firmware: 'SIP 8.12' });
    expect(loader.requests).toContain('dialplan.xml');
  });

  it('OS79XX.TXT naming the application P0S3-8-12-00 against the real package: Protocol Application Invalid', async () => {
    const root = sip812Package().map(([n, c]): [string, string | Uint8Array] => (n === 'OS79XX.TXT' ? [n, 'P0S3-8-12-00\n'] : [n, c]));
    const { outcome, requests } = await boot('SCCP 3.1', root);
    expect(requests[1]).toBe('P0S3-8-12-00.bin');
    expect(outcome).toMatchObject({ kind: 'error', message: 'Protocol Application Invalid' });
  });

  it('a wrong-width name (P0S3-08-12-00 for 8.12) fails as on a real phone: the server has no such file', async () => {
    const viaOs = await boot('SCCP 3.1', [...sip812Package().filter(([n]) => n !== 'OS79XX.TXT'), ['OS79XX.TXT', 'P0S3-08-12-00\n']]);
    expect(viaOs.outcome).toMatchObject({ kind: 'error', message: 'Protocol Application Invalid' });
    expect(viaOs.phone.flash).toMatchObject({ firmware: 'SCCP 3.1', protocol: 'sccp' });
    const viaConfig = await boot('SCCP 8.1(2)SR2', [
      [`SEP${MAC}.cnf.xml`, '<device><deviceProtocol>SIP</deviceProtocol><loadInformation model="IP Phone 7960">P0S3-08-12-00</loadInformation></device>'],
      ...sip812Package(),
    ]);
    expect(viaConfig.outcome).toMatchObject({ kind: 'error', message: 'Protocol Application Invalid', firmware: 'SCCP 8.1(2)SR2' });
    expect(viaConfig.requests).toContain('P0S3-08-12-00.loads');
    expect(viaConfig.requests.some((r) => r.startsWith('P003-08-12-00'))).toBe(false);
  });

  it('no invented flash ids: a P0S3 file served under OS79XX.TXT never becomes a "loader" in flash', async () => {
    const { phone, outcome, events } = await boot('SCCP 3.1', [
      ['OS79XX.TXT', 'P0S3-8-12-00\n'],
      ['P0S3-8-12-00.bin', makeSyntheticImage('P0S3-8-12-00.bin', 600)],
    ]);
    for (const w of flashWrites(events)) expect(w.loader ?? 'P003', JSON.stringify(w)).toMatch(/^P003/);
    expect(phone.flash.loader).toBeUndefined();
    expect(outcome).toMatchObject({ kind: 'error', message: 'Protocol Application Invalid' });
    expect(events.some((e) => e.kind === 'notice' && e.simulated)).toBe(true);
  });
});
