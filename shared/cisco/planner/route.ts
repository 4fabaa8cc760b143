import type { FirmwareVersion } from '../firmware-version';
import { compareFirmware, formatFirmware, isSigned, sameFirmware } from '../firmware-version';
import type { PathId, PlanContext, PlanStops, Provenance } from './plan-types';

/** One move of the phone from one image to the next, before files and configs are worked out. */
export interface Step {
  from: FirmwareVersion;
  to: FirmwareVersion;
  path: PathId;
  provenance: Provenance;
}

export type RouteResult = { ok: true; steps: Step[] } | { ok: false; reason: string; rule: string };

export interface RouteOptions {
  context: PlanContext;
  stops: PlanStops;
  r3: 'as-written' | 'field';
  viaSip23: boolean;
}

const MAX_STEPS = 10;

/** The chain of steps from `from` to `to`, or the rule that forbids it. */
export function route(from: FirmwareVersion, to: FirmwareVersion, o: RouteOptions): RouteResult {
  const refused = refusal(from, to) ?? cmeRefusal(from, to, o.context);
  if (refused !== undefined) return { ok: false, ...refused };
  if (sameFirmware(from, to)) return { ok: true, steps: [] };
  if (o.context === 'cucm') return { ok: true, steps: [cucmStep(from, to)] };
  const steps: Step[] = [];
  let current = from;
  while (!sameFirmware(current, to)) {
    if (steps.length >= MAX_STEPS) throw new Error(`no route found within ${MAX_STEPS} hops: planner bug`);
    const next = nextSteps(current, to, o);
    steps.push(...next);
    current = next[next.length - 1]?.to ?? to;
  }
  return { ok: true, steps };
}

/** The rules that refuse a plan outright. */
export function refusal(from: FirmwareVersion, to: FirmwareVersion): { reason: string; rule: string } | undefined {
  if (from.protocol === 'MGCP' || to.protocol === 'MGCP') {
    return {
      rule: 'mgcp-out-of-scope',
      reason: 'MGCP firmware (P0M3...) is recognised but Phonebench plans only SCCP and SIP migrations.',
    };
  }
  if (isSigned(from) && !isSigned(to)) {
    return {
      rule: 'signed-no-downgrade',
      reason: `${formatFirmware(from)} is a signed image (5.0 or later); a phone on a signed image never goes back below 5.0, so ${formatFirmware(to)} cannot be loaded.`,
    };
  }
  return undefined;
}

/** CME wants SCCP 5.x (signed) before converting, which rules out unsigned SIP targets. */
function cmeRefusal(from: FirmwareVersion, to: FirmwareVersion, context: PlanContext): { reason: string; rule: string } | undefined {
  if (context !== 'cme' || from.protocol !== 'SCCP' || to.protocol !== 'SIP' || isSigned(from) || isSigned(to)) return undefined;
  return {
    rule: 'cme-needs-sccp5',
    reason: `With CME the phone must run SCCP 5.x before converting, and from a signed 5.x image it cannot load ${formatFirmware(to)} (older than 5.0). Pick SIP 5.0 or later, or plan on the bench.`,
  };
}

function doc(section: string): Provenance {
  return { source: 'doc', section };
}

function cisco(section: string): Provenance {
  return { source: 'cisco', section };
}

function inferred(section: string, reason: string): Provenance {
  return { source: 'inferred', section, reason };
}

function step(from: FirmwareVersion, to: FirmwareVersion, path: PathId, provenance: Provenance): Step {
  return { from, to, path, provenance };
}

function cucmStep(from: FirmwareVersion, to: FirmwareVersion): Step {
  if (from.protocol !== to.protocol) return step(from, to, 'CM', doc('4 CM'));
  return step(
    from,
    to,
    'CM',
    inferred('4 CM', 'same protocol under CUCM: the load is named in CUCM (Device Defaults or the phone page), not on this bench'),
  );
}

function lt(a: FirmwareVersion, b: FirmwareVersion): boolean {
  return compareFirmware(a, b) < 0;
}

function nextSteps(cur: FirmwareVersion, to: FirmwareVersion, o: RouteOptions): Step[] {
  if (cur.protocol === to.protocol) return [sameProtocol(cur, to, o)];
  if (cur.protocol === 'SCCP') return [sccpToSip(cur, to, o)];
  return sipToSccp(cur, to, o);
}

function sccpToSip(cur: FirmwareVersion, to: FirmwareVersion, o: RouteOptions): Step {
  const { stops } = o;
  if (o.context === 'cme' && cur.major < 5) {
    return step(cur, stops.sccp5, 'UPGRADE', cisco('4 rules: CME users must have SCCP 5.x before converting'));
  }
  if (cur.major >= 6) {
    if (to.major >= 7) return step(cur, to, 'F3', doc('4 F3'));
    // F3 reaches SIP 7.x or later only; SIP 5.x/6.x is then a downgrade from 7.x.
    return step(cur, stops.sip7, 'F3', doc('4 F3'));
  }
  const base: Provenance =
    cur.major === 4
      ? inferred('4 F1/F2', 'SCCP 4.x as a start is not covered; it boots through OS79XX.TXT like SCCP 3.x and 5.x, so F1/F2 apply')
      : doc(to.major >= 7 ? '4 F2' : '4 F1');
  if (to.major >= 7) return step(cur, to, 'F2', base);
  // F1 reaches SIP 5.x/6.x from SCCP 5.x only; older SCCP goes to SIP 4.4 and up the SIP chain.
  const target = to.major >= 5 && cur.major < 5 ? stops.sip44 : to;
  if (o.viaSip23 && cur.major < 5 && (target.major === 3 || target.major === 4)) {
    return step(cur, stops.sip23, 'SIP23-FALLBACK', doc('4 rules: State Error, go to SIP 2.3 first'));
  }
  return step(cur, target, 'F1', base);
}

function sipToSccp(cur: FirmwareVersion, to: FirmwareVersion, o: RouteOptions): Step[] {
  const { stops } = o;
  if (cur.major <= 3) {
    if (to.major >= 5) {
      return [step(cur, stops.latestSccp4, 'R1', doc('4 rules: latest SCCP 4.x first from SIP 3.x or earlier'))];
    }
    return [step(cur, to, 'R1', doc('4 R1'))];
  }
  if (cur.major === 4) {
    if (to.major <= 5) return [step(cur, to, 'R1', doc('4 R1'))];
    const first = step(cur, stops.sccp63, 'R2', doc('4 R2 (first hop: SCCP 6.3)'));
    if (sameFirmware(stops.sccp63, to)) return [first];
    return [first, step(stops.sccp63, to, 'R2', doc('4 R2 (second hop: the target)'))];
  }
  if (cur.major <= 6) {
    return o.r3 === 'as-written'
      ? [step(cur, to, 'R3', doc('4 R3'))]
      : [step(cur, to, 'R3-field', { source: 'field', section: '4 R3 (field procedure)' })];
  }
  return [step(cur, to, 'R4', doc('4 R4'))];
}

function sameProtocol(cur: FirmwareVersion, to: FirmwareVersion, o: RouteOptions): Step {
  const { stops } = o;
  const up = lt(cur, to);
  if (cur.protocol === 'SIP') {
    const chain = cisco('4 rules: SIP upgrades 2.x/3.x/4.x -> 4.4 -> 5.3 -> 6.x -> 7.x');
    if (up) {
      if (lt(cur, stops.sip44) && lt(stops.sip44, to)) return step(cur, stops.sip44, 'UPGRADE', chain);
      if (lt(cur, stops.sip53) && lt(stops.sip53, to)) return step(cur, stops.sip53, 'UPGRADE', chain);
      if (cur.major < 6 && to.major >= 7) return step(cur, stops.sip6, 'UPGRADE', chain);
      return step(cur, to, 'UPGRADE', chain);
    }
    if (!isSigned(cur)) {
      return step(cur, to, 'UPGRADE', inferred('4 rules', 'no source covers downgrades between unsigned SIP releases; OS79XX.TXT and image_version name the older image'));
    }
    const down = cisco('4 rules: to downgrade SIP, go to 7.x first, then straight to the target');
    if (cur.major > 7 && to.major < 7) return step(cur, stops.sip7, 'UPGRADE', down);
    return step(cur, to, 'UPGRADE', down);
  }
  if (up && cur.major < 5 && to.major > 5) {
    return step(
      cur,
      stops.sccp5,
      'UPGRADE',
      inferred('4 rules', 'no source gives the SCCP upgrade chain; following "the 4.x chain, then the 5.x chain", the phone takes a 5.x signed load before later ones'),
    );
  }
  if (up) return step(cur, to, 'UPGRADE', cisco('3.1 step 5: the load id in SEP<MAC>.cnf.xml'));
  return step(cur, to, 'UPGRADE', inferred('3.1 step 5', 'no source covers SCCP downgrades; the load id in SEP<MAC>.cnf.xml names the older load'));
}
