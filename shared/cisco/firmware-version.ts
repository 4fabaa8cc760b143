import { assertNever } from '../api/result';

/**
 * The firmware model: which protocol a 7940/7960 image speaks and which release it is, as technicians write it
 * ("SIP 8.12", "SCCP 8.1(2)SR2"). Image file names are handled in image-name.ts.
 */

export type Protocol = 'SCCP' | 'SIP' | 'MGCP';

export const PROTOCOLS: readonly Protocol[] = ['SCCP', 'SIP', 'MGCP'];

export interface FirmwareVersion {
  protocol: Protocol;
  major: number;
  minor: number;
  /** SCCP "(2)" in 8.1(2); SIP dashed names have no such field. */
  maintenance?: number;
  /** SCCP "(1.1)" second number in 5.0(1.1); SIP: third field of a dashed name when not 00. */
  sub?: number;
  /** SCCP "SR2" in 8.1(2)SR2. */
  serviceRelease?: number;
}

export type BootEra = 'os79xx' | 'loader';

const LABEL =
  /^\s*(sccp|sip|mgcp)\s*v?\s*(\d{1,2})\s*\.\s*(\d{1,2})(?:\s*\.\s*(\d{1,2}))?\s*(?:\(\s*(\d{1,2})(?:\s*\.\s*(\d{1,3}))?\s*\))?\s*(?:sr\s*(\d{1,2}))?\s*$/i;

/**
 * Reads a label such as "SIP 8.12", "SCCP 8.1(2)SR2", "sccp 5.0(1.1)", "SIP 8.5.1". Lenient on case and spaces;
 * returns undefined for anything else.
 */
export function parseFirmwareLabel(text: string): FirmwareVersion | undefined {
  const m = LABEL.exec(text);
  if (m === null) return undefined;
  const protocol = (m[1] ?? '').toUpperCase() as Protocol;
  const dotted = m[4];
  const paren = m[5];
  if (dotted !== undefined && paren !== undefined) return undefined;
  const v: FirmwareVersion = { protocol, major: Number(m[2]), minor: Number(m[3]) };
  if (dotted !== undefined) {
    const sub = Number(dotted);
    if (sub !== 0) v.sub = sub;
  }
  if (paren !== undefined) {
    v.maintenance = Number(paren);
    if (m[6] !== undefined) v.sub = Number(m[6]);
  }
  if (m[7] !== undefined) v.serviceRelease = Number(m[7]);
  return v;
}

/** The label a technician reads: "SIP 8.12", "SCCP 8.1(2)SR2", "SCCP 5.0(1.1)". */
export function formatFirmware(v: FirmwareVersion): string {
  let text = `${v.protocol} ${v.major}.${v.minor}`;
  if (v.maintenance !== undefined) {
    text += v.sub !== undefined ? `(${v.maintenance}.${v.sub})` : `(${v.maintenance})`;
  } else if (v.sub !== undefined) {
    text += `.${v.sub}`;
  }
  if (v.serviceRelease !== undefined) text += `SR${v.serviceRelease}`;
  return text;
}

/**
 * Orders releases by number (major, minor, maintenance, sub, service release; a missing part counts as 0),
 * then by protocol so the order is total. Negative when a comes first.
 */
export function compareFirmware(a: FirmwareVersion, b: FirmwareVersion): number {
  const parts = (v: FirmwareVersion): number[] => [
    v.major,
    v.minor,
    v.maintenance ?? 0,
    v.sub ?? 0,
    v.serviceRelease ?? 0,
  ];
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < pa.length; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol);
}

/** Same protocol and same release (missing parts count as 0). */
export function sameFirmware(a: FirmwareVersion, b: FirmwareVersion): boolean {
  return compareFirmware(a, b) === 0;
}

/** Images from 5.0 on are signed, in either protocol; a phone on one never goes back below 5.0. */
export function isSigned(v: FirmwareVersion): boolean {
  return v.major >= 5;
}

/**
 * How the phone running `v` picks its next image: OS79XX.TXT (SCCP up to 5.x, SIP up to 6.x) or the universal
 * application loader's config hunt (SCCP 6.x on, SIP 7.x on). MGCP is treated like SCCP (not established).
 */
export function bootEra(v: FirmwareVersion): BootEra {
  switch (v.protocol) {
    case 'SIP':
      return v.major <= 6 ? 'os79xx' : 'loader';
    case 'SCCP':
    case 'MGCP':
      return v.major <= 5 ? 'os79xx' : 'loader';
    default:
      return assertNever(v.protocol, 'protocol');
  }
}
