import { describe, expect, it } from 'vitest';
import { MAX_SYSLOG_BYTES, parseSyslog } from '../../../../../electron/engine/syslog/syslog-parse';

const p = (text: string) => parseSyslog(Buffer.from(text, 'utf8'));

describe('parseSyslog', () => {
  it('RFC 5424 with structured data', () => {
    expect(p('<165>1 2026-12-04T09:15:02.003Z phone1 sipd 123 ID47 [exampleSDID@32473 iut="3" eventSource="Application\\]x"] REGISTER sent')).toEqual({
      facility: 20,
      severity: 'notice',
      stamp: '2026-12-04T09:15:02.003Z',
      host: 'phone1',
      app: 'sipd',
      text: 'REGISTER sent',
      format: 'rfc5424',
    });
    expect(p('<14>1 - - - - - -')).toMatchObject({ severity: 'info', text: '', format: 'rfc5424' });
  });

  it('RFC 3164 with and without a host, with a tag', () => {
    expect(p('<11>Dec  4 09:15:02 10.1.1.50 sipd[12]: could not register')).toEqual({
      facility: 1,
      severity: 'err',
      stamp: 'Dec  4 09:15:02',
      host: '10.1.1.50',
      app: 'sipd',
      text: 'could not register',
      format: 'rfc3164',
    });
    expect(p('<13>Dec 14 09:15:02 boot: image ok')).toMatchObject({ stamp: 'Dec 14 09:15:02', app: 'boot', text: 'image ok', format: 'rfc3164' });
    expect(p('<13>no stamp at all')).toMatchObject({ severity: 'notice', text: 'no stamp at all', format: 'rfc3164' });
  });

  it('anything else is plain text, kept whole; a priority out of range is not a priority', () => {
    expect(p('hello phone')).toEqual({ text: 'hello phone', format: 'plain' });
    expect(p('<999>x')).toEqual({ text: '<999>x', format: 'plain' });
    expect(p('<13>1 cut')).toMatchObject({ text: 'cut', format: 'plain' });
  });

  it('escapes what a terminal would act on, in every field', () => {
    const r = p('<13>Dec  4 09:15:02 h\u001b[2Jx tag: red \u001b[31m \u202e evil\r\n');
    const all = Object.values(r).join(' ');
    expect(all.includes('\u001b') || all.includes('\u202e')).toBe(false);
    expect(r.text).toBe('red \\x1b[31m \\u202e evil');
  });

  it('cuts a datagram past its bound, and never throws on bytes that are not UTF-8', () => {
    expect(parseSyslog(Buffer.alloc(70_000, 0x41)).text).toHaveLength(MAX_SYSLOG_BYTES);
    expect(() => parseSyslog(Buffer.from([0x3c, 0x31, 0x3e, 0xff, 0xfe, 0x00, 0xc3]))).not.toThrow();
  });
});
