import { refusalFix } from '../../../shared/cisco/planner/rule-fix';
import { msg, type Message } from '../../../shared/i18n/message';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { BorrowedFile, MigrationConsole, MigratePreview, MigrateStartParams, MigrationStatus } from '../../../shared/api/migrate';
import type { migrateRequests } from '../../../shared/api/migrate';
import { PhonebenchError } from '../../../shared/api/result';
import type { SimOutcome } from '../../../shared/api/sim';
import { formatFirmware, parseFirmwareLabel, type FirmwareVersion } from '../../../shared/cisco/firmware-version';
import { parseImageName } from '../../../shared/cisco/image-name';
import { normalizeMac } from '../../../shared/cisco/phone-files';
import { planMigration } from '../../../shared/cisco/planner/plan-migration';
import type { Plan, PlanInput, PlanOutcome } from '../../../shared/cisco/planner/plan-types';
import { writeFileAtomic } from '../atomic-write';
import type { Domain, EngineContext } from '../context';
import { BenchDhcpServer } from '../dhcp/bench-dhcp-server';
import { DemoLibrary } from '../firmware/demo-library';
import { libraryRoot, summarize } from '../firmware/firmware-domain';
import { FirmwareLibrary } from '../firmware/library-store';
import { appVersion } from '../version';
import { TftpServer } from '../tftp/server';
import type { TftpService } from '../tftp/tftp-service';
import { BundleSource, type BundleFile } from './bundle-source';
import type { SerialService } from '../serial/serial-domain';
import { openDemoConsole, type DemoConsole, type DemoConsoleMode } from './demo-console';
import { startDemoPhone, type DemoPhone } from './demo-phone';
import { keypadSteps } from './keypad-steps';
import { listInterfaces } from './network-interfaces';
import { toRunnerPlan } from './plan-adapter';
import { PlanChoiceError } from './plan-choice-error';
import { collectReport, renderReport } from './report';
import { MigrationRunner } from './runner';
import { checkAddressForBoot } from './stall-check';
import { libraryFor, refuseDemoForRealPhone, type LibraryView } from './demo-bundles';
import { refuseDemoImages } from '../tftp/demo-guard';
import type { RunnerPlan } from './runner-plan';
import { logSwallowed } from '../engine-log';
import type { HistoryService } from '../history/history-service';

export interface MigrateDeps {
  library: Pick<FirmwareLibrary, 'list' | 'get' | 'filePath'>;
  /** Synthetic bundles for the virtual phone only (issue 19): built at first use in the data folder. */
  demoLibrary: DemoLibrary;
  plan: (input: PlanInput) => PlanOutcome;
  /** How long the virtual phone takes to write flash in demo mode. */
  demoFlashWriteMs: number;
  /** The serial domain's service: the demo's virtual phone gets a console session there. Without it, no console. */
  serial: SerialService;
  /** How the demo console is made; 'in-process' skips socat even where it is on PATH. */
  demoConsole: DemoConsoleMode;
  /** The TFTP page's server, to name it when it holds the port a migration wants. */
  tftpPage: Pick<TftpService, 'status'>;
  /** The day's record: told once when a run ends, after its report is saved. */
  history: Pick<HistoryService, 'recordRun'>;
}

interface Active {
  runner: MigrationRunner;
  tftp: TftpServer;
  dhcp?: BenchDhcpServer;
  demo?: DemoPhone;
  console?: DemoConsole;
  /** Set once release ran: whatever opens after that is closed by its opener. */
  released?: boolean;

  unsubscribe: (() => void)[];
}

/**
 * migrate:* — one phone at a time. Everything it opens (TFTP and DHCP sockets, the virtual phone) is closed by
 * stop and by close; configs live only in memory and firmware is served in place from the library.
 */
export function createMigrateDomain(ctx: EngineContext, deps: Partial<MigrateDeps> = {}): Domain<typeof migrateRequests> {
  const library = deps.library ?? new FirmwareLibrary(libraryRoot(ctx.dataDir));
  const demoLibrary = deps.demoLibrary ?? new DemoLibrary(ctx.dataDir);
  const plan = deps.plan ?? planMigration;
  let active: Active | undefined;
  let starting = false;

  const report = (detail: Message, state: 'running' | 'stopped' | 'failed' = 'running') =>
    ctx.reportService({ name: 'migrate', state, detail });
  report(msg('service.migrate.none'), 'stopped');

  async function release(a: Active): Promise<void> {
    a.released = true;
    for (const u of a.unsubscribe.splice(0)) u();
    // The phone's end of the console first, then the technician's session, socat and its folder.
    await a.demo?.stop().catch((error: unknown) => logSwallowed('migrate', 'stop the virtual phone', error));
    await a.console?.close().catch((error: unknown) => logSwallowed('migrate', 'close the demo console', error));
    await Promise.allSettled([a.tftp.close(), a.dhcp?.close()]);
  }

  async function start(params: MigrateStartParams): Promise<MigrationStatus> {
    if (starting || (active && !active.runner.isFinal())) {
      throw new PhonebenchError('busy', msg('migrate.busy'), msg('migrate.busy.fix'));
    }
    starting = true;
    try {
      if (active) await release(active);
      active = undefined;
      return await begin(params);
    } finally {
      starting = false;
    }
  }

  /** Decides everything a start needs, before any socket opens: a refused plan serves nothing. */
  async function prepare(params: { mac: string; model: '7940' | '7960'; bundleId: string; from?: string | undefined; via?: string[] | undefined }) {
    const mac = normalizeMac(params.mac);
    if (!mac) {
      throw new PhonebenchError('bad-request', msg('migrate.badMac', { mac: params.mac }), msg('migrate.badMac.fix'));
    }
    const { view, demoBundle } = await libraryFor(params.bundleId, library, demoLibrary);
    const manifest = await view.get(params.bundleId);
    const to = manifest.recognition.versionLabel ? parseFirmwareLabel(manifest.recognition.versionLabel) : undefined;
    if (!to) {
      throw new PhonebenchError(
        'bad-request',
        msg('migrate.noTarget', { id: params.bundleId }),
        msg('migrate.noTarget.fix'),
      );
    }
    const fromText = params.from?.trim();
    const listenFirst = fromText === undefined || fromText === '' || fromText.toLowerCase() === 'unknown';
    let from: FirmwareVersion | undefined;
    if (!listenFirst) {
      // A label as the technician writes it, or the image id the phone's status screen shows.
      const image = parseImageName(fromText);
      from = parseFirmwareLabel(fromText) ?? (image && image.scheme !== 'loader' ? image.version : undefined);
      if (!from) {
        throw new PhonebenchError('bad-request', msg('migrate.badFrom', { text: fromText }), msg('migrate.badFrom.fix'));
      }
    }
    const files = await collectFiles(view, params.bundleId, manifest.files.map((f) => ({ name: f.name, sha256: f.sha256 })));
    let runnerPlan: RunnerPlan | null = null;
    let planned: Plan | undefined;
    if (from) {
      const via = params.via ? { via: params.via } : {};
      const outcome = plan({ model: params.model, mac, from, to, context: 'bench', library: { files: [...files.byName.keys()] }, ...via });
      if (!outcome.ok && outcome.choice) throw new PlanChoiceError(outcome.choice);
      if (!outcome.ok) throw new PhonebenchError('plan-refused', outcome.reason, refusalFix(outcome));
      planned = outcome.plan;
      const adapted = toRunnerPlan(outcome.plan);
      if (!adapted.ok) throw new PhonebenchError('plan-refused', adapted.reason);
      runnerPlan = adapted.plan;
      if (runnerPlan.hops.length === 0) {
        throw new PhonebenchError('already-there', msg('migrate.alreadyThere', { firmware: formatFirmware(to) }));
      }
      const missing = runnerPlan.hops.flatMap((h, i) => h.requiredFiles.filter((f) => !files.byName.has(f)).map((file) => msg('migrate.missingFile', { file, hop: i + 1 })));
      if (missing.length > 0) {
        throw new PhonebenchError(
          'plan-refused',
          msg('migrate.missingFiles', { files: missing }),
          msg('migrate.missingFiles.fix'),
        );
      }
    }
    // Named in the plan and the report: a stopover image from another archive is a fact the technician must see.
    const needed = new Set((runnerPlan?.hops ?? []).flatMap((h) => h.requiredFiles));
    const borrowed: BorrowedFile[] = [...needed]
      .map((name) => files.byName.get(name))
      .filter((f): f is NonNullable<typeof f> => f !== undefined && f.bundleId !== params.bundleId)
      .map((f) => ({ file: f.name, bundleId: f.bundleId, bundleName: f.bundleName }));
    const incompleteBundle = !manifest.recognition.complete;
    return { mac, to, from, files, runnerPlan, planned, borrowed, incompleteBundle, demoBundle };
  }

  async function preview(params: { mac: string; model: '7940' | '7960'; bundleId: string; from?: string | undefined; via?: string[] | undefined }): Promise<MigratePreview> {
    try {
      const p = await prepare(params);
      return {
        ok: true,
        from: p.from ? formatFirmware(p.from) : 'unknown',
        to: formatFirmware(p.to),
        listenFirst: p.runnerPlan === null,
        warnings: p.runnerPlan?.warnings ?? [],
        ...(p.planned && p.from ? { created: { from: p.from, to: p.to, plan: p.planned } } : {}),
        ...(p.borrowed.length > 0 ? { borrowed: p.borrowed } : {}),
        ...(p.incompleteBundle ? { incompleteBundle: true } : {}),
        bundleName: p.files.bundleName,
        hops: (p.runnerPlan?.hops ?? []).map((h) => ({
          title: h.title,
          provenance: h.provenance,
          requiredFiles: h.requiredFiles,
          configs: h.configs.map((c) => c.name),
          expectedRequests: h.expectedRequests,
          phoneShows: h.phoneShows,
          warnings: h.warnings,
        })),
      };
    } catch (error) {
      if (error instanceof PhonebenchError && (error.code === 'plan-refused' || error.code === 'already-there' || error.code === 'bad-request')) {
        const choice = error instanceof PlanChoiceError ? { choice: error.choice } : {};
        return error.fix ? { ok: false, reason: error.detail, fix: error.fix, ...choice } : { ok: false, reason: error.detail, ...choice };
      }
      throw error;
    }
  }

  async function begin(params: MigrateStartParams): Promise<MigrationStatus> {
    const { mac, to, from, files, runnerPlan, borrowed, incompleteBundle, demoBundle } = await prepare(params);
    if (demoBundle && !params.demo) refuseDemoForRealPhone(files.bundleName);
    if (params.demo && !from) {
      throw new PhonebenchError('bad-request', msg('migrate.demoNeedsFrom'), msg('migrate.demoNeedsFrom.fix'));
    }
    checkAddressForBoot(params, from);

    const address = params.demo ? '127.0.0.1' : params.bindAddress;
    const port = params.demo && params.port === 69 ? 0 : params.port;
    const id = `m${randomBytes(5).toString('hex')}`;
    const settings = ctx.settings.get().tftp;
    const bundle = new BundleSource([...files.byName.values()].map((f) => ({ name: f.name, path: f.path })));
    const hashes = new Map([...files.byName.values()].map((f) => [f.name, f.sha256] as const));
    const phoneIp = params.demo ? '127.0.0.1' : params.phoneIp;
    const runner = new MigrationRunner({
      id,
      mac,
      model: params.model,
      from: from ? formatFirmware(from) : 'unknown (listen first)',
      to: formatFirmware(to),
      bundleId: params.bundleId,
      bind: { address, port },
      plan: runnerPlan,
      bundle,
      bundleHashes: hashes,
      ...(phoneIp ? { phoneIp, phoneIpSource: params.demo ? ('demo' as const) : ('entered' as const) } : {}),
      demo: params.demo,
      ...(borrowed.length > 0 ? { borrowed } : {}),
      ...(incompleteBundle ? { incompleteBundle } : {}),
      // The virtual phone's own outcome decides a demo; a real phone's requests decide a real run.
      confirmSuccess: params.demo,
    });
    const unsubscribe: (() => void)[] = [];
    unsubscribe.push(
      runner.onUpdate((u) => {
        if (u.timeline) ctx.events.emit('migrate:timeline', u.timeline);
        if (u.state) ctx.events.emit('migrate:state', u.state);
      }),
    );

    const tftp = await TftpServer.start({
      address,
      port,
      // A real phone's run never serves an image of the demo library, wherever it comes from.
      sources: [params.demo ? runner.source : refuseDemoImages(runner.source)],
      allow: phoneIp ? [phoneIp] : null,
      maxBlksize: settings.maxBlksize,
      maxWindowsize: settings.maxWindowsize,
      timeoutMs: settings.timeoutSeconds * 1000,
      retries: settings.retries,
      rolloverTo: settings.rolloverTo,
      maxTransfers: settings.maxTransfers,
      maxTransfersPerClient: settings.maxTransfersPerClient,
    }).catch((error: unknown) => {
      for (const u of unsubscribe) u();
      throw explainPortHolder(error, deps.tftpPage, port);
    });
    const bound = tftp.address();
    runner.rebind(bound);
    const onTftp = (e: Parameters<MigrationRunner['onTftpEvent']>[0]) => runner.onTftpEvent(e);
    tftp.on('event', onTftp);
    unsubscribe.push(() => tftp.off('event', onTftp));

    let dhcp: BenchDhcpServer | undefined;
    if (params.dhcp && !params.demo) {
      try {
        dhcp = await BenchDhcpServer.start({
          mac,
          offerIp: params.dhcp.offerIp,
          serverIp: address,
          mask: params.dhcp.mask,
          ...(params.dhcp.router ? { router: params.dhcp.router } : {}),
          leaseSeconds: params.dhcp.leaseSeconds,
          port: params.dhcp.port,
        });
      } catch (error) {
        await tftp.close();
        for (const u of unsubscribe) u();
        if (error instanceof PhonebenchError && error.code === 'port-in-use') {
          throw new PhonebenchError(error.code, msg('migrate.dhcpAlsoLive', { message: error.detail }), error.fix);
        }
        throw error;
      }
      unsubscribe.push(dhcp.onEvent((e) => runner.onDhcpEvent(e)));
    }

    if (params.consoleSessionId) {
      const sessionId = params.consoleSessionId;
      unsubscribe.push(
        ctx.events.listen((name, payload) => {
          if (name !== 'serial:data') return;
          const data = payload as { sessionId: string; data: string };
          if (data.sessionId === sessionId) runner.onConsoleText(Buffer.from(data.data, 'base64').toString('latin1'));
        }),
      );
    }

    runner.attach(tftp);
    if (demoBundle) runner.warn(msg('demo.t.serving', { name: files.bundleName }));
    let saved = false;
    unsubscribe.push(
      runner.onUpdate((u) => {
        if (!u.state || !runner.isFinal() || saved) return;
        saved = true;
        report(msg('service.migrate.ended', { state: u.state.state, mac: u.state.mac }), u.state.state === 'failed' ? 'failed' : 'stopped');
        const saving = saveReport(runner).finally(() => reportsSaving.delete(saving));
        reportsSaving.add(saving);
      }),
    );
    const a: Active = { runner, tftp, unsubscribe, ...(dhcp ? { dhcp } : {}) };
    active = a;

    report(msg('service.migrate.running', { mac, address: bound.address, port: bound.port }));

    if (params.demo && from) {
      const settle = (outcome: SimOutcome) => {
        if (outcome.kind === 'running') {
          const reached = parseFirmwareLabel(outcome.firmware);
          if (reached && formatFirmware(reached) === formatFirmware(to)) {
            runner.finish('succeeded', msg('migrate.virtualRuns', { firmware: formatFirmware(to) }));
          } else {
            runner.finish(
              'failed',
              msg('migrate.virtualSettled', { firmware: outcome.firmware, target: formatFirmware(to) }),
              msg('migrate.virtualSettled.fix'),
            );
          }
        } else {
          runner.finish('failed', msg('migrate.virtualShows', { shown: outcome.message, detail: outcome.detail }), msg('migrate.virtualShows.fix'));
        }
      };
      const demo = {
        mac,
        model: params.model,
        firmware: from,
        host: bound.address,
        port: bound.port,
        flashWriteMs: deps.demoFlashWriteMs ?? 1500,
        onEvent: (text: string) => runner.onConsoleText(`${text}\r\n`),
        onSettled: settle,
      };
      const demoConsole = await attachDemoConsole(runner);
      if (demoConsole) a.console = demoConsole;
      try {
        a.demo = await startDemoPhone(demoConsole ? { ...demo, console: demoConsole.phoneEnd } : demo);
      } catch (error) {
        if (!demoConsole) throw error;
        // A console that cannot be opened on the phone's side must not cost the demo: run it without.
        await demoConsole.close().catch((error: unknown) => logSwallowed('migrate', 'close the demo console', error));
        delete a.console;
        runner.consoleAttached({ kind: 'none', detail: `the phone's end did not open: ${messageOf(error)}` });
        a.demo = await startDemoPhone(demo);
      }
      // Stopped (or the engine closed) while the phone was starting: release missed them, close them here.
      if (a.released) {
        await a.demo.stop().catch((error: unknown) => logSwallowed('migrate', 'stop the virtual phone', error));
        await a.console?.close().catch((error: unknown) => logSwallowed('migrate', 'close the demo console', error));
      }
    }
    return runner.status();
  }

  /** The demo phone's console: a serial session the Console page shows, or none (said in the timeline). */
  async function attachDemoConsole(runner: MigrationRunner): Promise<DemoConsole | undefined> {
    const serial = deps.serial;
    if (!serial) return undefined;
    try {
      const c = await openDemoConsole(serial, ctx.dataDir, deps.demoConsole ?? 'auto');
      const info: MigrationConsole = { kind: c.kind, sessionId: c.session.id, path: c.session.path };
      if (c.session.label !== undefined) info.label = c.session.label;
      if (c.fallback !== undefined) info.detail = c.fallback;
      runner.consoleAttached(info);
      return c;
    } catch (error) {
      runner.consoleAttached({ kind: 'none', detail: messageOf(error) });
      return undefined;
    }
  }

  /** The target bundle's files first, then any other bundle's, so a multi-hop plan finds its stopovers. */
  async function collectFiles(library: LibraryView, bundleId: string, own: { name: string; sha256: string }[]) {
    const byName = new Map<string, BundleFile & { sha256: string; bundleId: string; bundleName: string }>();
    const others = await library.list().catch((error: unknown) => {
      logSwallowed('migrate', 'list other bundles for stopover files', error);
      return [];
    });
    const ownName = others.find((m) => m.id === bundleId)?.source.name ?? bundleId;
    for (const f of own) byName.set(f.name, { name: f.name, path: library.filePath(bundleId, f.name), sha256: f.sha256, bundleId, bundleName: ownName });
    for (const m of others) {
      if (m.id === bundleId) continue;
      for (const f of m.files) {
        if (!byName.has(f.name)) byName.set(f.name, { name: f.name, path: library.filePath(m.id, f.name), sha256: f.sha256, bundleId: m.id, bundleName: m.source.name });
      }
    }
    return { byName, bundleName: ownName };
  }

  /** Report writes under way: close waits for them, so nothing is left half-written behind a closed engine. */
  const reportsSaving = new Set<Promise<void>>();

  async function saveReport(runner: MigrationRunner): Promise<void> {
    const r = renderReport(collectReport(runner, appVersion()), 'json');
    // The migration's outcome does not depend on its report being saved; a failure is logged, not lost.
    const saved = await writeFileAtomic(path.join(ctx.dataDir, 'reports', r.fileName), r.content).then(
      () => true,
      (error: unknown) => logSwallowed('migrate', 'save report', error, { file: r.fileName, migration: runner.status().id }),
    );
    await deps.history?.recordRun(runner.status(), saved ? r.fileName : undefined);
  }

  async function stop(): Promise<MigrationStatus | null> {
    const a = active;
    if (!a) return null;
    a.runner.finish('stopped', msg('migrate.stoppedByUser'));
    await release(a);
    return a.runner.status();
  }

  return {
    handlers: {
      'migrate:interfaces': () => listInterfaces(),
      'migrate:demo-bundles': async () => (await demoLibrary.ensure()).map(summarize),
      'migrate:keypad': (p) => keypadSteps(p.address, p.from),
      'migrate:preview': (p) => preview(p),
      'migrate:start': (p) => start(p),
      'migrate:stop': () => stop(),
      'migrate:status': () => active?.runner.status() ?? null,
      'migrate:timeline': () => active?.runner.timeline() ?? [],
      'migrate:report': (p) => {
        if (!active) throw new PhonebenchError('not-running', msg('migrate.noReport'), msg('migrate.noReport.fix'));
        return renderReport(collectReport(active.runner, appVersion(), new Date(), p.language), p.format);
      },
    },
    async close() {
      await stop();
      await Promise.all(reportsSaving);
    },
  };
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

/** A migration runs its own locked server: when the TFTP page's server holds the port, say so and how to free it. */
function explainPortHolder(error: unknown, tftpPage: MigrateDeps['tftpPage'] | undefined, port: number): unknown {
  if (!(error instanceof PhonebenchError) || error.code !== 'port-in-use' || !tftpPage) return error;
  const page = tftpPage.status();
  if (page.state !== 'running' || page.port !== port) return error;
  return new PhonebenchError(
    'port-in-use',
    msg('migrate.pageHoldsPort', { port, address: page.address ?? '', pagePort: page.port }),
    msg('migrate.pageHoldsPort.fix'),
  );
}
