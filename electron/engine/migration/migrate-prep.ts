import type { BorrowedFile, MigratePreview } from '../../../shared/api/migrate';
import { PhonebenchError } from '../../../shared/api/result';
import { formatFirmware, parseFirmwareLabel, type FirmwareVersion } from '../../../shared/cisco/firmware-version';
import { parseImageName } from '../../../shared/cisco/image-name';
import { normalizeMac } from '../../../shared/cisco/phone-files';
import type { Plan, PlanInput, PlanOutcome } from '../../../shared/cisco/planner/plan-types';
import { refusalFix } from '../../../shared/cisco/planner/rule-fix';
import { msg } from '../../../shared/i18n/message';
import type { DemoLibrary } from '../firmware/demo-library';
import type { FirmwareLibrary } from '../firmware/library-store';
import type { SwallowLog } from '../kit/log';
import type { BundleFile } from './bundle-source';
import { libraryFor } from './demo-bundles';
import { toRunnerPlan } from './plan-adapter';
import { PlanChoiceError } from './plan-choice-error';
import type { RunnerPlan } from './runner-plan';

/** What preparing a migration reads: the one library of the engine, the planner, the log. */
export interface PrepDeps {
  library: Pick<FirmwareLibrary, 'list' | 'get' | 'filePath'>;
  /** Synthetic bundles for the virtual phone only (issue 19): built at first use in the data folder. */
  demoLibrary: DemoLibrary;
  plan: (input: PlanInput) => PlanOutcome;
  log: SwallowLog;
}

/** What a preview and a start name: the phone, the target bundle, the firmware it runs now, chosen stopovers. */
export interface PrepParams {
  mac: string;
  model: '7940' | '7960';
  bundleId: string;
  from?: string | undefined;
  via?: string[] | undefined;
}

export type PreparedFile = BundleFile & { sha256: string; bundleId: string; bundleName: string };

/** Everything a start needs, decided before any socket opens: a refused plan serves nothing. */
export interface PreparedMigration {
  mac: string;
  to: FirmwareVersion;
  from: FirmwareVersion | undefined;
  files: { byName: Map<string, PreparedFile>; bundleName: string };
  /** null: listen first. */
  runnerPlan: RunnerPlan | null;
  planned: Plan | undefined;
  borrowed: BorrowedFile[];
  incompleteBundle: boolean;
  /** The target is a demo bundle: only the virtual phone may get it. */
  demoBundle: boolean;
}

export async function prepareMigration(deps: PrepDeps, params: PrepParams): Promise<PreparedMigration> {
  const mac = normalizeMac(params.mac);
  if (!mac) throw new PhonebenchError('bad-request', msg('migrate.badMac', { mac: params.mac }), msg('migrate.badMac.fix'));
  const { view, demoBundle } = await libraryFor(params.bundleId, deps.library, deps.demoLibrary);
  const manifest = await view.get(params.bundleId);
  const to = manifest.recognition.versionLabel ? parseFirmwareLabel(manifest.recognition.versionLabel) : undefined;
  if (!to) throw new PhonebenchError('bad-request', msg('migrate.noTarget', { id: params.bundleId }), msg('migrate.noTarget.fix'));
  const from = parseFrom(params.from);
  const files = await collectFiles(view, deps.log, params.bundleId, manifest.files.map((f) => ({ name: f.name, sha256: f.sha256 })));
  let runnerPlan: RunnerPlan | null = null;
  let planned: Plan | undefined;
  if (from) {
    const via = params.via ? { via: params.via } : {};
    const outcome = deps.plan({ model: params.model, mac, from, to, context: 'bench', library: { files: [...files.byName.keys()] }, ...via });
    if (!outcome.ok && outcome.choice) throw new PlanChoiceError(outcome.choice);
    if (!outcome.ok) throw new PhonebenchError('plan-refused', outcome.reason, refusalFix(outcome));
    planned = outcome.plan;
    const adapted = toRunnerPlan(outcome.plan);
    if (!adapted.ok) throw new PhonebenchError('plan-refused', adapted.reason);
    runnerPlan = adapted.plan;
    if (runnerPlan.hops.length === 0) throw new PhonebenchError('already-there', msg('migrate.alreadyThere', { firmware: formatFirmware(to) }));
    const missing = runnerPlan.hops.flatMap((h, i) => h.requiredFiles.filter((f) => !files.byName.has(f)).map((file) => msg('migrate.missingFile', { file, hop: i + 1 })));
    if (missing.length > 0) {
      throw new PhonebenchError('plan-refused', msg('migrate.missingFiles', { files: missing }), msg('migrate.missingFiles.fix'));
    }
  }
  // Named in the plan and the report: a stopover image from another archive is a fact the technician must see.
  const needed = new Set((runnerPlan?.hops ?? []).flatMap((h) => h.requiredFiles));
  const borrowed: BorrowedFile[] = [...needed]
    .map((name) => files.byName.get(name))
    .filter((f): f is PreparedFile => f !== undefined && f.bundleId !== params.bundleId)
    .map((f) => ({ file: f.name, bundleId: f.bundleId, bundleName: f.bundleName }));
  return { mac, to, from, files, runnerPlan, planned, borrowed, incompleteBundle: !manifest.recognition.complete, demoBundle };
}

/** undefined: listen first. A label as the technician writes it, or the image id the phone's status screen shows. */
function parseFrom(text: string | undefined): FirmwareVersion | undefined {
  const fromText = text?.trim();
  if (fromText === undefined || fromText === '' || fromText.toLowerCase() === 'unknown') return undefined;
  const image = parseImageName(fromText);
  const from = parseFirmwareLabel(fromText) ?? (image && image.scheme !== 'loader' ? image.version : undefined);
  if (!from) throw new PhonebenchError('bad-request', msg('migrate.badFrom', { text: fromText }), msg('migrate.badFrom.fix'));
  return from;
}

/** The plan the wizard shows before anything is served; a refusal is a value, not an error. */
export async function previewMigration(deps: PrepDeps, params: PrepParams): Promise<MigratePreview> {
  try {
    const p = await prepareMigration(deps, params);
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

/** The target bundle's files first, then any other bundle's, so a multi-hop plan finds its stopovers. */
async function collectFiles(library: PrepDeps['library'], log: SwallowLog, bundleId: string, own: { name: string; sha256: string }[]): Promise<PreparedMigration['files']> {
  const byName = new Map<string, PreparedFile>();
  const others = await library.list().catch((error: unknown) => {
    log.swallowed('migrate', 'list other bundles for stopover files', error);
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
