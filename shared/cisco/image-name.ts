import { assertNever } from '../api/result';
import type { FirmwareVersion, Protocol } from './firmware-version';

/**
 * Image file names of the 7940/7960 (domain reference section 2). The third character is the protocol:
 * `0` SCCP, `S` SIP, `M` MGCP. Ids are case-sensitive: a phone asks for exactly what OS79XX.TXT or the config
 * names, so lower-case prefixes are not accepted here (the linter reports them).
 */

export type ImageScheme = 'sip-8.3' | 'sip-dashed' | 'sccp-8.3' | 'sccp' | 'sccp-sr' | 'loader' | 'mgcp';

export interface ImageName {
  /** The name without extension, as OS79XX.TXT, `image_version` and `loadInformation` carry it. */
  id: string;
  scheme: ImageScheme;
  /** For a universal loader: SIP (the release it ships with), though it boots either protocol. */
  protocol: Protocol;
  version: FirmwareVersion;
  /** As written, without the dot (case kept so the linter can report odd case). */
  extension?: string;
}

export const IMAGE_EXTENSIONS = ['bin', 'sbn', 'loads', 'sb2'] as const;
export type ImageExtension = (typeof IMAGE_EXTENSIONS)[number];

const SIP_83 = /^P0S3(\d{2})(\d{2})$/;
const SIP_DASHED = /^P0S3-(\d{1,2})-(\d{1,2})-(\d{2})$/;
const LOADER = /^P003-(\d{1,2})-(\d{1,2})-(\d{2})$/;
const SCCP_83 = /^P003(\d{2})(\d{2})$/;
const SCCP_FULL = /^P003(\d{2})(\d{2})(\d{2})(\d{2})$/;
const SCCP_SR = /^P003(\d{2})(\d{2})SR(\d{2})$/;
const MGCP = /^P0M3(?:(\d{2})(\d{2})(?:(\d{2})(\d{2})|SR(\d{2}))?|-(\d{1,2})-(\d{1,2})-(\d{2}))$/;

/** Splits a known image extension off (any case); other dots stay in the id and fail to parse. */
export function splitImageExtension(name: string): { id: string; extension?: string } {
  const dot = name.lastIndexOf('.');
  if (dot > 0) {
    const ext = name.slice(dot + 1);
    if ((IMAGE_EXTENSIONS as readonly string[]).includes(ext.toLowerCase())) {
      return { id: name.slice(0, dot), extension: ext };
    }
  }
  return { id: name };
}

/** Parses `P0S3-8-12-00`, `P0030801SR02.sbn`, ...; undefined when the name is no 7940/7960 image name. */
export function parseImageName(name: string): ImageName | undefined {
  if (name !== name.trim()) return undefined;
  const { id, extension } = splitImageExtension(name);
  const found = matchId(id);
  if (found === undefined) return undefined;
  const result: ImageName = { id, scheme: found.scheme, protocol: found.version.protocol, version: found.version };
  if (extension !== undefined) result.extension = extension;
  return result;
}

function matchId(id: string): { scheme: ImageScheme; version: FirmwareVersion } | undefined {
  let m = SIP_83.exec(id);
  if (m) return { scheme: 'sip-8.3', version: { protocol: 'SIP', major: num(m[1]), minor: num(m[2]) } };
  m = SIP_DASHED.exec(id);
  if (m) return { scheme: 'sip-dashed', version: dashed('SIP', m[1], m[2], m[3]) };
  m = LOADER.exec(id);
  if (m) return { scheme: 'loader', version: dashed('SIP', m[1], m[2], m[3]) };
  m = SCCP_83.exec(id);
  if (m) return { scheme: 'sccp-8.3', version: { protocol: 'SCCP', major: num(m[1]), minor: num(m[2]) } };
  m = SCCP_FULL.exec(id);
  if (m) return { scheme: 'sccp', version: full('SCCP', m[1], m[2], m[3], m[4]) };
  m = SCCP_SR.exec(id);
  if (m) {
    const v: FirmwareVersion = { protocol: 'SCCP', major: num(m[1]), minor: num(m[2]), serviceRelease: num(m[3]) };
    // The SR name drops the maintenance number; the one release seen in the field is 8.1(2)SR2.
    const maintenance = SR_MAINTENANCE[`${v.major}.${v.minor}`];
    if (maintenance !== undefined) v.maintenance = maintenance;
    return { scheme: 'sccp-sr', version: v };
  }
  m = MGCP.exec(id);
  if (m) {
    if (m[6] !== undefined) return { scheme: 'mgcp', version: dashed('MGCP', m[6], m[7], m[8]) };
    if (m[3] !== undefined) return { scheme: 'mgcp', version: full('MGCP', m[1], m[2], m[3], m[4]) };
    const v: FirmwareVersion = { protocol: 'MGCP', major: num(m[1]), minor: num(m[2]) };
    if (m[5] !== undefined) v.serviceRelease = num(m[5]);
    return { scheme: 'mgcp', version: v };
  }
  return undefined;
}

/** Maintenance numbers of SCCP service releases whose names omit it (major.minor -> maintenance). */
const SR_MAINTENANCE: Record<string, number | undefined> = { '8.1': 2 };

function num(text: string | undefined): number {
  return Number(text ?? '0');
}

function dashed(protocol: Protocol, major?: string, minor?: string, sub?: string): FirmwareVersion {
  const v: FirmwareVersion = { protocol, major: num(major), minor: num(minor) };
  if (num(sub) !== 0) v.sub = num(sub);
  return v;
}

function full(protocol: Protocol, a?: string, b?: string, c?: string, d?: string): FirmwareVersion {
  const v: FirmwareVersion = { protocol, major: num(a), minor: num(b) };
  if (num(c) !== 0 || num(d) !== 0) v.maintenance = num(c);
  if (num(d) !== 0) v.sub = num(d);
  return v;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Width rule for dashed names, taken from the real names: the major has two digits (`P0S3-07-4-00`,
 * `P0S3-08-11-00`) until 8.12, which has one (`P0S3-8-12-00`); we keep one digit from 8.12 on. The minor has
 * no padding; the last field always two digits.
 */
function dashedRest(v: FirmwareVersion): string {
  const oneDigitMajor = v.major > 8 || (v.major === 8 && v.minor >= 12);
  const major = oneDigitMajor ? String(v.major) : pad2(v.major);
  return `${major}-${v.minor}-${pad2(v.sub ?? 0)}`;
}

/**
 * The exact id OS79XX.TXT, `image_version` and `loadInformation` want for `v`:
 * SIP up to 2.3 `P0S3xxyy`; SIP from 3.0 dashed; SCCP with a service release `P003aabbSRnn`; SCCP before 3.x
 * without a maintenance number (or 0) the 8.3 form `P003aabb`; SCCP from 3.x on always the 12-digit `P003aabbccdd`
 * (`P00303030300` = 3.3(3), domain reference section 6); MGCP the SCCP forms on `P0M3`.
 */
export function imageIdFor(v: FirmwareVersion): string {
  switch (v.protocol) {
    case 'SIP':
      if (v.major < 3) return `P0S3${pad2(v.major)}${pad2(v.minor)}`;
      return `P0S3-${dashedRest(v)}`;
    case 'SCCP':
    case 'MGCP': {
      const prefix = v.protocol === 'SCCP' ? 'P003' : 'P0M3';
      const head = `${prefix}${pad2(v.major)}${pad2(v.minor)}`;
      if (v.serviceRelease !== undefined) return `${head}SR${pad2(v.serviceRelease)}`;
      if (v.major < 3 && (v.maintenance ?? 0) === 0 && (v.sub ?? 0) === 0) return head;
      return `${head}${pad2(v.maintenance ?? 0)}${pad2(v.sub ?? 0)}`;
    }
    default:
      return assertNever(v.protocol, 'protocol');
  }
}

/** The universal application loader id shipped with a SIP 7.x or later release (`P003-8-12-00`). */
export function loaderIdFor(v: FirmwareVersion): string | undefined {
  if (v.protocol !== 'SIP' || v.major < 7) return undefined;
  return `P003-${dashedRest(v)}`;
}

/**
 * An 8.3 name for an SCCP load, for SIP 2.1 and earlier phones that ignore longer names: the first eight
 * characters (`P003` + major + minor), which is also the early SCCP 8.3 scheme. Ids already 8.3 come back
 * unchanged; names that have no 8.3 form (dashed, SIP) give undefined.
 */
export function to83Alias(id: string): string | undefined {
  const parsed = parseImageName(id);
  if (parsed === undefined || parsed.extension !== undefined) return undefined;
  if (parsed.scheme === 'sccp-8.3' || parsed.scheme === 'sip-8.3') return id;
  if (parsed.scheme === 'sccp' || parsed.scheme === 'sccp-sr') return id.slice(0, 8);
  return undefined;
}

export type FileRole =
  | 'unsigned-image'
  | 'signed-image'
  | 'loads'
  | 'signed-application'
  | 'os79xx'
  | 'sip-config'
  | 'sccp-config'
  | 'ringlist'
  | 'ring'
  | 'dialplan'
  | 'tool'
  | 'other';

const TOOLS = new Set(['cfgfmt', 'cfgfmt.exe', 'sip_ptag.dat', 'gkdefault.txt', 'gkdefault.cfg']);

/** What a file in a TFTP root or firmware bundle is for, by its name (directories and `./` ignored; any case). */
export function roleOfFile(fileName: string): FileRole {
  const base = (fileName.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (base === 'os79xx.txt') return 'os79xx';
  if (base === 'ringlist.dat') return 'ringlist';
  if (base === 'dialplan.xml') return 'dialplan';
  if (TOOLS.has(base)) return 'tool';
  if (base.endsWith('.cnf.xml') || base.endsWith('.tlv') || base === 'sepdefault.cnf') return 'sccp-config';
  if (base.endsWith('.cnf')) return 'sip-config';
  if (base.endsWith('.pcm') || base.endsWith('.raw')) return 'ring';
  if (base.endsWith('.bin')) return 'unsigned-image';
  if (base.endsWith('.sbn')) return 'signed-image';
  if (base.endsWith('.loads')) return 'loads';
  if (base.endsWith('.sb2')) return 'signed-application';
  return 'other';
}
