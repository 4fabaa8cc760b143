import { assertNever } from '../../api/result';
import { msg } from '../../i18n/message';
import { parseDialplanXml } from '../config/dialplan-xml';
import { parseRinglistDat } from '../config/ringlist-dat';
import { roleOfFile } from '../image-name';
import { lintFileName } from './lint-file-name';
import type { Add, LintContext, LintFinding } from './lint-finding';
import { lintOs79xx } from './lint-os79xx';
import { lintSccpXml } from './lint-sccp-xml';
import { lintSipCnf } from './lint-sip-cnf';

export type { LintContext, LintFinding, Severity } from './lint-finding';

const TEXT_ROLES: ReadonlySet<string> = new Set(['sip-config', 'sccp-config', 'ringlist', 'dialplan']);

/** Checks one config file a 7940/7960 will read; findings are messages, and never echo password values. */
export function lintConfigFile(fileName: string, text: string, context: LintContext = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  const add: Add = (line, severity, problem, fix) => {
    findings.push({ file: fileName, line, severity, problem, fix });
  };
  lintFileName(fileName, add);
  const role = roleOfFile(fileName);
  // A byte order mark in any text config (OS79XX.TXT says its own; the phone reads the bytes as text).
  if (text.startsWith('\uFEFF') && role !== 'os79xx' && TEXT_ROLES.has(role)) add(1, 'error', msg('lint.bom', { file: fileName }), msg('lint.os79xx.bom.fix'));
  switch (role) {
    case 'os79xx':
      lintOs79xx(text, context, add);
      break;
    case 'sip-config':
      lintSipCnf(fileName, text, context, add);
      break;
    case 'sccp-config':
      lintSccpXml(fileName, text, context, add);
      break;
    case 'ringlist':
      for (const p of parseRinglistDat(text).problems) add(p.line, 'error', p.message, msg('lint.ringlist.fix'));
      break;
    case 'dialplan':
      for (const p of parseDialplanXml(text).problems) add(p.line, 'error', p.message, msg('lint.dialplan.fix'));
      break;
    case 'unsigned-image':
    case 'signed-image':
    case 'loads':
    case 'signed-application':
    case 'ring':
    case 'tool':
    case 'other':
      break;
    default:
      assertNever(role, 'file role');
  }
  return findings;
}
