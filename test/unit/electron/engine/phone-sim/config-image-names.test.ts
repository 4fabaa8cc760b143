import { describe, expect, it } from 'vitest';
import { nonEmpty, sepCnfLoad, sipCnfImage, xmlDefaultLoad } from '../../../../../electron/engine/phone-sim/config-image-names';

describe('config image names', () => {
  it('SEP<MAC>.cnf.xml names its loadInformation, trimmed; blank is none', () => {
    expect(sepCnfLoad('<device><loadInformation model="IP Phone 7960"> P0S3-8-12-00 </loadInformation></device>')).toBe('P0S3-8-12-00');
    expect(sepCnfLoad('<device><loadInformation model="IP Phone 7960">  </loadInformation></device>')).toBeUndefined();
    expect(sepCnfLoad('<device></device>')).toBeUndefined();
  });

  it("XMLDefault.cnf.xml names the load of the phone's own model only", () => {
    const xml = '<Default><loadInformation7 model="IP Phone 7960">P00304020100</loadInformation7><loadInformation8 model="IP Phone 7940">P0030301</loadInformation8></Default>';
    expect(xmlDefaultLoad(xml, '7960')).toBe('P00304020100');
    expect(xmlDefaultLoad(xml, '7940')).toBe('P0030301');
    expect(xmlDefaultLoad('<Default><loadInformation8 model="IP Phone 7940">P0030301</loadInformation8></Default>', '7960')).toBeUndefined();
  });

  it('SIP config files name their image_version', () => {
    expect(sipCnfImage('image_version: P0S3-06-3-00\nline1_name: 100\n')).toBe('P0S3-06-3-00');
    expect(sipCnfImage('line1_name: 100\n')).toBeUndefined();
  });

  it('nonEmpty trims and drops blanks', () => {
    expect(nonEmpty(' a ')).toBe('a');
    expect(nonEmpty(' \t')).toBeUndefined();
    expect(nonEmpty(undefined)).toBeUndefined();
  });
});
