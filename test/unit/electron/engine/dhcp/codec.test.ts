import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeDhcp,
  directedBroadcast,
  encodeDhcp,
  ipOption,
  ipsOpt,
  messageTypeOf,
  OPT,
  opt,
  textOpt,
  textOption,
  type DhcpPacket,
} from '../../../../../electron/engine/dhcp/codec';

const ip = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
const printable = (max: number) => fc.string({ maxLength: max }).map((s) => s.replace(/[^\x20-\x7e]/g, 'x'));
const packetArb: fc.Arbitrary<DhcpPacket> = fc.record({
  op: fc.constantFrom(1 as const, 2 as const),
  htype: fc.nat(255),
  hlen: fc.constant(6),
  hops: fc.nat(255),
  xid: fc.nat(0xffffffff),
  secs: fc.nat(0xffff),
  flags: fc.nat(0xffff),
  ciaddr: ip,
  yiaddr: ip,
  siaddr: ip,
  giaddr: ip,
  chaddr: fc.uint8Array({ minLength: 6, maxLength: 6 }).map((b) => Buffer.from(b).toString('hex').toUpperCase()),
  sname: printable(63),
  file: printable(127),
  options: fc.array(
    fc.record({ code: fc.integer({ min: 1, max: 254 }), data: fc.uint8Array({ maxLength: 40 }) }),
    { maxLength: 12 },
  ),
});

describe('DHCP codec', () => {
  it('decode(encode(p)) is p for every packet', () => {
    fc.assert(
      fc.property(packetArb, (packet) => {
        const decoded = decodeDhcp(encodeDhcp(packet));
        expect(decoded).toEqual({ ok: true, packet });
      }),
      { numRuns: 300 },
    );
  });

  it('pads replies to the 300-byte BOOTP minimum', () => {
    const packet = base({ options: [opt(OPT.messageType, [2])] });
    expect(encodeDhcp(packet).length).toBe(300);
  });

  it('reads typed options', () => {
    const packet = base({
      options: [opt(OPT.messageType, [3]), ipsOpt(OPT.requestedIp, ['10.9.8.7']), textOpt(OPT.vendorClass, 'Cisco Systems, Inc. IP Phone CP-7960G')],
    });
    const decoded = decodeDhcp(encodeDhcp(packet));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(messageTypeOf(decoded.packet)).toBe('request');
    expect(ipOption(decoded.packet, OPT.requestedIp)).toBe('10.9.8.7');
    expect(textOption(decoded.packet, OPT.vendorClass)).toBe('Cisco Systems, Inc. IP Phone CP-7960G');
  });

  it('skips pad bytes between options', () => {
    const bytes = encodeDhcp(base({ options: [opt(OPT.messageType, [1])] }));
    // Move END one byte later behind a PAD.
    const at = 240 + 3;
    expect(bytes[at]).toBe(255);
    bytes[at] = 0;
    bytes[at + 1] = 255;
    const decoded = decodeDhcp(bytes);
    expect(decoded.ok && messageTypeOf(decoded.packet)).toBe('discover');
  });

  it('refuses truncated, cookieless, unterminated and overrunning packets', () => {
    const good = encodeDhcp(base({ options: [opt(OPT.messageType, [1])] }));
    expect(decodeDhcp(good.subarray(0, 100))).toMatchObject({ ok: false, reason: /too short/ });
    const noCookie = good.slice();
    noCookie[236] = 0;
    expect(decodeDhcp(noCookie)).toMatchObject({ ok: false, reason: /cookie/ });
    const unterminated = good.slice(0, 243);
    expect(decodeDhcp(unterminated)).toMatchObject({ ok: false, reason: /END/ });
    const overrun = good.slice(0, 244);
    overrun[240] = 12;
    overrun[241] = 200;
    expect(decodeDhcp(overrun)).toMatchObject({ ok: false, reason: /past the end/ });
    const badOp = good.slice();
    badOp[0] = 9;
    expect(decodeDhcp(badOp)).toMatchObject({ ok: false, reason: /bad op/ });
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const result = decodeDhcp(bytes);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('computes the subnet broadcast', () => {
    expect(directedBroadcast('192.168.50.1', '255.255.255.0')).toBe('192.168.50.255');
    expect(directedBroadcast('10.1.2.3', '255.255.0.0')).toBe('10.1.255.255');
  });
});

function base(patch: Partial<DhcpPacket>): DhcpPacket {
  return {
    op: 1, htype: 1, hlen: 6, hops: 0, xid: 0x12345678, secs: 0, flags: 0x8000,
    ciaddr: '0.0.0.0', yiaddr: '0.0.0.0', siaddr: '0.0.0.0', giaddr: '0.0.0.0',
    chaddr: '000E84C060A6', sname: '', file: '', options: [], ...patch,
  };
}
