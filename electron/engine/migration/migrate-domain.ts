import type { MigrateStartParams, MigrationStatus, migrateRequests } from '../../../shared/api/migrate';
import { PhonebenchError } from '../../../shared/api/result';
import { planMigration } from '../../../shared/cisco/planner/plan-migration';
import type { PlanInput, PlanOutcome } from '../../../shared/cisco/planner/plan-types';
import { msg } from '../../../shared/i18n/message';
import type { Domain, EngineContext } from '../context';
import { DemoLibrary } from '../firmware/demo-library';
import { summarize } from '../firmware/firmware-domain';
import type { FirmwareLibrary } from '../firmware/library-store';
import type { SerialService } from '../serial/serial-domain';
import type { TftpService } from '../tftp/tftp-service';
import { appVersion } from '../version';
import { refuseDemoForRealPhone } from './demo-bundles';
import type { DemoConsoleMode } from './demo-console';
import type { HistoryService } from '../history/history-service';
import { keypadSteps } from './keypad-steps';
import { prepareMigration, previewMigration, type PrepDeps } from './migrate-prep';
import { MigrationRun } from './migration-run';
import { listInterfaces } from './network-interfaces';
import { collectReport, renderReport } from './report';
import { checkAddressForBoot } from './stall-check';

export interface MigrateDeps {
  /** The engine's one library (with its import limits). */
  library: Pick<FirmwareLibrary, 'list' | 'get' | 'filePath'>;
  /** Synthetic bundles for the virtual phone only (issue 19): built at first use in the data folder. */
  demoLibrary?: DemoLibrary;
  plan?: (input: PlanInput) => PlanOutcome;
  /** How long the virtual phone takes to write flash in demo mode. */
  demoFlashWriteMs?: number;
  /** The serial domain's service: console text in process, the demo phone's console. Without it, no console. */
  serial?: SerialService;
  /** How the demo console is made; 'in-process' skips socat even where it is on PATH. */
  demoConsole?: DemoConsoleMode;
  /** The TFTP page's server, to name it when it holds the port a migration wants. */
  tftpPage?: Pick<TftpService, 'status'>;
  /** The day's record: told once when a run ends, after its report is saved. */
  history?: Pick<HistoryService, 'recordRun'>;
}

/**
 * migrate:* — one phone at a time. The handler table over one MigrationRun (migration-run.ts), which owns
 * everything the run opens: stopping is disposing it. Configs live only in memory; firmware is served in place.
 */
export function createMigrateDomain(ctx: EngineContext, deps: MigrateDeps): Domain<typeof migrateRequests> {
  const demoLibrary = deps.demoLibrary ?? new DemoLibrary(ctx.dataDir);
  const prep: PrepDeps = { library: deps.library, demoLibrary, plan: deps.plan ?? planMigration, log: ctx.log };
  let active: MigrationRun | undefined;
  let starting = false;
  /** A stop that came while the start was still deciding (before any socket): the start then opens nothing. */
  let stopWhileStarting = false;

  const report = (detail: Parameters<EngineContext['reportService']>[0]['detail'], state: 'running' | 'stopped' | 'failed') =>
    ctx.reportService({ name: 'migrate', state, detail });
  report(msg('service.migrate.none'), 'stopped');

  async function start(params: MigrateStartParams): Promise<MigrationStatus> {
    if (starting || (active && !active.runner.isFinal())) throw new PhonebenchError('busy', msg('migrate.busy'), msg('migrate.busy.fix'));
    starting = true;
    stopWhileStarting = false;
    try {
      // The previous (finished) run keeps its server until the next start: release it now.
      await active?.dispose();
      active = undefined;
      const prepared = await prepareMigration(prep, params);
      if (prepared.demoBundle && !params.demo) refuseDemoForRealPhone(prepared.files.bundleName);
      if (params.demo && !prepared.from) {
        throw new PhonebenchError('bad-request', msg('migrate.demoNeedsFrom'), msg('migrate.demoNeedsFrom.fix'));
      }
      checkAddressForBoot(params, prepared.from);
      const run = new MigrationRun(
        { ctx, serial: deps.serial, demoConsole: deps.demoConsole ?? 'auto', demoFlashWriteMs: deps.demoFlashWriteMs ?? 1500, tftpPage: deps.tftpPage, history: deps.history, report },
        prepared,
        params,
      );
      // Active from the first socket on, so a stop (or the engine closing) during the start reaches it.
      active = run;
      if (stopWhileStarting) return await run.stop();
      try {
        return await run.open();
      } catch (error) {
        if (active === run) active = undefined;
        throw error;
      }
    } finally {
      starting = false;
    }
  }

  async function stop(): Promise<MigrationStatus | null> {
    if (starting && !active) stopWhileStarting = true;
    return (await active?.stop()) ?? null;
  }

  return {
    handlers: {
      'migrate:interfaces': () => listInterfaces(),
      'migrate:demo-bundles': async () => (await demoLibrary.ensure()).map(summarize),
      'migrate:keypad': (p) => keypadSteps(p.address, p.from),
      'migrate:preview': (p) => previewMigration(prep, p),
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
    },
  };
}
