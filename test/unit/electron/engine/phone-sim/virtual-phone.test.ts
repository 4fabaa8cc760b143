import { describe, expect, it } from 'vitest';
import type { SimEvent, SimOutcome } from '../../../../../shared/api/sim';
import { parseFirmwareLabel } from '../../../../../shared/cisco/firmware-version';
import { makeSyntheticImage } from '../../../../../shared/cisco/synthetic-image';
import { VirtualPhone } from '../../../../../electron/engine/phone-sim/virtual-phone';
import { memoryFetcher } from './memory-fetcher';

const MAC = '000E84C060A6';

/** Synthetic images under their own names (what an extracted zip gives). */
function images(...names: string[]): [string, Uint8Array][] {
  return names.map((n) => [n, makeSyntheticImage(n, 600)]);
}

async function bootWith(
  firmware: string | undefined,
  files: [string, string | Uint8Array][],
  extra: { silent?: string[]; model?: '7940' | '7960'; sipDefaultLimitBytes?: number; stateError?: boolean } = {},
): Promise<{ outcome: SimOutcome | undefined; requests: string[]; events: SimEvent[]; phone: VirtualPhone }> {
  const version = firmware === undefined ? undefined : parseFirmwareLabel(firmware);
  if (firmware !== undefined && version === undefined) throw new Error(`bad label ${firmware}`);
  const phone = new VirtualPhone({
    id: 't',
    mac: MAC,
    model: extra.model ?? '7960',
    firmware: version,
    fetch: memoryFetcher(new Map(files), new Set(extra.silent ?? [])),
    tftpServer: '127.0.0.1',
    flashWriteMs: 0,
    sipDefaultLimitBytes: extra.sipDefaultLimitBytes,
    stateErrorOldSccpToSip34: extra.stateError,
  });
  const events: SimEvent[] = [];
  phone.onEvent((e) => events.push(e));
  const outcome = await phone.boot();
  const requests = events.flatMap((e) => (e.kind === 'tftp' ? [e.file] : []));
  return { outcome, requests, events, phone };
}

describe('virtual phone: OS79XX.TXT era', () => {
  it('SCCP 3.1 -> SIP 6.x (F1): OS79XX.TXT names the SIP image, image_version keeps it', async () => {
    const { outcome, requests } = await bootWith('SCCP 3.1', [
      ['OS79XX.TXT', 'P0S3-06-3-00\n'],
      ...images('P0S3-06-3-00.bin'),
      ['SIPDefault.cnf', 'image_version: P0S3-06-3-00\n'],
      [`SIP${MAC}.cnf`, 'image_version: P0S3-06-3-00\nline1_name: 100\n'],
    ]);
    expect(outcome).toEqual({ kind: 'running', firmware: 'SIP 6.3', image: 'P0S3-06-3-00', protocol: 'sip' });
    expect(requests.slice(0, 2)).toEqual(['OS79XX.TXT', 'P0S3-06-3-00.bin']);
    // after the reboot: OS79XX.TXT matches, then the SIP files, then RINGLIST.DAT (no dialplan.xml in this era)
    expect(requests.slice(2)).toEqual(['OS79XX.TXT', 'SIPDefault.cnf', `SIP${MAC}.cnf`, 'RINGLIST.DAT']);
  });

  it('SCCP 3.1 -> SIP 8.12 (F2): the loader shares P003 with SCCP loads, so OS79XX.TXT alone does not move the phone (issue 17)', async () => {
    const sip812: [string, string | Uint8Array][] = [
      ['OS79XX.TXT', 'P003-8-12-00\n'],
      ...images('P003-8-12-00.bin', 'P003-8-12-00.sbn', 'P0S3-8-12-00.sb2'),
      ['P0S3-8-12-00.loads', 'opaque'],
      ['SIPDefault.cnf', 'image_version: P0S3-8-12-00\ntftp_cfg_dir: ./\n'],
      [`SIP${MAC}.cnf`, 'image_version: P0S3-8-12-00\n'],
    ];
    const alone = await bootWith('SCCP 3.1', sip812);
    expect(alone.outcome).toMatchObject({ kind: 'running', firmware: 'SCCP 3.1' });
    expect(alone.requests).not.toContain('P003-8-12-00.bin');
    // Field practice [field]: XMLDefault.cnf.xml names the loader; the loader then finds the SIP configs.
    const { outcome, requests, phone, events } = await bootWith('SCCP 3.1', [
      ...sip812,
      ['XMLDefault.cnf.xml', '<Default><loadInformation7 model="IP Phone 7960">P003-8-12-00</loadInformation7></Default>'],
    ]);
    expect(outcome).toMatchObject({ kind: 'running', firmware: 'SIP 8.12', image: 'P0S3-8-12-00' });
    expect(requests.slice(0, 4)).toEqual(['OS79XX.TXT', `SEP${MAC}.cnf.xml`, 'XMLDefault.cnf.xml', 'P003-8-12-00.bin']);
    expect(requests).toContain('P0S3-8-12-00.sb2');
    expect(requests).not.toContain('P003-8-12-00.sbn'); // the loader is already the one named
    expect(requests).toContain(`./SIP${MAC}.cnf`);
    expect(requests.some((r) => /term[46]0\.default\.loads/.test(r))).toBe(false);
    expect(phone.flash).toMatchObject({ loader: 'P003-8-12-00', app: 'P0S3-8-12-00', signed: true });
    const notices = events.flatMap((e) => (e.kind === 'notice' ? [e] : []));
    expect(notices.some((n) => n.simulated && /^\[field\] an SCCP phone takes the loader P003-8-12-00 named by loadInformation/.test(n.message))).toBe(true);
  });

  it('SIP 2.x-4.x cannot jump straight to SIP 7.x/8.x (CME guide)', async () => {
    for (const from of ['SIP 2.3', 'SIP 4.4']) {
      const { outcome, requests } = await bootWith(from, [
        ['OS79XX.TXT', 'P003-8-12-00\n'],
        ...images('P003-8-12-00.bin', 'P003-8-12-00.sbn', 'P0S3-8-12-00.sb2'),
        ['P0S3-8-12-00.loads', 'opaque'],
        ['SIPDefault.cnf', 'image_version: P0S3-8-12-00\n'],
      ]);
      expect(outcome, from).toMatchObject({ kind: 'error', message: '[sim] Upgrade sequence refused' });
      expect(requests, from).not.toContain('P003-8-12-00.bin');
    }
    const { outcome } = await bootWith('SIP 6.3', [
      ['OS79XX.TXT', 'P003-07-4-00\n'],
      ...images('P003-07-4-00.bin', 'P003-07-4-00.sbn', 'P0S3-07-4-00.sb2'),
      ['P0S3-07-4-00.loads', 'opaque'],
      ['SIPDefault.cnf', 'image_version: P0S3-07-4-00\n'],
    ]);
    expect(outcome).toMatchObject({ kind: 'running', firmware: 'SIP 7.4' });
  });

  it('a wrong-width name is not found: P0S3-08-12-00 for 8.12, whose package holds P0S3-8-12-00', async () => {
    const { outcome, requests } = await bootWith('SIP 7.4', [
      ...images('P003-8-12-00.bin', 'P003-8-12-00.sbn', 'P0S3-8-12-00.sb2'),
      ['P0S3-8-12-00.loads', 'opaque'],
      [`SEP${MAC}.cnf.xml`, '<device><loadInformation>P0S3-08-12-00</loadInformation></device>'],
    ]);
    expect(requests).toContain('P0S3-08-12-00.loads');
    expect(requests).not.toContain('P0S3-08-12-00.sbn');
    expect(outcome).toMatchObject({ kind: 'error', message: 'Protocol Application Invalid' });
  });

  it('SIP 4.x -> SCCP 5.0(1.1) (R1) via OS79XX.TXT', async () => {
    const { outcome } = await bootWith('SIP 4.4', [['OS79XX.TXT', 'P00305000101'], ...images('P00305000101.bin')]);
    expect(outcome).toMatchObject({ kind: 'running', firmware: 'SCCP 5.0(1.1)', protocol: 'sccp' });
  });

  it('a trailing space in OS79XX.TXT makes it ask for a name that does not exist', async () => {
    const { outcome, requests } = await bootWith('SCCP 3.1', [['OS79XX.TXT', 'P0S3-06-3-00 \n'], ...images('P0S3-06-3-00.bin')]);
    expect(requests).toContain('P0S3-06-3-00 .bin');
    expect(outcome).toMatchObject({ kind: 'error', message: 'Protocol Application Invalid' });
  });

  it('SIP 2.x and a large SIPDefault.cnf: W210 TFTP Error : buffer full', async () => {
    const big = `image_version: P0S30203\n${'# padding line for a big default file\n'.repeat(80)}`;
    const { outcome } = await bootWith('SIP 2.3', [['OS79XX.TXT', 'P0S30203'], ['SIPDefault.cnf', big]]);
    expect(outcome).toMatchObject({ kind: 'error', message: 'W210 TFTP Error : buffer full' });
    expect(outcome?.kind === 'error' && outcome.detail).toMatch(/simulated|unknown/);
  });

  it('SIP 2.x with a minimal SIPDefault.cnf is fine', async () => {
    const { outcome } = await bootWith('SIP 2.3', [['OS79XX.TXT', 'P0S30203'], ['SIPDefault.cnf', 'image_version: P0S30203\n']]);
    expect(outcome).toMatchObject({ kind: 'running', firmware: 'SIP 2.3' });
  });

  it('the buffer limit is a parameter', async () => {
    const { outcome } = await bootWith('SIP 2.3', [['SIPDefault.cnf', 'image_version: P0S30203\n']], { sipDefaultLimitBytes: 10 });
    expect(outcome).toMatchObject({ kind: 'error', message: 'W210 TFTP Error : buffer full' });
  });

  it('SIP 2.1 ignores an SCCP load named longer than 8.3, and takes the 8.3 name', async () => {
    const long = await bootWith('SIP 2.1', [['OS79XX.TXT', 'P00304020100'], ...images('P00304020100.bin')]);
    expect(long.outcome).toMatchObject({ kind: 'running', firmware: 'SIP 2.1' });
    expect(long.requests).not.toContain('P00304020100.bin');
    expect(long.events.some((e) => e.kind === 'notice' && /longer than 8\.3/.test(e.message))).toBe(true);
    const short = await bootWith('SIP 2.1', [['OS79XX.TXT', 'P0030402'], ...images('P0030402.bin')]);
    expect(short.outcome).toMatchObject({ kind: 'running', firmware: 'SCCP 4.2' });
  });

  it('SIP 2.1 takes the SCCP load renamed by hand to its 8.3 name (the documented fix)', async () => {
    const { outcome } = await bootWith('SIP 2.1', [['OS79XX.TXT', 'P0030402'], ['P0030402.bin', makeSyntheticImage('P00304020100.bin', 600)]]);
    expect(outcome).toMatchObject({ kind: 'running', firmware: 'SCCP 4.2' });
  });

  it('SIP 2.2 takes the long SCCP name', async () => {
    const { outcome } = await bootWith('SIP 2.2', [['OS79XX.TXT', 'P00304020100'], ...images('P00304020100.bin')]);
    expect(outcome).toMatchObject({ kind: 'running', protocol: 'sccp' });
  });

  it('an unsigned .bin on a phone already on a signed image: Image Authentication Failed', async () => {
    const { outcome, requests } = await bootWith('SCCP 5.0(1.1)', [['OS79XX.TXT', 'P0S3-06-3-00'], ...images('P0S3-06-3-00.bin')]);
    expect(requests).toEqual(['OS79XX.TXT', 'P0S3-06-3-00.sbn', 'P0S3-06-3-00.bin']);
    expect(outcome).toMatchObject({ kind: 'error', message: 'Image Authentication Failed', firmware: 'SCCP 5.0(1.1)' });
  });

  it('a signed phone takes the .sbn', async () => {
    const { outcome } = await bootWith('SCCP 5.0(1.1)', [['OS79XX.TXT', 'P0S3-06-3-00'], ...images('P0S3-06-3-00.sbn')]);
    expect(outcome).toMatchObject({ kind: 'running', firmware: 'SIP 6.3' });
  });

  it('a renamed or damaged image: Image Authentication Failed', async () => {
    const renamed = await bootWith('SCCP 3.1', [['OS79XX.TXT', 'P0S3-06-3-00'], ['P0S3-06-3-00.bin', makeSyntheticImage('P0S3-06-2-00.bin', 600)]]);
    expect(renamed.outcome).toMatchObject({ kind: 'error', message: 'Image Authentication Failed' });
    const damaged = makeSyntheticImage('P0S3-06-3-00.bin', 600);
    damaged[100] = (damaged[100] ?? 0) ^ 0xff;
    const corrupt = await bootWith('SCCP 3.1', [['OS79XX.TXT', 'P0S3-06-3-00'], ['P0S3-06-3-00.bin', damaged]]);
    expect(corrupt.outcome).toMatchObject({ kind: 'error', message: 'Image Authentication Failed' });
  });

  it('a non-synthetic image is accepted by extension, and said so', async () => {
    const { outcome, events } = await bootWith('SCCP 3.1', [['OS79XX.TXT', 'P0S3-06-3-00'], ['P0S3-06-3-00.bin', 'real bytes?']]);
    expect(outcome).toMatchObject({ kind: 'running', firmware: 'SIP 6.3' });
    expect(events.some((e) => e.kind === 'notice' && e.simulated && /extension only/.test(e.message))).toBe(true);
  });

  it('a below-5.0 target on a signed phone is refused without a download', async () => {
    const { outcome, requests } = await bootWith('SIP 5.3', [['SIPDefault.cnf', 'image_version: P0S3-04-4-00\n'], ...images('P0S3-04-4-00.sbn')]);
    expect(outcome).toMatchObject({ kind: 'error', message: 'Image Authentication Failed' });
    expect(outcome?.kind === 'error' && outcome.detail).toMatch(/below 5\.0/);
    expect(requests.some((r) => r.startsWith('P0S3-04-4-00'))).toBe(false);
  });

  it('no image anywhere: No Load Specified', async () => {
    const { outcome } = await bootWith(undefined, []);
    expect(outcome).toMatchObject({ kind: 'error', message: 'No Load Specified' });
  });

  it('an image named but missing: Protocol Application Invalid', async () => {
    const { outcome } = await bootWith('SCCP 3.1', [['OS79XX.TXT', 'P0S3-06-3-00']]);
    expect(outcome).toMatchObject({ kind: 'error', message: 'Protocol Application Invalid' });
  });

  it('SCCP reads SEP<MAC>.cnf.xml, else XMLDefault.cnf.xml for its model', async () => {
    // SCCP 3.x and later have 12-digit names only (P00303030300 = 3.3(3), domain reference section 6).
    const xml = '<Default><loadInformation7 model="IP Phone 7960">P00304020100</loadInformation7><loadInformation8 model="IP Phone 7940">P00303030300</loadInformation8></Default>';
    const files: [string, string | Uint8Array][] = [['XMLDefault.cnf.xml', xml], ...images('P00304020100.bin')];
    const r7960 = await bootWith('SCCP 3.3(3)', files, { model: '7960' });
    expect(r7960.outcome).toMatchObject({ kind: 'running', firmware: 'SCCP 4.2(1)' });
    expect(r7960.requests.slice(0, 3)).toEqual(['OS79XX.TXT', `SEP${MAC}.cnf.xml`, 'XMLDefault.cnf.xml']);
    const r7940 = await bootWith('SCCP 3.3(3)', files, { model: '7940' });
    expect(r7940.outcome).toMatchObject({ kind: 'running', firmware: 'SCCP 3.3(3)' });
  });

  it('old SCCP to SIP 4.x with State Error simulated: three refused tries, then TFTP Error; via SIP 2.3 works', async () => {
    const files: [string, string | Uint8Array][] = [['OS79XX.TXT', 'P0S3-04-4-00'], ...images('P0S3-04-4-00.bin')];
    const { outcome, requests } = await bootWith('SCCP 3.1', files, { stateError: true });
    expect(outcome).toMatchObject({ kind: 'error', message: 'TFTP Error' });
    expect(requests.filter((r) => r === 'P0S3-04-4-00.bin')).toHaveLength(3);
    expect((await bootWith('SCCP 3.1', files)).outcome).toMatchObject({ kind: 'running', firmware: 'SIP 4.4' });
    const via23 = await bootWith('SCCP 3.1', [['OS79XX.TXT', 'P0S30203'], ...images('P0S30203.bin')], { stateError: true });
    expect(via23.outcome).toMatchObject({ kind: 'running', firmware: 'SIP 2.3' });
  });

  it('a server that does not answer: TFTP Timeout', async () => {
    const { outcome } = await bootWith('SCCP 3.1', [], { silent: ['OS79XX.TXT'] });
    expect(outcome).toMatchObject({ kind: 'error', message: 'TFTP Timeout' });
  });
});

describe('virtual phone: universal loader era', () => {
  it('SIP 8.12 -> SCCP 8.1(2) (R4) via image_version', async () => {
    const { outcome, requests, phone } = await bootWith('SIP 8.12', [
      [`SIP${MAC}.cnf`, 'image_version: P00308010200\n'],
      ['P00308010200.loads', 'opaque'],
      ...images('P00308010200.sbn', 'P00308010200.sb2'),
    ]);
    expect(outcome).toMatchObject({ kind: 'running', firmware: 'SCCP 8.1(2)', protocol: 'sccp' });
    // The loader first, a reboot, then the new loader takes the application.
    expect(requests.slice(0, 10)).toEqual([
      `CTLSEP${MAC}.tlv`,
      `SEP${MAC}.cnf.xml`,
      `SIP${MAC}.cnf`,
      'P00308010200.loads',
      'P00308010200.sbn',
      `CTLSEP${MAC}.tlv`,
      `SEP${MAC}.cnf.xml`,
      `SIP${MAC}.cnf`,
      'P00308010200.loads',
      'P00308010200.sb2',
    ]);
    expect(phone.reboots).toBe(2);
  });

  it('SCCP 8.1(2)SR2 -> SIP 8.12 (F3) via loadInformation, then the field log order', async () => {
    const sep = '<device><deviceProtocol>SIP</deviceProtocol><loadInformation model="IP Phone 7960">P0S3-8-12-00</loadInformation></device>';
    const { outcome, requests } = await bootWith('SCCP 8.1(2)SR2', [
      [`SEP${MAC}.cnf.xml`, sep],
      ['P0S3-8-12-00.loads', 'opaque'],
      ...images('P003-8-12-00.sbn', 'P0S3-8-12-00.sb2'),
      ['SIPDefault.cnf', 'image_version: P0S3-8-12-00\ntftp_cfg_dir: ./\n'],
      [`SIP${MAC}.cnf`, 'image_version: P0S3-8-12-00\nphone_password: secret\n'],
    ]);
    expect(outcome).toMatchObject({ kind: 'running', firmware: 'SIP 8.12', protocol: 'sip' });
    const afterReboot = requests.slice(requests.indexOf('P0S3-8-12-00.sb2') + 1);
    expect(afterReboot.slice(0, 5)).toEqual([`CTLSEP${MAC}.tlv`, `SEP${MAC}.cnf.xml`, 'P0S3-8-12-00.loads', 'SIPDefault.cnf', `./SIP${MAC}.cnf`]);
    expect(new Set(afterReboot.slice(5))).toEqual(new Set(['RINGLIST.DAT', 'dialplan.xml']));
  });

  it('a loader without its application: Protocol Application Invalid', async () => {
    const { outcome, phone } = await bootWith('SCCP 8.1(2)', [
      [`SEP${MAC}.cnf.xml`, '<device><loadInformation>P0S3-8-12-00</loadInformation></device>'],
      ['P0S3-8-12-00.loads', 'opaque'],
      ...images('P003-8-12-00.sbn'),
    ]);
    expect(outcome).toMatchObject({ kind: 'error', message: 'Protocol Application Invalid', firmware: 'SCCP 8.1(2)' });
    expect(phone.flash.loader).toBe('P003-8-12-00');
  });

  it('a below-5.0 SCCP target from SIP 8.12 is refused', async () => {
    const { outcome } = await bootWith('SIP 8.12', [[`SIP${MAC}.cnf`, 'image_version: P0030402\n']]);
    expect(outcome).toMatchObject({ kind: 'error', message: 'Image Authentication Failed' });
  });

  it('no config anywhere: the loader runs the application in flash', async () => {
    const { outcome } = await bootWith('SIP 8.12', []);
    expect(outcome).toMatchObject({ kind: 'running', firmware: 'SIP 8.12' });
  });

  it('no answers for CTLSEP/SEP: loops, bounded, reported', async () => {
    const { outcome, requests, events } = await bootWith('SIP 8.12', [], { silent: [`CTLSEP${MAC}.tlv`, `SEP${MAC}.cnf.xml`] });
    expect(outcome).toMatchObject({ kind: 'error', message: 'TFTP Timeout' });
    expect(requests.filter((r) => r === `CTLSEP${MAC}.tlv`)).toHaveLength(3);
    expect(requests.filter((r) => r === `SEP${MAC}.cnf.xml`)).toHaveLength(3);
    expect(requests).not.toContain(`SIP${MAC}.cnf`); // it loops on the pair, as in the field
    expect(events.filter((e) => e.kind === 'notice' && /hunting again/.test(e.message))).toHaveLength(2);
  });

  it('configs that disagree make it reboot until the simulator stops it', async () => {
    const xml = '<Default><loadInformation7 model="IP Phone 7960">P0S3-8-12-00</loadInformation7></Default>';
    const { outcome, phone } = await bootWith('SIP 8.12', [
      [`SIP${MAC}.cnf`, 'image_version: P00308010200\n'],
      ['XMLDefault.cnf.xml', xml],
      ['P00308010200.loads', 'x'],
      ['P0S3-8-12-00.loads', 'x'],
      ...images('P00308010200.sbn', 'P00308010200.sb2', 'P003-8-12-00.sbn', 'P0S3-8-12-00.sb2'),
    ]);
    expect(outcome).toMatchObject({ kind: 'error', message: '[sim] Boot loop' });
    expect(phone.reboots).toBe(8);
  });

  it('fetches RINGLIST.DAT and dialplan.xml at the same time, then one ring file, not every entry (source log)', async () => {
    const files = new Map<string, string | Uint8Array>([
      ['SIPDefault.cnf', 'image_version: P0S3-8-12-00\n'],
      ['RINGLIST.DAT', 'Classic\tringer1.pcm\nChirp 2\tringer2.pcm\n'],
      ['dialplan.xml', '<DIALTEMPLATE><TEMPLATE MATCH="*" Timeout="5"/></DIALTEMPLATE>'],
      ['ringer2.pcm', 'pcm'],
    ]);
    const inner = memoryFetcher(files);
    let inFlight = 0;
    let most = 0;
    const order: string[] = [];
    const phone = new VirtualPhone({
      id: 'r', mac: MAC, model: '7960', firmware: parseFirmwareLabel('SIP 8.12'), tftpServer: '127.0.0.1', flashWriteMs: 0,
      fetch: async (name, signal) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        order.push(name);
        return inner(name, signal);
      },
    });
    expect(await phone.boot()).toMatchObject({ kind: 'running' });
    expect(most).toBe(2);
    expect(order.filter((n) => n.endsWith('.pcm'))).toEqual(['ringer1.pcm']);
  });

  it('keeps what its SIP config files gave it', async () => {
    const { phone } = await bootWith('SIP 8.12', [
      ['SIPDefault.cnf', 'image_version: P0S3-8-12-00\nphone_prompt: Lab\n'],
      [`SIP${MAC}.cnf`, 'phone_password: s3cret\nphone_prompt: Desk7\n'],
    ]);
    expect(phone.config).toMatchObject({ phone_prompt: 'Desk7', phone_password: 's3cret', image_version: 'P0S3-8-12-00' });
  });
});

describe('virtual phone: power', () => {
  it('stops in the middle of a flash write and stays off', async () => {
    let release: () => void = () => {};
    const phone = new VirtualPhone({
      id: 's',
      mac: MAC,
      model: '7960',
      firmware: parseFirmwareLabel('SCCP 3.3(3)'),
      fetch: memoryFetcher(new Map<string, string | Uint8Array>([['OS79XX.TXT', 'P0S3-06-3-00'], ...images('P0S3-06-3-00.bin')])),
      tftpServer: '127.0.0.1',
      sleep: (_ms, signal) =>
        new Promise<void>((resolve) => {
          release = resolve;
          signal.addEventListener('abort', () => resolve(), { once: true });
        }),
    });
    const states: string[] = [];
    phone.onEvent((e) => {
      if (e.kind === 'state') states.push(e.state);
      if (e.kind === 'state' && e.state === 'flash-write') queueMicrotask(() => phone.stop());
    });
    const outcome = await phone.boot();
    release();
    expect(outcome).toBeUndefined();
    expect(phone.state).toBe('stopped');
    expect(phone.flash.app).toBe('P00303030300'); // the write never finished
    expect(await phone.boot()).toBeUndefined();
    expect(states.at(-1)).toBe('stopped');
  });
});
