import { msg, type Message } from '../../i18n/message';
import { macOfFileName } from '../phone-files';
import type { Add } from './lint-finding';

const CANONICAL_NAMES = ['OS79XX.TXT', 'SIPDefault.cnf', 'XMLDefault.cnf.xml', 'RINGLIST.DAT', 'dialplan.xml'];

/** The name the phone asks for: upper-case MAC, exact case of the fixed names and extensions. */
export function lintFileName(fileName: string, add: Add): void {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const canonical = CANONICAL_NAMES.find((n) => n.toLowerCase() === base.toLowerCase());
  if (canonical !== undefined && canonical !== base) {
    add(0, 'warning', msg('lint.name.case', { canonical, name: base }), msg('lint.name.case.fix', { canonical }));
  }
  lintPerPhoneName(base, add);
}

/** SEP/SIP/CTLSEP<MAC> names: every case fault is said, with one rename to the name the phone asks for. */
function lintPerPhoneName(base: string, add: Add): void {
  const perPhone = /^(CTLSEP|SEP|SIP)([0-9A-Fa-f]{12})(\..+)$/i.exec(base);
  if (perPhone === null) {
    const mac = macOfFileName(base);
    if (mac !== undefined && mac.written !== mac.mac) {
      add(0, 'error', msg('lint.name.macLowerCase', { written: mac.written }), msg('lint.rename', { name: base.replace(mac.written, mac.mac) }));
    }
    return;
  }
  const [, prefix = '', hex = '', ext = ''] = perPhone;
  const wantPrefix = prefix.toUpperCase();
  const wantExt = wantPrefix === 'SIP' ? '.cnf' : wantPrefix === 'SEP' ? '.cnf.xml' : '.tlv';
  const faults: Message[] = [];
  if (hex !== hex.toUpperCase()) faults.push(msg('lint.name.macLowerCase', { written: hex }));
  if (ext !== wantExt && ext.toLowerCase() === wantExt) faults.push(msg('lint.name.extensionCase', { extension: ext, want: wantExt }));
  if (prefix !== wantPrefix) faults.push(msg('lint.name.prefixCase', { prefix }));
  const [first, ...rest] = faults;
  if (first === undefined) return;
  const problem = rest.length === 0 ? first : msg('lint.name.faults', { faults: faults });
  add(0, 'error', problem, msg('lint.rename', { name: `${wantPrefix}${hex.toUpperCase()}${wantExt}` }));
}
