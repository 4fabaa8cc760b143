import dgram from 'node:dgram';
import { bindError } from '../bind-errors';
import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import {
  DHCP_MESSAGE_TYPES,
  decodeDhcp,
  directedBroadcast,
  encodeDhcp,
  ipOption,
  ipsOpt,
  isIpv4,
  messageTypeOf,
  OPT,
  opt,
  textOpt,
  textOption,
  u32Opt,
  type DhcpOption,
  type DhcpPacket,
} from './codec';
import { logSwallowed } from '../engine-log';
import { sendDatagram } from '../udp-send';
import { DEFAULT_DHCP_LIMITS, DhcpRequestLimiter, type DhcpLimiterStats, type DhcpLimits } from './request-limiter';

export interface BenchDhcpOptions {
  /** The one phone answered: 12 hex digits, upper-case. */
  mac: string;
  /** The address offered to that phone. */
  offerIp: string;
  /** This machine's address on the bench NIC: siaddr, server id, options 66 and 150. */
  serverIp: string;
  mask: string;
  router?: string;
  dns?: string[];
  leaseSeconds: number;
  /** Where to listen. Broadcasts only reach a socket bound to 0.0.0.0 on Linux, so that is the default. */
  bindAddress?: string;
  port?: number;
  clientPort?: number;
  /** Where broadcast replies go; by default the bench subnet's broadcast address, so they leave by that NIC. */
  broadcastAddress?: string;
  /** Rate limits and the bound on per-MAC state; defaults: DEFAULT_DHCP_LIMITS. */
  limits?: Partial<DhcpLimits>;
  /** The limiter's clock, for tests. */
  now?: () => number;
}

export type DhcpEvent =
  | { kind: 'offered'; mac: string; ip: string; vendorClass?: string }
  | { kind: 'acked'; mac: string; ip: string; vendorClass?: string }
  | { kind: 'nak'; mac: string; requested: string; reason: string }
  | { kind: 'released'; mac: string; ip: string }
  | { kind: 'declined'; mac: string; ip: string }
  | { kind: 'chose-other-server'; mac: string; serverId: string }
  | { kind: 'ignored'; mac: string; messageType: string; vendorClass?: string }
  | { kind: 'malformed'; from: string; reason: string };

export type DhcpListener = (event: DhcpEvent) => void;

/** A DHCP server for one phone on a bench cable. Everyone else is ignored and reported. */
export class BenchDhcpServer {
  private readonly listeners = new Set<DhcpListener>();
  private closed = false;
  private readonly limiter: DhcpRequestLimiter;

  private constructor(
    private readonly socket: dgram.Socket,
    private readonly options: Required<Omit<BenchDhcpOptions, 'router' | 'dns' | 'limits' | 'now'>> & Pick<BenchDhcpOptions, 'router' | 'dns'>,
    limits: DhcpLimits,
    now?: () => number,
  ) {
    this.limiter = new DhcpRequestLimiter(limits, now);
    socket.on('message', (msg, rinfo) => {
      if (this.limiter.admitDatagram(this.fromTarget(msg))) this.onMessage(msg, `${rinfo.address}:${rinfo.port}`);
    });
  }

  static async start(options: BenchDhcpOptions): Promise<BenchDhcpServer> {
    for (const [name, value] of [
      ['offerIp', options.offerIp],
      ['serverIp', options.serverIp],
      ['mask', options.mask],
      ['router', options.router ?? '0.0.0.0'],
      ...(options.dns ?? []).map((d) => ['dns', d] as const),
    ] as const) {
      if (!isIpv4(value)) throw new PhonebenchError('bad-request', msg('dhcp.notIpv4', { field: name, value }));
    }
    if (!/^[0-9A-F]{12}$/.test(options.mac)) {
      throw new PhonebenchError('bad-request', msg('dhcp.badMac', { mac: options.mac }));
    }
    const { limits, now, ...rest } = options;
    const full = {
      ...rest,
      bindAddress: options.bindAddress ?? '0.0.0.0',
      port: options.port ?? 67,
      clientPort: options.clientPort ?? 68,
      broadcastAddress: options.broadcastAddress ?? directedBroadcast(options.serverIp, options.mask),
    };
    const socket = dgram.createSocket({ type: 'udp4' });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', (error: NodeJS.ErrnoException) => {
        socket.close();
        void bindError(error, full.bindAddress, full.port, 'DHCP').then(reject);
      });
      socket.bind(full.port, full.bindAddress, () => {
        socket.removeAllListeners('error');
        socket.setBroadcast(true);
        resolve();
      });
    });
    const server = new BenchDhcpServer(socket, full, { ...DEFAULT_DHCP_LIMITS, ...limits }, now);
    socket.on('error', () => {
      // A send error on one reply must not take the server down; the next request retries.
    });
    return server;
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** Datagrams seen and dropped by the rate limits, and the per-MAC state held (bounded). */
  stats(): DhcpLimiterStats {
    return this.limiter.stats();
  }

  onEvent(listener: DhcpListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  /** The phone's own requests (chaddr, read straight from the bytes) skip the budget everyone else shares. */
  private fromTarget(msg: Buffer): boolean {
    return msg.length >= 34 && msg[2] === 6 && msg.subarray(28, 34).toString('hex').toUpperCase() === this.options.mac;
  }

  private emit(event: DhcpEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // Listeners must not break the server.
        logSwallowed('dhcp', 'deliver DHCP event', error, { kind: event.kind });
      }
    }
  }

  private onMessage(msg: Buffer, from: string): void {
    const decoded = decodeDhcp(new Uint8Array(msg.buffer, msg.byteOffset, msg.byteLength));
    if (!decoded.ok) {
      this.emit({ kind: 'malformed', from, reason: decoded.reason });
      return;
    }
    const packet = decoded.packet;
    if (packet.op !== 1) return;
    const type = messageTypeOf(packet);
    if (type === undefined) {
      this.emit({ kind: 'malformed', from, reason: 'no message type option' });
      return;
    }
    const mac = packet.chaddr;
    if (!this.limiter.admitMac(mac)) return;
    const vendorClass = textOption(packet, OPT.vendorClass);
    const withVendor = <T extends object>(e: T): T & { vendorClass?: string } =>
      vendorClass === undefined ? e : { ...e, vendorClass };
    if (mac !== this.options.mac || packet.hlen !== 6 || packet.giaddr !== '0.0.0.0') {
      this.emit(withVendor({ kind: 'ignored', mac, messageType: type }));
      return;
    }
    const o = this.options;
    switch (type) {
      case 'discover':
        this.reply(packet, 'offer', o.offerIp);
        this.emit(withVendor({ kind: 'offered', mac, ip: o.offerIp }));
        return;
      case 'request': {
        const serverId = ipOption(packet, OPT.serverId);
        if (serverId !== undefined && serverId !== o.serverIp) {
          this.emit({ kind: 'chose-other-server', mac, serverId });
          return;
        }
        const requested = ipOption(packet, OPT.requestedIp) ?? packet.ciaddr;
        if (requested !== o.offerIp) {
          const reason = `asked for ${requested}; this bench offers only ${o.offerIp}`;
          this.reply(packet, 'nak', '0.0.0.0', reason);
          this.emit({ kind: 'nak', mac, requested, reason });
          return;
        }
        this.reply(packet, 'ack', o.offerIp);
        this.emit(withVendor({ kind: 'acked', mac, ip: o.offerIp }));
        return;
      }
      case 'release':
        this.emit({ kind: 'released', mac, ip: packet.ciaddr });
        return;
      case 'decline':
        this.emit({ kind: 'declined', mac, ip: ipOption(packet, OPT.requestedIp) ?? o.offerIp });
        return;
      case 'inform':
      case 'offer':
      case 'ack':
      case 'nak':
        this.emit(withVendor({ kind: 'ignored', mac, messageType: type }));
        return;
      default:
        assertType(type);
    }
  }

  private reply(request: DhcpPacket, type: 'offer' | 'ack' | 'nak', yiaddr: string, message?: string): void {
    const o = this.options;
    const options: DhcpOption[] = [opt(OPT.messageType, [DHCP_MESSAGE_TYPES[type]]), ipsOpt(OPT.serverId, [o.serverIp])];
    if (type === 'nak') {
      if (message) options.push(textOpt(OPT.message, message.slice(0, 200)));
    } else {
      options.push(
        u32Opt(OPT.leaseTime, o.leaseSeconds),
        ipsOpt(OPT.subnetMask, [o.mask]),
        ...(o.router ? [ipsOpt(OPT.router, [o.router])] : []),
        ...(o.dns?.length ? [ipsOpt(OPT.dns, o.dns)] : []),
        // 66 for SIP phones, 150 for CallManager-era firmware; both name the same server as siaddr.
        textOpt(OPT.tftpServerName, o.serverIp),
        ipsOpt(OPT.ciscoTftpServers, [o.serverIp]),
      );
    }
    const packet: DhcpPacket = {
      op: 2,
      htype: request.htype,
      hlen: request.hlen,
      hops: 0,
      xid: request.xid,
      secs: 0,
      flags: request.flags,
      ciaddr: type === 'nak' ? '0.0.0.0' : request.ciaddr,
      yiaddr,
      siaddr: type === 'nak' ? '0.0.0.0' : o.serverIp,
      giaddr: '0.0.0.0',
      chaddr: request.chaddr,
      sname: '',
      file: '',
      options,
    };
    const unicast = type !== 'nak' && request.ciaddr !== '0.0.0.0';
    const to = unicast ? request.ciaddr : o.broadcastAddress;
    sendDatagram(this.socket, encodeDhcp(packet), { port: o.clientPort, address: to }, 'dhcp');
  }
}

function assertType(type: never): never {
  throw new Error(`unexpected DHCP message type ${String(type)}`);
}

