import type {
  FileProgress,
  HopStatus,
  ListenInference,
  MigrationConsole,
  MigrationState,
  MigrationStatus,
  PhoneIpSource,
  TimelineEntry,
  TimelineKind,
} from '../../../shared/api/migrate';
import { assertNever } from '../../../shared/api/result';
import type { TftpEvent } from '../../../shared/api/tftp';
import { OS79XX_TXT, macOfFileName } from '../../../shared/cisco/phone-files';
import { StreamingHintMatcher, hintById, matchHints, type Hint } from '../../../shared/cisco/hints';
import { MASK, isSecretKey, maskSecrets } from '../../../shared/cisco/config/mask-secrets';
import type { DhcpEvent } from '../dhcp/bench-dhcp-server';
import { VirtualFiles, type FileSource, type ResolvedFile } from '../tftp/file-source';
import { PathRefusedError } from '../tftp/path-guard';
import { BundleSource, sha256Text } from './bundle-source';
import { inferFromRequests } from './listen-inference';
import { sameTftpName, type RunnerPlan } from './runner-plan';

/** What the runner needs from the TFTP server: the single-phone lock. */
export interface AllowlistTarget {
  setAllowlist(ips: string[] | null): void;
}

export interface RunnerOptions {
  id: string;
  mac: string;
  model: '7940' | '7960';
  from: string;
  to: string;
  bundleId: string;
  bind: { address: string; port: number };
  /** null: listen first (the current firmware is unknown). */
  plan: RunnerPlan | null;
  bundle: BundleSource;
  /** sha256 of each bundle file, by name, for the report. */
  bundleHashes: Map<string, string>;
  phoneIp?: string;
  phoneIpSource?: PhoneIpSource;
  demo?: boolean;
  /** The last hop done waits for finish() from outside (the virtual phone settling) instead of succeeding. */
  confirmSuccess?: boolean;
  now?: () => Date;
  /** Minimum gap between progress-only state updates. */
  progressEveryMs?: number;
}

export interface ServedRecord {
  at: string;
  file: string;
  requested: string;
  client: string;
  bytes: number;
  durationMs: number;
  sha256?: string;
  origin: 'config' | 'firmware';
  hop: number;
}

export interface RefusedRecord {
  at: string;
  client: string;
  file: string;
  reason: string;
  count: number;
}

export interface RunnerUpdate {
  timeline?: TimelineEntry;
  state?: MigrationStatus;
}

const TIMELINE_LIMIT = 5000;
const REFUSED_LIMIT = 1000;
const CONSOLE_LIMIT = 2 * 1024 * 1024;

/**
 * One phone's migration. Fed TFTP events, DHCP events and console text; decides what the phone may be served
 * (through `source`), which hop it is on, and when it is done. Holds no sockets: the domain wires those.
 */
export class MigrationRunner {
  /** The one source the TFTP server consults: everything this phone may get, and nothing for anyone else. */
  readonly source: FileSource;
  private readonly virtual = new VirtualFiles();
  private readonly listeners = new Set<(update: RunnerUpdate) => void>();
  private readonly entries: TimelineEntry[] = [];
  private readonly served: ServedRecord[] = [];
  private readonly refused = new Map<string, RefusedRecord>();
  private readonly configHashes = new Map<string, string>();
  private readonly files = new Map<string, FileProgress>();
  private readonly listenRequests: string[] = [];
  private readonly hints = new StreamingHintMatcher();
  private readonly gateRefusals = new Set<string>();
  /** Requests seen before the phone's address was known; replayed for that address once it is. */
  private readonly unplaced: TftpEvent[] = [];
  private consoleText = '';
  private seq = 0;
  private stateValue: MigrationState;
  private hop = 0;
  private readonly hopDone: boolean[];
  private phoneIp: string | undefined;
  private phoneIpSource: PhoneIpSource | undefined;
  private target: AllowlistTarget | undefined;
  private inference: ListenInference | undefined;
  private message: string | undefined;
  private demoConsole: MigrationConsole | undefined;
  private fix: string | undefined;
  private readonly warnings: string[] = [];
  private readonly startedAt: string;
  private endedAt: string | undefined;
  private lastProgressEmit = 0;
  /** This hop: an image file was asked for, and which doneWhen names came after the last one. */
  private imageRequested = false;
  private readonly doneSeen = new Set<string>();
  private readonly now: () => Date;

  constructor(private readonly o: RunnerOptions) {
    this.now = o.now ?? (() => new Date());
    this.startedAt = this.now().toISOString();
    this.phoneIp = o.phoneIp;
    this.phoneIpSource = o.phoneIp ? (o.phoneIpSource ?? 'entered') : undefined;
    this.hopDone = (o.plan?.hops ?? []).map(() => false);
    this.stateValue = o.plan === null ? 'listening' : 'waiting-for-phone';
    if (o.plan) this.warnings.push(...o.plan.warnings);
    this.source = { resolve: (name, client) => this.resolve(name, client) };
    if (o.plan) this.installHop(0);
  }

  get state(): MigrationState {
    return this.stateValue;
  }

  get ip(): string | undefined {
    return this.phoneIp;
  }

  onUpdate(listener: (update: RunnerUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called once the TFTP server is listening: locks it to the phone when its IP is known. */
  attach(target: AllowlistTarget): void {
    this.target = target;
    target.setAllowlist(this.phoneIp ? [this.phoneIp] : null);
    this.add('info', `Serving on ${this.o.bind.address}:${this.o.bind.port} for phone ${this.o.mac} only.`, { code: 'serving' });
    if (this.o.plan === null) {
      this.add('info', 'Listening first: this phone gets "file not found" for everything while its requests show its firmware.', {
        code: 'listen-first',
      });
    }
    if (!this.phoneIp) {
      this.add(
        'warning',
        `The phone's IP is not known yet: it is learned from the first request naming ${this.o.mac} (CTLSEP/SEP/SIP<MAC>). ` +
          'A phone on the OS79XX.TXT boot mechanism asks for OS79XX.TXT first, which names no phone: enter the phone IP, or use the bench DHCP.',
        { code: 'ip-unknown' },
      );
    }
  }

  /** The address and port actually bound (port 0 picks one). */
  rebind(bind: { address: string; port: number }): void {
    this.o.bind = bind;
  }

  /** The phone IP, entered by the technician or handed out by the bench DHCP. */
  learnIp(ip: string, source: PhoneIpSource): void {
    if (this.phoneIp === ip) return;
    this.phoneIp = ip;
    this.phoneIpSource = source;
    this.target?.setAllowlist([ip]);
    if (!this.isFinal()) this.installConfigs();
    this.add('info', `Phone ${this.o.mac} is at ${ip} (${ipSourceText(source)}); only this address is served now.`, {
      code: 'ip-learned',
      params: { ip, source },
      client: ip,
    });
    // The server reports a request before it asks the sources, so the request that taught us the address
    // arrived while it was still unknown.
    const replay = this.unplaced.splice(0).filter((e) => e.type === 'request' && e.client.address === ip);
    for (const e of replay) this.onTftpEvent(e);
    this.emitState();
  }

  // ---- what the phone may get ----

  private async resolve(requestedName: string, client: string): Promise<ResolvedFile | undefined> {
    // After success the phone still boots on these files (its new config); after a stop or failure, nothing.
    if (this.stateValue === 'stopped' || this.stateValue === 'failed') throw new PathRefusedError(requestedName, 'the migration has ended');
    if (this.phoneIp === undefined) {
      const named = macOfFileName(requestedName);
      if (named?.mac === this.o.mac) {
        this.learnIp(client, 'learned-from-mac');
      } else {
        this.refuse(client, requestedName, named ? `names another phone (${named.mac})` : 'names no phone and the phone IP is not known');
        this.gateRefusals.add(`${client}\n${requestedName}`);
        throw new PathRefusedError(requestedName, 'not the phone being migrated');
      }
    }
    if (client !== this.phoneIp) {
      this.refuse(client, requestedName, 'another address');
      this.gateRefusals.add(`${client}\n${requestedName}`);
      throw new PathRefusedError(requestedName, 'not the phone being migrated');
    }
    if (this.o.plan === null) {
      this.listened(requestedName);
      return undefined;
    }
    this.checkHopDone(requestedName);
    const alias = this.o.plan.hops[this.hop]?.aliases.find((a) => sameTftpName(a.alias, requestedName));
    if (alias) return this.o.bundle.resolve(alias.file);
    return (await this.virtual.resolve(requestedName, client)) ?? (await this.o.bundle.resolve(requestedName));
  }

  private refuse(client: string, file: string, reason: string): void {
    let key = `${client}\n${file}`;
    // A flood of distinct names must not grow the record without end: past the cap, one line counts the rest.
    if (!this.refused.has(key) && this.refused.size >= REFUSED_LIMIT) {
      key = 'overflow';
      if (!this.refused.has(key)) this.refused.set(key, { at: this.now().toISOString(), client: '*', file: '*', reason: 'more refused requests than the report lists', count: 0 });
    }
    const known = this.refused.get(key);
    if (known) {
      known.count += 1;
      return;
    }
    this.refused.set(key, { at: this.now().toISOString(), client, file, reason, count: 1 });
    const os79 = file.replace(/^(\.\/)+/, '').toUpperCase() === OS79XX_TXT.toUpperCase() && this.phoneIp === undefined;
    this.add(
      'refused',
      `${client} asked for ${file}: not served (${reason}).` +
        (os79 ? ' If this is the phone, it boots the OS79XX.TXT way: enter its IP, or use the bench DHCP.' : ''),
      { code: os79 ? 'refused-os79xx' : 'refused', params: { client, file, reason }, client, file },
    );
  }

  private checkHopDone(requestedName: string): void {
    const plan = this.o.plan;
    const hop = plan?.hops[this.hop];
    if (!plan || !hop || this.hopDone[this.hop]) return;
    const inDone = hop.doneWhen.find((name) => sameTftpName(name, requestedName));
    const isImage =
      hop.requiredFiles.some((name) => sameTftpName(name, requestedName)) ||
      hop.aliases.some((a) => sameTftpName(a.alias, requestedName));
    if (isImage) this.imageRequested = true;
    if (isImage && inDone === undefined) {
      // Only what comes after the last image download can show the new image runs.
      this.doneSeen.clear();
      if (hop.doneWhen.length > 0) return;
    }
    if (!this.imageRequested) return;
    if (inDone !== undefined) {
      // The first name again is a new boot: start over.
      if (inDone === hop.doneWhen[0]) this.doneSeen.clear();
      this.doneSeen.add(inDone);
    }
    if (hop.doneWhen.some((name) => !this.doneSeen.has(name))) return;
    this.hopDone[this.hop] = true;
    this.add('hop-done', `Hop ${this.hop + 1} of ${plan.hops.length} done: the phone asked for ${requestedName}, which only the new image asks for.`, {
      code: 'hop-done',
      params: { hop: this.hop + 1, of: plan.hops.length, file: requestedName },
      hop: this.hop,
      file: requestedName,
    });
    if (this.hop + 1 < plan.hops.length) {
      this.installHop(this.hop + 1);
    } else if (this.o.confirmSuccess) {
      this.emitState();
    } else {
      this.finish('succeeded', `The phone runs ${this.o.to}.`);
    }
  }

  private installHop(index: number): void {
    const hop = this.o.plan?.hops[index];
    if (!hop) return;
    this.hop = index;
    this.imageRequested = false;
    this.doneSeen.clear();
    this.installConfigs();
    for (const config of hop.configs) {
      this.configHashes.set(config.name, sha256Text(config.content));
      this.track(config.name, index);
    }
    for (const name of hop.requiredFiles) this.track(name, index);
    if (index > 0) {
      this.add('info', `Hop ${index + 1}: ${hop.title}`, { code: 'hop-start', params: { hop: index + 1, title: hop.title }, hop: index });
    }
    for (const w of hop.warnings) this.add('warning', w, { hop: index });
    this.emitState();
  }

  /** The hop's configs in memory: for the phone's address once known; the gate keeps everyone else out before. */
  private installConfigs(): void {
    const hop = this.o.plan?.hops[this.hop];
    if (!hop) return;
    this.virtual.clear();
    const forClient = this.phoneIp ? { forClient: this.phoneIp } : {};
    for (const config of hop.configs) this.virtual.set(config.name, config.content, forClient);
  }

  private track(name: string, hop: number): void {
    const key = `${hop}\n${name.toLowerCase()}`;
    if (!this.files.has(key)) this.files.set(key, { name, hop, state: 'waiting', bytes: 0 });
  }

  private listened(requestedName: string): void {
    this.listenRequests.push(requestedName);
    if (this.inference) return;
    const inference = inferFromRequests(this.listenRequests);
    if (!inference) return;
    this.inference = inference;
    const what =
      inference.era === 'os79xx'
        ? `the OS79XX.TXT boot mechanism (SCCP up to 5.x or SIP up to 6.x)${inference.protocol ? `, running ${inference.protocol}` : ''}`
        : inference.era === 'loader'
          ? `the universal loader (SCCP 6.x+ or SIP 7.x+)${inference.protocol ? `, running ${inference.protocol}` : ''}`
          : `${inference.protocol ?? 'an unknown protocol'}, boot mechanism unclear`;
    this.add('inferred', `The phone's requests show ${what}. Evidence: ${inference.evidence.join('; ')}.`, {
      code: 'inferred',
      params: { era: inference.era, protocol: inference.protocol ?? '' },
    });
    this.emitState();
  }

  // ---- what happened on the wire ----

  onTftpEvent(e: TftpEvent): void {
    switch (e.type) {
      case 'listening':
      case 'stopped':
      case 'warning':
        return;
      case 'refused': {
        const key = `${e.client.address}\n${e.filename}`;
        if (this.gateRefusals.delete(key)) return;
        this.refuse(e.client.address, e.filename, e.reason === 'not-target-phone' ? 'another address' : e.detail);
        return;
      }
      default:
        break;
    }
    if (this.phoneIp === undefined && e.type === 'request') {
      if (this.unplaced.length >= 32) this.unplaced.shift();
      this.unplaced.push(e);
      return;
    }
    if (e.client.address !== this.phoneIp) return;
    switch (e.type) {
      case 'request': {
        if (this.stateValue === 'waiting-for-phone') this.setState('running');
        const step = this.stepOf(e.filename);
        this.add('request', `Phone asked for ${e.filename}${step === 'unexpected' ? ' (not in the plan)' : ''}.`, {
          code: 'request',
          params: { file: e.filename },
          file: e.filename,
          client: e.client.address,
          hop: this.hop,
          step,
        });
        return;
      }
      case 'negotiated':
        this.progress(e.served, { state: 'sending', bytes: 0, total: e.size });
        return;
      case 'progress': {
        const name = this.servedNameOf(e.filename);
        this.progress(name, { state: 'sending', bytes: e.bytes, ...(e.totalBytes !== undefined ? { total: e.totalBytes } : {}) }, true);
        return;
      }
      case 'completed': {
        const isConfig = this.configHashes.has(e.served);
        const record: ServedRecord = {
          at: e.at,
          file: e.served,
          requested: e.filename,
          client: e.client.address,
          bytes: e.bytes,
          durationMs: e.durationMs,
          origin: isConfig ? 'config' : 'firmware',
          hop: this.hop,
        };
        const sha = this.configHashes.get(e.served) ?? this.o.bundleHashes.get(e.served);
        if (sha) record.sha256 = sha;
        this.served.push(record);
        this.progress(e.served, { state: 'served', bytes: e.bytes, total: e.bytes });
        this.add('served', `Sent ${e.served} to ${e.client.address}: ${e.bytes} bytes in ${(e.durationMs / 1000).toFixed(2)} s.`, {
          code: 'served',
          params: { file: e.served, bytes: e.bytes, ms: e.durationMs },
          file: e.served,
          client: e.client.address,
          hop: this.hop,
        });
        return;
      }
      case 'failed': {
        const name = this.servedNameOf(e.filename);
        if (e.tftpCode === 1) {
          this.progress(name, { state: 'not-found', bytes: 0 }, false, true);
          const expectedMissing = this.stepOf(e.filename) === 'expected';
          this.add('not-found', `${e.filename}: not found${expectedMissing ? '' : ' (the phone is looking; this is normal)'}.`, {
            code: 'not-found',
            params: { file: e.filename },
            file: e.filename,
            client: e.client.address,
            hop: this.hop,
          });
          return;
        }
        this.progress(name, { state: 'failed', bytes: e.bytes });
        this.add('failed', `Sending ${e.filename} failed: ${e.reason}.`, {
          code: 'failed',
          params: { file: e.filename, reason: e.reason },
          file: e.filename,
          client: e.client.address,
          hop: this.hop,
        });
        const hints = matchHints(e.reason);
        this.hint(hints.length ? hints : [hintById(/timeout|timed out/i.test(e.reason) ? 'tftp-timeout' : 'tftp-error')].filter(isHint));
        return;
      }
      default:
        assertNever(e, 'TFTP event');
    }
  }

  onDhcpEvent(e: DhcpEvent): void {
    switch (e.kind) {
      case 'offered':
        this.add('dhcp', `Bench DHCP offered ${e.ip} to ${e.mac}${e.vendorClass ? ` (${e.vendorClass})` : ''}.`, { code: 'dhcp-offered', params: { ip: e.ip } });
        return;
      case 'acked':
        this.add('dhcp', `Bench DHCP leased ${e.ip} to ${e.mac}.`, { code: 'dhcp-acked', params: { ip: e.ip } });
        this.learnIp(e.ip, 'dhcp');
        return;
      case 'nak':
        this.add('dhcp', `Bench DHCP refused ${e.mac}: ${e.reason}.`, { code: 'dhcp-nak' });
        return;
      case 'released':
      case 'declined':
        this.add('dhcp', `The phone ${e.kind === 'released' ? 'released' : 'declined (address in use on this network?)'} ${e.ip}.`, { code: `dhcp-${e.kind}` });
        return;
      case 'chose-other-server':
        this.warn(`The phone took an address from another DHCP server (${e.serverId}): this cable reaches a live network.`);
        return;
      case 'ignored': {
        const key = `dhcp\n${e.mac}`;
        if (this.refused.has(key)) {
          (this.refused.get(key) as RefusedRecord).count += 1;
          return;
        }
        this.refused.set(key, { at: this.now().toISOString(), client: e.mac, file: `DHCP ${e.messageType}`, reason: 'another MAC', count: 1 });
        this.add('refused', `DHCP ${e.messageType} from ${e.mac} ignored: the bench DHCP answers only ${this.o.mac}.`, { code: 'dhcp-ignored', params: { mac: e.mac } });
        return;
      }
      case 'malformed':
        return;
      default:
        assertNever(e, 'DHCP event');
    }
  }

  /** Text from the phone's serial console: kept (secrets masked) and matched against the hint catalogue. */
  onConsoleText(text: string): void {
    if (this.consoleText.length < CONSOLE_LIMIT) this.consoleText += text.slice(0, CONSOLE_LIMIT - this.consoleText.length);
    const found = this.hints.push(text);
    for (const m of found) {
      this.add('console', `Console: ${this.mask(m.excerpt)}`, { code: 'console-match', hintId: m.hint.id });
    }
    this.hint(found.map((m) => m.hint));
  }

  warn(text: string): void {
    if (this.warnings.includes(text)) return;
    this.warnings.push(text);
    this.add('warning', text, { code: 'warning' });
    this.emitState();
  }

  /** Says which console the demo's virtual phone got, in the status and the timeline. */
  consoleAttached(info: MigrationConsole): void {
    this.demoConsole = { ...info };
    const name = info.label ?? info.path ?? '';
    const text =
      info.kind === 'pty'
        ? `Virtual phone console: socat PTY pair, open on the Console page as "${name}" (${info.path ?? ''}).`
        : info.kind === 'in-process'
          ? `Virtual phone console: in-process virtual port, open on the Console page as "${name}"${info.detail ? ` (${info.detail})` : ''}.`
          : `The virtual phone has no console: ${info.detail ?? 'none attached'}.`;
    this.add(info.kind === 'none' ? 'warning' : 'info', text, { code: `demo-console-${info.kind}`, params: { name, path: info.path ?? '', detail: info.detail ?? '' } });
    this.emitState();
  }

  /** The outcome from outside (a virtual phone settling, the technician stopping, a server failing). */
  finish(state: 'succeeded' | 'failed' | 'stopped', message: string, fix?: string): void {
    if (this.isFinal()) return;
    this.message = message;
    this.fix = fix;
    this.endedAt = this.now().toISOString();
    this.setState(state, false);
    const kind: TimelineKind = state === 'succeeded' ? 'success' : state === 'failed' ? 'failed' : 'info';
    this.add(kind, message, { code: `finished-${state}`, ...(fix ? { fix } : {}) });
    if (state !== 'succeeded') this.virtual.clear();
    this.emitState();
  }

  isFinal(): boolean {
    return this.stateValue === 'succeeded' || this.stateValue === 'failed' || this.stateValue === 'stopped';
  }

  // ---- reading ----

  status(): MigrationStatus {
    const hops: HopStatus[] = (this.o.plan?.hops ?? []).map((h, index) => ({
      index,
      title: h.title,
      state: this.hopDone[index] ? 'done' : index === this.hop && !this.isFinal() ? 'active' : 'pending',
      phoneShows: h.phoneShows,
      provenance: h.provenance,
    }));
    const s: MigrationStatus = {
      id: this.o.id,
      state: this.stateValue,
      mac: this.o.mac,
      model: this.o.model,
      from: this.o.from,
      to: this.o.to,
      bundleId: this.o.bundleId,
      bind: this.o.bind,
      hops,
      currentHop: this.hop,
      files: [...this.files.values()].map((f) => ({ ...f })),
      warnings: [...this.warnings],
      startedAt: this.startedAt,
      demo: this.o.demo ?? false,
    };
    if (this.phoneIp) s.phoneIp = this.phoneIp;
    if (this.phoneIpSource) s.phoneIpSource = this.phoneIpSource;
    if (this.inference) s.inference = this.inference;
    if (this.message) s.message = this.message;
    if (this.fix) s.fix = this.fix;
    if (this.endedAt) s.endedAt = this.endedAt;
    if (this.demoConsole) s.console = { ...this.demoConsole };
    return s;
  }

  timeline(): TimelineEntry[] {
    return [...this.entries];
  }

  servedRecords(): ServedRecord[] {
    return [...this.served];
  }

  refusedRecords(): RefusedRecord[] {
    return [...this.refused.values()];
  }

  consoleLog(): string {
    return this.mask(this.consoleText);
  }

  /**
   * Console text is free-form: mask `...password: value` anywhere on a line, and every secret value the plan's
   * configs carry wherever it shows up.
   */
  mask(text: string): string {
    let out = maskSecrets(text).replace(/(\b\w*password\w*\s*[:=]\s*)("[^"]*"|\S+)/gi, (_, key: string) => `${key}${MASK}`);
    for (const secret of this.secretValues()) out = out.split(secret).join(MASK);
    return out;
  }

  private secretValues(): string[] {
    const values = new Set<string>();
    for (const hop of this.o.plan?.hops ?? []) {
      for (const config of hop.configs) {
        for (const line of config.content.split('\n')) {
          const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*:\s*"?([^";\r]*)"?/.exec(line);
          const value = m?.[2]?.trim();
          if (m && isSecretKey(m[1] ?? '') && value && value.length >= 3) values.add(value);
        }
      }
    }
    return [...values];
  }

  configsServed(): { name: string; content: string }[] {
    return (this.o.plan?.hops ?? []).flatMap((h) => h.configs.map((c) => ({ name: c.name, content: maskSecrets(c.content) })));
  }

  // ---- internals ----

  private stepOf(requestedName: string): 'expected' | 'unexpected' {
    const hops = this.o.plan?.hops ?? [];
    const inHop = (i: number) =>
      [...(hops[i]?.expectedRequests ?? []), ...(hops[i]?.doneWhen ?? [])].some((n) => sameTftpName(n, requestedName));
    return inHop(this.hop) || inHop(this.hop - 1) ? 'expected' : 'unexpected';
  }

  private servedNameOf(requested: string): string {
    for (const f of this.files.values()) if (f.hop === this.hop && sameTftpName(f.name, requested)) return f.name;
    return requested.replace(/^(\.\/)+/, '');
  }

  private progress(name: string, patch: Partial<FileProgress>, progressOnly = false, onlyIfTracked = false): void {
    const key = `${this.hop}\n${name.toLowerCase()}`;
    let f = this.files.get(key);
    if (!f) {
      if (onlyIfTracked) return;
      f = { name, hop: this.hop, state: 'waiting', bytes: 0 };
      this.files.set(key, f);
    }
    if (f.state === 'served' && patch.state === 'sending' && progressOnly) return;
    Object.assign(f, patch);
    if (progressOnly) {
      const t = this.now().getTime();
      if (t - this.lastProgressEmit < (this.o.progressEveryMs ?? 200)) return;
      this.lastProgressEmit = t;
    }
    this.emitState();
  }

  private hint(hints: Hint[]): void {
    for (const h of hints) {
      this.add('hint', `${h.title.en}: ${h.cause.en}`, { code: 'hint', hintId: h.id, fix: h.fix.en, params: { id: h.id } });
    }
  }

  private setState(state: MigrationState, emit = true): void {
    if (this.stateValue === state) return;
    this.stateValue = state;
    if (emit) this.emitState();
  }

  private add(kind: TimelineKind, text: string, extra: Partial<TimelineEntry> = {}): void {
    const entry: TimelineEntry = { seq: ++this.seq, at: this.now().toISOString(), kind, text, ...extra };
    if (this.entries.length < TIMELINE_LIMIT) this.entries.push(entry);
    this.send({ timeline: entry });
  }

  private emitState(): void {
    this.send({ state: this.status() });
  }

  private send(update: RunnerUpdate): void {
    for (const l of [...this.listeners]) {
      try {
        l(update);
      } catch {
        // A listener must not break the runner.
      }
    }
  }
}

function ipSourceText(source: PhoneIpSource): string {
  switch (source) {
    case 'entered':
      return 'entered';
    case 'learned-from-mac':
      return 'learned from its first request naming its MAC';
    case 'dhcp':
      return 'leased by the bench DHCP';
    case 'demo':
      return 'virtual phone';
    default:
      return assertNever(source, 'IP source');
  }
}

function isHint(h: Hint | undefined): h is Hint {
  return h !== undefined;
}
