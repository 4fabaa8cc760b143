import { msg, type Message } from '../../i18n/message';
import { escapeXml, readXml } from './tiny-xml';

/** dialplan.xml: `<DIALTEMPLATE>` with `<TEMPLATE MATCH="..." Timeout="..."/>` rules, in order. */

export interface DialTemplate {
  match: string;
  /** Seconds. */
  timeout?: number;
  user?: string;
  rewrite?: string;
}

export const MINIMAL_DIAL_PLAN: readonly DialTemplate[] = [{ match: '*', timeout: 5 }];

export function writeDialplanXml(templates: readonly DialTemplate[]): string {
  const lines = ['<DIALTEMPLATE>'];
  for (const t of templates) {
    let attrs = ` MATCH="${escapeXml(t.match)}"`;
    if (t.timeout !== undefined) attrs += ` Timeout="${t.timeout}"`;
    if (t.user !== undefined) attrs += ` User="${escapeXml(t.user)}"`;
    if (t.rewrite !== undefined) attrs += ` Rewrite="${escapeXml(t.rewrite)}"`;
    lines.push(`  <TEMPLATE${attrs}/>`);
  }
  lines.push('</DIALTEMPLATE>');
  return `${lines.join('\n')}\n`;
}

export function parseDialplanXml(text: string): { templates: DialTemplate[]; problems: { line: number; message: Message }[] } {
  const { root, problems } = readXml(text);
  const templates: DialTemplate[] = [];
  if (root === undefined) return { templates, problems };
  if (root.name.toUpperCase() !== 'DIALTEMPLATE') problems.push({ line: root.line, message: msg('config.xml.wrongRoot', { name: root.name, want: 'DIALTEMPLATE' }) });
  for (const c of root.children) {
    if (c.name.toUpperCase() !== 'TEMPLATE') continue;
    const a = lowerKeys(c.attributes);
    if (a['match'] === undefined) {
      problems.push({ line: c.line, message: msg('config.dialplan.noMatch') });
      continue;
    }
    const t: DialTemplate = { match: a['match'] };
    if (a['timeout'] !== undefined) {
      const n = Number(a['timeout']);
      if (Number.isInteger(n) && n >= 0) t.timeout = n;
      else problems.push({ line: c.line, message: msg('config.dialplan.badTimeout', { value: a['timeout'] ?? '' }) });
    }
    if (a['user'] !== undefined) t.user = a['user'];
    if (a['rewrite'] !== undefined) t.rewrite = a['rewrite'];
    templates.push(t);
  }
  return { templates, problems };
}

function lowerKeys(r: Record<string, string>): Record<string, string | undefined> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) out[k.toLowerCase()] = v;
  return out;
}
