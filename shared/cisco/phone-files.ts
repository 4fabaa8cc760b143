/** Names of the files a 7940/7960 asks for, and what differs between the two models. */

export const OS79XX_TXT = 'OS79XX.TXT';
export const SIP_DEFAULT_CNF = 'SIPDefault.cnf';
export const XML_DEFAULT_CNF_XML = 'XMLDefault.cnf.xml';
export const RINGLIST_DAT = 'RINGLIST.DAT';
export const DIALPLAN_XML = 'dialplan.xml';
export const GKDEFAULT_TXT = 'gkdefault.txt';
export const GKDEFAULT_CFG = 'gkdefault.cfg';

export type PhoneModel = '7940' | '7960';
export const PHONE_MODELS: readonly PhoneModel[] = ['7940', '7960'];

export interface ModelInfo {
  model: PhoneModel;
  lineKeys: number;
  /** SCCP device type id in CallManager XML (7960 = 7, 7940 = 8). */
  deviceTypeId: 7 | 8;
  /** Element name in XMLDefault.cnf.xml. */
  loadInformationTag: 'loadInformation7' | 'loadInformation8';
  /** The `model` attribute: "IP Phone 7960". */
  modelString: string;
  /** DHCP option 60 sent by loader-era firmware. */
  dhcpVendorClass: string;
}

export function modelInfo(model: PhoneModel): ModelInfo {
  const is7960 = model === '7960';
  return {
    model,
    lineKeys: is7960 ? 6 : 2,
    deviceTypeId: is7960 ? 7 : 8,
    loadInformationTag: is7960 ? 'loadInformation7' : 'loadInformation8',
    modelString: `IP Phone ${model}`,
    dhcpVendorClass: `Cisco Systems, Inc. IP Phone CP-${model}G`,
  };
}

/**
 * A MAC address in any usual writing (`00:11:22:33:44:aa`, `0011.2233.44AA`, `00-11-22-33-44-AA`, bare) as
 * 12 upper-case hex digits; undefined when it is not one.
 */
export function normalizeMac(input: string): string | undefined {
  const text = input.trim();
  const groups =
    /^[0-9a-f]{12}$/i.test(text) ||
    /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(text) ||
    /^([0-9a-f]{4}\.){2}[0-9a-f]{4}$/i.test(text);
  if (!groups) return undefined;
  const hex = text.replace(/[:.-]/g, '');
  if (/[:-]/.test(text) && new Set(text.match(/[:-]/g)).size > 1) return undefined;
  return hex.toUpperCase();
}

function macOrThrow(mac: string): string {
  const m = normalizeMac(mac);
  if (m === undefined) throw new Error(`not a MAC address: ${JSON.stringify(mac)}`);
  return m;
}

/** `SIP0011223344AA.cnf`: MAC upper case, extension lower case. */
export function sipMacCnfName(mac: string): string {
  return `SIP${macOrThrow(mac)}.cnf`;
}

/** `SEP0011223344AA.cnf.xml`. */
export function sepCnfXmlName(mac: string): string {
  return `SEP${macOrThrow(mac)}.cnf.xml`;
}

/** `CTLSEP0011223344AA.tlv`: the first file a loader-era phone hunts for. */
export function ctlSepName(mac: string): string {
  return `CTLSEP${macOrThrow(mac)}.tlv`;
}

/** The MAC named by a per-phone file name (`SIP<MAC>.cnf`, `SEP<MAC>.cnf.xml`, `CTLSEP<MAC>.tlv`), any case. */
export function macOfFileName(fileName: string): { mac: string; written: string } | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const m = /^(?:CTLSEP|SEP|SIP)([0-9a-f]{12})\./i.exec(base);
  if (m === null || m[1] === undefined) return undefined;
  return { mac: m[1].toUpperCase(), written: m[1] };
}
