import { describe, expect, it } from 'vitest';
import { lintConfigFile } from '../../../../../shared/cisco/lint/lint-config-file';
import { formatMessage } from '../../../../../shared/i18n/format';

/** Issue 17: files as they come from the field. Each finding has a fix; passwords never appear. */
function problems(file: string, text: string, library?: string[]): string[] {
  const context = library === undefined ? {} : { library };
  return lintConfigFile(file, text, context).map((f) => `${f.severity}@${f.line}: ${formatMessage('en', f.problem)} | ${formatMessage('en', f.fix)}`);
}

describe('linter: field files (issue 17)', () => {
  it('a quoted value with inner spaces: the phone asks for a name with spaces', () => {
    const found = problems('SIPDefault.cnf', 'image_version: " P0S3-8-12-00 "\n');
    expect(found).toContainEqual(expect.stringMatching(/^error@1: The quoted value of image_version starts or ends with spaces.*\| Remove the spaces inside the quotes of image_version/));
    const secret = lintConfigFile('SIP0011223344AA.cnf', 'line1_password: " hunter2"\n');
    expect(secret.map((f) => f.severity)).toEqual(['warning']);
    expect(JSON.stringify(secret)).not.toContain('hunter2');
  });

  it('a parameter name in the wrong case', () => {
    expect(problems('SIPDefault.cnf', 'Image_version: P0S3-8-12-00\n')).toContainEqual(
      'error@1: The parameter Image_version is not written in lower case; the phone reads image_version. | Write the name as image_version.',
    );
    expect(problems('SIPDefault.cnf', 'Proxy1_Address: 10.0.0.1\n')[0]).toMatch(/^warning@1: The parameter Proxy1_Address/);
  });

  it('a byte order mark in any text config', () => {
    for (const [name, text] of [
      ['SIPDefault.cnf', '\uFEFFimage_version: P0S3-8-12-00\n'],
      ['SEP0011223344AA.cnf.xml', '\uFEFF<device><loadInformation>P00308010200</loadInformation></device>'],
      ['RINGLIST.DAT', '\uFEFFRing1 ringer1.pcm\n'],
    ] as const) {
      expect(problems(name, text), name).toContainEqual(expect.stringMatching(/^error@1: .* starts with a UTF-8 byte order mark.*\| Save the file as plain ASCII/));
    }
    expect(problems('OS79XX.TXT', '\uFEFFP003-8-12-00\n').filter((p) => /byte order mark/.test(p))).toHaveLength(1);
  });

  it('a SEP file that names no load', () => {
    expect(problems('SEP0011223344AA.cnf.xml', '<device><devicePool><name>Default</name></devicePool></device>')).toContainEqual(
      expect.stringMatching(/^warning@1: This file names no load \(no loadInformation\).*\| Add <loadInformation>/),
    );
  });

  it('two loadInformation7 with different loads', () => {
    const xml = '<Default>\n<loadInformation7 model="IP Phone 7960">P00308010200</loadInformation7>\n<loadInformation7 model="IP Phone 7960">P0030801SR02</loadInformation7>\n</Default>';
    expect(problems('XMLDefault.cnf.xml', xml)).toContainEqual(expect.stringMatching(/^error@3: loadInformation7 appears twice with different loads \(P00308010200, P0030801SR02\).*\| Keep one loadInformation7/));
  });

  it('a loader in XMLDefault.cnf.xml is field practice: a warning at most', () => {
    const xml = '<Default>\n<loadInformation7 model="IP Phone 7960">P003-8-12-00</loadInformation7>\n</Default>';
    const found = lintConfigFile('XMLDefault.cnf.xml', xml, { library: ['P003-8-12-00.bin', 'P003-8-12-00.sbn', 'P0S3-8-12-00.loads', 'P0S3-8-12-00.sb2'] });
    expect(found.map((f) => f.severity)).toEqual(['warning']);
    expect(formatMessage('en', found[0]!.problem)).toMatch(/field practice for a phone coming from SCCP/);
    // In SEP<MAC>.cnf.xml or a SIP config a loader is still wrong: the phone would fetch <loader>.loads.
    expect(problems('SIPDefault.cnf', 'image_version: P003-8-12-00\n')[0]).toMatch(/^error@1: image_version names the loader/);
  });

  it("other models' elements in a shared XMLDefault are ignored by the 7940/7960, never renamed", () => {
    const xml = '<Default>\n<loadInformation7 model="IP Phone 7960">P00308010200</loadInformation7>\n<loadInformation435 model="Cisco 7945">SCCP45.9-2-1S</loadInformation435>\n</Default>';
    const found = problems('XMLDefault.cnf.xml', xml);
    expect(found).toEqual([expect.stringMatching(/^warning@3: loadInformation435 is for another phone model: a 7940\/7960 ignores it/)]);
    expect(found.join('\n')).not.toMatch(/Use loadInformation7|[Rr]ename/);
  });

  it('one rename suggestion per mis-cased file name', () => {
    const found = lintConfigFile('sep0011223344aa.CNF.XML', '<device><loadInformation>P00308010200</loadInformation></device>');
    const renames = found.filter((f) => f.fix.key === 'lint.rename');
    expect(renames).toHaveLength(1);
    expect(formatMessage('en', renames[0]!.fix)).toBe('Rename to SEP0011223344AA.cnf.xml.');
    expect(formatMessage('en', renames[0]!.problem)).toMatch(/lower case.*wrong case.*prefix sep/s);
  });
});
