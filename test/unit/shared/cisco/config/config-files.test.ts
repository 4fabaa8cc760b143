import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINIMAL_DIAL_PLAN, parseDialplanXml, writeDialplanXml } from '../../../../../shared/cisco/config/dialplan-xml';
import { readUpgradeCode, setUpgradeCode, writeGkdefaultTxt } from '../../../../../shared/cisco/config/gkdefault-txt';
import { maskSecrets, maskSecretValues } from '../../../../../shared/cisco/config/mask-secrets';
import { parseOs79xxTxt, writeOs79xxTxt } from '../../../../../shared/cisco/config/os79xx-txt';
import { parseRinglistDat, writeRinglistDat } from '../../../../../shared/cisco/config/ringlist-dat';
import { parseSepCnfXml, writeSepCnfXml } from '../../../../../shared/cisco/config/sep-cnf-xml';
import { effectiveSipValues, parseSipCnf, writeSipCnf } from '../../../../../shared/cisco/config/sip-cnf';
import { readXml } from '../../../../../shared/cisco/config/tiny-xml';
import { parseXmlDefaultCnfXml, writeXmlDefaultCnfXml } from '../../../../../shared/cisco/config/xml-default-cnf-xml';
import { formatMessage } from '../../../../../shared/i18n/format';

const RUNS = { numRuns: 200 };

describe('OS79XX.TXT', () => {
  it('holds the id and a line end only', () => {
    expect(writeOs79xxTxt('P0S3-8-12-00')).toBe('P0S3-8-12-00\n');
    expect(() => writeOs79xxTxt('P0S3-8-12-00.bin')).toThrow();
    expect(() => writeOs79xxTxt('P0S3-8-12-00 ')).toThrow();
  });
  it('reads the first line exactly, trailing spaces kept', () => {
    expect(parseOs79xxTxt('P00305000101 \r\n')).toEqual({ id: 'P00305000101 ', extraLines: 0 });
    expect(parseOs79xxTxt('P0S30203\nP0S30100\n').extraLines).toBe(1);
  });
  it('round-trips any id', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/), (id) => parseOs79xxTxt(writeOs79xxTxt(id)).id === id), RUNS);
  });
});

describe('SIP cnf', () => {
  it('reads name: value, ; comments, # lines, quotes', () => {
    const text = [
      '# SIPDefault.cnf',
      'image_version: P0S3-8-12-00 ; the image',
      'proxy1_address: "10.0.0.1"',
      'phone_label: "Lab bench ; 7"',
      '; a comment line',
      'line1_name:1001',
      '',
      'broken line',
    ].join('\r\n');
    const r = parseSipCnf(text);
    expect(r.values).toEqual({ image_version: 'P0S3-8-12-00', proxy1_address: '10.0.0.1', phone_label: 'Lab bench ; 7', line1_name: '1001' });
    expect(r.entries.map((e) => e.line)).toEqual([2, 3, 4, 6]);
    expect(r.problems.map((p) => ({ line: p.line, message: formatMessage('en', p.message) }))).toEqual([{ line: 8, message: 'line has no "name: value" form' }]);
  });
  it('writes quotes only where needed', () => {
    expect(writeSipCnf([['image_version', 'P0S3-8-12-00'], ['phone_label', 'Lab 7'], ['proxy1_address', '']])).toBe(
      'image_version: P0S3-8-12-00\nphone_label: "Lab 7"\nproxy1_address: ""\n',
    );
    expect(() => writeSipCnf([['phone_label', 'a"b']])).toThrow();
  });
  it('per-phone overrides default', () => {
    expect(effectiveSipValues({ a: '1', b: '2' }, { b: '3' })).toEqual({ a: '1', b: '3' });
  });
  it('round-trips any parameters', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/);
    const value = fc.stringMatching(/^[ -!#-~]{0,20}$/);
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value), { selector: (t) => t[0], maxLength: 12 }), (params) => {
        const r = parseSipCnf(writeSipCnf(params));
        expect(r.problems).toEqual([]);
        // Values without quotes lose outer spaces, as on the phone; quoted ones keep them.
        expect(r.entries.map((e) => [e.key, e.value])).toEqual(params);
      }),
      RUNS,
    );
  });
});

describe('maskSecrets', () => {
  it('hides password values, keeps the rest', () => {
    const text = 'line1_password: s3cret\r\nphone_password: "cisco"\nline1_name: 1001\n';
    const masked = maskSecrets(text);
    expect(masked).not.toContain('s3cret');
    expect(masked).not.toContain('cisco');
    expect(masked).toContain('line1_name: 1001');
    expect(parseSipCnf(masked).values['line1_password']).toBe('********');
    expect(maskSecretValues({ line2_password: 'x', proxy1_port: '5060' })).toEqual({ line2_password: '********', proxy1_port: '5060' });
  });
});

describe('SEP<MAC>.cnf.xml', () => {
  it('writes the minimal steering file', () => {
    expect(writeSepCnfXml({ deviceProtocol: 'SIP', loadInformation: 'P0S3-8-12-00', model: 'IP Phone 7960' })).toBe(
      '<device>\n  <deviceProtocol>SIP</deviceProtocol>\n  <loadInformation model="IP Phone 7960">P0S3-8-12-00</loadInformation>\n</device>\n',
    );
  });
  it('reads a CUCM-style file with extra elements', () => {
    const text = '<?xml version="1.0"?>\n<device>\n<devicePool><callManagerGroup><members/></callManagerGroup></devicePool>\n<loadInformation>P00308010200</loadInformation>\n</device>';
    const r = parseSepCnfXml(text);
    expect(r.problems).toEqual([]);
    expect(r.config).toEqual({ loadInformation: 'P00308010200' });
    expect(r.loadLine).toBe(4);
  });
  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('SIP', 'SCCP') as fc.Arbitrary<'SIP' | 'SCCP'>,
        fc.stringMatching(/^[A-Za-z0-9-]{1,16}$/),
        fc.stringMatching(/^[A-Za-z0-9 &<>"]{1,16}$/).filter((s) => s.trim() === s),
        (deviceProtocol, loadInformation, model) => {
          const r = parseSepCnfXml(writeSepCnfXml({ deviceProtocol, loadInformation, model }));
          expect(r.problems).toEqual([]);
          expect(r.config).toEqual({ deviceProtocol, loadInformation, model });
        },
      ),
      RUNS,
    );
  });
});

describe('XMLDefault.cnf.xml', () => {
  it('writes per-model loads and reads them back', () => {
    const config = {
      callManagers: ['cm1'],
      loads: [
        { typeId: 7, model: 'IP Phone 7960', loadId: 'P0030801SR02' },
        { typeId: 8, model: 'IP Phone 7940', loadId: 'P0030801SR02' },
      ],
    };
    const text = writeXmlDefaultCnfXml(config);
    expect(text).toContain('<loadInformation7 model="IP Phone 7960">P0030801SR02</loadInformation7>');
    expect(text).toContain('<loadInformation8 model="IP Phone 7940">P0030801SR02</loadInformation8>');
    const r = parseXmlDefaultCnfXml(text);
    expect(r.problems).toEqual([]);
    expect(r.config.callManagers).toEqual(['cm1']);
    expect(r.config.loads.map(({ typeId, model, loadId }) => ({ typeId, model, loadId }))).toEqual(config.loads);
  });
});

describe('RINGLIST.DAT', () => {
  it('display name with spaces, then the file', () => {
    expect(parseRinglistDat('Chirp 1\tringer1.pcm\r\nOld  Phone   ringer2.pcm\n').rings).toEqual([
      { displayName: 'Chirp 1', fileName: 'ringer1.pcm' },
      { displayName: 'Old  Phone', fileName: 'ringer2.pcm' },
    ]);
    expect(parseRinglistDat('lonely\n').problems).toHaveLength(1);
  });
  it('round-trips', () => {
    const ring = fc.record({
      displayName: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ]{0,10}[A-Za-z0-9]$/),
      fileName: fc.stringMatching(/^[a-z0-9_]{1,8}\.pcm$/),
    });
    fc.assert(fc.property(fc.array(ring, { maxLength: 8 }), (rings) => {
      expect(parseRinglistDat(writeRinglistDat(rings)).rings).toEqual(rings);
    }), RUNS);
  });
});

describe('dialplan.xml', () => {
  it('minimal plan', () => {
    expect(writeDialplanXml(MINIMAL_DIAL_PLAN)).toBe('<DIALTEMPLATE>\n  <TEMPLATE MATCH="*" Timeout="5"/>\n</DIALTEMPLATE>\n');
  });
  it('round-trips', () => {
    const t = fc.record(
      {
        match: fc.stringMatching(/^[0-9.*#>]{1,10}$/),
        timeout: fc.integer({ min: 0, max: 30 }),
        user: fc.constantFrom('Phone', 'IP'),
        rewrite: fc.stringMatching(/^[0-9]{1,6}$/),
      },
      { requiredKeys: ['match'] },
    );
    fc.assert(fc.property(fc.array(t, { maxLength: 6 }), (templates) => {
      expect(parseDialplanXml(writeDialplanXml(templates)).templates).toEqual(templates);
    }), RUNS);
  });
});

describe('gkdefault.txt', () => {
  const code = { build: '051117a', file: 'CP7940080001SCCP051117A.sbin' };
  it('writes the upgradecode line of the source document', () => {
    expect(writeGkdefaultTxt(code)).toBe('upgradecode:3,0x601,0x0400,0x0100,0.0.0.0,69,0x051117a,CP7940080001SCCP051117A.sbin\n');
  });
  it('changes only build and file of a shipped line', () => {
    const shipped = 'other:1\r\nupgradecode:3,0x601,0x0400,0x0100,0.0.0.0,69,0x060412a,CP7940080001SIP060412A.sbin\r\nlast:2\r\n';
    const changed = setUpgradeCode(shipped, code);
    expect(changed).toBe('other:1\r\nupgradecode:3,0x601,0x0400,0x0100,0.0.0.0,69,0x051117a,CP7940080001SCCP051117A.sbin\r\nlast:2\r\n');
    expect(readUpgradeCode(changed)).toEqual({ ...code, line: 2 });
  });
  it('refuses what is not a build or file', () => {
    expect(() => writeGkdefaultTxt({ build: 'xyz', file: 'a.sbin' })).toThrow();
    expect(() => writeGkdefaultTxt({ build: '1', file: 'a b' })).toThrow();
  });
});

describe('tiny XML reader', () => {
  it('tolerates odd input without throwing', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => void readXml(s)), RUNS);
    expect(readXml('<a><b></a>').problems.map((p) => formatMessage('en', p.message))).toEqual(['<b> is not closed']);
    expect(readXml('').problems.map((p) => formatMessage('en', p.message))).toEqual(['no XML element found']);
    expect(readXml('<a x="1 > 2">&amp;&#65;</a>').root).toMatchObject({ name: 'a', attributes: { x: '1 > 2' }, text: '&A' });
  });
});
