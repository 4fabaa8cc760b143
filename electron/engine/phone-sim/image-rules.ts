import { isSigned, type FirmwareVersion } from '../../../shared/cisco/firmware-version';
import { splitImageExtension, to83Alias, type ImageName } from '../../../shared/cisco/image-name';
import { checkSyntheticImage } from '../../../shared/cisco/synthetic-image';

/** The phone's rules for images it downloads, kept pure so each one is tested on its own. */

export type ImageVerdict = { ok: true; synthetic: boolean } | { ok: false; detail: string };

/**
 * A downloaded image: synthetic images must carry the name they were made for and an intact checksum (as a
 * real image must pass its signature check); anything else is judged by its extension only. A phone that
 * runs a signed image refuses an unsigned `.bin`.
 */
export function judgeImage(fileName: string, bytes: Uint8Array, phoneSigned: boolean, accept83Alias = false): ImageVerdict {
  const check = checkSyntheticImage(fileName, bytes);
  switch (check) {
    case 'renamed':
      // The documented fix for SIP 2.1 and earlier: the SCCP load renamed to an 8.3 name.
      if (accept83Alias && isAliasOf83(fileName, bytes)) break;
      return { ok: false, detail: `${fileName} holds an image made under another name (renamed or copied by hand)` };
    case 'corrupt':
      return { ok: false, detail: `${fileName} is damaged: its check does not match` };
    case 'ok':
    case 'not-synthetic':
      break;
    default: {
      const never: never = check;
      return never;
    }
  }
  if (phoneSigned && fileName.toLowerCase().endsWith('.bin')) {
    return { ok: false, detail: `${fileName} is an unsigned image and the phone already runs a signed one (5.0 or later)` };
  }
  return { ok: true, synthetic: check !== 'not-synthetic' };
}

/** The name a synthetic image was made for (its header line), per shared/cisco/synthetic-image.ts. */
function syntheticName(bytes: Uint8Array): string | undefined {
  const end = bytes.indexOf(0x0a);
  if (end < 0 || end > 512) return undefined;
  const header = new TextDecoder().decode(bytes.subarray(0, end));
  return header.startsWith('PBSYNTH1 ') ? header.slice('PBSYNTH1 '.length) : undefined;
}

function isAliasOf83(fileName: string, bytes: Uint8Array): boolean {
  const made = syntheticName(bytes);
  if (made === undefined) return false;
  const original = splitImageExtension(made);
  const served = splitImageExtension(fileName);
  const alias = to83Alias(original.id);
  return alias !== undefined && alias !== original.id && alias === served.id && original.extension === served.extension;
}

/** SIP 2.1 and earlier: the releases that want 8.3 names for SCCP loads. */
export function isSipUpTo21(v: FirmwareVersion | undefined): boolean {
  return v?.protocol === 'SIP' && (v.major < 2 || (v.major === 2 && v.minor <= 1));
}

/** Once on a signed image (5.0 on), a phone never takes one below 5.0, in either protocol. */
export function refusedBelowFive(phoneSigned: boolean, target: FirmwareVersion): boolean {
  return phoneSigned && !isSigned(target);
}

/** SIP 2.1 and earlier ignore an SCCP load whose file name is longer than 8.3. */
export function sipIgnoresLongSccpName(phone: FirmwareVersion | undefined, target: ImageName | undefined, id: string): boolean {
  if (!isSipUpTo21(phone) || target?.protocol !== 'SCCP' || target.scheme === 'loader') return false;
  return id.length > 8;
}

export interface LoadsFollowers {
  loaderId: string;
  loaderFile: string;
  appFile: string;
}

/**
 * Which files follow `<id>.loads`. The .loads format is not documented, so this is inferred by name and is
 * simulated: `P0S3-8-12-00` -> loader `P003-8-12-00.sbn` and application `P0S3-8-12-00.sb2`; an SCCP id keeps
 * its name for both (`P00308010200.sbn`, `P00308010200.sb2`), as the SCCP zip holds.
 */
export function loadsFollowers(id: string): LoadsFollowers {
  const loaderId = id.length > 3 ? `${id.slice(0, 2)}0${id.slice(3)}` : id;
  return { loaderId, loaderFile: `${loaderId}.sbn`, appFile: `${id}.sb2` };
}

/** `tftp_cfg_dir` as the prefix the phone puts before per-phone names ('./' -> './SIP<MAC>.cnf'). */
export function cfgDirPrefix(dir: string | undefined): string {
  const d = (dir ?? '').trim().replace(/\\/g, '/');
  if (d === '' || d === '/') return '';
  return d.endsWith('/') ? d : `${d}/`;
}
