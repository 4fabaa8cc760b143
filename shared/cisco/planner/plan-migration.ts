import { formatFirmware, isSigned } from '../firmware-version';
import type { FirmwareVersion } from '../firmware-version';
import { imageIdFor } from '../image-name';
import { normalizeMac } from '../phone-files';
import { buildHop, isSip2xHop, r3CodeFor } from './build-hop';
import { dialplanConfig, os79xxConfig, sepConfig, sipConfigs } from './hop-configs';
import { os79xxIdFor } from './hop-files';
import { DEFAULT_STOPS } from './known-firmware';
import type { Hop, Plan, PlanInput, PlanOutcome, PlannedConfig } from './plan-types';
import { route } from './route';
import type { Step } from './route';
import { bootEra } from '../firmware-version';

/**
 * Plans one phone's migration: the chain of hops (section 4 of the domain reference), each with the files,
 * configs, expected requests and checks a runner needs. Refuses with the rule when no legal chain exists.
 */
export function planMigration(input: PlanInput): PlanOutcome {
  const mac = normalizeMac(input.mac);
  if (mac === undefined) {
    return { ok: false, rule: 'bad-mac', reason: `"${input.mac}" is not a MAC address: use the 12 hex digits under the phone or in Settings > Network Configuration > MAC Address.` };
  }
  const stops = { ...DEFAULT_STOPS, ...input.stops };
  if (input.from === 'unknown') return planFromUnknown(input, mac);
  const planWarnings: string[] = [];
  const options = { context: input.context, stops, r3: input.r3 ?? 'field', viaSip23: input.viaSip23 ?? false } as const;
  let routed = route(input.from, input.to, options);
  if (!routed.ok) return routed;
  const r3Step = routed.steps.find((s) => s.path === 'R3');
  if (r3Step !== undefined && r3CodeFor(input, r3Step.to) === undefined) {
    routed = route(input.from, input.to, { ...options, r3: 'field' });
    if (!routed.ok) return routed;
    planWarnings.push(
      `R3 as written needs the upgradecode build and file for ${formatFirmware(r3Step.to)}, which Phonebench does not know: the field procedure is planned instead. Give them (from the SCCP load) to plan R3 as written.`,
    );
  }
  const hops = buildHops(routed.steps, input, mac);
  return { ok: true, plan: finish(hops, input, mac, planWarnings) };
}

function buildHops(steps: Step[], input: PlanInput, mac: string): Hop[] {
  const hops: Hop[] = [];
  steps.forEach((s, i) => {
    const before = steps[i - 1];
    const code = s.path === 'R3' ? r3CodeFor(input, s.to) : undefined;
    hops.push(
      buildHop(i + 1, s, {
        input,
        mac,
        restoresFullConfig: before !== undefined && isSip2xHop(before),
        ...(code === undefined ? {} : { r3Code: code }),
      }),
    );
  });
  return hops;
}

function finish(hops: Hop[], input: PlanInput, mac: string, warnings: string[]): Plan {
  const last = hops[hops.length - 1];
  if (hops.length === 0) warnings.push(`The phone already runs ${formatFirmware(input.to)}: nothing to do.`);
  if (input.context === 'bench' && hops.length > 0) {
    warnings.push(
      'Serve only this phone: on the phone set Settings > Network Configuration > Alternate TFTP = Yes and TFTP Server 1 = this computer. The site DHCP TFTP server would migrate every phone. A factory reset clears Alternate TFTP.',
    );
  }
  if (input.context === 'cme') warnings.push('With CME, the router can serve the files instead (tftp-server); this plan serves them from this computer.');
  warnings.push('Use the image files exactly as extracted from the Cisco archive: copied or renamed files fail with "Image Authentication Failed".');
  const library = input.library?.files;
  if (library !== undefined) {
    const have = new Set(library);
    for (const hop of hops) {
      const missing = [...hop.requiredFiles, ...hop.aliases.map((a) => a.file)].filter((f) => !have.has(f) && !generated(f));
      for (const f of new Set(missing)) {
        hop.warnings.push(`${f} is not in the firmware library: import the Cisco package that holds it.`);
      }
      if (missing.length > 0) warnings.push(`Hop ${hop.index} needs files the library lacks: ${[...new Set(missing)].join(', ')}.`);
    }
  }
  const finalConfigs = input.context === 'cucm' || last === undefined ? [] : fullConfigs(input, mac);
  if (last !== undefined && isSip2xHop({ from: last.from, to: last.to, path: last.path, provenance: last.provenance }) && last.to.major !== 2) {
    warnings.push('The last hop served trimmed SIP configs: once it is done, put the full configs (finalConfigs) in the TFTP root.');
  }
  return { hops, warnings, finalConfigs };
}

function generated(file: string): boolean {
  return file === 'gkdefault.cfg';
}

/** The configs to leave in the root at the end, for the target protocol. */
export function fullConfigs(input: PlanInput, mac: string): PlannedConfig[] {
  const to = input.to;
  const id = imageIdFor(to);
  if (to.protocol === 'SIP') {
    const minimal = to.major === 2;
    const out = [os79xxConfig(os79xxIdFor(to)), ...sipConfigs(mac, id, input.sipSettings, minimal)];
    if (bootEra(to) === 'loader') out.push(dialplanConfig());
    return out;
  }
  return [os79xxConfig(id), sepConfig(mac, input.model, id)];
}

/**
 * Start firmware unknown: serve files for every boot mechanism at once (OS79XX.TXT, SEP<MAC>.cnf.xml and the
 * SIP configs all name the target). Only for signed targets: a signed phone refuses anything older.
 */
function planFromUnknown(input: PlanInput, mac: string): PlanOutcome {
  const to = input.to;
  if (!isSigned(to)) {
    return {
      ok: false,
      rule: 'unknown-start',
      reason: `The phone's firmware is unknown and ${formatFirmware(to)} is older than 5.0, which a phone on a signed image refuses. Read Settings > Status > Firmware Versions on the phone and plan from it.`,
    };
  }
  if (to.protocol === 'MGCP') return { ok: false, rule: 'mgcp-out-of-scope', reason: 'MGCP firmware is recognised but not planned.' };
  const unknownFrom: FirmwareVersion = { protocol: to.protocol === 'SIP' ? 'SCCP' : 'SIP', major: 5, minor: 0 };
  const path = to.protocol === 'SIP' ? (to.major >= 7 ? 'F2' : 'F1') : 'R3-field';
  const step: Step = {
    from: unknownFrom,
    to,
    path,
    provenance: {
      source: 'inferred',
      section: '3.1, 3.2',
      reason: 'the start firmware is unknown; OS79XX.TXT, SEP<MAC>.cnf.xml and both SIP configs all name the target so either boot mechanism finds it',
    },
  };
  const hop = buildHop(1, step, { input, mac, restoresFullConfig: false });
  const id = imageIdFor(to);
  const names = new Set(hop.configs.map((c) => c.name));
  const add = (c: PlannedConfig): void => {
    if (!names.has(c.name)) hop.configs.push(c);
  };
  for (const c of sipConfigs(mac, id, input.sipSettings, false)) add(c);
  add(sepConfig(mac, input.model, id, to.protocol));
  hop.expectedRequests = [];
  hop.warnings.unshift('The start firmware is unknown: the request order cannot be predicted. Read Settings > Status > Firmware Versions to get an exact plan.');
  return { ok: true, plan: finish([hop], input, mac, []) };
}
