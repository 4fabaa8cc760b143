import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteBlock, wireBlock } from '../../../../../electron/engine/tftp/block-numbers';
import { formatTftpEvent } from '../../../../../electron/engine/tftp/log-line';
import { fromNetascii, toNetascii } from '../../../../../electron/engine/tftp/netascii';
import { bindError, privilegedPortFix } from '../../../../../electron/engine/bind-errors';
import { en } from '../../../../support/error-text';

describe('netascii', () => {
  it('turns LF into CR LF and a bare CR into CR NUL, and back', () => {
    expect(toNetascii(Buffer.from('a\nb\rc')).toString('latin1')).toBe('a\r\nb\r\0c');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (a) => {
      const b = Buffer.from(a);
      expect(fromNetascii(toNetascii(b))).toEqual(b);
    }));
  });
});

describe('block numbers', () => {
  it('roll over to 0 or to 1', () => {
    expect([65535, 65536, 65537].map((b) => wireBlock(b, 0))).toEqual([65535, 0, 1]);
    expect([65535, 65536, 65537].map((b) => wireBlock(b, 1))).toEqual([65535, 1, 2]);
    expect(absoluteBlock(0, 65530, 65540, 0)).toBe(65536);
    expect(absoluteBlock(1, 65530, 65540, 1)).toBe(65536);
    expect(absoluteBlock(7, 65530, 65540, 0)).toBeUndefined();
  });
});

describe('log lines', () => {
  it('read like a TFTP server log a technician knows', () => {
    const line = formatTftpEvent({
      type: 'completed',
      at: new Date(2026, 10, 28, 9, 15, 2).toISOString(),
      id: 't1',
      client: { address: '10.1.1.1', port: 50000 },
      direction: 'read',
      filename: 'OS79XX.TXT',
      mode: 'octet',
      served: 'OS79XX.TXT',
      blksize: 512,
      bytes: 13,
      blocks: 1,
      durationMs: 10,
      retransmits: 0,
    });
    expect(line?.text).toBe("2026-11-28 09:15:02 Sending 'OS79XX.TXT' to 10.1.1.1 (octet, blksize 512): Successful, 13 bytes in 0.01 s");
  });

  it('says "refused: not the target phone" for the lock', () => {
    const line = formatTftpEvent({
      type: 'refused',
      at: new Date().toISOString(),
      client: { address: '10.1.1.9', port: 1 },
      filename: 'OS79XX.TXT',
      direction: 'read',
      reason: 'not-target-phone',
      detail: 'not the target phone',
    });
    expect(line?.text).toMatch(/from 10\.1\.1\.9: refused: not the target phone$/);
    expect(line?.level).toBe('warn');
  });
});

describe('bind errors', () => {
  it('name the fix for each OS on a privileged port', async () => {
    expect(en(privilegedPortFix('linux', 69))).toContain('setcap cap_net_bind_service=+ep');
    expect(en(privilegedPortFix('linux', 69))).toContain('net.ipv4.ip_unprivileged_port_start=69');
    expect(en(privilegedPortFix('darwin', 69))).toMatch(/sudo|pf/);
    expect(en(privilegedPortFix('win32', 69))).toMatch(/[Ff]irewall/);
    const e = await bindError(Object.assign(new Error('x'), { code: 'EACCES' }), '127.0.0.1', 69);
    expect(e.code).toBe('port-privileged');
    expect(e.fix).toBeTruthy();
    expect((await bindError(Object.assign(new Error('x'), { code: 'EADDRNOTAVAIL' }), '10.9.9.9', 69)).code).toBe('address-unavailable');
  });
});
