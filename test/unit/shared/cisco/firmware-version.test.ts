import { describe, expect, it } from 'vitest';
import {
  bootEra,
  compareFirmware,
  formatFirmware,
  isSigned,
  parseFirmwareLabel,
} from '../../../../shared/cisco/firmware-version';

describe('parseFirmwareLabel / formatFirmware', () => {
  const table: [string, object, string][] = [
    ['SIP 8.12', { protocol: 'SIP', major: 8, minor: 12 }, 'SIP 8.12'],
    ['SIP 2.3', { protocol: 'SIP', major: 2, minor: 3 }, 'SIP 2.3'],
    ['SCCP 8.1(2)SR2', { protocol: 'SCCP', major: 8, minor: 1, maintenance: 2, serviceRelease: 2 }, 'SCCP 8.1(2)SR2'],
    ['SCCP 7.2(3)', { protocol: 'SCCP', major: 7, minor: 2, maintenance: 3 }, 'SCCP 7.2(3)'],
    ['SCCP 5.0(1.1)', { protocol: 'SCCP', major: 5, minor: 0, maintenance: 1, sub: 1 }, 'SCCP 5.0(1.1)'],
    ['SCCP 3.1', { protocol: 'SCCP', major: 3, minor: 1 }, 'SCCP 3.1'],
    ['  sip8.12 ', { protocol: 'SIP', major: 8, minor: 12 }, 'SIP 8.12'],
    ['sccp 8.1 (2) sr 2', { protocol: 'SCCP', major: 8, minor: 1, maintenance: 2, serviceRelease: 2 }, 'SCCP 8.1(2)SR2'],
    ['MGCP 8.1', { protocol: 'MGCP', major: 8, minor: 1 }, 'MGCP 8.1'],
  ];
  it.each(table)('%s', (label, value, formatted) => {
    const v = parseFirmwareLabel(label);
    expect(v).toEqual(value);
    expect(v && formatFirmware(v)).toBe(formatted);
  });

  it.each(['', 'SIP', 'SIP 8', 'H323 1.0', 'SIP 8.12 extra', 'SCCP 8.1(2', 'SIP 8.5.1(2)'])('refuses %j', (label) => {
    expect(parseFirmwareLabel(label)).toBeUndefined();
  });
});

describe('compareFirmware, isSigned, bootEra', () => {
  const v = (l: string) => {
    const x = parseFirmwareLabel(l);
    if (x === undefined) throw new Error(l);
    return x;
  };
  it('orders by number, missing parts as 0', () => {
    expect(compareFirmware(v('SIP 8.11'), v('SIP 8.12'))).toBeLessThan(0);
    expect(compareFirmware(v('SCCP 8.1(2)SR2'), v('SCCP 8.1(2)'))).toBeGreaterThan(0);
    expect(compareFirmware(v('SCCP 6.3'), v('SCCP 6.3(0)'))).toBe(0);
    expect(compareFirmware(v('SIP 2.3'), v('SIP 10.0'))).toBeLessThan(0);
  });
  it('signed from 5.0 on, either protocol', () => {
    expect(isSigned(v('SIP 4.4'))).toBe(false);
    expect(isSigned(v('SIP 5.0'))).toBe(true);
    expect(isSigned(v('SCCP 5.0(1.1)'))).toBe(true);
    expect(isSigned(v('SCCP 4.1'))).toBe(false);
  });
  it('boot era: OS79XX.TXT up to SCCP 5.x / SIP 6.x, loader after', () => {
    expect(bootEra(v('SCCP 5.0(1.1)'))).toBe('os79xx');
    expect(bootEra(v('SCCP 6.0(2)'))).toBe('loader');
    expect(bootEra(v('SIP 6.3'))).toBe('os79xx');
    expect(bootEra(v('SIP 7.4'))).toBe('loader');
  });
});
