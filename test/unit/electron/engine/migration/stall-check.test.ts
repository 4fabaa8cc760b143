import { describe, expect, it } from 'vitest';
import { parseFirmwareLabel, type FirmwareVersion } from '../../../../../shared/cisco/firmware-version';
import { checkAddressForBoot, missingImageStall, refusedOwnStall, wrongAddressStall } from '../../../../../electron/engine/migration/stall-check';
import type { RunnerHop } from '../../../../../electron/engine/migration/runner-plan';

const MAC = '000E84C060A6';
const v = (label: string) => parseFirmwareLabel(label) as FirmwareVersion;

describe('stall checks (issue 19 item 1)', () => {
  it('the OS79XX.TXT era needs the address or the bench DHCP; the loader era and the demo do not', () => {
    expect(() => checkAddressForBoot({ demo: false }, v('SCCP 5.0(1.1)'))).toThrow(/OS79XX\.TXT first/);
    expect(() => checkAddressForBoot({ demo: false }, v('SIP 6.3'))).toThrow();
    expect(() => checkAddressForBoot({ demo: false, phoneIp: '10.0.0.5' }, v('SCCP 3.1'))).not.toThrow();
    expect(() => checkAddressForBoot({ demo: false, dhcp: { offerIp: '10.0.0.5', mask: '255.255.255.0', leaseSeconds: 600, port: 67 } }, v('SCCP 3.1'))).not.toThrow();
    expect(() => checkAddressForBoot({ demo: true }, v('SCCP 3.1'))).not.toThrow();
    expect(() => checkAddressForBoot({ demo: false }, v('SCCP 6.0(2)'))).not.toThrow();
    expect(() => checkAddressForBoot({ demo: false }, v('SIP 7.4'))).not.toThrow();
    expect(() => checkAddressForBoot({ demo: false }, undefined)).not.toThrow();
  });

  it('a refused OS79XX.TXT of the phone is a stall only when the hop needs it', () => {
    const hop = { expectedRequests: ['OS79XX.TXT', 'P003-8-12-00.bin'] } as RunnerHop;
    const own = [{ at: '', client: '10.0.0.5', file: 'OS79XX.TXT', reason: 'names no phone', count: 1 }];
    expect(refusedOwnStall(own, hop, '10.0.0.5')?.code).toBe('stall-os79xx-refused');
    expect(refusedOwnStall(own, { expectedRequests: [`SEP${MAC}.cnf.xml`] } as RunnerHop, '10.0.0.5')).toBeUndefined();
    expect(refusedOwnStall([], hop, '10.0.0.5')).toBeUndefined();
  });

  it('only a last-resort image is a stall: .bin, .sb2, a loader-era .loads, or .sbn after its .loads', () => {
    expect(missingImageStall('P0S3-8-12-00.bin', 'SCCP 3.1', [])?.code).toBe('stall-image-missing');
    expect(missingImageStall('./P0S3-8-12-00.sb2', 'SCCP 3.1', [])?.code).toBe('stall-image-missing');
    // A loader-era release ships its .loads: the phone takes nothing else for it.
    expect(missingImageStall('P0S3-9-99-00.loads', 'SCCP 8.1(2)', [])?.code).toBe('stall-image-missing');
    expect(missingImageStall('P00308010200.sbn', 'SCCP 5.0(1.1)', ['OS79XX.TXT'])).toBeUndefined();
    expect(missingImageStall('P0S3-9-99-00.sbn', 'SCCP 8.1(2)', ['P0S3-9-99-00.loads'])?.code).toBe('stall-image-missing');
    expect(missingImageStall('RINGLIST.DAT', 'SIP 8.12', [])).toBeUndefined();
    expect(missingImageStall(`CTLSEP${MAC}.tlv`, 'SIP 8.12', [])).toBeUndefined();
  });

  it('this phone asking from another address than the one entered is a stall', () => {
    expect(wrongAddressStall(`SEP${MAC}.cnf.xml`, '10.0.0.9', MAC, '10.0.0.5')?.code).toBe('stall-wrong-address');
    expect(wrongAddressStall('OS79XX.TXT', '10.0.0.9', MAC, '10.0.0.5')).toBeUndefined();
    expect(wrongAddressStall('SEP000E84C060A7.cnf.xml', '10.0.0.9', MAC, '10.0.0.5')).toBeUndefined();
    expect(wrongAddressStall(`SEP${MAC}.cnf.xml`, '10.0.0.5', MAC, '10.0.0.5')).toBeUndefined();
  });
});
