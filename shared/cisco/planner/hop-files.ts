import type { FirmwareVersion } from '../firmware-version';
import { bootEra, isSigned } from '../firmware-version';
import { to83Alias } from '../image-name';
import { ctlSepName, DIALPLAN_XML, OS79XX_TXT, RINGLIST_DAT, SIP_DEFAULT_CNF, sepCnfXmlName, sipMacCnfName } from '../phone-files';
import { RULE_NAMES, type LoadNames } from './load-names';

/**
 * Which files a hop needs and which requests it causes. Request orders past the first file come from the
 * domain reference (section 3) and one field log; the `.loads` format is unknown, so what a loader fetches
 * after it (the signed loader, then the `.sb2`) is our reading of the package contents. Names come from
 * `names` (the library's own files where it holds the release).
 */

/** The id OS79XX.TXT names to move a phone to `to` (the UAL for SIP 7.x and later). */
export function os79xxIdFor(to: FirmwareVersion, names: LoadNames = RULE_NAMES): string {
  return to.protocol === 'SIP' ? (names.loader(to) ?? names.app(to)) : names.app(to);
}

/** Every image file of the release `to` that must sit in the TFTP root. */
export function imageFilesFor(to: FirmwareVersion, fromSigned: boolean, names: LoadNames = RULE_NAMES): string[] {
  const id = names.app(to);
  if (bootEra(to) === 'loader') {
    const loader = to.protocol === 'SIP' ? (names.loader(to) ?? id) : id;
    return [`${loader}.bin`, `${loader}.sbn`, `${id}.loads`, `${id}.sb2`];
  }
  return [`${id}.${isSigned(to) && fromSigned ? 'sbn' : 'bin'}`];
}

export interface DownloadOptions {
  /** An 8.3 alias served for the image (SIP 2.1 and earlier). */
  alias?: string;
  /** The hop serves SEP<MAC>.cnf.xml, so a loader's config hunt stops there. */
  sepServed?: boolean;
  names?: LoadNames;
}

/** The requests by which the running image (era of `cur`) fetches the image files of `to`. */
export function downloadRequests(cur: FirmwareVersion, to: FirmwareVersion, mac: string, o: DownloadOptions = {}): string[] {
  const names = o.names ?? RULE_NAMES;
  const id = names.app(to);
  const fromSigned = isSigned(cur);
  const ext = fromSigned ? 'sbn' : 'bin';
  if (bootEra(cur) === 'os79xx') {
    if (bootEra(to) === 'os79xx') return [`${o.alias ?? id}.${isSigned(to) && fromSigned ? 'sbn' : 'bin'}`];
    if (to.protocol === 'SIP') {
      const hunt = o.sepServed === true ? [sepCnfXmlName(mac)] : [sepCnfXmlName(mac), sipMacCnfName(mac)];
      return [`${names.loader(to) ?? id}.${ext}`, ctlSepName(mac), ...hunt, `${id}.loads`, `${id}.sb2`];
    }
    return [`${id}.${ext}`, ctlSepName(mac), sepCnfXmlName(mac), `${id}.loads`, `${id}.sb2`];
  }
  if (bootEra(to) === 'loader') {
    const loader = to.protocol === 'SIP' ? (names.loader(to) ?? id) : id;
    return [`${id}.loads`, `${loader}.sbn`, `${id}.sb2`];
  }
  return [`${id}.sbn`];
}

/** What an image asks for when it boots with the hop's configs in place. */
export function bootRequests(v: FirmwareVersion, mac: string, sepServed: boolean, names: LoadNames = RULE_NAMES): string[] {
  if (bootEra(v) === 'os79xx') {
    return v.protocol === 'SIP'
      ? [OS79XX_TXT, SIP_DEFAULT_CNF, sipMacCnfName(mac), RINGLIST_DAT]
      : [OS79XX_TXT, sepCnfXmlName(mac)];
  }
  if (v.protocol === 'SIP') {
    const hunt = sepServed ? [sepCnfXmlName(mac)] : [sepCnfXmlName(mac), sipMacCnfName(mac)];
    return [ctlSepName(mac), ...hunt, `${names.app(v)}.loads`, SIP_DEFAULT_CNF, sipMacCnfName(mac), RINGLIST_DAT, DIALPLAN_XML];
  }
  return [ctlSepName(mac), sepCnfXmlName(mac)];
}

/** An 8.3 alias when a SIP 2.1-or-earlier phone must take an SCCP load with a longer name. */
export function aliasFor(
  cur: FirmwareVersion,
  to: FirmwareVersion,
  names: LoadNames = RULE_NAMES,
): { aliasId: string; file: string; alias: string } | undefined {
  if (cur.protocol !== 'SIP' || to.protocol !== 'SCCP') return undefined;
  if (compareTo21(cur) > 0) return undefined;
  const id = names.app(to);
  if (id.length <= 8) return undefined;
  const aliasId = to83Alias(id);
  if (aliasId === undefined) return undefined;
  return { aliasId, file: `${id}.bin`, alias: `${aliasId}.bin` };
}

function compareTo21(v: FirmwareVersion): number {
  return v.major !== 2 ? v.major - 2 : v.minor - 1;
}
