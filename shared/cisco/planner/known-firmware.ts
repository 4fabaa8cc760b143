import type { FirmwareVersion } from '../firmware-version';
import { formatFirmware, parseFirmwareLabel, sameFirmware } from '../firmware-version';
import type { PlanStops, R3UpgradeCode } from './plan-types';

export interface KnownFirmware {
  label: string;
  version: FirmwareVersion;
  /** How sure we are the release exists under this number (domain reference tags). */
  source: 'doc' | 'cisco' | 'field' | 'inferred';
  /**
   * The exact load id of this release is known (source document or domain reference), so a plan may go to it
   * or through it. Without one the release is only a start: the phone runs it, we never serve it.
   */
  exactLoad: boolean;
  /** No public source shows this load's file: its name follows the naming rule only ([inferred]). */
  nameInferred?: true;
}

function known(label: string, source: KnownFirmware['source'], exactLoad: boolean, nameInferred = false): KnownFirmware {
  const version = parseFirmwareLabel(label);
  if (version === undefined) throw new Error(`bad known firmware label ${label}`);
  return nameInferred ? { label, version, source, exactLoad, nameInferred: true } : { label, version, source, exactLoad };
}

/**
 * Releases the planner, the UI and the property tests know by name. A start-only entry (exactLoad false) stands
 * for "a phone on that series"; every target and every stop the planner serves has an exact load id.
 */
export const KNOWN_FIRMWARE: readonly KnownFirmware[] = [
  known('SCCP 3.1', 'inferred', false),
  // Domain reference section 6: P00303030300.
  known('SCCP 3.3(3)', 'field', true),
  known('SCCP 4.1', 'inferred', false),
  // Source document line 234: P00305000101.
  known('SCCP 5.0(1.1)', 'doc', true),
  known('SCCP 5.0(2)', 'cisco', true),
  known('SCCP 6.0(1)', 'cisco', true),
  // Source document line 269: P00306000200.
  known('SCCP 6.0(2)', 'doc', true),
  // Source document line 346: P00307020300.
  known('SCCP 7.2(3)', 'doc', true),
  // Source document line 256: cmterm-7940-7960-sccp.8-0-4.zip.
  known('SCCP 8.0(4)', 'doc', true),
  known('SCCP 8.1(2)', 'field', true),
  known('SCCP 8.1(2)SR2', 'field', true),
  // Source document line 115: P0S30100.bin.
  known('SIP 1.0', 'doc', true),
  known('SIP 2.1', 'inferred', false),
  // Source document line 115: P0S30203.
  known('SIP 2.3', 'doc', true),
  known('SIP 3.1', 'inferred', false),
  // The SIP upgrade chain 4.4 -> 5.3 -> 6.x -> 7.x (domain reference section 4), dashed names (line 115).
  known('SIP 4.4', 'cisco', true),
  // P0S3-05-3-00 follows the naming rule; no public source shows the file (turn 3 review): [inferred] name.
  known('SIP 5.3', 'cisco', true, true),
  known('SIP 6.3', 'cisco', true),
  // Source document line 325: P0S3-07-4-00.
  known('SIP 7.4', 'doc', true),
  // P0S3-08-11-00 is known, but not the loader name its package ships (OS79XX.TXT names the loader): start only.
  known('SIP 8.11', 'field', false),
  known('SIP 8.12', 'field', true),
];

/** The known entry for `v`, if any. */
export function knownFirmware(v: FirmwareVersion): KnownFirmware | undefined {
  return KNOWN_FIRMWARE.find((k) => sameFirmware(k.version, v));
}

/** Some known release shares the protocol and major of `v` (SIP 8.x, SCCP 4.x, ...). */
export function knownSeries(v: FirmwareVersion): boolean {
  return KNOWN_FIRMWARE.some((k) => k.version.protocol === v.protocol && k.version.major === v.major);
}

/** Labels of the releases a plan may go to, for a refusal that lists them. */
export function knownTargetLabels(): string[] {
  return KNOWN_FIRMWARE.filter((k) => k.exactLoad).map((k) => formatFirmware(k.version));
}

/** Labels of the releases a plan may start from. */
export function knownStartLabels(): string[] {
  return KNOWN_FIRMWARE.map((k) => formatFirmware(k.version));
}

function v(label: string): FirmwareVersion {
  const found = KNOWN_FIRMWARE.find((k) => k.label === label);
  if (found === undefined || !found.exactLoad) throw new Error(`stop ${label} has no exact load`);
  return found.version;
}

/**
 * Stops with an exact load. "The latest SCCP 4.x" and R2's "6.3 image" have none: the technician chooses a
 * load from the library (PlanInput.via).
 */
export const DEFAULT_STOPS: PlanStops = {
  sccp5: v('SCCP 5.0(1.1)'),
  sip23: v('SIP 2.3'),
  sip44: v('SIP 4.4'),
  sip53: v('SIP 5.3'),
  sip6: v('SIP 6.3'),
  sip7: v('SIP 7.4'),
};

/** upgradecode values given by the source document (R3), by SCCP image id. */
export const KNOWN_R3_UPGRADE_CODES: Readonly<Record<string, R3UpgradeCode>> = {
  P00308000400: { build: '051117a', file: 'CP7940080001SCCP051117A.sbin' },
};
