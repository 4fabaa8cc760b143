import type { PhonebenchError } from '../../../../../shared/api/result';
import { en } from '../../../../support/error-text';
import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { BenchDhcpServer, type DhcpEvent } from '../../../../../electron/engine/dhcp/bench-dhcp-server';
import {
  decodeDhcp,
  encodeDhcp,
  getOption,
  ipOption,
  ipsOpt,
  messageTypeOf,
  OPT,
  opt,
  textOption,
  type DhcpPacket,
} from '../../../../../electron/engine/dhcp/codec';

const PHONE = '000E84C060A6';
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup() {
  const client = dgram.createSocket('udp4');
  await new Promise<void>((r) => client.bind(0, '127.0.0.1', () => r()));
  const server = await BenchDhcpServer.start({
    mac: PHONE,
    offerIp: '10.77.0.20',
    serverIp: '10.77.0.1',
    mask: '255.255.255.0',
    router: '10.77.0.1',
    leaseSeconds: 3600,
    bindAddress: '127.0.0.1',
    port: 0,
    clientPort: client.address().port,
    broadcastAddress: '127.0.0.1',
  });
  const events: DhcpEvent[] = [];
  server.onEvent((e) => events.push(e));
  const inbox: DhcpPacket[] = [];
  const waiters: ((p: DhcpPacket) => void)[] = [];
  client.on('message', (m) => {
    const d = decodeDhcp(new Uint8Array(m));
    if (!d.ok) return;
    const w = waiters.shift();
    if (w) w(d.packet);
    else inbox.push(d.packet);
  });
  cleanup.push(async () => {
    client.close();
    await server.close();
  });
  const send = (p: DhcpPacket) => client.send(encodeDhcp(p), server.port, '127.0.0.1');
  const next = () =>
    new Promise<DhcpPacket>((resolve, reject) => {
      const queued = inbox.shift();
      if (queued) return resolve(queued);
      const t = setTimeout(() => reject(new Error('no reply within 5 s')), 5000);
      waiters.push((p) => {
        clearTimeout(t);
        resolve(p);
      });
    });
  /** Resolves once `n` events were seen (bounded). */
  const eventsUntil = async (n: number) => {
    for (let i = 0; i < 200 && events.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    return events;
  };
  return { server, send, next, events, eventsUntil };
}

function request(type: number, patch: Partial<DhcpPacket> = {}, extra: DhcpPacket['options'] = []): DhcpPacket {
  return {
    op: 1, htype: 1, hlen: 6, hops: 0, xid: 0xabcdef01, secs: 0, flags: 0x8000,
    ciaddr: '0.0.0.0', yiaddr: '0.0.0.0', siaddr: '0.0.0.0', giaddr: '0.0.0.0',
    chaddr: PHONE, sname: '', file: '',
    options: [opt(OPT.messageType, [type]), ...extra],
    ...patch,
  };
}

describe('BenchDhcpServer', () => {
  it('runs DISCOVER/OFFER/REQUEST/ACK for the one phone with consistent TFTP options', async () => {
    const { send, next, eventsUntil } = await setup();
    send(request(1));
    const offer = await next();
    expect(messageTypeOf(offer)).toBe('offer');
    expect(offer.yiaddr).toBe('10.77.0.20');
    expect(offer.siaddr).toBe('10.77.0.1');
    expect(offer.xid).toBe(0xabcdef01);
    expect(ipOption(offer, OPT.serverId)).toBe('10.77.0.1');
    expect(ipOption(offer, OPT.subnetMask)).toBe('255.255.255.0');
    expect(ipOption(offer, OPT.router)).toBe('10.77.0.1');
    expect(textOption(offer, OPT.tftpServerName)).toBe(offer.siaddr);
    expect(ipOption(offer, OPT.ciscoTftpServers)).toBe(offer.siaddr);
    expect([...(getOption(offer, OPT.leaseTime) ?? [])]).toEqual([0, 0, 0x0e, 0x10]);

    send(request(3, {}, [ipsOpt(OPT.requestedIp, ['10.77.0.20']), ipsOpt(OPT.serverId, ['10.77.0.1'])]));
    const ack = await next();
    expect(messageTypeOf(ack)).toBe('ack');
    expect(ack.yiaddr).toBe('10.77.0.20');
    const events = await eventsUntil(2);
    expect(events.map((e) => e.kind)).toEqual(['offered', 'acked']);
  });

  it('NAKs a request for another address', async () => {
    const { send, next, eventsUntil } = await setup();
    send(request(3, {}, [ipsOpt(OPT.requestedIp, ['10.77.0.99'])]));
    const nak = await next();
    expect(messageTypeOf(nak)).toBe('nak');
    expect(nak.yiaddr).toBe('0.0.0.0');
    const events = await eventsUntil(1);
    expect(events[0]).toMatchObject({ kind: 'nak', requested: '10.77.0.99' });
  });

  it('ignores and reports every other MAC, answering nothing', async () => {
    const { send, next, eventsUntil } = await setup();
    send(request(1, { chaddr: '001122334455' }));
    const events = await eventsUntil(1);
    expect(events[0]).toMatchObject({ kind: 'ignored', mac: '001122334455', messageType: 'discover' });
    // The phone's own DISCOVER still gets the first reply: nothing was queued for the stranger.
    send(request(1));
    expect(messageTypeOf(await next())).toBe('offer');
  });

  it('reports RELEASE, DECLINE, a client choosing another server, and malformed packets', async () => {
    const { send, eventsUntil } = await setup();
    send(request(7, { ciaddr: '10.77.0.20' }));
    send(request(4, {}, [ipsOpt(OPT.requestedIp, ['10.77.0.20'])]));
    send(request(3, {}, [ipsOpt(OPT.requestedIp, ['192.168.1.50']), ipsOpt(OPT.serverId, ['192.168.1.1'])]));
    send({ ...request(1), options: [] });
    const events = await eventsUntil(4);
    expect(events.map((e) => e.kind).sort()).toEqual(['chose-other-server', 'declined', 'malformed', 'released']);
  });

  it('maps a taken port to port-in-use, naming the process that holds it and the usual DHCP culprits', async () => {
    const { server } = await setup();
    await expect(
      BenchDhcpServer.start({
        mac: PHONE, offerIp: '10.77.0.20', serverIp: '10.77.0.1', mask: '255.255.255.0', leaseSeconds: 60,
        bindAddress: '127.0.0.1', port: server.port,
      }),
    ).rejects.toSatisfy((e: PhonebenchError) =>
      e.code === 'port-in-use' &&
      new RegExp(`in use by node \\(pid ${process.pid}\\)`).test(e.message) &&
      /Stop node \(pid \d+\).*other DHCP server \(dnsmasq/.test(en(e.fix) ?? ''),
    );
  });

  it('refuses a malformed MAC before binding', async () => {
    await expect(
      BenchDhcpServer.start({ mac: '00:0e', offerIp: '10.0.0.2', serverIp: '10.0.0.1', mask: '255.0.0.0', leaseSeconds: 60, port: 0 }),
    ).rejects.toMatchObject({ code: 'bad-request' });
  });
});
