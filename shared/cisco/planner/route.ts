import { msg, type Message } from '../../i18n/message';
import type { FirmwareVersion } from '../firmware-version';
import { compareFirmware, formatFirmware, isSigned, sameFirmware } from '../firmware-version';
import type { PathId, PlanContext, PlanStops, Provenance } from './plan-types';

/** One move of the phone from one image to the next, before files and configs are worked out. */
export interface Step {
  from: FirmwareVersion;
  to: FirmwareVersion;
  path: PathId;
  provenance: Provenance;
  /** Advice the source gives for this step that the plan does not follow by itself (a warning). */
  advice?: 'latest-sccp4';
}

export type RouteResult = { ok: true; steps: Step[] } | { ok: false; reason: Message; rule: string };

export interface RouteOptions {
  context: PlanContext;
  stops: PlanStops;
  /** R3 for SIP 5.x/6.x to SCCP: as the source writes it, the field procedure, or through SIP 7.x and R4 (CME guide). */
  r3: 'as-written' | 'field' | 'sip7';
  viaSip23: boolean;
}

const MAX_STEPS = 10;

/** The chain of steps from `from` to `to`, the rule that forbids it, or the stop whose load must be chosen. */
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
export function refusal(from: FirmwareVersion, to: FirmwareVersion): { reason: Message; rule: string } | undefined {
  if (from.protocol === 'MGCP' || to.protocol === 'MGCP') {
    return { rule: 'mgcp-out-of-scope', reason: msg('planner.refuse.mgcp') };
  }
  if (isSigned(from) && !isSigned(to)) {
    return {
      rule: 'signed-no-downgrade',
      reason: msg('planner.refuse.signedNoDowngrade', { from: formatFirmware(from), to: formatFirmware(to) }),
    };
  }
  return undefined;
}

/** CME wants SCCP 5.x (signed) before converting, which rules out unsigned SIP targets. */
function cmeRefusal(from: FirmwareVersion, to: FirmwareVersion, context: PlanContext): { reason: Message; rule: string } | undefined {
  if (context !== 'cme' || isSigned(to) || from.protocol === to.protocol) return undefined;
  // CME guide: SIP 7.x (signed) before converting to SCCP, which rules out unsigned SCCP targets.
  if (from.protocol === 'SIP') return { rule: 'cme-needs-sip7', reason: msg('planner.refuse.cmeNeedsSip7', { to: formatFirmware(to) }) };
  if (isSigned(from)) return undefined;
  return { rule: 'cme-needs-sccp5', reason: msg('planner.refuse.cmeNeedsSccp5', { to: formatFirmware(to) }) };
}

function doc(section: string): Provenance {
  return { source: 'doc', section };
}

function cisco(section: string): Provenance {
  return { source: 'cisco', section };
}

function inferred(section: string, reason: Message): Provenance {
  return { source: 'inferred', section, reason };
}

function step(from: FirmwareVersion, to: FirmwareVersion, path: PathId, provenance: Provenance): Step {
  return { from, to, path, provenance };
}

function cucmStep(from: FirmwareVersion, to: FirmwareVersion): Step {
  if (from.protocol !== to.protocol) return step(from, to, 'CM', doc('4 CM'));
  return step(from, to, 'CM', inferred('4 CM', msg('planner.inferred.cucmSameProtocol')));
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
    cur.major === 4 ? inferred('4 F1/F2', msg('planner.inferred.sccp4Start')) : doc(to.major >= 7 ? '4 F2' : '4 F1');
  if (to.major >= 7) return step(cur, to, 'F2', base);
  // F1 as written (source lines 169-171): SCCP 3.x or earlier to any SIP 6.x or earlier, SCCP 5.x to SIP 5.x/6.x, one hop.
  if (o.viaSip23 && cur.major < 5 && (to.major === 3 || to.major === 4)) {
    return step(cur, stops.sip23, 'SIP23-FALLBACK', doc('4 rules: State Error, go to SIP 2.3 first'));
  }
  return step(cur, to, 'F1', base);
}

function sipToSccp(cur: FirmwareVersion, to: FirmwareVersion, o: RouteOptions): Step[] {
  const { stops } = o;
  // CME guide ("Phone Firmware Conversion from SIP to SCCP"): the phone runs SIP 7.x before converting. On the
  // bench it is the alternative to R3 for SIP 5.x/6.x (r3 'sip7').
  if (cur.major < 7 && (o.context === 'cme' || (o.r3 === 'sip7' && cur.major >= 5))) {
    return sipChain(cur, stops.sip7, o);
  }
  if (cur.major <= 4 && to.major >= 6) return r2(cur, to, o);
  if (cur.major <= 4) {
    // Source line 222 says to *try* the latest SCCP 4.x first from SIP 3.x or earlier: advice, not a gate.
    if (cur.major <= 3 && to.major >= 5) {
      if (stops.latestSccp4 !== undefined) {
        return [step(cur, stops.latestSccp4, 'R1', doc('4 rules: latest SCCP 4.x first from SIP 3.x or earlier (chosen load)'))];
      }
      return [{ ...step(cur, to, 'R1', doc('4 R1')), advice: 'latest-sccp4' }];
    }
    return [step(cur, to, 'R1', doc('4 R1'))];
  }
  if (cur.major <= 6) {
    if (o.r3 === 'as-written') return [step(cur, to, 'R3', doc('4 R3'))];
    return [step(cur, to, 'R3-field', { source: 'field', section: '4 R3 (field procedure: OS79XX.TXT and image_version name the SCCP load)' })];
  }
  return [step(cur, to, 'R4', doc('4 R4'))];
}

/** SIP upgrades from `cur` to `stop`, following the SIP chain rule. */
function sipChain(cur: FirmwareVersion, stop: FirmwareVersion, o: RouteOptions): Step[] {
  const out: Step[] = [];
  let at = cur;
  while (lt(at, stop) && out.length < MAX_STEPS) {
    const s = sameProtocol(at, stop, o);
    out.push(s);
    at = s.to;
  }
  return out;
}

/**
 * R2: first "the 6.3 image", read as SIP 6.3 (the step names it in OS79XX.TXT and the protocol config of a phone
 * that runs SIP; no SCCP 6.3 load exists; the CME guide routes SIP to SCCP through SIP 6.3), reached by the SIP
 * chain; then the target. A technician may choose an SCCP 6.x load from the library instead (via).
 */
function r2(cur: FirmwareVersion, to: FirmwareVersion, o: RouteOptions): Step[] {
  const { stops } = o;
  const chosenFirst = stops.r2First;
  if (chosenFirst !== undefined) {
    return [
      step(cur, chosenFirst, 'R2', inferred('4 R2', msg('planner.inferred.r2ChosenFirst', { load: formatFirmware(chosenFirst) }))),
      step(chosenFirst, to, 'R2', doc('4 R2 (second hop: the target)')),
    ];
  }
  const chain = sipChain(cur, stops.sip6, o);
  const last = chain.pop();
  const first = last ?? step(cur, stops.sip6, 'R2', doc('4 R2'));
  return [
    ...chain,
    { ...first, path: 'R2', provenance: doc('4 R2 (first hop: "the 6.3 image", SIP 6.3)') },
    step(stops.sip6, to, 'R2', doc('4 R2 (second hop: the target)')),
  ];
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
      return step(cur, to, 'UPGRADE', inferred('4 rules', msg('planner.inferred.sipUnsignedDowngrade')));
    }
    const down = cisco('4 rules: to downgrade SIP, go to 7.x first, then straight to the target');
    if (cur.major > 7 && to.major < 7) return step(cur, stops.sip7, 'UPGRADE', down);
    return step(cur, to, 'UPGRADE', down);
  }
  if (up && cur.major < 5 && to.major > 5) {
    return step(cur, stops.sccp5, 'UPGRADE', inferred('4 rules', msg('planner.inferred.sccpChain')));
  }
  if (up) return step(cur, to, 'UPGRADE', cisco('3.1 step 5: the load id in SEP<MAC>.cnf.xml'));
  return step(cur, to, 'UPGRADE', inferred('3.1 step 5', msg('planner.inferred.sccpDowngrade')));
}
