import { describe, expect, it } from 'vitest';
import { parseFirmwareLabel, type FirmwareVersion } from '../../../../shared/cisco/firmware-version';
import * as hints from '../../../../shared/cisco/hints';
import { formatMessage } from '../../../../shared/i18n/format';
import { isMessage } from '../../../../shared/i18n/message';

/** Issue 11 item 6 (and item 1's hint), checked against the source document and the domain reference. */

function english(text: unknown): string {
  if (isMessage(text)) return formatMessage('en', text);
  return (text as { en: string }).en;
}

/** What the hint says to a phone on `running` (all of title, cause and fix, in English). */
function advice(id: string, running?: FirmwareVersion): string {
  const hint = hints.hintById(id);
  if (hint === undefined) throw new Error(`no hint ${id}`);
  const said = 'hintAdvice' in hints && running !== undefined ? (hints as unknown as { hintAdvice: (h: unknown, v: FirmwareVersion) => Record<string, unknown> }).hintAdvice(hint, running) : hint;
  return [said.title, said.cause, said.fix].map(english).join('\n');
}

function version(label: string): FirmwareVersion {
  const v = parseFirmwareLabel(label);
  if (v === undefined) throw new Error(label);
  return v;
}

const ids = (text: string): string[] => hints.matchHints(text).map((h) => h.id);

describe('hints, issue 11', () => {
  it('UNPROVISIONED as a config placeholder value is not a fault', () => {
    expect(ids('line1_name: UNPROVISIONED')).not.toContain('unprovisioned');
    expect(ids('line1_authname: "UNPROVISIONED"\r\n')).not.toContain('unprovisioned');
    expect(ids('line1_displayname=UNPROVISIONED')).not.toContain('unprovisioned');
    // The symptom itself still matches.
    expect(ids('Phone stays unprovisioned')).toContain('unprovisioned');
    const matcher = new hints.StreamingHintMatcher();
    expect([...matcher.push('line1_name: UNPROV'), ...matcher.push('ISIONED\r\n')].map((m) => m.hint.id)).not.toContain('unprovisioned');
  });

  it('the State Error hint never advises SIP 2.3 to a phone on a signed image (5.0 or later)', () => {
    for (const label of ['SCCP 5.0(1.1)', 'SCCP 8.1(2)SR2', 'SIP 5.3']) {
      const said = advice('tftp-state-error', version(label));
      expect(said, label).not.toMatch(/(?:move|go|first)[^.]*SIP 2\.3/i);
    }
    // An old SCCP phone (the source document's case) is still sent through SIP 2.3.
    expect(advice('tftp-state-error', version('SCCP 3.1'))).toMatch(/SIP 2\.3/);
    // Without knowing the phone, the text limits the advice to phones below 5.0.
    expect(advice('tftp-state-error')).toMatch(/5\.0/);
  });

  it('matches W210TFTP without a space, as the source document prints it (line 302)', () => {
    expect(ids('W210TFTP Error : buffer full')).toEqual(['sip2-buffer-full']);
    expect(ids('電話機は W210TFTP エラー : buffer full')).toContain('sip2-buffer-full');
  });

  it('Protocol Application Invalid: the fix says to re-enter TFTP Server 1 or serve DHCP option 66/150', () => {
    const fix = english(hints.hintById('protocol-application-invalid')?.fix);
    expect(fix).toMatch(/TFTP Server 1/);
    expect(fix).toMatch(/66/);
    expect(fix).toMatch(/150/);
  });

  it('the unprovisioned hint names the loader form for SIP 7.x/8.x (P003-8-12-00, domain reference section 6)', () => {
    const said = advice('unprovisioned');
    expect(said).toContain('P003-8-12-00');
    expect(said).not.toMatch(/SIP 3\.0 and later P0S3-xx-y-zz/);
  });
});
