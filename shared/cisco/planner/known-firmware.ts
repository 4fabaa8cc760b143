import type { FirmwareVersion } from '../firmware-version';
import { parseFirmwareLabel } from '../firmware-version';
import type { PlanStops, R3UpgradeCode } from './plan-types';

export interface KnownFirmware {
  label: string;
  version: FirmwareVersion;
  /** How sure we are the release exists under this number (domain reference tags). */
  source: 'doc' | 'cisco' | 'field' | 'inferred';
}

function known(label: string, source: KnownFirmware['source']): KnownFirmware {
  const version = parseFirmwareLabel(label);
  if (version === undefined) throw new Error(`bad known firmware label ${label}`);
  return { label, version, source };
}

/**
 * Releases the planner, the UI and the property tests know by name. Entries marked inferred stand for "a
 * release of that series"; the planner lets every stop be overridden.
 */
export const KNOWN_FIRMWARE: readonly KnownFirmware[] = [
  known('SCCP 3.1', 'inferred'),
  known('SCCP 4.1', 'inferred'),
  known('SCCP 5.0(1.1)', 'doc'),
  known('SCCP 6.0(2)', 'doc'),
  known('SCCP 6.3', 'doc'),
  known('SCCP 7.2(3)', 'cisco'),
  known('SCCP 8.0(4)', 'doc'),
  known('SCCP 8.1(2)', 'field'),
  known('SCCP 8.1(2)SR2', 'field'),
  known('SIP 1.0', 'doc'),
  known('SIP 2.1', 'inferred'),
  known('SIP 2.3', 'doc'),
  known('SIP 3.1', 'inferred'),
  known('SIP 4.4', 'cisco'),
  known('SIP 5.3', 'cisco'),
  known('SIP 6.3', 'inferred'),
  known('SIP 7.4', 'field'),
  known('SIP 8.11', 'field'),
  known('SIP 8.12', 'field'),
];

function v(label: string): FirmwareVersion {
  const found = KNOWN_FIRMWARE.find((k) => k.label === label);
  if (found === undefined) throw new Error(`unknown stop ${label}`);
  return found.version;
}

export const DEFAULT_STOPS: PlanStops = {
  latestSccp4: v('SCCP 4.1'),
  sccp5: v('SCCP 5.0(1.1)'),
  sccp63: v('SCCP 6.3'),
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
