import { msg, type Message } from '../../i18n/message';
import type { FirmwareVersion } from '../firmware-version';
import { bootEra, formatFirmware, isSigned } from '../firmware-version';
import { normalizeMac, sepCnfXmlName, sipMacCnfName } from '../phone-files';
import { buildHop, isSip2xHop, r3CodeFor } from './build-hop';
import { candidatesFor, resolveVia } from './choose-load';
import { dialplanConfig, os79xxConfig, sepConfig, sipConfigs } from './hop-configs';
import { os79xxIdFor } from './hop-files';
import { DEFAULT_STOPS, knownFirmware, knownSeries, knownStartLabels, knownTargetLabels } from './known-firmware';
import { completeLibraryLoad, libraryNames, type LoadNames } from './load-names';
import type { Hop, Plan, PlanInput, PlanOutcome, PlannedConfig, PlanStops } from './plan-types';
import { refusal, route } from './route';
import type { Step } from './route';

/**
 * Plans one phone's migration: the chain of hops (section 4 of the domain reference), each with the files,
 * configs, expected requests and checks a runner needs. Refuses with the rule when no legal chain exists, and
 * asks for a load (rule 'needs-choice') where no source names the exact stop.
 */
export function planMigration(input: PlanInput): PlanOutcome {
  const mac = normalizeMac(input.mac);
  if (mac === undefined) return { ok: false, rule: 'bad-mac', reason: msg('planner.refuse.badMac', { mac: input.mac }) };
  // A rule that refuses the pair outright says more than "unknown version".
  const refused = input.from === 'unknown' ? undefined : refusal(input.from, input.to);
  if (refused !== undefined) return { ok: false, ...refused };
  const unknown = unknownVersion(input);
  if (unknown !== undefined) return unknown;
  const libraryFiles = input.library?.files ?? [];
  const via = resolveVia(input.via ?? [], libraryFiles);
  if (!via.ok) return via.outcome;
  const stops: PlanStops = { ...DEFAULT_STOPS, ...via.stops, ...input.stops };
  const names = libraryNames(input.library?.files);
  if (input.from === 'unknown') return planFromUnknown(input, mac, names);
  const planWarnings: Message[] = [];
  const options = { context: input.context, stops, r3: input.r3 ?? 'field', viaSip23: input.viaSip23 ?? false } as const;
  let routed = route(input.from, input.to, options);
  if (!routed.ok) return routed;
  const r3Step = routed.steps.find((s) => s.path === 'R3');
  if (r3Step !== undefined && r3CodeFor(input, r3Step.to) === undefined) {
    routed = route(input.from, input.to, { ...options, r3: 'field' });
    if (!routed.ok) return routed;
    planWarnings.push(msg('planner.warn.r3NoUpgradeCode', { to: formatFirmware(r3Step.to) }));
  }
  planWarnings.push(...routeAdvice(routed.steps, input, libraryFiles));
  const used = new Set(routed.steps.map((s) => names.app(s.to)));
  for (const chosen of via.chosen) {
    if (!used.has(chosen.id)) planWarnings.push(msg('planner.warn.viaUnused', { load: chosen.id }));
  }
  const hops = buildHops(routed.steps, input, mac, names);
  return { ok: true, plan: finish(hops, input, mac, planWarnings, names) };
}

/** Warnings for what the sources advise beside the route: the latest SCCP 4.x stop, R3's alternatives. */
function routeAdvice(steps: readonly Step[], input: PlanInput, libraryFiles: readonly string[]): Message[] {
  const out: Message[] = [];
  if (steps.some((s) => s.advice === 'latest-sccp4')) {
    const loads = candidatesFor('latest-sccp4', libraryFiles);
    out.push(
      loads.length === 0
        ? msg('planner.warn.latestSccp4Advice')
        : msg('planner.warn.latestSccp4Offer', { loads: loads.join(', ') }),
    );
  }
  if (input.context === 'bench' && steps.some((s) => s.path === 'R3-field' || s.path === 'R3')) out.push(msg('planner.warn.r3Alternatives'));
  return out;
}

/**
 * A target without a known exact load, or a start outside every known series, is refused with the releases the
 * planner knows (a start may be any release of a known series: the phone runs what it runs).
 */
function unknownVersion(input: PlanInput): PlanOutcome | undefined {
  // MGCP is named and refused by its own rule.
  if (input.to.protocol === 'MGCP' || (input.from !== 'unknown' && input.from.protocol === 'MGCP')) return undefined;
  const target = knownFirmware(input.to);
  // A complete package of the target in the library names its own loads: plannable without the table.
  const inLibrary = completeLibraryLoad(input.to, input.library?.files ?? []) !== undefined;
  if (!inLibrary && (target === undefined || !target.exactLoad)) {
    return {
      ok: false,
      rule: 'unknown-version',
      reason: msg('planner.refuse.unknownTarget', { version: formatFirmware(input.to), known: knownTargetLabels().join(', ') }),
    };
  }
  if (input.from !== 'unknown' && !knownSeries(input.from)) {
    return {
      ok: false,
      rule: 'unknown-version',
      reason: msg('planner.refuse.unknownStart', { version: formatFirmware(input.from), known: knownStartLabels().join(', ') }),
    };
  }
  return undefined;
}

function buildHops(steps: Step[], input: PlanInput, mac: string, names: LoadNames): Hop[] {
  const hops: Hop[] = [];
  steps.forEach((s, i) => {
    const before = steps[i - 1];
    const code = s.path === 'R3' ? r3CodeFor(input, s.to) : undefined;
    hops.push(
      buildHop(i + 1, s, {
        input,
        mac,
        restoresFullConfig: before !== undefined && isSip2xHop(before),
        names,
        ...(code === undefined ? {} : { r3Code: code }),
      }),
    );
  });
  return hops;
}

function finish(hops: Hop[], input: PlanInput, mac: string, warnings: Message[], names: LoadNames): Plan {
  const last = hops[hops.length - 1];
  if (hops.length === 0) warnings.push(msg('planner.warn.alreadyThere', { to: formatFirmware(input.to) }));
  if (input.context === 'bench' && hops.length > 0) warnings.push(msg('planner.warn.alternateTftp'));
  if (input.context === 'cme') warnings.push(msg('planner.warn.cmeRouterTftp'));
  warnings.push(msg('planner.warn.filesAsExtracted'));
  for (const hop of hops) {
    const id = names.app(hop.to);
    const fromLibrary = input.library?.files.some((f) => f.startsWith(`${id}.`)) === true;
    if (knownFirmware(hop.to)?.nameInferred === true && !fromLibrary) hop.warnings.push(msg('planner.warn.inferredName', { id, label: formatFirmware(hop.to) }));
  }
  const library = input.library?.files;
  if (library !== undefined) {
    const have = new Set(library);
    for (const hop of hops) {
      const missing = [...new Set([...hop.requiredFiles, ...hop.aliases.map((a) => a.file)].filter((f) => !have.has(f) && !generated(f)))];
      for (const f of missing) hop.warnings.push(msg('planner.warn.fileMissing', { file: f }));
      if (missing.length > 0) warnings.push(msg('planner.warn.hopMissingFiles', { hop: hop.index, files: missing.join(', ') }));
    }
  }
  const finalConfigs = input.context === 'cucm' || last === undefined ? [] : fullConfigs(input, mac, names);
  if (last !== undefined && isSip2xHop({ from: last.from, to: last.to, path: last.path, provenance: last.provenance }) && last.to.major !== 2) {
    warnings.push(msg('planner.warn.lastHopTrimmed'));
  }
  return { hops, warnings, finalConfigs, finalNotes: finalConfigs.length === 0 ? [] : finalNotes(input, mac) };
}

/** What the final configs still lack: the call agent's own SEP file (SCCP), or proxy and lines (SIP). */
function finalNotes(input: PlanInput, mac: string): Message[] {
  if (input.to.protocol === 'SCCP') return [msg('planner.final.sccpCallAgent', { sep: sepCnfXmlName(mac) })];
  const have = new Set(Object.keys(input.sipSettings ?? {}));
  const missing = ['proxy1_address', 'line1_name'].filter((k) => !have.has(k));
  return missing.length === 0 ? [] : [msg('planner.final.sipNeeds', { sipMac: sipMacCnfName(mac), missing: missing.join(', ') })];
}

function generated(file: string): boolean {
  return file === 'gkdefault.cfg';
}

/** The configs to leave in the root at the end, for the target protocol. */
export function fullConfigs(input: PlanInput, mac: string, names: LoadNames): PlannedConfig[] {
  const to = input.to;
  const id = names.app(to);
  if (to.protocol === 'SIP') {
    const minimal = to.major === 2;
    const out = [os79xxConfig(os79xxIdFor(to, names)), ...sipConfigs(mac, id, input.sipSettings, minimal)];
    if (bootEra(to) === 'loader') out.push(dialplanConfig());
    return out;
  }
  return [os79xxConfig(id), sepConfig(mac, input.model, id)];
}

/**
 * Start firmware unknown: serve files for every boot mechanism at once (OS79XX.TXT, SEP<MAC>.cnf.xml and the
 * SIP configs all name the target). Only for signed targets: a signed phone refuses anything older.
 */
function planFromUnknown(input: PlanInput, mac: string, names: LoadNames): PlanOutcome {
  const to = input.to;
  if (!isSigned(to)) return { ok: false, rule: 'unknown-start', reason: msg('planner.refuse.unknownStartUnsigned', { to: formatFirmware(to) }) };
  if (to.protocol === 'MGCP') return { ok: false, rule: 'mgcp-out-of-scope', reason: msg('planner.refuse.mgcp') };
  const unknownFrom: FirmwareVersion = { protocol: to.protocol === 'SIP' ? 'SCCP' : 'SIP', major: 5, minor: 0 };
  const path = to.protocol === 'SIP' ? (to.major >= 7 ? 'F2' : 'F1') : 'R3-field';
  const step: Step = {
    from: unknownFrom,
    to,
    path,
    provenance: { source: 'inferred', section: '3.1, 3.2', reason: msg('planner.inferred.unknownStart') },
  };
  const hop = buildHop(1, step, { input, mac, restoresFullConfig: false, names });
  const id = names.app(to);
  const configNames = new Set(hop.configs.map((c) => c.name));
  const add = (c: PlannedConfig): void => {
    if (!configNames.has(c.name)) hop.configs.push(c);
  };
  for (const c of sipConfigs(mac, id, input.sipSettings, false)) add(c);
  add(sepConfig(mac, input.model, id, to.protocol));
  hop.expectedRequests = [];
  hop.warnings.unshift(msg('planner.warn.unknownStartOrder'));
  return { ok: true, plan: finish([hop], input, mac, [], names) };
}
