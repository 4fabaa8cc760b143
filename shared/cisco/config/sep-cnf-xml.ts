import { msg, type Message } from '../../i18n/message';
import type { Protocol } from '../firmware-version';
import { childNamed, escapeXml, readXml } from './tiny-xml';

/**
 * SEP<MAC>.cnf.xml, the SCCP per-phone file. A loader-era phone that finds it takes the protocol and image
 * from it: `<device><deviceProtocol>SIP</deviceProtocol><loadInformation model="IP Phone 7960">ID</...>`.
 */

export interface SepCnfXml {
  deviceProtocol?: Protocol;
  loadInformation?: string;
  /** The `model` attribute of loadInformation ("IP Phone 7960"). */
  model?: string;
}

export function writeSepCnfXml(c: SepCnfXml): string {
  const lines = ['<device>'];
  if (c.deviceProtocol !== undefined) lines.push(`  <deviceProtocol>${c.deviceProtocol}</deviceProtocol>`);
  if (c.loadInformation !== undefined) {
    const model = c.model === undefined ? '' : ` model="${escapeXml(c.model)}"`;
    lines.push(`  <loadInformation${model}>${escapeXml(c.loadInformation)}</loadInformation>`);
  }
  lines.push('</device>');
  return `${lines.join('\n')}\n`;
}

export interface SepCnfXmlRead {
  config: SepCnfXml;
  problems: { line: number; message: Message }[];
  /** Line of loadInformation, for findings. */
  loadLine?: number;
}

export function parseSepCnfXml(text: string): SepCnfXmlRead {
  const { root, problems } = readXml(text);
  const config: SepCnfXml = {};
  if (root === undefined) return { config, problems };
  if (root.name.toLowerCase() !== 'device') problems.push({ line: root.line, message: msg('config.xml.wrongRoot', { name: root.name, want: 'device' }) });
  const protocol = childNamed(root, 'deviceProtocol');
  if (protocol !== undefined) {
    const p = protocol.text.toUpperCase();
    if (p === 'SIP' || p === 'SCCP' || p === 'MGCP') config.deviceProtocol = p;
    else problems.push({ line: protocol.line, message: msg('config.sep.badProtocol', { value: protocol.text }) });
  }
  const load = childNamed(root, 'loadInformation');
  if (load !== undefined) {
    config.loadInformation = load.text;
    const model = load.attributes['model'];
    if (model !== undefined) config.model = model;
    return { config, problems, loadLine: load.line };
  }
  return { config, problems };
}
