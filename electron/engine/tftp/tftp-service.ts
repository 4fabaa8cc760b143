import { EventEmitter } from 'node:events';
import { promises as fs } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import type { Settings } from '../../../shared/api/app';
import { PhonebenchError } from '../../../shared/api/result';
import { msg, type Message } from '../../../shared/i18n/message';
import type { TftpEvent, TftpInterface, TftpLogLine, TftpStatus, TransferRow } from '../../../shared/api/tftp';
import { refuseDemoImages } from './demo-guard';
import { DirectorySource, VirtualFiles } from './file-source';
import { formatTftpEvent } from './log-line';
import { TftpServer } from './server';
import { TransferTable } from './transfer-table';

export interface TftpStartRequest {
  address: string;
  port: number;
  root: string;
  allow?: string[] | undefined;
  allowAll: boolean;
  uploadDir?: string | undefined;
  allowAnyAddress: boolean;
  portRange?: { from: number; to: number } | undefined;
}

const LOG_KEEP = 2000;

/** Local IPv4 interfaces, for the address picker. */
export function listIpv4Interfaces(): TftpInterface[] {
  const out: TftpInterface[] = [];
  for (const [name, addrs] of Object.entries(networkInterfaces())) {
    for (const a of addrs ?? []) {
      if (a.family === 'IPv4') out.push({ name, address: a.address, netmask: a.netmask, internal: a.internal });
    }
  }
  return out;
}

async function requireFolder(dir: string, what: Message): Promise<string> {
  const abs = path.resolve(dir);
  const stat = await fs.stat(abs).catch(() => undefined);
  if (!stat) throw new PhonebenchError('not-found', msg('tftp.folderMissing', { what, path: abs }), msg('tftp.folderMissing.fix'));
  if (!stat.isDirectory()) throw new PhonebenchError('bad-request', msg('tftp.notFolder', { what, path: abs }), msg('tftp.notFolder.fix'));
  return abs;
}

/**
 * The one TFTP server the app runs: start/stop, virtual files layered over the root, the event stream,
 * and the recent log. The domain, the CLI and the migration runner all drive it.
 */
export class TftpService extends EventEmitter {
  readonly virtualFiles = new VirtualFiles();
  private server: TftpServer | undefined;
  private current: TftpStartRequest | undefined;
  private readonly log: TftpLogLine[] = [];
  private readonly table = new TransferTable();
  private runs = 0;

  constructor(private readonly settings: () => Settings['tftp']) {
    super();
  }

  override on(event: 'event', listener: (e: TftpEvent) => void): this;
  override on(event: 'log', listener: (line: TftpLogLine) => void): this;
  override on(event: 'row', listener: (row: TransferRow) => void): this;
  override on(event: string | symbol, listener: (...args: never[]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  async start(req: TftpStartRequest): Promise<TftpStatus> {
    const allow = req.allow && req.allow.length > 0 ? req.allow : undefined;
    if (!allow && !req.allowAll) {
      throw new PhonebenchError('bad-request', msg('tftp.noAllowlist'), msg('tftp.noAllowlist.fix'));
    }
    const root = await requireFolder(req.root, msg('tftp.folder.root'));
    const uploadDir = req.uploadDir ? await requireFolder(req.uploadDir, msg('tftp.folder.upload')) : undefined;
    await this.stop();
    const s = this.settings();
    const server = await TftpServer.start({
      address: req.address,
      port: req.port,
      // No image of the demo library reaches a phone from here: the page serves real phones only.
      sources: [this.virtualFiles, refuseDemoImages(new DirectorySource(root))],
      allow: req.allowAll ? null : (allow ?? null),
      ...(uploadDir ? { uploadDir } : {}),
      ...(req.portRange ? { portRange: req.portRange } : {}),
      allowAnyAddress: req.allowAnyAddress,
      maxBlksize: s.maxBlksize,
      maxWindowsize: s.maxWindowsize,
      timeoutMs: s.timeoutSeconds * 1000,
      retries: s.retries,
      rolloverTo: s.rolloverTo,
      maxTransfers: s.maxTransfers,
      maxTransfersPerClient: s.maxTransfersPerClient,
    });
    const run = ++this.runs;
    server.on('event', (e) => this.publish(e.type === 'listening' ? { ...e, root } : e, run));
    this.server = server;
    this.current = { ...req, root, uploadDir };
    return this.status();
  }

  async stop(): Promise<TftpStatus> {
    const server = this.server;
    this.server = undefined;
    this.current = undefined;
    if (server) await server.close();
    return this.status();
  }

  setAllowlist(allow: string[] | null): TftpStatus {
    if (!this.server) throw new PhonebenchError('not-running', msg('tftp.notRunning'), msg('tftp.notRunning.fix'));
    this.server.setAllowlist(allow);
    return this.status();
  }

  status(): TftpStatus {
    const server = this.server;
    const cur = this.current;
    if (!server || !cur) return { state: 'stopped', activeTransfers: 0 };
    const bound = server.address();
    const status: TftpStatus = {
      state: 'running',
      address: bound.address,
      port: bound.port,
      root: cur.root,
      allow: server.allowlist(),
      activeTransfers: server.activeTransfers(),
    };
    if (cur.uploadDir) status.uploadDir = cur.uploadDir;
    return status;
  }

  recentLog(): TftpLogLine[] {
    return [...this.log];
  }

  /** The transfer table, newest first: every request ends done, failed or refused. */
  transfers(): TransferRow[] {
    return this.table.rows();
  }

  /** Empties the log and the finished rows; returns the rows left (running transfers). */
  clear(): TransferRow[] {
    this.log.length = 0;
    return this.table.clear();
  }

  private publish(e: TftpEvent, run: number): void {
    this.emit('event', e);
    for (const row of this.table.apply(e, run)) this.emit('row', row);
    const line = formatTftpEvent(e);
    if (!line) return;
    this.log.push(line);
    if (this.log.length > LOG_KEEP) this.log.splice(0, this.log.length - LOG_KEEP);
    this.emit('log', line);
  }
}
