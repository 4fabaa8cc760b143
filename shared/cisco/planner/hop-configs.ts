import { writeDialplanXml, MINIMAL_DIAL_PLAN } from '../config/dialplan-xml';
import { writeOs79xxTxt } from '../config/os79xx-txt';
import { writeRinglistDat } from '../config/ringlist-dat';
import { writeSepCnfXml } from '../config/sep-cnf-xml';
import { isPerPhoneParameter, writeSipCnf } from '../config/sip-cnf';
import { writeXmlDefaultCnfXml } from '../config/xml-default-cnf-xml';
import type { Protocol } from '../firmware-version';
import type { PhoneModel } from '../phone-files';
import {
  DIALPLAN_XML,
  modelInfo,
  OS79XX_TXT,
  RINGLIST_DAT,
  SIP_DEFAULT_CNF,
  sepCnfXmlName,
  sipMacCnfName,
  XML_DEFAULT_CNF_XML,
} from '../phone-files';
import type { PlannedConfig } from './plan-types';

/** Writers of the config files a hop serves; every content comes from the config writers. */

export function os79xxConfig(id: string): PlannedConfig {
  return { name: OS79XX_TXT, content: writeOs79xxTxt(id), scope: 'all' };
}

/**
 * SIPDefault.cnf and SIP<MAC>.cnf, both with `image_version` (the source document sets it in both). Minimal
 * (for a SIP 2.x hop): `image_version` only.
 */
export function sipConfigs(
  mac: string,
  imageVersion: string,
  settings: Record<string, string> | undefined,
  minimal: boolean,
): PlannedConfig[] {
  const common: [string, string][] = [['image_version', imageVersion]];
  const phone: [string, string][] = [['image_version', imageVersion]];
  if (!minimal) {
    for (const [key, value] of Object.entries(settings ?? {})) {
      if (key === 'image_version') continue;
      (isPerPhoneParameter(key) ? phone : common).push([key, value]);
    }
  }
  return [
    { name: SIP_DEFAULT_CNF, content: writeSipCnf(common), scope: 'all' },
    { name: sipMacCnfName(mac), content: writeSipCnf(phone), scope: 'phone' },
  ];
}

export function sepConfig(mac: string, model: PhoneModel, loadId: string, protocol?: Protocol): PlannedConfig {
  const content = writeSepCnfXml({
    ...(protocol === undefined ? {} : { deviceProtocol: protocol }),
    loadInformation: loadId,
    model: modelInfo(model).modelString,
  });
  return { name: sepCnfXmlName(mac), content, scope: 'phone' };
}

export function xmlDefaultConfig(model: PhoneModel, loadId: string): PlannedConfig {
  const info = modelInfo(model);
  return {
    name: XML_DEFAULT_CNF_XML,
    content: writeXmlDefaultCnfXml({ loads: [{ typeId: info.deviceTypeId, model: info.modelString, loadId }] }),
    scope: 'all',
  };
}

export function dialplanConfig(): PlannedConfig {
  return { name: DIALPLAN_XML, content: writeDialplanXml(MINIMAL_DIAL_PLAN), scope: 'all' };
}

/** RINGLIST.DAT naming the ring files found in the library, if any. */
export function ringlistConfig(libraryFiles: readonly string[] | undefined): PlannedConfig | undefined {
  const rings = (libraryFiles ?? []).filter((f) => /^[A-Za-z0-9._-]+\.(pcm|raw)$/i.test(f)).sort();
  if (rings.length === 0) return undefined;
  const content = writeRinglistDat(rings.map((f) => ({ displayName: f.replace(/\.[^.]+$/, ''), fileName: f })));
  return { name: RINGLIST_DAT, content, scope: 'all' };
}
