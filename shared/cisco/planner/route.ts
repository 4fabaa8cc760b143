import { msg, type Message } from '../../i18n/message';
import type { FirmwareVersion } from '../firmware-version';
import { compareFirmware, formatFirmware, isSigned, sameFirmware } from '../firmware-version';
import type { ChoiceStop, PathId, PlanContext, PlanStops, Provenance } from './plan-types';

/** One move of the phone from one image to the next, before files and configs are worked out. */
export interface Step {
  from: FirmwareVersion;
  to: FirmwareVersion;
  path: PathId;
  provenance: Provenance;
}

export type RouteResult =
  | { ok: true; steps: Step[] }
  | { ok: false; reason: Message; rule: string }
  | { ok: false; rule: 'needs-choice'; stop: ChoiceStop };

export interface RouteOptions {
  context: PlanContext;
  stops: PlanStops;
  r3: 'as-written' | 'field';
  viaSip23: boolean;
}

const MAX_STEPS = 10;

/** A stop the route needs but nobody chose: planning stops there and asks. */
class ChoiceNeeded {
  constructor(readonly stop: ChoiceStop) {}
}

/** The chain of steps from `from` to `to`, the rule that forbids it, or the stop whose load must be chosen. */
export function route(from: FirmwareVersion, to: FirmwareVersion, o: RouteOptions): RouteResult {
  const refused = refusal(from, to) ?? cmeRefusal(from, to, o.context);
  if (refused !== undefined) return { ok: false, ...refused };
  if (sameFirmware(from, to)) return { ok: true, steps: [] };
  if (o.context === 'cucm') return { ok: true, steps: [cucmStep(from, to)] };
  const steps: Step[] = [];
  let current = from;
  try {
    while (!sameFirmware(current, to)) {
      if (steps.length >= MAX_STEPS) throw new Error(`no route found within ${MAX_STEPS} hops: planner bug`);
      const next = nextSteps(current, to, o);
      steps.push(...next);
      current = next[next.length - 1]?.to ?? to;
    }
  } catch (error) {
    if (error instanceof ChoiceNeeded) return { ok: false, rule: 'needs-choice', stop: error.stop };
    throw error;
  }
  return { ok: true, steps };
}

function chosen(v: FirmwareVersion | undefined, stop: ChoiceStop): FirmwareVersion {
  if (v === undefined) throw new ChoiceNeeded(stop);
  return v;
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
  if (context !== 'cme' || from.protocol !== 'SCCP' || to.protocol !== 'SIP' || isSigned(from) || isSigned(to)) return undefined;
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
  if (cur.major <= 3) {
    if (to.major >= 5) {
      const sccp4 = chosen(stops.latestSccp4, 'latest-sccp4');
      return [step(cur, sccp4, 'R1', doc('4 rules: latest SCCP 4.x first from SIP 3.x or earlier'))];
    }
    return [step(cur, to, 'R1', doc('4 R1'))];
  }
  if (cur.major === 4) {
    if (to.major <= 5) return [step(cur, to, 'R1', doc('4 R1'))];
    // The target is itself a 6.x image: R2's first hop reaches it.
    if (to.major === 6) return [step(cur, to, 'R2', doc('4 R2 (first hop: a 6.x image)'))];
    const first = chosen(stops.r2First, 'r2-first');
    return [
      step(cur, first, 'R2', doc('4 R2 (first hop: the 6.x load chosen for "the 6.3 image")')),
      step(first, to, 'R2', doc('4 R2 (second hop: the target)')),
    ];
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
