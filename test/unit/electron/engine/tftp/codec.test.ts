import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePacket, encodePacket, TftpDecodeError, type TftpPacket } from '../../../../../electron/engine/tftp/codec';

const cstr = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes('\0'));
const optName = fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/);
const options = fc.dictionary(optName, fc.string({ maxLength: 12 }).filter((s) => !s.includes('\0')), { maxKeys: 5 });

const packet: fc.Arbitrary<TftpPacket> = fc.oneof(
  fc.record({ op: fc.constantFrom('RRQ' as const, 'WRQ' as const), filename: cstr, mode: fc.constantFrom('octet', 'netascii'), options }),
  fc.record({ op: fc.constant('DATA' as const), block: fc.integer({ min: 0, max: 65535 }), data: fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a)) }),
  fc.record({ op: fc.constant('ACK' as const), block: fc.integer({ min: 0, max: 65535 }) }),
  fc.record({ op: fc.constant('ERROR' as const), code: fc.integer({ min: 0, max: 8 }), message: fc.string({ maxLength: 40 }).filter((s) => !s.includes('\0')) }),
  fc.record({ op: fc.constant('OACK' as const), options }),
);

describe('codec', () => {
  it('round-trips every packet kind', () => {
    fc.assert(
      fc.property(packet, (p) => {
        expect(decodePacket(encodePacket(p))).toEqual(p);
      }),
      { numRuns: 2000 },
    );
  });

  it('encodes an RRQ byte for byte', () => {
    const b = encodePacket({ op: 'RRQ', filename: 'OS79XX.TXT', mode: 'octet', options: { blksize: '1468' } });
    expect(b.toString('latin1')).toBe('\x00\x01OS79XX.TXT\x00octet\x00blksize\x001468\x00');
  });

  it('lower-cases mode and option names, first duplicate wins', () => {
    const raw = Buffer.from('\x00\x01a.txt\x00OCTET\x00BLKSIZE\x001024\x00blksize\x00512\x00', 'latin1');
    expect(decodePacket(raw)).toEqual({ op: 'RRQ', filename: 'a.txt', mode: 'octet', options: { blksize: '1024' } });
  });

  it('tolerates one stray trailing NUL after a request', () => {
    const raw = Buffer.from('\x00\x01a\x00octet\x00\x00', 'latin1');
    expect(decodePacket(raw)).toEqual({ op: 'RRQ', filename: 'a', mode: 'octet', options: {} });
  });

  it.each([
    ['empty', ''],
    ['one byte', '\x00'],
    ['unknown opcode', '\x00\x09abc'],
    ['opcode zero', '\x00\x00'],
    ['unterminated filename', '\x00\x01abc'],
    ['missing mode', '\x00\x01abc\x00'],
    ['empty filename', '\x00\x01\x00octet\x00'],
    ['option without value', '\x00\x01a\x00octet\x00blksize\x00'],
    ['short ACK', '\x00\x04\x00'],
    ['short DATA', '\x00\x03\x00'],
    ['short ERROR', '\x00\x05\x00'],
    ['unterminated OACK', '\x00\x06blksize\x00512'],
  ])('refuses %s', (_name, raw) => {
    expect(() => decodePacket(Buffer.from(raw, 'latin1'))).toThrow(TftpDecodeError);
  });

  it('never throws anything but TftpDecodeError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (a) => {
        try {
          decodePacket(Buffer.from(a));
        } catch (e) {
          expect(e).toBeInstanceOf(TftpDecodeError);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses to encode out-of-range block numbers and NUL in strings', () => {
    expect(() => encodePacket({ op: 'ACK', block: 65536 })).toThrow(RangeError);
    expect(() => encodePacket({ op: 'RRQ', filename: 'a\0b', mode: 'octet', options: {} })).toThrow(RangeError);
  });
});
