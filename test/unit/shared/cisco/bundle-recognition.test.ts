import { describe, expect, it } from 'vitest';
import { describeBundleIssue, recognizeBundle } from '../../../../shared/cisco/bundle-recognition';

function listing(names: string[], texts: Record<string, string> = {}) {
  return { files: names.map((name) => ({ name, size: 1000 })), texts };
}

const SIP_812 = ['OS79XX.TXT', 'P003-8-12-00.bin', 'P003-8-12-00.sbn', 'P0S3-8-12-00.loads', 'P0S3-8-12-00.sb2'];

describe('recognizeBundle', () => {
  it('recognises the SIP 8.12 package as complete', () => {
    const r = recognizeBundle(listing(SIP_812, { 'OS79XX.TXT': 'P003-8-12-00' }));
    expect(r).toMatchObject({ kind: 'sip-loader-package', protocol: 'SIP', versionLabel: 'SIP 8.12', applicationId: 'P0S3-8-12-00', complete: true, issues: [] });
    expect(r.images.map((i) => [i.file, i.role, i.loader])).toEqual([
      ['P003-8-12-00.bin', 'unsigned-image', true],
      ['P003-8-12-00.sbn', 'signed-image', true],
      ['P0S3-8-12-00.loads', 'load-descriptor', false],
      ['P0S3-8-12-00.sb2', 'signed-application', false],
    ]);
    expect(r.configFiles).toEqual(['OS79XX.TXT']);
  });

  it('accepts a newline after the id in OS79XX.TXT', () => {
    const r = recognizeBundle(listing(SIP_812, { 'OS79XX.TXT': 'P003-8-12-00\r\n' }));
    expect(r.complete).toBe(true);
  });

  it('says which file OS79XX.TXT names but the bundle lacks', () => {
    const names = SIP_812.filter((n) => n !== 'P003-8-12-00.sbn');
    const r = recognizeBundle(listing(names, { 'OS79XX.TXT': 'P003-8-12-00' }));
    expect(r.complete).toBe(false);
    expect(r.issues).toEqual([{ code: 'os79xx-names-missing-file', file: 'P003-8-12-00.sbn', image: 'P003-8-12-00' }]);
    expect(describeBundleIssue(r.issues[0]!)).toBe('OS79XX.TXT names P003-8-12-00 but P003-8-12-00.sbn is missing.');
  });

  it('finds a trailing space, an extension, and a name that is no image', () => {
    expect(recognizeBundle(listing(SIP_812, { 'OS79XX.TXT': 'P003-8-12-00 ' })).issues.map((i) => i.code)).toEqual(['os79xx-trailing-space']);
    expect(describeBundleIssue({ code: 'os79xx-trailing-space', file: 'OS79XX.TXT' })).toBe(
      'OS79XX.TXT has a trailing space: the phone would ask for a file that does not exist.',
    );
    expect(recognizeBundle(listing(SIP_812, { 'OS79XX.TXT': 'P003-8-12-00.sbn' })).issues.map((i) => i.code)).toEqual(['os79xx-has-extension']);
    expect(recognizeBundle(listing(SIP_812, { 'OS79XX.TXT': 'hello' })).issues.map((i) => i.code)).toEqual(['os79xx-unknown-name']);
    expect(recognizeBundle(listing(SIP_812, { 'OS79XX.TXT': '\n' })).issues.map((i) => i.code)).toEqual(['os79xx-empty']);
  });

  it('reports a SIP package without OS79XX.TXT or without its application', () => {
    expect(recognizeBundle(listing(SIP_812.slice(1))).issues.map((i) => i.code)).toEqual(['os79xx-missing']);
    const loaderOnly = recognizeBundle(listing(['OS79XX.TXT', 'P003-8-12-00.bin', 'P003-8-12-00.sbn'], { 'OS79XX.TXT': 'P003-8-12-00' }));
    expect(loaderOnly.kind).toBe('sip-loader-package');
    expect(loaderOnly.issues.map((i) => i.file)).toEqual(['P0S3-8-12-00.loads', 'P0S3-8-12-00.sb2']);
  });

  it('recognises SIP 7.4 from its two-digit-major names', () => {
    const r = recognizeBundle(
      listing(['OS79XX.TXT', 'P003-07-4-00.bin', 'P003-07-4-00.sbn', 'P0S3-07-4-00.loads', 'P0S3-07-4-00.sb2'], { 'OS79XX.TXT': 'P003-07-4-00\n' }),
    );
    expect(r).toMatchObject({ kind: 'sip-loader-package', versionLabel: 'SIP 7.4', complete: true });
  });

  it('calls old single SIP images legacy, with their example configs', () => {
    const r = recognizeBundle(listing(['P0S30100.bin', 'SIPDefaultGeneric.cnf', 'SIPConfigGeneric.cnf', 'RINGLIST.DAT', 'ringer1.pcm']));
    expect(r).toMatchObject({ kind: 'legacy-image', protocol: 'SIP', versionLabel: 'SIP 1.0', applicationId: 'P0S30100', complete: true });
    expect(r.configFiles).toEqual(['RINGLIST.DAT', 'SIPConfigGeneric.cnf', 'SIPDefaultGeneric.cnf', 'ringer1.pcm']);
    expect(recognizeBundle(listing(['P0S3-06-3-00.bin', 'P0S3-06-3-00.sbn']))).toMatchObject({ kind: 'legacy-image', versionLabel: 'SIP 6.3' });
  });

  it('recognises SCCP packages and says which of the four files is missing', () => {
    const four = ['P00308010200.bin', 'P00308010200.sbn', 'P00308010200.loads', 'P00308010200.sb2'];
    expect(recognizeBundle(listing(four))).toMatchObject({ kind: 'sccp-package', protocol: 'SCCP', versionLabel: 'SCCP 8.1(2)', complete: true });
    const sr2 = four.map((n) => n.replace('P00308010200', 'P0030801SR02'));
    expect(recognizeBundle(listing(sr2))).toMatchObject({ kind: 'sccp-package', versionLabel: 'SCCP 8.1(2)SR2', applicationId: 'P0030801SR02' });
    const missing = recognizeBundle(listing(four.slice(0, 3)));
    expect(missing.issues).toEqual([{ code: 'sccp-missing-file', file: 'P00308010200.sb2', image: 'P00308010200' }]);
    expect(recognizeBundle(listing(['P00305000101.bin', 'P00305000101.sbn']))).toMatchObject({ kind: 'sccp-package', versionLabel: 'SCCP 5.0(1.1)', complete: true });
    expect(recognizeBundle(listing(['P00303020214.bin']))).toMatchObject({ kind: 'legacy-image', protocol: 'SCCP', versionLabel: 'SCCP 3.2(2.14)' });
  });

  it('names MGCP and refuses to guess at mixtures', () => {
    expect(recognizeBundle(listing(['P0M3-8-12-00.loads', 'P0M3-8-12-00.sb2']))).toMatchObject({ kind: 'mgcp', protocol: 'MGCP', complete: false });
    const mixed = recognizeBundle(listing(['P00308010200.sbn', 'P0S3-8-12-00.sb2']));
    expect(mixed).toMatchObject({ kind: 'unknown', protocol: null, versionLabel: null, issues: [{ code: 'mixed-protocols' }] });
  });

  it('treats configs alone and unknown files as such', () => {
    expect(recognizeBundle(listing(['SIPDefault.cnf', 'RINGLIST.DAT']))).toMatchObject({ kind: 'config-files', issues: [{ code: 'no-image' }] });
    expect(recognizeBundle(listing(['readme.txt', 'firmware.bin']))).toMatchObject({ kind: 'unknown', images: [] });
  });

  it('has English words for every issue code', async () => {
    const { BUNDLE_ISSUE_CODES } = await import('../../../../shared/api/firmware');
    for (const code of BUNDLE_ISSUE_CODES) expect(describeBundleIssue({ code, file: 'F', image: 'I' }).length).toBeGreaterThan(5);
  });
});
