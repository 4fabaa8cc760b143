import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { BenchDhcpServer, type DhcpEvent } from '../../../../../electron/engine/dhcp/bench-dhcp-server';
import { DhcpRequestLimiter } from '../../../../../electron/engine/dhcp/request-limiter';
import { encodeDhcp, opt, OPT, type DhcpPacket } from '../../../../../electron/engine/dhcp/codec';

const PHONE = '000E84C060A6';
const MiB = 1024 * 1024;
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

function discover(mac: string, xid: number): Buffer {
  const packet: DhcpPacket = {
    op: 1, htype: 1, hlen: 6, hops: 0, xid, secs: 0, flags: 0x8000,
    ciaddr: '0.0.0.0', yiaddr: '0.0.0.0', siaddr: '0.0.0.0', giaddr: '0.0.0.0',
    chaddr: mac, sname: '', file: '',
    options: [opt(OPT.messageType, [1])],
  };
  return Buffer.from(encodeDhcp(packet));
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

/** A server on loopback with a clock the test moves, and a client that counts the replies. */
async function setup() {
  let clock = 0;
  const client = dgram.createSocket('udp4');
  await new Promise<void>((r) => client.bind(0, '127.0.0.1', () => r()));
  let replies = 0;
  client.on('message', () => (replies += 1));
  const server = await BenchDhcpServer.start({
    mac: PHONE,
    offerIp: '10.77.0.20',
    serverIp: '10.77.0.1',
    mask: '255.255.255.0',
    leaseSeconds: 3600,
    bindAddress: '127.0.0.1',
    port: 0,
    clientPort: client.address().port,
    broadcastAddress: '127.0.0.1',
    limits: { perMacPerSecond: 5, perMacBurst: 10, globalPerSecond: 100, globalBurst: 200, maxPeers: 64 },
    now: () => clock,
  });
  const events: DhcpEvent[] = [];
  server.onEvent((e) => events.push(e));
  cleanup.push(async () => {
    client.close();
    await server.close();
  });
  /** Sends in small batches so the loopback buffer keeps up, then waits until the server has read them. */
  const flood = async (packets: Buffer[]) => {
    const before = server.stats().seen;
    for (let i = 0; i < packets.length; i += 50) {
      for (const p of packets.slice(i, i + 50)) client.send(p, server.port, '127.0.0.1');
      await new Promise((r) => setImmediate(r));
      for (let j = 0; j < 100 && server.stats().seen < before + Math.min(i + 50, packets.length); j += 1) {
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  };
  const settle = async () => {
    for (let i = 0; i < 20; i += 1) await new Promise((r) => setTimeout(r, 10));
  };
  return { server, events, flood, settle, replies: () => replies, advance: (ms: number) => (clock += ms) };
}

describe('bench DHCP under a flood', () => {
  it('answers one MAC only up to its burst, then at its rate, and drops the rest unread', async () => {
    const { server, flood, settle, replies, advance, events } = await setup();
    const baseTimers = timers();
    await flood(Array.from({ length: 2000 }, (_, i) => discover(PHONE, i)));
    await settle();
    const stats = server.stats();
    console.log(`one-MAC flood: ${stats.seen} seen, ${stats.dropped} dropped, ${replies()} answered`);
    expect(stats.seen).toBeGreaterThan(1000);
    expect(replies()).toBe(10);
    expect(events.filter((e) => e.kind === 'offered')).toHaveLength(10);
    expect(stats.peers).toBe(1);
    expect(timers()).toBeLessThanOrEqual(baseTimers);

    // A second later the phone is answered again: the limit delays a flood, it never locks the phone out.
    advance(1000);
    await flood([discover(PHONE, 9999)]);
    await settle();
    expect(replies()).toBe(11);
  });

  it('bounds the state kept per MAC and the total answered, for a flood from random MACs', async () => {
    const { server, flood, settle, events } = await setup();
    const baseTimers = timers();
    const baseHeap = process.memoryUsage().heapUsed;
    const macs = Array.from({ length: 3000 }, (_, i) => (0x0a0000000000 + i).toString(16).toUpperCase().padStart(12, '0'));
    await flood(macs.map((mac, i) => discover(mac, i)));
    await settle();
    const stats = server.stats();
    console.log(`random-MAC flood: ${stats.seen} seen, ${stats.dropped} dropped, ${stats.peers} MACs held, ${events.length} events`);
    expect(stats.peers).toBeLessThanOrEqual(64);
    expect(events.length).toBeLessThanOrEqual(200); // the global burst; the clock does not move
    expect(stats.dropped).toBe(stats.seen - events.length);
    expect(timers()).toBeLessThanOrEqual(baseTimers);
    expect(process.memoryUsage().heapUsed - baseHeap).toBeLessThan(16 * MiB);
  });
});

describe('bench DHCP: the phone under a flood from other MACs', () => {
  it("answers the phone's requests even after a flood used up the budget everyone else shares (issue 18 item 9)", async () => {
    const { server, flood, settle, events } = await setup();
    const macs = Array.from({ length: 1000 }, (_, i) => (0x0b0000000000 + i).toString(16).toUpperCase().padStart(12, '0'));
    await flood(macs.map((mac, i) => discover(mac, i)));
    await flood(Array.from({ length: 5 }, (_, i) => discover(PHONE, 50_000 + i)));
    await settle();
    const offered = events.filter((e) => e.kind === 'offered' && e.mac === PHONE).length;
    console.log(`flood of 1000 other MACs, then 5 phone DISCOVERs: ${offered} offers to the phone (${server.stats().dropped} dropped)`);
    expect(offered).toBe(5);
  });
});

describe('DhcpRequestLimiter', () => {
  it('forgets the MAC heard from longest ago, never one just heard', () => {
    const limiter = new DhcpRequestLimiter({ perMacPerSecond: 1, perMacBurst: 1, globalPerSecond: 1000, globalBurst: 1000, maxPeers: 2 }, () => 0);
    expect(limiter.admitMac('A')).toBe(true);
    expect(limiter.admitMac('B')).toBe(true);
    expect(limiter.admitMac('A')).toBe(false); // A is now the most recent
    expect(limiter.admitMac('C')).toBe(true); // B goes
    expect(limiter.stats().peers).toBe(2);
    expect(limiter.admitMac('A')).toBe(false); // A was kept, with its empty bucket
    expect(limiter.admitMac('B')).toBe(true); // B was forgotten: a fresh bucket
  });
});
