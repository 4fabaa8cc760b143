import { describe, expect, it } from 'vitest';
import { matchHints } from '../../../../shared/cisco/hints';
import { formatMessage } from '../../../../shared/i18n/format';

function ids(text: string): string[] {
  return matchHints(text).map((h) => h.id);
}

describe('hints (issue 17)', () => {
  it('"File not found" for CTLSEP<MAC>.tlv is normal on a loader boot; for other files it is a hint', () => {
    expect(ids("CTLSEP000E84C060A6.tlv: File not found")).not.toContain('file-not-found');
    expect(ids("File not found: CTLSEP000E84C060A6.tlv")).not.toContain('file-not-found');
    expect(ids("SEP000E84C060A6.cnf.xml: File not found")).toContain('file-not-found');
    expect(ids("CTLSEP000E84C060A6.tlv: File not found\nP0S3-8-12-00.loads: File not found")).toContain('file-not-found');
  });

  it('the real display text "Error verifying configuration" has a hint, in both languages', () => {
    const [hint] = matchHints('Error verifying configuration');
    expect(hint?.id).toBe('error-verifying-config');
    expect(formatMessage('en', hint!.cause)).toMatch(/CTLSEP<MAC>\.tlv alone is normal/);
    expect(formatMessage('ja', hint!.fix)).toMatch(/TFTP ログ/);
  });

  it('UNPROVISIONED is quiet only where it is harmless', () => {
    expect(ids('Line 2: UNPROVISIONED')).not.toContain('unprovisioned');
    expect(ids('line1_name: UNPROVISIONED')).not.toContain('unprovisioned');
    expect(ids('Line 1: UNPROVISIONED')).toContain('unprovisioned');
    expect(ids('UNPROVISIONED')).toContain('unprovisioned');
  });
});
