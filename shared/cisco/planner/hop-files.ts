import type { FirmwareVersion } from '../firmware-version';
import { bootEra, isSigned } from '../firmware-version';
import { imageIdFor, loaderIdFor, to83Alias } from '../image-name';
import { ctlSepName, DIALPLAN_XML, OS79XX_TXT, RINGLIST_DAT, SIP_DEFAULT_CNF, sepCnfXmlName, sipMacCnfName } from '../phone-files';

/**
 * Which files a hop needs and which requests it causes. Request orders past the first file come from the
 * domain reference (section 3) and one field log; the `.loads` format is unknown, so what a loader fetches
 * after it (the signed loader, then the `.sb2`) is our reading of the package contents.
 */

/** The id OS79XX.TXT names to move a phone to `to` (the UAL for SIP 7.x and later). */
export function os79xxIdFor(to: FirmwareVersion): string {
  return to.protocol === 'SIP' ? (loaderIdFor(to) ?? imageIdFor(to)) : imageIdFor(to);
}

/** Every image file of the release `to` that must sit in the TFTP root. */
export function imageFilesFor(to: FirmwareVersion, fromSigned: boolean): string[] {
  const id = imageIdFor(to);
  if (bootEra(to) === 'loader') {
    const loader = to.protocol === 'SIP' ? (loaderIdFor(to) ?? id) : id;
    return [`${loader}.bin`, `${loader}.sbn`, `${id}.loads`, `${id}.sb2`];
  }
  return [`${id}.${isSigned(to) && fromSigned ? 'sbn' : 'bin'}`];
}

/**
 * The requests by which the running image (era of `cur`) fetches the image files of `to`. `sepServed`: the hop
 * serves SEP<MAC>.cnf.xml, so a loader's config hunt stops there.
 */
export function downloadRequests(cur: FirmwareVersion, to: FirmwareVersion, mac: string, alias?: string, sepServed = false): string[] {
  const id = imageIdFor(to);
  const fromSigned = isSigned(cur);
  const ext = fromSigned ? 'sbn' : 'bin';
  if (bootEra(cur) === 'os79xx') {
    if (bootEra(to) === 'os79xx') return [`${alias ?? id}.${isSigned(to) && fromSigned ? 'sbn' : 'bin'}`];
    if (to.protocol === 'SIP') {
      const hunt = sepServed ? [sepCnfXmlName(mac)] : [sepCnfXmlName(mac), sipMacCnfName(mac)];
      return [`${loaderIdFor(to) ?? id}.${ext}`, ctlSepName(mac), ...hunt, `${id}.loads`, `${id}.sb2`];
    }
    return [`${id}.${ext}`, ctlSepName(mac), sepCnfXmlName(mac), `${id}.loads`, `${id}.sb2`];
  }
  if (bootEra(to) === 'loader') {
    const loader = to.protocol === 'SIP' ? (loaderIdFor(to) ?? id) : id;
    return [`${id}.loads`, `${loader}.sbn`, `${id}.sb2`];
  }
  return [`${id}.sbn`];
}

/** What an image asks for when it boots with the hop's configs in place. */
export function bootRequests(v: FirmwareVersion, mac: string, sepServed: boolean): string[] {
  if (bootEra(v) === 'os79xx') {
    return v.protocol === 'SIP'
      ? [OS79XX_TXT, SIP_DEFAULT_CNF, sipMacCnfName(mac), RINGLIST_DAT]
      : [OS79XX_TXT, sepCnfXmlName(mac)];
  }
  if (v.protocol === 'SIP') {
    const hunt = sepServed ? [sepCnfXmlName(mac)] : [sepCnfXmlName(mac), sipMacCnfName(mac)];
    return [ctlSepName(mac), ...hunt, `${imageIdFor(v)}.loads`, SIP_DEFAULT_CNF, sipMacCnfName(mac), RINGLIST_DAT, DIALPLAN_XML];
  }
  return [ctlSepName(mac), sepCnfXmlName(mac)];
}

/** An 8.3 alias when a SIP 2.1-or-earlier phone must take an SCCP load with a longer name. */
export function aliasFor(cur: FirmwareVersion, to: FirmwareVersion): { aliasId: string; file: string; alias: string } | undefined {
  if (cur.protocol !== 'SIP' || to.protocol !== 'SCCP') return undefined;
  if (compareTo21(cur) > 0) return undefined;
  const id = imageIdFor(to);
  if (id.length <= 8) return undefined;
  const aliasId = to83Alias(id);
  if (aliasId === undefined) return undefined;
  return { aliasId, file: `${id}.bin`, alias: `${aliasId}.bin` };
}

function compareTo21(v: FirmwareVersion): number {
  return v.major !== 2 ? v.major - 2 : v.minor - 1;
}
