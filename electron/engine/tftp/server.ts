import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { EventEmitter } from 'node:events';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { NegotiatedOptions, RefusalReason, TftpClientAddress, TftpEvent } from '../../../shared/api/tftp';
import { bindError } from '../bind-errors';
import { isSendablePort, sendDatagram } from '../udp-send';
import type { RolloverTo } from './block-numbers';
import { decodePacket, encodePacket, TFTP_ERROR, type TftpPacket } from './codec';
import type { FileContent, FileSource, ResolvedFile } from './file-source';
import { netasciiContent } from './netascii';
import { negotiate, type OptionLimits } from './options';
import { checkRequestedName, PathRefusedError } from './path-guard';
import { ReadTransfer, type TransferBase, type TransferOutcome } from './transfer';
import { TransferSlots } from './transfer-slots';
import { MAX_UPLOAD_BYTES, WriteTransfer } from './write-transfer';

export interface TftpServerOptions {
  address: string;
  port: number;
  /** Consulted in order; the first that has the file serves it. */
  sources: FileSource[];
  /** Addresses served; null or undefined = everyone. */
  allow?: string[] | null;
  /** Uploads (WRQ) land here; absent = uploads refused. */
  uploadDir?: string;
  /** Ports for transfers; absent = an ephemeral port each. */
  portRange?: { from: number; to: number };
  maxBlksize: number;
  maxWindowsize: number;
  timeoutMs: number;
  retries: number;
  rolloverTo: RolloverTo;
  /** Binding 0.0.0.0 must be asked for in so many words. */
  allowAnyAddress?: boolean;
  /** Transfers at once, all clients together, before new ones are refused (default DEFAULT_MAX_TRANSFERS). */
  maxTransfers?: number;
  /** Transfers at once from one address (default DEFAULT_MAX_TRANSFERS_PER_CLIENT). */
  maxTransfersPerClient?: number;
  /** Least time between two progress events of one transfer. */
  progressIntervalMs?: number;
  /** Life of a transfer whose client never answers (default: the longer of 15 s and two timeouts). */
  unansweredLifeMs?: number;
}

/** Longest retransmission timeout a client may ask for (RFC 2349 `timeout`); a longer one is left out of the OACK. */
export const MAX_CLIENT_TIMEOUT_SECONDS = 10;

/** The settings' defaults too: a phone fetches one file at a time; 64 transfers hold at most a few MiB of reads. */
export const DEFAULT_MAX_TRANSFERS = 64;
export const DEFAULT_MAX_TRANSFERS_PER_CLIENT = 8;

/** Netascii needs a pass over the file before the first block (to know its size); bigger files go in octet mode. */
const MAX_NETASCII_BYTES = 16 * 1024 * 1024;

/** What every event about one transfer repeats. */
interface TransferMeta {
  id: string;
  client: TftpClientAddress;
  direction: 'read' | 'write';
  filename: string;
  mode: string;
}

/** A TFTP server on node:dgram: one listening socket, one socket (TID) per transfer. */
export class TftpServer extends EventEmitter {
  private readonly transfers = new TransferSlots<TransferBase>();
  private allow: Set<string> | null;
  private nextId = 1;
  private nextRangePort: number;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly socket: Socket,
    private readonly options: TftpServerOptions,
  ) {
    super();
    this.allow = options.allow ? new Set(options.allow) : null;
    this.nextRangePort = options.portRange?.from ?? 0;
    socket.on('message', (packet, rinfo) => this.onRequest(packet, rinfo));
    socket.on('error', (e) => this.emitEvent({ type: 'warning', detail: `listening socket error: ${e.message}` }));
  }

  static async start(options: TftpServerOptions): Promise<TftpServer> {
    if (options.address === '0.0.0.0' && !options.allowAnyAddress) {
      throw new PhonebenchError('bad-request', msg('tftp.anyAddress'), msg('tftp.anyAddress.fix'));
    }
    const socket = createSocket({ type: 'udp4', reuseAddr: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind({ address: options.address, port: options.port, exclusive: true }, () => {
        socket.off('error', reject);
        resolve();
      });
    }).catch(async (e: unknown) => {
      socket.close();
      throw await bindError(e, options.address, options.port);
    });
    const server = new TftpServer(socket, options);
    const bound = server.address();
    setImmediate(() => server.emitEvent({ type: 'listening', address: bound.address, port: bound.port }));
    return server;
  }

  override on(event: 'event', listener: (e: TftpEvent) => void): this;
  override on(event: string | symbol, listener: (...args: never[]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  address(): { address: string; port: number } {
    const a = this.socket.address();
    return { address: a.address, port: a.port };
  }

  setAllowlist(ips: string[] | null): void {
    this.allow = ips ? new Set(ips) : null;
  }

  allowlist(): string[] | null {
    return this.allow ? [...this.allow] : null;
  }

  activeTransfers(): number {
    return this.transfers.size;
  }

  /** Addresses with a live transfer (for tests showing the bookkeeping empties). */
  clientsWithTransfers(): number {
    return this.transfers.clients();
  }

  private untrack(key: string): void {
    this.transfers.release(key);
  }

  /** Idempotent: stops listening and ends every transfer with an error to its client. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const bound = this.address();
      for (const transfer of this.transfers.transfers()) transfer.abort('server stopped');
      await new Promise<void>((resolve) => this.socket.close(() => resolve()));
      this.emitEvent({ type: 'stopped', address: bound.address, port: bound.port });
    })();
    return this.closing;
  }

  private emitEvent(e: DistributiveOmit<TftpEvent, 'at'>): void {
    this.emit('event', { ...e, at: new Date().toISOString() } as TftpEvent);
  }

  private reply(rinfo: TftpClientAddress, code: number, message: string): void {
    if (this.closing) return;
    sendDatagram(this.socket, encodePacket({ op: 'ERROR', code, message }), rinfo, 'tftp');
  }

  private refuse(meta: TransferMeta, reason: RefusalReason, detail: string, code: number, message: string): void {
    this.reply(meta.client, code, message);
    const id = meta.id ? { id: meta.id } : {};
    this.emitEvent({ type: 'refused', ...id, client: meta.client, filename: meta.filename, direction: meta.direction, reason, detail });
  }

  private onRequest(msg: Buffer, rinfo: RemoteInfo): void {
    if (this.closing) return;
    let packet: TftpPacket;
    try {
      packet = decodePacket(msg);
    } catch {
      return; // Not TFTP, or broken: nothing useful to answer.
    }
    if (packet.op !== 'RRQ' && packet.op !== 'WRQ') return;
    // Port 0 is no address to answer (a forged or broken header): nothing can be sent back, so nothing starts.
    if (!isSendablePort(rinfo.port)) return;
    const client = { address: rinfo.address, port: rinfo.port };
    const key = `${client.address}:${client.port}`;
    const direction = packet.op === 'RRQ' ? 'read' : 'write';
    const meta: TransferMeta = { id: '', client, direction, filename: packet.filename, mode: packet.mode };

    // The single-phone lock comes first. Other phones get one TFTP ERROR (access violation) and never a byte
    // of any file. An error rather than silence: a Cisco phone that gets an error for OS79XX.TXT or its
    // config gives up at once and boots what it already has, while silence keeps it retrying for minutes
    // (and fills the log); the error also tells whoever watches that phone's screen that it was refused.
    if (this.allow && !this.allow.has(client.address)) {
      this.refuse(meta, 'not-target-phone', 'not the target phone', TFTP_ERROR.accessViolation, 'This TFTP server serves one phone only');
      return;
    }
    // A repeated request from the same TID while its transfer runs is the client retrying: the transfer answers.
    const running = this.transfers.get(key);
    if (running?.filename === packet.filename) return;
    // Another file from a TID whose transfer still runs: one transfer per TID, or each request would leave one behind.
    if (running) {
      this.refuse(meta, 'client-busy', 'a transfer from this port is still running', TFTP_ERROR.notDefined, 'Transfer in progress from this port');
      return;
    }
    // Bounded work: a flood of requests (or a client that never ACKs) holds at most this many sockets, timers and reads;
    // requests nobody answers make room for newer ones instead of holding the phone's slots.
    const admission = this.transfers.admit(client.address, {
      global: this.options.maxTransfers ?? DEFAULT_MAX_TRANSFERS,
      perClient: this.options.maxTransfersPerClient ?? DEFAULT_MAX_TRANSFERS_PER_CLIENT,
    });
    if (!admission.ok) {
      const limit = admission.limit;
      if (admission.reason === 'busy') this.refuse(meta, 'busy', `${limit} transfers at once (the most allowed)`, TFTP_ERROR.notDefined, 'Server busy, try again');
      else this.refuse(meta, 'client-busy', `${limit} transfers at once from ${client.address} (the most allowed)`, TFTP_ERROR.notDefined, 'Too many transfers from your address, try again');
      return;
    }
    meta.id = `t${this.nextId++}`;
    this.emitEvent({ type: 'request', ...meta, options: { ...packet.options } });
    // Reserve the TID at once so a quick duplicate request does not start a second transfer.
    this.transfers.reserve(key, client.address, packet.filename);
    const begin = direction === 'read' ? this.beginRead(meta, packet.options) : this.beginWrite(meta, packet.options);
    begin.catch((e: unknown) => {
      if (this.transfers.get(key)?.transfer === undefined) this.untrack(key);
      this.reply(client, TFTP_ERROR.notDefined, 'Server error');
      this.failed(meta, `server error: ${e instanceof Error ? e.message : String(e)}`, TFTP_ERROR.notDefined, Date.now());
    });
  }

  private failed(meta: TransferMeta, reason: string, tftpCode: number | undefined, startedAt: number, bytes = 0, retransmits = 0): void {
    const base = { type: 'failed' as const, ...meta, reason, bytes, durationMs: Date.now() - startedAt, retransmits };
    this.emitEvent(tftpCode === undefined ? base : { ...base, tftpCode });
  }

  /** Checks mode and name; answers the client and returns false when the request cannot go on. */
  private admissible(meta: TransferMeta, startedAt: number): string[] | undefined {
    const key = `${meta.client.address}:${meta.client.port}`;
    if (meta.mode !== 'octet' && meta.mode !== 'netascii') {
      this.untrack(key);
      this.reply(meta.client, TFTP_ERROR.illegalOperation, `Mode '${meta.mode}' not supported`);
      this.failed(meta, `mode '${meta.mode}' not supported`, TFTP_ERROR.illegalOperation, startedAt);
      return undefined;
    }
    try {
      return checkRequestedName(meta.filename);
    } catch (e) {
      if (!(e instanceof PathRefusedError)) throw e;
      this.untrack(key);
      this.refuse(meta, 'path', e.why, TFTP_ERROR.accessViolation, 'Access violation');
      return undefined;
    }
  }

  private async beginRead(meta: TransferMeta, requested: Record<string, string>): Promise<void> {
    const startedAt = Date.now();
    const key = `${meta.client.address}:${meta.client.port}`;
    if (!this.admissible(meta, startedAt)) return;
    let found: ResolvedFile | undefined;
    try {
      for (const source of this.options.sources) {
        found = await source.resolve(meta.filename, meta.client.address);
        if (found) break;
      }
    } catch (e) {
      if (!(e instanceof PathRefusedError)) throw e;
      this.untrack(key);
      this.refuse(meta, 'path', e.why, TFTP_ERROR.accessViolation, 'Access violation');
      return;
    }
    if (!found) {
      this.untrack(key);
      this.reply(meta.client, TFTP_ERROR.fileNotFound, 'File not found');
      this.failed(meta, 'file not found', TFTP_ERROR.fileNotFound, startedAt);
      return;
    }
    let content: FileContent;
    try {
      content = await found.open();
    } catch (e) {
      if (!(e instanceof PathRefusedError)) throw e;
      this.untrack(key);
      this.refuse(meta, 'path', e.why, TFTP_ERROR.accessViolation, 'Access violation');
      return;
    }
    if (meta.mode === 'netascii') {
      if (content.size > MAX_NETASCII_BYTES) {
        await content.close();
        this.untrack(key);
        this.reply(meta.client, TFTP_ERROR.notDefined, 'File too large for netascii, use octet');
        this.failed(meta, 'file too large for netascii mode', TFTP_ERROR.notDefined, startedAt);
        return;
      }
      const raw = content;
      // Converted as it is sent: a few 64 KiB steps held, never the file.
      content = await netasciiContent(raw).catch(async (e: unknown) => {
        await raw.close();
        throw e;
      });
    }
    const options = negotiate(requested, this.limits(), 'read', content.size);
    await this.launch(meta, startedAt, options, found.name, found.match, content.size, (setup) => new ReadTransfer(setup, content), () =>
      content.close(),
    );
  }

  private async beginWrite(meta: TransferMeta, requested: Record<string, string>): Promise<void> {
    const startedAt = Date.now();
    const key = `${meta.client.address}:${meta.client.port}`;
    const uploadDir = this.options.uploadDir;
    if (!uploadDir) {
      this.untrack(key);
      this.refuse(meta, 'write-disabled', 'uploads are off', TFTP_ERROR.accessViolation, 'Uploads are not accepted');
      return;
    }
    const segments = this.admissible(meta, startedAt);
    if (!segments) return;
    if (segments.length !== 1) {
      this.untrack(key);
      this.refuse(meta, 'path', 'uploads may not name a folder', TFTP_ERROR.accessViolation, 'Access violation');
      return;
    }
    const name = segments[0] as string;
    const target = path.join(uploadDir, name);
    if (await fs.lstat(target).then(() => true, () => false)) {
      this.untrack(key);
      this.reply(meta.client, TFTP_ERROR.fileExists, 'File already exists');
      this.failed(meta, 'file already exists in the upload folder', TFTP_ERROR.fileExists, startedAt);
      return;
    }
    const options = negotiate(requested, this.limits(), 'write', undefined);
    if ((options.tsize ?? 0) > MAX_UPLOAD_BYTES) {
      this.untrack(key);
      this.reply(meta.client, TFTP_ERROR.diskFull, 'Upload too large');
      this.failed(meta, 'announced upload too large', TFTP_ERROR.diskFull, startedAt);
      return;
    }
    await this.launch(meta, startedAt, options, name, 'exact', options.tsize ?? 0, (setup) => new WriteTransfer(setup, target, meta.mode === 'netascii'));
  }

  private limits(): OptionLimits {
    return {
      maxBlksize: this.options.maxBlksize,
      maxWindowsize: this.options.maxWindowsize,
      defaultTimeoutSeconds: Math.max(1, Math.round(this.options.timeoutMs / 1000)),
      maxClientTimeoutSeconds: MAX_CLIENT_TIMEOUT_SECONDS,
    };
  }

  private async launch(
    meta: TransferMeta,
    startedAt: number,
    options: NegotiatedOptions,
    served: string,
    match: ResolvedFile['match'],
    size: number,
    make: (setup: ConstructorParameters<typeof ReadTransfer>[0]) => ReadTransfer | WriteTransfer,
    cleanup: () => Promise<void> = async () => {},
  ): Promise<void> {
    const key = `${meta.client.address}:${meta.client.port}`;
    let socket: Socket;
    try {
      socket = await this.transferSocket(meta.client);
    } catch (e) {
      await cleanup();
      this.untrack(key);
      this.reply(meta.client, TFTP_ERROR.notDefined, 'No free port for the transfer');
      this.failed(meta, `no port for the transfer: ${e instanceof Error ? e.message : String(e)}`, TFTP_ERROR.notDefined, startedAt);
      return;
    }
    if (this.closing) {
      socket.close();
      await cleanup();
      return;
    }
    this.emitEvent({ type: 'negotiated', ...meta, served, match, size, options });
    let lastProgress = 0;
    const interval = this.options.progressIntervalMs ?? 250;
    const totalBytes = meta.direction === 'read' ? size : options.tsize;
    const transfer = make({
      id: meta.id,
      peer: meta.client,
      socket,
      options,
      sendOack: Object.keys(options.acknowledged).length > 0,
      retries: this.options.retries,
      rolloverTo: this.options.rolloverTo,
      // A timeout the client asked for (RFC 2349, at most MAX_CLIENT_TIMEOUT_SECONDS) overrides ours.
      timeoutMs: 'timeout' in options.acknowledged ? options.timeoutSeconds * 1000 : this.options.timeoutMs,
      unansweredLifeMs: this.options.unansweredLifeMs ?? Math.max(15_000, 2 * this.options.timeoutMs),
      onUnderWay: () => this.transfers.confirm(key, transfer),
      onProgress: (bytes, blocks) => {
        const now = Date.now();
        if (now - lastProgress < interval) return;
        lastProgress = now;
        const elapsed = Math.max(1, now - startedAt) / 1000;
        const base = { type: 'progress' as const, ...meta, bytes, blocks, bytesPerSecond: Math.round(bytes / elapsed) };
        this.emitEvent(totalBytes === undefined ? base : { ...base, totalBytes });
      },
      onEnd: (outcome: TransferOutcome) => {
        this.transfers.release(key, transfer);
        if (outcome.ok) {
          this.emitEvent({
            type: 'completed',
            ...meta,
            served,
            blksize: options.blksize,
            bytes: outcome.bytes,
            blocks: outcome.blocks,
            durationMs: Date.now() - startedAt,
            retransmits: outcome.retransmits,
          });
        } else this.failed(meta, outcome.reason, outcome.tftpCode, startedAt, outcome.bytes, outcome.retransmits);
      },
    });
    this.transfers.attach(key, transfer);
    transfer.start();
  }

  /**
   * A fresh socket for one transfer (its TID): ephemeral, or the next free port of the configured range, connected to
   * the client. Connected, the kernel keeps the route and the peer check (datagrams from anyone else never arrive;
   * the sender gets ICMP port unreachable instead of a TFTP error), which makes each send markedly cheaper.
   */
  private async transferSocket(peer: TftpClientAddress): Promise<Socket> {
    const range = this.options.portRange;
    const attempts = range ? range.to - range.from + 1 : 1;
    let lastError: unknown;
    for (let i = 0; i < attempts; i++) {
      let port = 0;
      if (range) {
        port = this.nextRangePort;
        this.nextRangePort = port >= range.to ? range.from : port + 1;
      }
      const socket = createSocket({ type: 'udp4', lookup: literalLookup });
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('error', reject);
          socket.bind({ address: this.options.address, port, exclusive: true }, () => {
            try {
              socket.connect(peer.port, peer.address, () => {
                socket.off('error', reject);
                resolve();
              });
            } catch (e) {
              reject(e instanceof Error ? e : new Error(String(e))); // A bad peer port throws here, in a callback.
            }
          });
        });
        return socket;
      } catch (e) {
        lastError = e;
        socket.close();
      }
    }
    throw lastError instanceof Error ? lastError : new Error('no free port in range');
  }
}

/**
 * Transfer sockets only ever talk to the address a request came from, an IPv4 literal: answering the lookup
 * at once spares every datagram a DNS-module detour and a deferred tick (a measurable cost at 512-byte lockstep).
 */
function literalLookup(hostname: string, _options: unknown, callback: (err: Error | null, address: string, family: number) => void): void {
  callback(null, hostname, 4);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
