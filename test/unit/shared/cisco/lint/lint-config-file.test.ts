import { describe, expect, it } from 'vitest';
import { parseFirmwareLabel } from '../../../../../shared/cisco/firmware-version';
import type { LintContext } from '../../../../../shared/cisco/lint/lint-config-file';
import { lintConfigFile } from '../../../../../shared/cisco/lint/lint-config-file';
import { formatMessage } from '../../../../../shared/i18n/format';

function problems(file: string, text: string, context?: LintContext): string[] {
  return lintConfigFile(file, text, context).map((f) => `${f.severity}@${f.line}: ${formatMessage('en', f.problem)} | ${formatMessage('en', f.fix)}`);
}

describe('lintConfigFile', () => {
  it('clean files have no findings', () => {
    expect(problems('OS79XX.TXT', 'P003-8-12-00\n')).toEqual([]);
    expect(problems('SIPDefault.cnf', 'image_version: P0S3-8-12-00\nproxy1_address: 10.0.0.1\n')).toEqual([]);
    expect(problems('SEP0011223344AA.cnf.xml', '<device><deviceProtocol>SIP</deviceProtocol><loadInformation model="IP Phone 7960">P0S3-8-12-00</loadInformation></device>')).toEqual([]);
  });

  it('an extension in an image name', () => {
    expect(problems('OS79XX.TXT', 'P00305000101.bin\n')).toEqual(['error@1: OS79XX.TXT holds the extension .bin. | Write P00305000101 without extension.']);
    expect(problems('SIP0011223344AA.cnf', 'image_version: P0S3-8-12-00.loads\n')[0]).toMatch(/^error@1: image_version holds the extension \.loads/);
  });

  it('trailing spaces', () => {
    expect(problems('OS79XX.TXT', 'P003-8-12-00 \n')[0]).toMatch(/^error@1: .*CSCdv19260/);
    const secret = lintConfigFile('SIP0011223344AA.cnf', 'line1_password: hunter2  \n');
    expect(secret).toHaveLength(1);
    expect(formatMessage('en', secret[0]!.problem)).toMatch(/line1_password line ends with spaces/);
    expect(JSON.stringify(secret)).not.toContain('hunter2');
  });

  it('wrong name form for the version', () => {
    expect(problems('SIPDefault.cnf', 'image_version: P0S3-08-12-00\n')).toEqual([
      'error@1: image_version "P0S3-08-12-00" is the wrong name form for SIP 8.12. | Write P0S3-8-12-00.',
    ]);
    expect(problems('OS79XX.TXT', 'P0S3-02-3-00\n')[0]).toMatch(/Write P0S30203\./);
    expect(problems('SIPDefault.cnf', 'image_version: P0S30800\n')[0]).toMatch(/Write P0S3-08-0-00\./);
    expect(problems('SIPDefault.cnf', 'image_version: p0s3-8-12-00\n')[0]).toMatch(/wrong case.*Write P0S3-8-12-00/);
    expect(problems('OS79XX.TXT', 'SIP812\n')[0]).toMatch(/is not a 7940\/7960 image name/);
    // A real file in the library wins over our width rule.
    expect(problems('SIPDefault.cnf', 'image_version: P0S3-08-12-00\n', { library: ['P0S3-08-12-00.loads'] })).toEqual([]);
  });

  it('a lower-case MAC in a file name', () => {
    expect(problems('SEP0011223344aa.cnf.xml', '<device><loadInformation>P00308010200</loadInformation></device>')).toEqual([
      'error@0: The MAC in the file name is lower case (0011223344aa); the phone asks for upper case. | Rename to SEP0011223344AA.cnf.xml.',
    ]);
  });

  it('a wrong-case extension', () => {
    expect(problems('SIP0011223344AA.CNF', 'image_version: P0S3-8-12-00\n')).toEqual([
      'error@0: The extension .CNF has the wrong case; the phone asks for .cnf. | Rename to SIP0011223344AA.cnf.',
    ]);
    expect(problems('os79xx.txt', 'P003-8-12-00\n')[0]).toMatch(/^warning@0: The phone asks for OS79XX\.TXT/);
  });

  it('an image named but not in the library', () => {
    expect(problems('SIPDefault.cnf', 'image_version: P0S3-8-12-00\n', { library: ['P003-8-12-00.sbn'] })).toEqual([
      'warning@1: image_version names P0S3-8-12-00, which is not in the library. | Import the Cisco package holding P0S3-8-12-00, or name an image you have.',
    ]);
    expect(problems('OS79XX.TXT', 'P003-8-12-00\n', { library: ['P003-8-12-00.sbn'] })).toEqual([]);
  });

  it('an unknown loadInformation model', () => {
    expect(problems('SEP0011223344AA.cnf.xml', '<device><loadInformation model="IP Phone 7970">P00308010200</loadInformation></device>')[0]).toMatch(
      /^warning@1: loadInformation model "IP Phone 7970" is not a 7940\/7960 model/,
    );
    const xml = '<Default>\n<loadInformation7 model="IP Phone 7940">P00308010200</loadInformation7>\n<loadInformation9 model="IP Phone 7970">X</loadInformation9>\n</Default>';
    expect(problems('XMLDefault.cnf.xml', xml)).toEqual([
      'error@2: loadInformation7 is for "IP Phone 7960" but says model="IP Phone 7940". | Write model="IP Phone 7960".',
      'warning@3: loadInformation9 is for another phone model: a 7940/7960 ignores it (7960 reads loadInformation7, 7940 loadInformation8). | Nothing to change for the 7940/7960; keep it if other phones share this file.',
    ]);
  });

  it('SIPDefault.cnf too large for a SIP 2.x hop', () => {
    const running = parseFirmwareLabel('SIP 2.3');
    if (running === undefined) throw new Error('label');
    const big = 'image_version: P0S3-04-4-00\nproxy1_address: 10.0.0.1\n';
    expect(problems('SIPDefault.cnf', big, { running })[0]).toMatch(/^error@2: SIP 2.3 fails with "W210 TFTP Error : buffer full"/);
    expect(problems('SIPDefault.cnf', 'image_version: P0S3-04-4-00\n', { running })).toEqual([]);
  });

  it('a protocol that contradicts the plan', () => {
    expect(problems('OS79XX.TXT', 'P00308010200\n', { planProtocol: 'SIP' })).toEqual([
      'error@1: OS79XX.TXT names a SCCP image but the plan moves the phone to SIP. | Name the SIP image of the plan\'s hop.',
    ]);
    expect(problems('OS79XX.TXT', 'P003-8-12-00\n', { planProtocol: 'SIP' })).toEqual([]);
    expect(problems('SEP0011223344AA.cnf.xml', '<device><deviceProtocol>SCCP</deviceProtocol><loadInformation>P0S3-8-12-00</loadInformation></device>', { planProtocol: 'SIP' })).toEqual([
      'error@1: deviceProtocol is SCCP but the plan moves the phone to SIP. | Write <deviceProtocol>SIP</deviceProtocol>.',
    ]);
  });

  it('an empty SEP file', () => {
    expect(problems('SEP0011223344AA.cnf.xml', '')[1]).toMatch(/Protocol Application Invalid/);
  });
});
