import { parseSepCnfXml } from '../../../shared/cisco/config/sep-cnf-xml';
import { parseSipCnf } from '../../../shared/cisco/config/sip-cnf';
import { parseXmlDefaultCnfXml } from '../../../shared/cisco/config/xml-default-cnf-xml';
import { modelInfo, type PhoneModel } from '../../../shared/cisco/phone-files';

/** Which image a config file names; undefined when it names none. */

/** SEP<MAC>.cnf.xml: its loadInformation. */
export function sepCnfLoad(text: string): string | undefined {
  return nonEmpty(parseSepCnfXml(text).config.loadInformation);
}

/** XMLDefault.cnf.xml: the load listed for this model's device type. */
export function xmlDefaultLoad(text: string, model: PhoneModel): string | undefined {
  const typeId = modelInfo(model).deviceTypeId;
  return nonEmpty(parseXmlDefaultCnfXml(text).config.loads.find((l) => l.typeId === typeId)?.loadId);
}

/** SIPDefault.cnf or SIP<MAC>.cnf: its image_version. */
export function sipCnfImage(text: string): string | undefined {
  return nonEmpty(parseSipCnf(text).values.image_version);
}

export function nonEmpty(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t === undefined || t === '' ? undefined : t;
}
