import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { MigrateStartParams, MigrationConsole, MigrationStatus } from '../../../shared/api/migrate';
import { PhonebenchError } from '../../../shared/api/result';
import type { ServiceStatus } from '../../../shared/api/app';
import type { SimOutcome } from '../../../shared/api/sim';
import { formatFirmware, parseFirmwareLabel, type FirmwareVersion } from '../../../shared/cisco/firmware-version';
import { msg, type Message } from '../../../shared/i18n/message';
import { writeFileAtomic } from '../atomic-write';
import type { EngineContext } from '../context';
import { BenchDhcpServer } from '../dhcp/bench-dhcp-server';
import { DisposableStore, toDisposable } from '../kit/lifecycle';
import type { HistoryService } from '../history/history-service';
import type { SerialService } from '../serial/serial-domain';
import { refuseDemoImages } from '../tftp/demo-guard';
import { TftpServer } from '../tftp/server';
import type { TftpService } from '../tftp/tftp-service';
import { appVersion } from '../version';
import { BundleSource } from './bundle-source';
import { openDemoConsole, type DemoConsole, type DemoConsoleMode } from './demo-console';
import { startDemoPhone, type DemoPhoneOptions } from './demo-phone';
import type { PreparedMigration } from './migrate-prep';
import { collectReport, renderReport } from './report';
import { MigrationRunner } from './runner';

/** What a run needs from the engine besides its context. */
export interface RunDeps {
  ctx: Pick<EngineContext, 'dataDir' | 'settings' | 'events' | 'log'>;
  /** The serial domain's service: console text in process, the demo phone's console session. */
  serial: SerialService | undefined;
  demoConsole: DemoConsoleMode;
  demoFlashWriteMs: number;
  /** The TFTP page's server, to name it when it holds the port a migration wants. */
  tftpPage: Pick<TftpService, 'status'> | undefined;
  /** The day's record: told once when the run ends, after its report is saved. */
  history: Pick<HistoryService, 'recordRun'> | undefined;
  /** The migrate service's line in app:status. */
  report(detail: Message, state: ServiceStatus['state']): void;
}

/**
 * One phone's migration with everything it opens: the TFTP server, bench DHCP, the console subscription, the
 * demo console and virtual phone, the report write. All of it sits in one store: `dispose` releases it, in
 * reverse order, whatever stage the run reached (a stop during `open` included).
 */
export class MigrationRun {
  readonly runner: MigrationRunner;
  private readonly store: DisposableStore;
  private readonly demo: boolean;
  private readonly bind: { address: string; port: number };
  private readonly phoneIp: string | undefined;

  constructor(
    private readonly deps: RunDeps,
    private readonly prepared: PreparedMigration,
    private readonly params: MigrateStartParams,
  ) {
    const { ctx } = deps;
    this.store = new DisposableStore(ctx.log, 'migrate');
    this.demo = params.demo;
    // The demo rule: a virtual phone lives on loopback, and port 69 is never asked of it (0 picks a free one).
    this.bind = { address: params.demo ? '127.0.0.1' : params.bindAddress, port: params.demo && params.port === 69 ? 0 : params.port };
    const { mac, to, from, files, runnerPlan, borrowed, incompleteBundle } = prepared;
    const phoneIp = params.demo ? '127.0.0.1' : params.phoneIp;
    this.phoneIp = phoneIp;
    this.runner = new MigrationRunner({
      id: `m${randomBytes(5).toString('hex')}`,
      mac,
      model: params.model,
      from: from ? formatFirmware(from) : 'unknown (listen first)',
      to: formatFirmware(to),
      bundleId: params.bundleId,
      bind: this.bind,
      plan: runnerPlan,
      bundle: new BundleSource([...files.byName.values()].map((f) => ({ name: f.name, path: f.path }))),
      bundleHashes: new Map([...files.byName.values()].map((f) => [f.name, f.sha256] as const)),
      ...(phoneIp ? { phoneIp, phoneIpSource: params.demo ? ('demo' as const) : ('entered' as const) } : {}),
      demo: params.demo,
      ...(borrowed.length > 0 ? { borrowed } : {}),
      ...(incompleteBundle ? { incompleteBundle } : {}),
      // The virtual phone's own outcome decides a demo; a real phone's requests decide a real run.
      confirmSuccess: params.demo,
      log: ctx.log,
    });
    this.store.add(
      this.runner.onUpdate(
        this.live((u) => {
          if (u.timeline) ctx.events.emit('migrate:timeline', u.timeline);
          if (u.state) ctx.events.emit('migrate:state', u.state);
        }),
      ),
    );
  }

  /** A listener that goes quiet once disposal starts: a closing server's last events reach no one. */
  private live<T>(listener: (value: T) => void): (value: T) => void {
    return (value) => {
      if (!this.store.isDisposed) listener(value);
    };
  }

  get isDisposed(): boolean {
    return this.store.isDisposed;
  }

  /** Opens the run's servers and, for a demo, its phone. A failure releases what opened and throws. */
  async open(): Promise<MigrationStatus> {
    try {
      const tftp = await this.openTftp();
      if (this.store.isDisposed) return this.runner.status();
      await this.openDhcp();
      if (this.store.isDisposed) return this.runner.status();
      this.followConsole();
      this.runner.attach(tftp);
      if (this.prepared.demoBundle) this.runner.warn(msg('demo.t.serving', { name: this.prepared.files.bundleName }));
      this.saveReportAtTheEnd();
      const bound = tftp.address();
      this.deps.report(msg('service.migrate.running', { mac: this.prepared.mac, address: bound.address, port: bound.port }), 'running');
      if (this.demo && this.prepared.from) await this.startDemo(this.prepared.from, bound);
      return this.runner.status();
    } catch (error) {
      await this.dispose();
      throw error;
    }
  }

  /** Ends the run as stopped by the technician and releases everything it holds. */
  async stop(): Promise<MigrationStatus> {
    this.runner.finish('stopped', msg('migrate.stoppedByUser'));
    await this.dispose();
    return this.runner.status();
  }

  dispose(): Promise<void> {
    return this.store.dispose();
  }

  private async openTftp(): Promise<TftpServer> {
    const settings = this.deps.ctx.settings.get().tftp;
    const tftp = await TftpServer.start({
      address: this.bind.address,
      port: this.bind.port,
      // A real phone's run never serves an image of the demo library, wherever it comes from.
      sources: [this.demo ? this.runner.source : refuseDemoImages(this.runner.source)],
      allow: this.phoneIp ? [this.phoneIp] : null,
      maxBlksize: settings.maxBlksize,
      maxWindowsize: settings.maxWindowsize,
      timeoutMs: settings.timeoutSeconds * 1000,
      retries: settings.retries,
      rolloverTo: settings.rolloverTo,
      maxTransfers: settings.maxTransfers,
      maxTransfersPerClient: settings.maxTransfersPerClient,
    }).catch((error: unknown) => {
      throw explainPortHolder(error, this.deps.tftpPage, this.bind.port);
    });
    const bound = tftp.address();
    this.store.defer(() => tftp.close());
    if (this.store.isDisposed) return tftp;
    this.runner.rebind(bound);
    const onTftp = this.live((e: Parameters<MigrationRunner['onTftpEvent']>[0]) => this.runner.onTftpEvent(e));
    tftp.on('event', onTftp);
    this.store.defer(() => {
      tftp.off('event', onTftp);
    });
    return tftp;
  }

  private async openDhcp(): Promise<void> {
    const dhcpParams = this.params.dhcp;
    if (!dhcpParams || this.demo) return;
    let dhcp: BenchDhcpServer;
    try {
      dhcp = await BenchDhcpServer.start({
        mac: this.prepared.mac,
        offerIp: dhcpParams.offerIp,
        serverIp: this.bind.address,
        mask: dhcpParams.mask,
        ...(dhcpParams.router ? { router: dhcpParams.router } : {}),
        leaseSeconds: dhcpParams.leaseSeconds,
        port: dhcpParams.port,
      });
    } catch (error) {
      if (error instanceof PhonebenchError && error.code === 'port-in-use') {
        throw new PhonebenchError(error.code, msg('migrate.dhcpAlsoLive', { message: error.detail }), error.fix);
      }
      throw error;
    }
    this.store.defer(() => dhcp.close());
    this.store.add(toDisposable(dhcp.onEvent(this.live((e) => this.runner.onDhcpEvent(e)))));
  }

  /** The technician's console session feeds the runner's hints in process, as bytes (no base64 round trip). */
  private followConsole(): void {
    const sessionId = this.params.consoleSessionId;
    if (!sessionId || !this.deps.serial) return;
    this.store.add(
      this.deps.serial.onData(
        this.live((d) => {
          if (d.sessionId === sessionId) this.runner.onConsoleText(d.bytes.toString('latin1'));
        }),
      ),
    );
  }

  /** When the run ends, its report is written once; disposing waits for the write, so none is left half-done. */
  private saveReportAtTheEnd(): void {
    let saved = false;
    this.store.add(
      this.runner.onUpdate((u) => {
        if (!u.state || !this.runner.isFinal() || saved) return;
        saved = true;
        this.deps.report(msg('service.migrate.ended', { state: u.state.state, mac: u.state.mac }), u.state.state === 'failed' ? 'failed' : 'stopped');
        const saving = this.saveReport().catch((error: unknown) => this.deps.ctx.log.swallowed('migrate', 'record the run', error));
        // Added last, released first: the store waits for the write before it closes anything else.
        this.store.add(toDisposable(() => saving));
      }),
    );
  }

  private async saveReport(): Promise<void> {
    const r = renderReport(collectReport(this.runner, appVersion()), 'json');
    // The migration's outcome does not depend on its report being saved; a failure is logged, not lost.
    const saved = await writeFileAtomic(path.join(this.deps.ctx.dataDir, 'reports', r.fileName), r.content).then(
      () => true,
      (error: unknown) => this.deps.ctx.log.swallowed('migrate', 'save report', error, { file: r.fileName, migration: this.runner.status().id }),
    );
    await this.deps.history?.recordRun(this.runner.status(), saved ? r.fileName : undefined);
  }

  private async startDemo(from: FirmwareVersion, bound: { address: string; port: number }): Promise<void> {
    const to = formatFirmware(this.prepared.to);
    const demo: DemoPhoneOptions = {
      mac: this.prepared.mac,
      model: this.params.model,
      firmware: from,
      host: bound.address,
      port: bound.port,
      flashWriteMs: this.deps.demoFlashWriteMs,
      onEvent: (text: string) => this.runner.onConsoleText(`${text}\r\n`),
      onSettled: (outcome) => this.settle(outcome, to),
    };
    const demoConsole = await this.openDemoConsole();
    if (this.store.isDisposed) return;
    try {
      const phone = await startDemoPhone(demoConsole ? { ...demo, console: demoConsole.phoneEnd } : demo);
      // The phone's end of the console closes before the technician's session (added after, released before).
      this.store.defer(() => phone.stop());
    } catch (error) {
      if (!demoConsole) throw error;
      // A console that cannot be opened on the phone's side must not cost the demo: run it without.
      await demoConsole.close();
      this.runner.consoleAttached({ kind: 'none', detail: `the phone's end did not open: ${messageOf(error)}` });
      if (this.store.isDisposed) return;
      const phone = await startDemoPhone(demo);
      this.store.defer(() => phone.stop());
    }
  }

  /** The demo phone's console: a serial session the Console page shows, or none (said in the timeline). */
  private async openDemoConsole(): Promise<DemoConsole | undefined> {
    const serial = this.deps.serial;
    if (!serial) return undefined;
    try {
      const c = await openDemoConsole(serial, this.deps.ctx.dataDir, { mode: this.deps.demoConsole, log: this.deps.ctx.log });
      this.store.defer(() => c.close());
      const info: MigrationConsole = { kind: c.kind, sessionId: c.session.id, path: c.session.path };
      if (c.session.label !== undefined) info.label = c.session.label;
      if (c.fallback !== undefined) info.detail = c.fallback;
      this.runner.consoleAttached(info);
      return c;
    } catch (error) {
      this.runner.consoleAttached({ kind: 'none', detail: messageOf(error) });
      return undefined;
    }
  }

  /** The virtual phone's own outcome decides a demo. */
  private settle(outcome: SimOutcome, to: string): void {
    if (outcome.kind !== 'running') {
      this.runner.finish('failed', msg('migrate.virtualShows', { shown: outcome.message, detail: outcome.detail }), msg('migrate.virtualShows.fix'));
      return;
    }
    const reached = parseFirmwareLabel(outcome.firmware);
    if (reached && formatFirmware(reached) === to) {
      this.runner.finish('succeeded', msg('migrate.virtualRuns', { firmware: to }));
    } else {
      this.runner.finish('failed', msg('migrate.virtualSettled', { firmware: outcome.firmware, target: to }), msg('migrate.virtualSettled.fix'));
    }
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

/** A migration runs its own locked server: when the TFTP page's server holds the port, say so and how to free it. */
function explainPortHolder(error: unknown, tftpPage: RunDeps['tftpPage'], port: number): unknown {
  if (!(error instanceof PhonebenchError) || error.code !== 'port-in-use' || !tftpPage) return error;
  const page = tftpPage.status();
  if (page.state !== 'running' || page.port !== port) return error;
  return new PhonebenchError('port-in-use', msg('migrate.pageHoldsPort', { port, address: page.address ?? '', pagePort: page.port }), msg('migrate.pageHoldsPort.fix'));
}
