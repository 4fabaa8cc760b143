import type { Message } from '../../i18n/message';
import type { FirmwareVersion, Protocol } from '../firmware-version';
import type { PhoneModel } from '../phone-files';

/** Section 4 of the domain reference names each path; the planner only uses these. */
export type PathId = 'F1' | 'F2' | 'F3' | 'R1' | 'R2' | 'R3' | 'R3-field' | 'R4' | 'CM' | 'UPGRADE' | 'SIP23-FALLBACK';

export const PATH_IDS: readonly PathId[] = ['F1', 'F2', 'F3', 'R1', 'R2', 'R3', 'R3-field', 'R4', 'CM', 'UPGRADE', 'SIP23-FALLBACK'];

export type PlanContext = 'bench' | 'cucm' | 'cme';

export interface Provenance {
  /** doc: the source document; cisco: another Cisco document; field: field reports; inferred: our own reasoning. */
  source: 'doc' | 'cisco' | 'field' | 'inferred';
  /** Where in the domain reference. */
  section: string;
  reason?: Message;
}

export interface PlannedConfig {
  name: string;
  content: string;
  /** all: common to every phone served by this root; phone: this phone only. */
  scope: 'all' | 'phone';
}

/** A file served under a second name (an 8.3 alias for SIP 2.1 and earlier). */
export interface FileAlias {
  alias: string;
  file: string;
}

export interface Hop {
  index: number;
  from: FirmwareVersion;
  to: FirmwareVersion;
  path: PathId;
  provenance: Provenance;
  /** Exact names that must be in the TFTP root (images and tools; configs are in `configs`). */
  requiredFiles: string[];
  configs: PlannedConfig[];
  aliases: FileAlias[];
  /** What the phone should ask for, in order (from the old image's boot to the new image's boot). */
  expectedRequests: string[];
  /** What the technician should see on the phone's screen. */
  phoneShows: Message[];
  warnings: Message[];
  /**
   * Requests the new image makes after the hop's image files were sent: seeing them all, in order, after the
   * last image transfer means the phone runs the new image.
   */
  doneWhen: string[];
  /** Commands the technician runs on a PC (R3 as written: cfgfmt). */
  commands: string[];
  /** Steps done by hand outside the TFTP root (CM: the CallManager checklist; Alternate TFTP; reset). */
  checklist: Message[];
}

export interface Plan {
  hops: Hop[];
  warnings: Message[];
  /** The full configs to leave in the root once the last hop is done (restores what a SIP 2.x hop trimmed). */
  finalConfigs: PlannedConfig[];
  /** What those configs still lack for the phone to work: the call agent's SEP file, SIP proxy and lines. */
  finalNotes: Message[];
}

/** A stop whose exact load no source gives: the technician picks one from the library. */
export type ChoiceStop = 'latest-sccp4' | 'r2-first';

/** The plan cannot be made until the technician picks a load for one stop (PlanInput.via). */
export interface PlanChoice {
  stop: ChoiceStop;
  /** What fits: a load of this protocol and major release. */
  protocol: Protocol;
  major: number;
  /** Why the choice is needed, in words. */
  reason: Message;
  /** Library loads (ids) that fit, oldest first; empty when the library has none. */
  candidates: string[];
}

/**
 * A plan, or why there is none: a rule that refuses it, or a load the technician must choose (rule
 * 'needs-choice', with `choice`).
 */
export type PlanOutcome = { ok: true; plan: Plan } | { ok: false; reason: Message; rule: string; choice?: PlanChoice };

/** Settings that could be assumptions; every default comes from KNOWN_FIRMWARE and can be overridden. */
export interface PlanStops {
  /** "The latest SCCP 4.x" a SIP 3.x-or-earlier phone may try first (advice): a library load, chosen (via). */
  latestSccp4?: FirmwareVersion;
  /** The SCCP 5.x stop before later SCCP releases. */
  sccp5: FirmwareVersion;
  /** R2's first hop when the technician chose an SCCP 6.x load instead of SIP 6.3 (via). */
  r2First?: FirmwareVersion;
  /** The SIP upgrade chain 4.4 -> 5.3 -> 6.x -> 7.x. */
  sip44: FirmwareVersion;
  sip53: FirmwareVersion;
  sip6: FirmwareVersion;
  sip7: FirmwareVersion;
  sip23: FirmwareVersion;
}

export interface R3UpgradeCode {
  /** The build field of the `upgradecode:` line, e.g. "051117a". */
  build: string;
  /** The image file the line names, e.g. "CP7940080001SCCP051117A.sbin". */
  file: string;
}

export interface PlanInput {
  model: PhoneModel;
  mac: string;
  from: FirmwareVersion | 'unknown';
  to: FirmwareVersion;
  context: PlanContext;
  library?: { files: string[] };
  /** SIP parameters (`name: value`) for the phone; per-phone ones (line*, phone_*) go to SIP<MAC>.cnf. */
  sipSettings?: Record<string, string>;
  /**
   * SIP 5.x/6.x to SCCP: R3 as the source document writes it (gkdefault/cfgfmt), the field procedure (default),
   * or through SIP 7.x and R4 as the CME guide does ('sip7').
   */
  r3?: 'as-written' | 'field' | 'sip7';
  /** The build and file for R3's upgradecode line when the known table lacks the target. */
  r3UpgradeCode?: R3UpgradeCode;
  /** Old SCCP to SIP 3.x/4.x: go through SIP 2.3 first (the fix for TFTP "State Error"). */
  viaSip23?: boolean;
  /**
   * Loads (ids or file names from the library) the technician chose for stops no source names exactly: an
   * SCCP 4.x load for "the latest SCCP 4.x", an SCCP 6.x load for R2's first hop.
   */
  via?: string[];
  stops?: Partial<PlanStops>;
}
