import { describe, expect, it } from 'vitest';
import { inferFromRequests } from '../../../../../electron/engine/migration/listen-inference';
import { formatMessage } from '../../../../../shared/i18n/format';

/** Issue 19 item 4: Listen first ends in release words and what to choose in step 1, never "enter loader". */
describe('what Listen first learned, in release words', () => {
  const words = (requests: string[], language: 'en' | 'ja' = 'en') => {
    const said = inferFromRequests(requests)?.said;
    return said === undefined ? '' : formatMessage(language, said);
  };

  it('says an OS79XX.TXT-era phone as a release range, by protocol', () => {
    expect(words(['OS79XX.TXT', 'SIPDefault.cnf'])).toMatch(/^SIP 6\.x or earlier .*step 1/);
    expect(words(['OS79XX.TXT', 'SEP000E84C060A6.cnf.xml'])).toMatch(/^SCCP 5\.x or earlier /);
    expect(words(['OS79XX.TXT', 'SIPDefault.cnf'], 'ja')).toMatch(/^SIP 6\.x 以前/);
  });

  it('says a loader-era phone as the loader (UAL) of a release, and asks for the running release', () => {
    for (const requests of [['CTLSEP000E84C060A6.tlv', 'SEP000E84C060A6.cnf.xml'], ['SEP000E84C060A6.cnf.xml', 'RINGLIST.DAT']]) {
      const text = words(requests);
      expect(text).toMatch(/universal application loader \(UAL\)/);
      expect(text).toMatch(/choose the running release/);
      expect(text).not.toMatch(/enter (it|loader) as the current firmware/i);
    }
  });
});
