import { describe, expect, it } from 'vitest';
import { parseFirmwareLabel, sameFirmware } from '../../../../shared/cisco/firmware-version';
import { imageIdFor, loaderIdFor, parseImageName, roleOfFile, to83Alias } from '../../../../shared/cisco/image-name';
import { KNOWN_FIRMWARE } from '../../../../shared/cisco/planner/known-firmware';

function v(label: string) {
  const x = parseFirmwareLabel(label);
  if (x === undefined) throw new Error(label);
  return x;
}

describe('parseImageName', () => {
  const table: [string, string, string, string][] = [
    ['P0S30203', 'sip-8.3', 'SIP', 'SIP 2.3'],
    ['P0S30100.bin', 'sip-8.3', 'SIP', 'SIP 1.0'],
    ['P0S3-07-4-00', 'sip-dashed', 'SIP', 'SIP 7.4'],
    ['P0S3-8-12-00.sb2', 'sip-dashed', 'SIP', 'SIP 8.12'],
    ['P0S3-08-11-00.loads', 'sip-dashed', 'SIP', 'SIP 8.11'],
    ['P00305000101', 'sccp', 'SCCP', 'SCCP 5.0(1.1)'],
    ['P00307020300.sbn', 'sccp', 'SCCP', 'SCCP 7.2(3)'],
    ['P0030801SR02', 'sccp-sr', 'SCCP', 'SCCP 8.1(2)SR2'],
    ['P0030301', 'sccp-8.3', 'SCCP', 'SCCP 3.1'],
    ['P003-8-12-00.sbn', 'loader', 'SIP', 'SIP 8.12'],
    ['P003-07-4-00.bin', 'loader', 'SIP', 'SIP 7.4'],
    ['P0M3-07-4-00', 'mgcp', 'MGCP', 'MGCP 7.4'],
    ['P0M308010200', 'mgcp', 'MGCP', 'MGCP 8.1(2)'],
  ];
  it.each(table)('%s', (name, scheme, protocol, label) => {
    const p = parseImageName(name);
    expect(p?.scheme).toBe(scheme);
    expect(p?.protocol).toBe(protocol);
    expect(p !== undefined && sameFirmware(p.version, v(label))).toBe(true);
    expect(p?.id).toBe(name.replace(/\.(bin|sbn|loads|sb2)$/, ''));
  });
  it('keeps the extension as written', () => {
    expect(parseImageName('P0S3-8-12-00.SBN')?.extension).toBe('SBN');
    expect(parseImageName('P0S3-8-12-00')?.extension).toBeUndefined();
  });
  it.each(['', 'p0s3-8-12-00', 'P0S3-8-12-00 ', 'P0S3-8-12', 'P0S3-8-12-00.zip', 'OS79XX.TXT', 'P0X30203', 'P00308010'])(
    'refuses %j',
    (name) => expect(parseImageName(name)).toBeUndefined(),
  );
});

describe('imageIdFor / loaderIdFor', () => {
  it.each([
    ['SIP 2.3', 'P0S30203'],
    ['SIP 1.0', 'P0S30100'],
    ['SIP 3.1', 'P0S3-03-1-00'],
    ['SIP 7.4', 'P0S3-07-4-00'],
    ['SIP 8.11', 'P0S3-08-11-00'],
    ['SIP 8.12', 'P0S3-8-12-00'],
    ['SCCP 5.0(1.1)', 'P00305000101'],
    ['SCCP 6.0(2)', 'P00306000200'],
    ['SCCP 7.2(3)', 'P00307020300'],
    ['SCCP 8.1(2)', 'P00308010200'],
    ['SCCP 8.1(2)SR2', 'P0030801SR02'],
    ['SCCP 3.3(3)', 'P00303030300'],
    ['SCCP 5.0(2)', 'P00305000200'],
    ['SCCP 6.0(1)', 'P00306000100'],
    // SCCP 3.x and later have only 12-digit names: no 8.3 form is made up for them.
    ['SCCP 3.1', 'P00303010000'],
    ['SCCP 4.1', 'P00304010000'],
    ['SCCP 2.3', 'P0030203'],
  ])('%s -> %s', (label, id) => expect(imageIdFor(v(label))).toBe(id));

  it('loader ids for SIP 7.x and later only', () => {
    expect(loaderIdFor(v('SIP 8.12'))).toBe('P003-8-12-00');
    expect(loaderIdFor(v('SIP 7.4'))).toBe('P003-07-4-00');
    expect(loaderIdFor(v('SIP 6.3'))).toBeUndefined();
    expect(loaderIdFor(v('SCCP 8.1(2)'))).toBeUndefined();
  });

  it('every known release round-trips through its id', () => {
    for (const k of KNOWN_FIRMWARE) {
      const parsed = parseImageName(imageIdFor(k.version));
      expect(parsed, k.label).toBeDefined();
      expect(parsed && sameFirmware(parsed.version, k.version), k.label).toBe(true);
    }
  });
});

describe('to83Alias', () => {
  it('cuts SCCP ids to P003 + major + minor', () => {
    expect(to83Alias('P00305000101')).toBe('P0030500');
    expect(to83Alias('P0030801SR02')).toBe('P0030801');
    expect(to83Alias('P0030401')).toBe('P0030401');
    expect(to83Alias('P0S3-8-12-00')).toBeUndefined();
    expect(to83Alias('P00305000101.bin')).toBeUndefined();
  });
});

describe('roleOfFile', () => {
  it.each([
    ['P0S3-8-12-00.bin', 'unsigned-image'],
    ['P003-8-12-00.sbn', 'signed-image'],
    ['P0S3-8-12-00.loads', 'loads'],
    ['P0S3-8-12-00.sb2', 'signed-application'],
    ['OS79XX.TXT', 'os79xx'],
    ['os79xx.txt', 'os79xx'],
    ['SIPDefault.cnf', 'sip-config'],
    ['./SIP000E84C060A6.cnf', 'sip-config'],
    ['SEP000E84C060A6.cnf.xml', 'sccp-config'],
    ['xmlDefault.CNF.XML', 'sccp-config'],
    ['CTLSEP000E84C060A6.tlv', 'sccp-config'],
    ['RINGLIST.DAT', 'ringlist'],
    ['ringer1.pcm', 'ring'],
    ['Chirp1.raw', 'ring'],
    ['dialplan.xml', 'dialplan'],
    ['cfgfmt.exe', 'tool'],
    ['sip_ptag.dat', 'tool'],
    ['gkdefault.txt', 'tool'],
    ['readme.txt', 'other'],
  ])('%s is %s', (name, role) => expect(roleOfFile(name)).toBe(role));
});
