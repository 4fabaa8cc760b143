import { msg, type Message } from '../../i18n/message';
import { childNamed, escapeXml, readXml } from './tiny-xml';

/**
 * XMLDefault.cnf.xml, the SCCP default file: per-model `<loadInformation7 model="IP Phone 7960">` (7960) and
 * `<loadInformation8 model="IP Phone 7940">` (7940), usually with a `<callManagerGroup>`.
 */

export interface XmlDefaultLoad {
  /** Device type id: 7 = 7960, 8 = 7940; other ids are read back but unknown to us. */
  typeId: number;
  model?: string;
  loadId: string;
  line?: number;
}

export interface XmlDefaultCnf {
  loads: XmlDefaultLoad[];
  /** CallManager names or addresses in callManagerGroup, when present. */
  callManagers?: string[];
}

export function writeXmlDefaultCnfXml(c: XmlDefaultCnf): string {
  const lines = ['<Default>'];
  if (c.callManagers !== undefined && c.callManagers.length > 0) {
    lines.push('  <callManagerGroup>', '    <members>');
    c.callManagers.forEach((cm, priority) => {
      lines.push(
        `    <member priority="${priority}">`,
        '      <callManager>',
        `        <processNodeName>${escapeXml(cm)}</processNodeName>`,
        '      </callManager>',
        '    </member>',
      );
    });
    lines.push('    </members>', '  </callManagerGroup>');
  }
  for (const l of c.loads) {
    const model = l.model === undefined ? '' : ` model="${escapeXml(l.model)}"`;
    lines.push(`  <loadInformation${l.typeId}${model}>${escapeXml(l.loadId)}</loadInformation${l.typeId}>`);
  }
  lines.push('</Default>');
  return `${lines.join('\n')}\n`;
}

export function parseXmlDefaultCnfXml(text: string): { config: XmlDefaultCnf; problems: { line: number; message: Message }[] } {
  const { root, problems } = readXml(text);
  const config: XmlDefaultCnf = { loads: [] };
  if (root === undefined) return { config, problems };
  if (root.name.toLowerCase() !== 'default') problems.push({ line: root.line, message: msg('config.xml.wrongRoot', { name: root.name, want: 'Default' }) });
  for (const child of root.children) {
    const m = /^loadInformation(\d+)$/i.exec(child.name);
    if (m === null) continue;
    const load: XmlDefaultLoad = { typeId: Number(m[1]), loadId: child.text, line: child.line };
    const model = child.attributes['model'];
    if (model !== undefined) load.model = model;
    config.loads.push(load);
  }
  const group = childNamed(root, 'callManagerGroup');
  if (group !== undefined) {
    const names: string[] = [];
    for (const member of childNamed(group, 'members')?.children ?? []) {
      const node = childNamed(childNamed(member, 'callManager') ?? member, 'processNodeName');
      if (node !== undefined) names.push(node.text);
    }
    config.callManagers = names;
  }
  return { config, problems };
}
