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
import { msg, type Message } from '../../../shared/i18n/message';
import type { TftpEvent } from '../../../shared/api/tftp';
import { OS79XX_TXT } from '../../../shared/cisco/phone-files';
import { hintById, matchHints, type Hint } from '../../../shared/cisco/hints';
import { maskSecrets } from '../../../shared/cisco/config/mask-secrets';
import type { DhcpEvent } from '../dhcp/bench-dhcp-server';
import { VirtualFiles, type FileSource, type ResolvedFile } from '../tftp/file-source';
import { PathRefusedError } from '../tftp/path-guard';
import { BundleSource, sha256Text } from './bundle-source';
import { CaseMatchWarnings } from './case-match';
import { ConsoleCapture, maskConsoleText, planSecrets } from './console-capture';
import { FileProgressBook } from './file-progress';
import { HopCompletion } from './hop-completion';
import { inferFromRequests } from './listen-inference';
import { PhoneGate, type AllowlistTarget } from './phone-gate';
import { RefusedLog, type RefusedRecord } from './refused-log';
import { sameTftpName, type RunnerPlan } from './runner-plan';
import { Timeline } from './timeline';
import { consoleAttachedText, inferenceText, ipSourceText } from './timeline-texts';
import { Emitter, type Event } from '../kit/event';
import { discardLog, type SwallowLog } from '../kit/log';
import { missingImageStall, refusedOwnStall, wrongAddressStall, type Stall } from './stall-check';
import { refusalMessage } from '../tftp/log-message';

/** What the runner is told at start; the fields it reports back keep their status names and types. */
export interface RunnerOptions
  extends Pick<MigrationStatus, 'id' | 'mac' | 'model' | 'from' | 'to' | 'bundleId' | 'bind' | 'phoneIp' | 'phoneIpSource' | 'borrowed' | 'incompleteBundle'> {
  /** null: listen first (the current firmware is unknown). */
  plan: RunnerPlan | null;
  bundle: BundleSource;
  /** sha256 of each bundle file, by name, for the report. */
  bundleHashes: Map<string, string>;
  demo?: boolean;
  /** The last hop done waits for finish() from outside (the virtual phone settling) instead of succeeding. */
  confirmSuccess?: boolean;
  now?: () => Date;
  /** Minimum gap between progress-only state updates. */
  progressEveryMs?: number;
  /** Where a throwing update listener is written (the engine's log). */
  log?: SwallowLog;
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

export interface RunnerUpdate {
  timeline?: TimelineEntry;
  state?: MigrationStatus;
}

/**
 * One phone's migration. Fed TFTP events, DHCP events and console text; decides what the phone may be served
 * (through `source`), which hop it is on, and when it is done. Holds no sockets: the domain wires those.
 *
 * The parts: `gate` (phone-gate.ts) admits only this phone and learns its address; `completion`
 * (hop-completion.ts) tells when a hop's new image runs; `files` (file-progress.ts), `log` (timeline.ts),
 * `refused` (refused-log.ts) and `consoleCapture` (console-capture.ts) keep what the status and the report show.
 */
export class MigrationRunner {
  /** The one source the TFTP server consults: everything this phone may get, and nothing for anyone else. */
  readonly source: FileSource;
  private readonly virtual = new VirtualFiles();
  private readonly updates: Emitter<RunnerUpdate>;
  /** Timeline entries and state changes, as they happen. */
  readonly onUpdate: Event<RunnerUpdate>;
  private readonly now: () => Date;
  private readonly gate: PhoneGate;
  private readonly log: Timeline;
  private readonly files: FileProgressBook;
  private readonly refused: RefusedLog;
  private readonly completion = new HopCompletion();
  private readonly caseMatches = new CaseMatchWarnings();
  private readonly consoleCapture = new ConsoleCapture();
  private secrets: string[] | undefined;
  private readonly served: ServedRecord[] = [];
  private readonly configHashes = new Map<string, string>();
  private readonly listenRequests: string[] = [];
  /** What the phone asked for, in order (the first few hundred): tells a last-resort image request. */
  private readonly asked: string[] = [];
  /** The phone's own refused requests already said (file and reason), after it was known. */
  private readonly ownRefused = new Set<string>();
  private readonly warnings: Message[] = [];
  private readonly startedAt: string;
  private stateValue: MigrationState;
  private hop = 0;
  private inference: ListenInference | undefined;
  private message: Message | undefined;
  private fix: Message | undefined;
  private endedAt: string | undefined;
  private demoConsole: MigrationConsole | undefined;

  constructor(private readonly o: RunnerOptions) {
    this.now = o.now ?? (() => new Date());
    this.updates = new Emitter<RunnerUpdate>({ log: o.log ?? discardLog, name: 'migrate.update' });
    this.onUpdate = this.updates.event;
    this.startedAt = this.now().toISOString();
    this.gate = new PhoneGate(o.mac, o.phoneIp, o.phoneIpSource);
    this.log = new Timeline(this.now, (entry) => this.send({ timeline: entry }));
    this.files = new FileProgressBook(this.now, o.progressEveryMs ?? 200);
    this.refused = new RefusedLog(this.now);
    this.stateValue = o.plan === null ? 'listening' : 'waiting-for-phone';
    if (o.plan) this.warnings.push(...o.plan.warnings);
    this.source = { resolve: (name, client) => this.resolve(name, client) };
    if (o.plan) this.installHop(0);
  }

  get state(): MigrationState {
    return this.stateValue;
  }

  get ip(): string | undefined {
    return this.gate.ip;
  }

  /** Called once the TFTP server is listening: locks it to the phone when its IP is known. */
  attach(target: AllowlistTarget): void {
    this.gate.attach(target);
    this.log.add('info', msg('migrate.t.serving', { address: this.o.bind.address, port: this.o.bind.port, mac: this.o.mac }), { code: 'serving' });
    if (this.o.plan === null) {
      this.log.add('info', msg('migrate.t.listenFirst'), {
        code: 'listen-first',
      });
    }
    if (!this.gate.ip) {
      this.log.add('warning', msg('migrate.t.ipUnknown', { mac: this.o.mac }), { code: 'ip-unknown' });
    }
  }

  /** The address and port actually bound (port 0 picks one). */
  rebind(bind: { address: string; port: number }): void {
    this.o.bind = bind;
  }

  /** The phone IP, entered by the technician or handed out by the bench DHCP. */
  learnIp(ip: string, source: PhoneIpSource): void {
    if (!this.gate.learn(ip, source)) return;
    if (!this.isFinal()) this.installConfigs();
    this.log.add('info', msg('migrate.t.ipLearned', { mac: this.o.mac, ip, source: ipSourceText(source) }), {
      code: 'ip-learned',
      client: ip,
    });
    this.ownRefusals(ip);
    // The server reports a request before it asks the sources, so the request that taught us the address
    // arrived while it was still unknown.
    for (const e of this.gate.takeHeldFor(ip)) this.onTftpEvent(e);
    this.emitState();
  }

  // ---- what the phone may get ----

  private async resolve(requestedName: string, client: string): Promise<ResolvedFile | undefined> {
    // After success the phone still boots on these files (its new config); after a stop or failure, nothing.
    if (this.stateValue === 'stopped' || this.stateValue === 'failed') throw new PathRefusedError(requestedName, 'the migration has ended');
    const verdict = this.gate.judge(client, requestedName);
    switch (verdict.kind) {
      case 'admit':
        break;
      case 'learn':
        this.learnIp(client, 'learned-from-mac');
        // Learning it may have shown the phone cannot go on (its OS79XX.TXT refused): serve it nothing more.
        if (this.isFinal()) throw new PathRefusedError(requestedName, 'the migration has ended');
        break;
      case 'refuse':
        this.refuse(client, requestedName, verdict.reason, verdict.said);
        throw new PathRefusedError(requestedName, 'not the phone being migrated');
      default:
        assertNever(verdict, 'gate verdict');
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

  private refuse(client: string, file: string, reason: string, said: Message | string = reason): void {
    if (client === this.gate.ip) {
      // The phone's own request (after the run ended): never listed among other machines' refusals.
      const key = `${file}\n${reason}`;
      if (this.ownRefused.has(key)) return;
      this.ownRefused.add(key);
      this.log.add('refused', msg('migrate.t.ownRefusedAfter', { file, reason: said }), { code: 'refused-own', client, file });
      return;
    }
    if (!this.refused.tftp(client, file, reason, typeof said === 'string' ? undefined : said)) return;
    const os79 = file.replace(/^(\.\/)+/, '').toUpperCase() === OS79XX_TXT.toUpperCase() && this.gate.ip === undefined;
    this.log.add('refused', msg(os79 ? 'migrate.t.refusedOs79xx' : 'migrate.t.refused', { client, file, reason: said }), {
      code: os79 ? 'refused-os79xx' : 'refused',
      client,
      file,
    });
  }

  private checkHopDone(requestedName: string): void {
    const plan = this.o.plan;
    const hop = plan?.hops[this.hop];
    if (!plan || !hop || !this.completion.observe(hop, requestedName)) return;
    this.log.add('hop-done', msg('migrate.t.hopDone', { hop: this.hop + 1, of: plan.hops.length, file: requestedName }), {
      code: 'hop-done',
      hop: this.hop,
      file: requestedName,
    });
    if (this.hop + 1 < plan.hops.length) {
      this.installHop(this.hop + 1);
    } else if (this.o.confirmSuccess) {
      this.emitState();
    } else {
      this.finish('succeeded', msg('migrate.phoneRuns', { firmware: this.o.to }));
    }
  }

  private installHop(index: number): void {
    const hop = this.o.plan?.hops[index];
    if (!hop) return;
    this.hop = index;
    this.completion.reset();
    this.installConfigs();
    for (const config of hop.configs) {
      this.configHashes.set(config.name, sha256Text(config.content));
      this.files.track(config.name, index);
    }
    for (const name of hop.requiredFiles) this.files.track(name, index);
    if (index > 0) {
      this.log.add('info', msg('migrate.t.hopStart', { hop: index + 1, title: hop.title }), { code: 'hop-start', hop: index });
    }
    for (const w of hop.warnings) this.log.add('warning', w, { hop: index });
    this.emitState();
  }

  /** The hop's configs in memory: for the phone's address once known; the gate keeps everyone else out before. */
  private installConfigs(): void {
    const hop = this.o.plan?.hops[this.hop];
    if (!hop) return;
    this.virtual.clear();
    const forClient = this.gate.ip ? { forClient: this.gate.ip } : {};
    for (const config of hop.configs) this.virtual.set(config.name, config.content, forClient);
  }

  private listened(requestedName: string): void {
    this.listenRequests.push(requestedName);
    if (this.inference) return;
    const inference = inferFromRequests(this.listenRequests);
    if (!inference) return;
    this.inference = inference;
    this.log.add('inferred', inferenceText(inference), { code: 'inferred' });
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
        if (this.gate.takeOwnRefusal(e.client.address, e.filename)) return;
        if (e.reason === 'not-target-phone') {
          this.refuse(e.client.address, e.filename, 'another address', msg('migrate.refusedReason.otherAddress'));
          this.stall(wrongAddressStall(e.filename, e.client.address, this.o.mac, this.gate.ip));
        }
        else this.refuse(e.client.address, e.filename, e.detail, refusalMessage(e.reason, e.detail));
        return;
      }
      default:
        break;
    }
    if (this.gate.ip === undefined && e.type === 'request') {
      this.gate.hold(e);
      return;
    }
    if (e.client.address !== this.gate.ip) return;
    switch (e.type) {
      case 'request': {
        if (this.stateValue === 'waiting-for-phone') this.setState('running');
        if (this.asked.length < ASKED_LIMIT) this.asked.push(e.filename);
        const step = this.stepOf(e.filename);
        this.log.add('request', msg(step === 'unexpected' ? 'migrate.t.requestUnexpected' : 'migrate.t.request', { file: e.filename }), {
          code: 'request',
          file: e.filename,
          client: e.client.address,
          hop: this.hop,
          step,
        });
        return;
      }
      case 'negotiated': {
        this.progress(e.served, { state: 'sending', bytes: 0, total: e.size });
        const caseWarning = this.caseMatches.note(e.filename, e.served, e.match);
        if (caseWarning !== undefined) this.log.add('warning', caseWarning, { code: 'case-insensitive-match', file: e.served, hop: this.hop });
        return;
      }
      case 'progress': {
        const name = this.files.nameOf(e.filename, this.hop);
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
        this.log.add('served', msg('migrate.t.served', { file: e.served, client: e.client.address, bytes: e.bytes, seconds: (e.durationMs / 1000).toFixed(2) }), {
          code: 'served',
          file: e.served,
          client: e.client.address,
          hop: this.hop,
        });
        return;
      }
      case 'failed': {
        const name = this.files.nameOf(e.filename, this.hop);
        if (e.tftpCode === 1) {
          this.progress(name, { state: 'not-found', bytes: 0 }, false, true);
          const expectedMissing = this.stepOf(e.filename) === 'expected';
          // An image nobody has is where the phone stops: never "normal".
          // The virtual phone of a demo settles by itself and says why; a real phone says nothing more.
          const stall = expectedMissing || this.isFinal() || this.o.confirmSuccess ? undefined : missingImageStall(e.filename, this.o.from, this.asked);
          this.log.add('not-found', msg(expectedMissing || stall ? 'migrate.t.notFound' : 'migrate.t.notFoundNormal', { file: e.filename }), {
            code: 'not-found',
            file: e.filename,
            client: e.client.address,
            hop: this.hop,
          });
          this.stall(stall);
          return;
        }
        this.progress(name, { state: 'failed', bytes: e.bytes });
        this.log.add('failed', msg('migrate.t.failed', { file: e.filename, reason: e.reason }), {
          code: 'failed',
          file: e.filename,
          client: e.client.address,
          hop: this.hop,
        });
        const hints = matchHints(e.reason);
        this.log.hints(hints.length ? hints : [hintById(/timeout|timed out/i.test(e.reason) ? 'tftp-timeout' : 'tftp-error')].filter(isHint));
        return;
      }
      default:
        assertNever(e, 'TFTP event');
    }
  }

  onDhcpEvent(e: DhcpEvent): void {
    switch (e.kind) {
      case 'offered':
        this.log.add(
          'dhcp',
          e.vendorClass ? msg('migrate.t.dhcpOfferedVendor', { ip: e.ip, mac: e.mac, vendor: e.vendorClass }) : msg('migrate.t.dhcpOffered', { ip: e.ip, mac: e.mac }),
          { code: 'dhcp-offered' },
        );
        return;
      case 'acked':
        this.log.add('dhcp', msg('migrate.t.dhcpAcked', { ip: e.ip, mac: e.mac }), { code: 'dhcp-acked' });
        this.learnIp(e.ip, 'dhcp');
        return;
      case 'nak':
        this.log.add('dhcp', msg('migrate.t.dhcpNak', { mac: e.mac, reason: e.reason }), { code: 'dhcp-nak' });
        return;
      case 'released':
      case 'declined':
        this.log.add('dhcp', msg(e.kind === 'released' ? 'migrate.t.dhcpReleased' : 'migrate.t.dhcpDeclined', { ip: e.ip }), { code: `dhcp-${e.kind}` });
        return;
      case 'chose-other-server':
        this.warn(msg('migrate.warn.otherDhcp', { server: e.serverId }));
        return;
      case 'ignored':
        if (!this.refused.dhcp(e.mac, e.messageType)) return;
        this.log.add('refused', msg('migrate.t.dhcpIgnored', { type: e.messageType, mac: e.mac, target: this.o.mac }), { code: 'dhcp-ignored', client: e.mac });
        return;
      case 'malformed':
        return;
      default:
        assertNever(e, 'DHCP event');
    }
  }

  /** Text from the phone's serial console: kept (secrets masked) and matched against the hint catalogue. */
  onConsoleText(text: string): void {
    const found = this.consoleCapture.push(text);
    for (const m of found) {
      this.log.add('console', msg('migrate.t.console', { text: this.mask(m.excerpt) }), { code: 'console-match', hintId: m.hint.id });
    }
    this.log.hints(found.map((m) => m.hint));
  }

  warn(message: Message): void {
    if (this.warnings.some((w) => sameMessage(w, message))) return;
    this.warnings.push(message);
    this.log.add('warning', message, { code: 'warning' });
    this.emitState();
  }

  /** Says which console the demo's virtual phone got, in the status and the timeline. */
  consoleAttached(info: MigrationConsole): void {
    this.demoConsole = { ...info };
    const name = info.label ?? info.path ?? '';
    this.log.add(info.kind === 'none' ? 'warning' : 'info', consoleAttachedText(info, name), { code: `demo-console-${info.kind}` });
    this.emitState();
  }

  /** The outcome from outside (a virtual phone settling, the technician stopping, a server failing). */
  finish(state: 'succeeded' | 'failed' | 'stopped', message: Message, fix?: Message, code = `finished-${state}`): void {
    if (this.isFinal()) return;
    this.message = message;
    this.fix = fix;
    this.endedAt = this.now().toISOString();
    this.setState(state, false);
    const kind: TimelineKind = state === 'succeeded' ? 'success' : state === 'failed' ? 'failed' : 'info';
    this.log.add(kind, message, { code, ...(fix ? { fix } : {}) });
    if (state !== 'succeeded') this.virtual.clear();
    this.emitState();
  }

  isFinal(): boolean {
    return this.stateValue === 'succeeded' || this.stateValue === 'failed' || this.stateValue === 'stopped';
  }

  /** The phone's requests refused before its address was known are its own: said so, and checked for a stall. */
  private ownRefusals(ip: string): void {
    const own = this.refused.takeClient(ip);
    for (const r of own) {
      this.log.add('refused', msg('migrate.t.ownRefused', { file: r.file, reason: r.reason, client: ip }), { code: 'refused-own', client: ip, file: r.file });
    }
    if (!this.isFinal()) this.stall(refusedOwnStall(own, this.o.plan?.hops[this.hop], ip));
  }

  /** A state the phone cannot leave by itself ends the run as failed, with its fix. */
  private stall(stall: Stall | undefined): void {
    if (!stall || this.isFinal()) return;
    this.finish('failed', stall.message, stall.fix, stall.code);
  }

  // ---- reading ----

  status(): MigrationStatus {
    const hops: HopStatus[] = (this.o.plan?.hops ?? []).map((h, index) => ({
      index,
      title: h.title,
      state: this.hopIsDone(index) ? 'done' : index === this.hop && !this.isFinal() ? 'active' : 'pending',
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
      files: this.files.list(),
      warnings: [...this.warnings],
      startedAt: this.startedAt,
      demo: this.o.demo ?? false,
    };
    if (this.gate.ip) s.phoneIp = this.gate.ip;
    if (this.gate.source) s.phoneIpSource = this.gate.source;
    if (this.inference) s.inference = this.inference;
    if (this.message) s.message = this.message;
    if (this.fix) s.fix = this.fix;
    if (this.endedAt) s.endedAt = this.endedAt;
    if (this.demoConsole) s.console = { ...this.demoConsole };
    if (this.o.borrowed && this.o.borrowed.length > 0) s.borrowed = this.o.borrowed.map((b) => ({ ...b }));
    if (this.o.incompleteBundle) s.incompleteBundle = true;
    return s;
  }

  timeline(): TimelineEntry[] {
    return this.log.list();
  }

  servedRecords(): ServedRecord[] {
    return [...this.served];
  }

  refusedRecords(): RefusedRecord[] {
    return this.refused.list();
  }

  consoleLog(): string {
    return this.mask(this.consoleCapture.raw());
  }

  /** Masks secrets in console text: password-like values, and every secret value the plan's configs carry. */
  mask(text: string): string {
    this.secrets ??= planSecrets(this.o.plan);
    return maskConsoleText(text, this.secrets);
  }

  configsServed(): { name: string; content: string }[] {
    return (this.o.plan?.hops ?? []).flatMap((h) => h.configs.map((c) => ({ name: c.name, content: maskSecrets(c.content) })));
  }

  // ---- internals ----

  /** Hops finish in order: every earlier hop is done, and the current one once its new image runs. */
  private hopIsDone(index: number): boolean {
    return index < this.hop || (index === this.hop && this.completion.done);
  }

  private stepOf(requestedName: string): 'expected' | 'unexpected' {
    const hops = this.o.plan?.hops ?? [];
    const inHop = (i: number) =>
      [...(hops[i]?.expectedRequests ?? []), ...(hops[i]?.doneWhen ?? [])].some((n) => sameTftpName(n, requestedName));
    return inHop(this.hop) || inHop(this.hop - 1) ? 'expected' : 'unexpected';
  }

  private progress(name: string, patch: Partial<FileProgress>, progressOnly = false, onlyIfTracked = false): void {
    if (this.files.update(name, this.hop, patch, progressOnly, onlyIfTracked)) this.emitState();
  }

  private setState(state: MigrationState, emit = true): void {
    if (this.stateValue === state) return;
    this.stateValue = state;
    if (emit) this.emitState();
  }

  private emitState(): void {
    this.send({ state: this.status() });
  }

  private send(update: RunnerUpdate): void {
    // A listener must not break the runner: the emitter isolates and logs each.
    this.updates.fire(update);
  }
}

const ASKED_LIMIT = 512;

function sameMessage(a: Message, b: Message): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isHint(h: Hint | undefined): h is Hint {
  return h !== undefined;
}
