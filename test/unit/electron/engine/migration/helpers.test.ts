import { describe, expect, it } from 'vitest';
import { en } from '../../../../support/error-text';
import { formatMessage } from '../../../../../shared/i18n/format';
import { keypadSteps } from '../../../../../electron/engine/migration/keypad-steps';
import { inferFromRequests } from '../../../../../electron/engine/migration/listen-inference';
import { listInterfaces, parseNetstatRoutes, parseRouteTable, parseWindowsRoutes } from '../../../../../electron/engine/migration/network-interfaces';

const MAC = '000E84C060A6';

describe('keypad steps', () => {
  it('fills in the laptop address and unlocks with the password on SIP 4.2 and later', () => {
    const steps = keypadSteps('192.168.50.1', 'SIP 8.12');
    // Source line 145: the * key types the dot of an IP address (issue 17), in both languages.
    expect(en(steps.find((s) => s.value)?.text)).toBe('Set TFTP Server 1 to 192.168.50.1; the * key types the dot of the address.');
    expect(formatMessage('ja', steps.find((s) => s.value)?.text ?? { key: 'migrate.keypad.server' })).toMatch(/小数点 \(\.\) は \* キー/);
    expect(en(steps[0]?.text)).toMatch(/Unlock Config/);
    expect(steps.map((s) => en(s.text)).join(' ')).toMatch(/Alternate TFTP and set it to Yes/);
  });
  it('unlocks with **# on SCCP and SIP before 4.2, warning about **#**', () => {
    for (const from of ['SCCP 8.1(2)', 'SIP 4.1', 'SIP 2.3']) {
      expect(en(keypadSteps('10.0.0.1', from)[0]?.text)).toMatch(/\*\*#.*\*\*#\*\* reboots/);
    }
  });
  it('gives both ways when the firmware is unknown', () => {
    const first = en(keypadSteps('10.0.0.1')[0]?.text) ?? '';
    expect(first).toMatch(/Unlock Config/);
    expect(first).toMatch(/\*\*#/);
  });
});

describe('route table', () => {
  const table = [
    'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
    'eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0',
    'eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0',
    'eth1\t0032A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0',
  ].join('\n');
  it('finds default routes and decodes the little-endian gateway', () => {
    expect([...parseRouteTable(table)]).toEqual([['eth0', '192.0.2.1']]);
  });
  it('reads macOS netstat and Windows route print, best effort', () => {
    const mac = 'Routing tables\n\nInternet:\nDestination        Gateway            Flags        Netif Expire\ndefault            192.168.1.1        UGScg          en0\n127                127.0.0.1          UCS            lo0\n';
    expect([...parseNetstatRoutes(mac)]).toEqual([['en0', '192.168.1.1']]);
    const win = 'IPv4 Route Table\n===\nActive Routes:\nNetwork Destination        Netmask          Gateway       Interface  Metric\n          0.0.0.0          0.0.0.0      192.168.1.1    192.168.1.50     25\n        127.0.0.0        255.0.0.0         On-link         127.0.0.1    331\n';
    expect([...parseWindowsRoutes(win)]).toEqual([['192.168.1.50', '192.168.1.1']]);
  });

  it('warns only on the interface with the default route; loopback last', async () => {
    const nics = {
      lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
      eth0: [{ address: '192.0.2.2', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '192.0.2.2/24' }],
      eth1: [
        { address: '192.168.50.1', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:02', internal: false, cidr: '192.168.50.1/24' },
        { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '02:00:00:00:00:02', internal: false, cidr: 'fe80::1/64', scopeid: 2 },
      ],
    } as const;
    const list = await listInterfaces(nics as never, parseRouteTable(table));
    expect(list.map((n) => n.name)).toEqual(['eth1', 'eth0', 'lo']);
    expect(list[0]?.warnings).toEqual([]);
    expect(list[1]).toMatchObject({ defaultGateway: '192.0.2.1' });
    expect(en(list[1]?.warnings[0])).toMatch(/live network/);
  });
});

describe('listen-first inference', () => {
  it('OS79XX.TXT first, then SIP files: the old mechanism on SIP', () => {
    expect(inferFromRequests(['OS79XX.TXT'])).toBeUndefined();
    expect(inferFromRequests(['OS79XX.TXT', 'SIPDefault.cnf'])).toMatchObject({ era: 'os79xx', protocol: 'SIP' });
  });
  it('OS79XX.TXT first, then the SCCP config: the old mechanism on SCCP', () => {
    expect(inferFromRequests(['OS79XX.TXT', `SEP${MAC}.cnf.xml`])).toMatchObject({ era: 'os79xx', protocol: 'SCCP' });
  });
  it('CTLSEP first: the loader era, protocol open until a SIP application file shows', () => {
    const hunt = [`CTLSEP${MAC}.tlv`, `SEP${MAC}.cnf.xml`, `SIP${MAC}.cnf`, 'XMLDefault.cnf.xml', 'SIPDefault.cnf'];
    const r = inferFromRequests(hunt);
    expect(r).toMatchObject({ era: 'loader' });
    expect(r?.protocol).toBeUndefined();
    expect(inferFromRequests([...hunt, 'RINGLIST.DAT'])).toMatchObject({ era: 'loader', protocol: 'SIP' });
  });
  it('tolerates the ./ prefix', () => {
    expect(inferFromRequests(['./OS79XX.TXT', `./SIP${MAC}.cnf`])).toMatchObject({ era: 'os79xx', protocol: 'SIP' });
  });
});
