import { describe, expect, it } from 'vitest';
import {
  ctlSepName,
  macOfFileName,
  modelInfo,
  normalizeMac,
  sepCnfXmlName,
  sipMacCnfName,
} from '../../../../shared/cisco/phone-files';

describe('normalizeMac', () => {
  it.each([
    ['00:11:22:33:44:aa', '0011223344AA'],
    ['0011.2233.44AA', '0011223344AA'],
    ['00-11-22-33-44-AA', '0011223344AA'],
    ['0011223344aa', '0011223344AA'],
    [' 000e84c060a6 ', '000E84C060A6'],
  ])('%s', (input, mac) => expect(normalizeMac(input)).toBe(mac));
  it.each(['', '0011223344A', '0011223344AAB', '00:11:22:33:44', '00:11-22:33:44:55', 'GG11223344AA', '0011.2233.44AA.'])(
    'refuses %j',
    (input) => expect(normalizeMac(input)).toBeUndefined(),
  );
});

describe('per-phone file names', () => {
  it('upper-case MAC, lower-case extension', () => {
    expect(sipMacCnfName('00:11:22:33:44:aa')).toBe('SIP0011223344AA.cnf');
    expect(sepCnfXmlName('0011.2233.44aa')).toBe('SEP0011223344AA.cnf.xml');
    expect(ctlSepName('0011223344aa')).toBe('CTLSEP0011223344AA.tlv');
    expect(() => sipMacCnfName('nope')).toThrow(/MAC/);
  });
  it('reads the MAC back from a name, keeping how it was written', () => {
    expect(macOfFileName('SEP0011223344aa.cnf.xml')).toEqual({ mac: '0011223344AA', written: '0011223344aa' });
    expect(macOfFileName('SIPDefault.cnf')).toBeUndefined();
  });
  it('model facts', () => {
    expect(modelInfo('7960')).toMatchObject({ lineKeys: 6, deviceTypeId: 7, loadInformationTag: 'loadInformation7', modelString: 'IP Phone 7960' });
    expect(modelInfo('7940')).toMatchObject({ lineKeys: 2, deviceTypeId: 8, loadInformationTag: 'loadInformation8', modelString: 'IP Phone 7940' });
  });
});
