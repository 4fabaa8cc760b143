import { msg } from '../../i18n/message';
import { compareFirmware, type FirmwareVersion } from '../firmware-version';
import { imageIdFor, parseImageName } from '../image-name';
import { KNOWN_FIRMWARE } from './known-firmware';
import type { ChoiceStop, PlanOutcome, PlanStops } from './plan-types';

/**
 * Stops a technician may choose a load for: "the latest SCCP 4.x" (advice for SIP 3.x or earlier to SCCP 5.x)
 * and an SCCP 6.x load instead of SIP 6.3 for R2's first hop. Loads come from the library (or the table of real
 * loads); nothing is made up.
 */
export const CHOICE_STOPS: Readonly<Record<ChoiceStop, { protocol: 'SCCP'; major: number }>> = {
  'latest-sccp4': { protocol: 'SCCP', major: 4 },
  'r2-first': { protocol: 'SCCP', major: 6 },
};

const STOP_KEYS: Readonly<Record<ChoiceStop, keyof PlanStops>> = { 'latest-sccp4': 'latestSccp4', 'r2-first': 'r2First' };

export interface ChosenLoad {
  id: string;
  version: FirmwareVersion;
  stop: ChoiceStop;
}

/** A library name as a load: an image id (or file name) whose id is exactly the form the phone asks for. */
export function loadOf(name: string): { id: string; version: FirmwareVersion } | undefined {
  const parsed = parseImageName(name.trim());
  if (parsed === undefined || parsed.scheme === 'loader') return undefined;
  if (imageIdFor(parsed.version) !== parsed.id) return undefined;
  return { id: parsed.id, version: parsed.version };
}

function stopFor(v: FirmwareVersion): ChoiceStop | undefined {
  return (Object.keys(CHOICE_STOPS) as ChoiceStop[]).find((s) => CHOICE_STOPS[s].protocol === v.protocol && CHOICE_STOPS[s].major === v.major);
}

/** Ids of the table of real loads (releases whose exact load is known). */
function tableIds(): Set<string> {
  return new Set(KNOWN_FIRMWARE.filter((k) => k.exactLoad).map((k) => imageIdFor(k.version)));
}

/** Ids the library holds (any image file of the id). */
function libraryIds(libraryFiles: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const f of libraryFiles) {
    const parsed = parseImageName((f.split(/[\\/]/).pop() ?? f).trim());
    if (parsed !== undefined) ids.add(parsed.id);
  }
  return ids;
}

/** Every load, from the library or the table of real loads, that fits some stop. */
function loadsThatFit(libraryFiles: readonly string[]): string[] {
  const out = new Set<string>();
  for (const stop of Object.keys(CHOICE_STOPS) as ChoiceStop[]) for (const id of candidatesFor(stop, [...libraryFiles, ...tableIds()])) out.add(id);
  return [...out];
}

/**
 * Reads the technician's chosen loads into stops. A load must be in the library or in the table of real loads,
 * and fit a stop; anything else is refused with the loads that fit.
 */
export function resolveVia(
  via: readonly string[],
  libraryFiles: readonly string[] = [],
): { ok: true; stops: Partial<PlanStops>; chosen: ChosenLoad[] } | { ok: false; outcome: PlanOutcome } {
  const stops: Partial<PlanStops> = {};
  const chosen: ChosenLoad[] = [];
  const known = new Set([...libraryIds(libraryFiles), ...tableIds()]);
  for (const name of via) {
    const load = loadOf(name);
    const stop = load === undefined ? undefined : stopFor(load.version);
    if (load === undefined || stop === undefined || !known.has(load.id)) {
      const fits = loadsThatFit(libraryFiles);
      const reason =
        load !== undefined && stop !== undefined
          ? msg('planner.refuse.viaNotInLibrary', { load: name, fits: fits.length === 0 ? '-' : fits.join(', ') })
          : msg('planner.refuse.viaUnfit', { load: name, fits: fits.length === 0 ? '-' : fits.join(', ') });
      return { ok: false, outcome: { ok: false, rule: 'via-unfit', reason } };
    }
    const key = STOP_KEYS[stop];
    if (stops[key] !== undefined) {
      return { ok: false, outcome: { ok: false, rule: 'via-unfit', reason: msg('planner.refuse.viaTwice', { load: name }) } };
    }
    stops[key] = load.version;
    chosen.push({ ...load, stop });
  }
  return { ok: true, stops, chosen };
}

/** Library loads that fit a stop, oldest first, each id once. */
export function candidatesFor(stop: ChoiceStop, libraryFiles: readonly string[]): string[] {
  const fit = CHOICE_STOPS[stop];
  const found = new Map<string, FirmwareVersion>();
  for (const f of libraryFiles) {
    const load = loadOf(f);
    if (load !== undefined && load.version.protocol === fit.protocol && load.version.major === fit.major) found.set(load.id, load.version);
  }
  return [...found].sort((a, b) => compareFirmware(a[1], b[1])).map(([id]) => id);
}

/** The structured "needs choice" outcome for a stop. */
export function choiceOutcome(stop: ChoiceStop, libraryFiles: readonly string[]): PlanOutcome {
  const fit = CHOICE_STOPS[stop];
  const reason = msg(stop === 'r2-first' ? 'planner.choice.r2First' : 'planner.choice.latestSccp4');
  return {
    ok: false,
    rule: 'needs-choice',
    reason,
    choice: { stop, protocol: fit.protocol, major: fit.major, reason, candidates: candidatesFor(stop, libraryFiles) },
  };
}
