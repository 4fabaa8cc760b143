import { promises as fs } from 'node:fs';
import type { AppStatus, ServiceStatus } from '../../shared/api/app';
import {
  isRequestName,
  requests,
  type EventName,
  type Events,
  type RequestName,
  type ResponseOf,
} from '../../shared/api/contract';
import { err, ok, PhonebenchError, type Result } from '../../shared/api/result';
import { msg } from '../../shared/i18n/message';
import { createAppDomain } from './app-domain';
import { attachEngineLog, EngineLog, engineLogFile } from './engine-log';
import { sweepDataDir } from './startup-sweep';
import type { Domain, EngineContext } from './context';
import { EventBus } from './event-bus';
import { createFirmwareDomain, engineLibrary } from './firmware/firmware-domain';
import { createHistoryDomain } from './history/history-domain';
import { createMigrateDomain } from './migration/migrate-domain';
import { createPlanDomain } from './migration/plan-domain';
import { createSerialDomain } from './serial/serial-domain';
import { SettingsStore } from './settings-store';
import { createSimDomain } from './phone-sim/sim-domain';
import { createSyslogDomain } from './syslog/syslog-domain';
import { createTftpDomain } from './tftp/tftp-domain';
import { appVersion } from './version';
import { paramProblem } from './param-problem';

export interface EngineOptions {
  dataDir: string;
  host: AppStatus['host'];
  /** Whose uncaught exceptions and unhandled rejections the engine log records (default: this process). */
  process?: ProcessFailures;
}

/** The part of `process` the engine watches; Node's own handling (print, exit) stays as it is. */
export interface ProcessFailures {
  on(event: 'uncaughtExceptionMonitor', listener: (error: Error, origin: string) => void): unknown;
  off(event: 'uncaughtExceptionMonitor', listener: (error: Error, origin: string) => void): unknown;
}

type AnyHandler = (params: unknown) => unknown;

/** The composition root: builds every domain and answers the contract. Hosts only carry messages. */
export class Engine {
  private readonly handlers = new Map<RequestName, AnyHandler>();
  private domains: Domain<never>[] = [];
  private closed = false;
  private closing: Promise<void> | undefined;
  private unwatchProcess: () => void = () => undefined;

  private constructor(
    readonly ctx: EngineContext,
    private readonly services: Map<string, ServiceStatus>,
    readonly log: EngineLog,
    private readonly detachLog: () => void,
  ) {}

  static async create(options: EngineOptions): Promise<Engine> {
    await fs.mkdir(options.dataDir, { recursive: true });
    const settings = await SettingsStore.load(options.dataDir);
    const events = new EventBus<Events>();
    const services = new Map<string, ServiceStatus>();
    // Errors the engine keeps going through land in logs/engine.jsonl, never nowhere; one log per engine.
    const log = new EngineLog(engineLogFile(options.dataDir));
    const ctx: EngineContext = {
      log,
      dataDir: options.dataDir,
      host: options.host,
      settings,
      events,
      reportService(status) {
        services.set(status.name, status);
        events.emit('service:state', status);
      },
    };

    const engine = new Engine(ctx, services, log, attachEngineLog(log));
    engine.unwatchProcess = watchProcessFailures(options.process ?? process, log);
    // Leftovers of a crash (never-imported uploads, temporary files of atomic writes); the library sweeps its own.
    void sweepDataDir(options.dataDir).catch((error: unknown) => log.swallowed('engine', 'sweep leftovers of a crash', error));
    // The serial domain's service lets the migration demo open its virtual phone's console as a session.
    // The TFTP page's service lets a migration name it when it holds the port the migration wants.
    // One firmware library for the whole engine: the migration reads the bundles the Firmware page imports.
    const library = engineLibrary(ctx);
    const serial = createSerialDomain(ctx);
    const tftp = createTftpDomain(ctx);
    // The day's record: the migration tells it when a run ends.
    const history = createHistoryDomain(ctx);
    const domains = [
      createAppDomain(ctx, () => engine.status(), log),
      createFirmwareDomain(ctx, library),
      tftp,
      serial,
      createPlanDomain(ctx),
      createSimDomain(ctx),
      history,
      createSyslogDomain(ctx),
      createMigrateDomain(ctx, { library, serial: serial.service, tftpPage: tftp.service, history: history.service }),
    ];
    for (const domain of domains) engine.register(domain.handlers as Record<string, AnyHandler>);
    engine.domains = domains as unknown as Domain<never>[];
    return engine;
  }

  /** Answers one request. Never throws: every failure comes back as a Result. */
  async request<N extends RequestName>(name: N, rawParams: unknown): Promise<ResponseOf<N>>;
  async request(name: string, rawParams: unknown): Promise<Result<unknown>>;
  async request(name: string, rawParams: unknown): Promise<Result<unknown>> {
    if (this.closed) return err('not-running', msg('engine.shuttingDown'));
    if (!isRequestName(name)) return err('bad-request', msg('engine.unknownRequest', { name: String(name).slice(0, 64) }));
    const handler = this.handlers.get(name);
    if (!handler) return err('internal', msg('engine.noHandler', { name }));
    const parsed = requests[name].params.safeParse(rawParams ?? {});
    if (!parsed.success) return paramProblem(name, rawParams, parsed.error);
    try {
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof PhonebenchError) return { ok: false, error: error.toAppError() };
      const message = error instanceof Error ? error.message : String(error);
      // Unexpected: the caller gets `internal`, the engine log keeps the stack to find the cause.
      this.log.write({ level: 'error', area: 'engine', action: 'answer request', detail: stackOf(error), context: { request: name } });
      return err('internal', msg('engine.requestFailed', { name, detail: message }));
    }
  }

  /** Every engine event; returns the unsubscribe function. */
  listen(listener: <E extends EventName>(name: E, payload: Events[E]) => void): () => void {
    return this.ctx.events.listen(listener);
  }

  status(): AppStatus {
    const status: AppStatus = {
      version: appVersion(),
      host: this.ctx.host,
      platform: `${process.platform}-${process.arch}`,
      dataDir: this.ctx.dataDir,
      services: [...this.services.values()],
      logFile: this.log.file,
    };
    const notice = this.ctx.settings.notice;
    return notice === undefined ? status : { ...status, settingsNotice: notice };
  }

  /** Idempotent: releases every port, socket and file the domains hold; every caller waits for the same close. */
  close(): Promise<void> {
    this.closed = true;
    this.closing ??= Promise.allSettled([...this.domains].reverse().map((domain) => domain.close())).then(async () => {
      // What the domains logged while closing is written before the engine says it is closed.
      this.detachLog();
      this.unwatchProcess();
      await this.log.flush();
    });
    return this.closing;
  }

  private register(handlers: Record<string, AnyHandler>): void {
    for (const [name, handler] of Object.entries(handlers)) {
      if (!isRequestName(name)) throw new Error(`handler for unknown request ${name}`);
      this.handlers.set(name, handler);
    }
  }
}

/** An error's stack (its message first), bounded for one log line. */
function stackOf(error: unknown): string {
  return (error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)).slice(0, 4000);
}

/**
 * Every host (web, CLI, Electron) gets this through its engine: an uncaught exception or an unhandled rejection
 * is written to the engine log with its stack before Node reports it and ends the process as it always does.
 */
function watchProcessFailures(target: ProcessFailures, log: EngineLog): () => void {
  const listener = (error: Error, origin: string) => {
    log.writeNow({ level: 'error', area: 'process', action: origin === 'unhandledRejection' ? 'unhandled rejection' : 'uncaught exception', detail: stackOf(error) });
  };
  target.on('uncaughtExceptionMonitor', listener);
  return () => {
    target.off('uncaughtExceptionMonitor', listener);
  };
}
