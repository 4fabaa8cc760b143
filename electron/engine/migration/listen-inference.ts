import type { ListenInference } from '../../../shared/api/migrate';
import { macOfFileName } from '../../../shared/cisco/phone-files';
import { msg, type Message } from '../../../shared/i18n/message';

/**
 * What a phone's first requests say about its firmware, when every request gets "file not found".
 * OS79XX.TXT first: the original boot mechanism. CTLSEP/SEP first: the universal loader era. Which config it
 * then wants shows the protocol where that is unambiguous. Returns undefined until there is enough to say.
 */
export function inferFromRequests(requests: readonly string[]): ListenInference | undefined {
  const found = infer(requests);
  return found && { ...found, said: inferenceWords(found) };
}

/** The learned firmware in release words (never 'loader' as if it were a release). */
export function inferenceWords(i: Pick<ListenInference, 'era' | 'protocol'>): Message {
  if (i.era === 'os79xx') return i.protocol === 'SIP' ? msg('migrate.learned.os79xxSip') : msg('migrate.learned.os79xxSccp');
  if (i.era === 'loader') return i.protocol === 'SIP' ? msg('migrate.learned.loaderSip') : msg('migrate.learned.loader');
  return i.protocol === 'SIP' ? msg('migrate.learned.unknownSip') : msg('migrate.learned.unknown');
}

function infer(requests: readonly string[]): ListenInference | undefined {
  const names = requests.map((r) => r.replace(/^(\.\/)+/, ''));
  const first = names[0];
  if (first === undefined) return undefined;
  const kind = (n: string): 'os79xx' | 'ctl' | 'sep' | 'sip-mac' | 'sip-default' | 'xml-default' | 'sip-app' | 'other' => {
    const lower = n.toLowerCase();
    if (lower === 'os79xx.txt') return 'os79xx';
    if (lower === 'sipdefault.cnf') return 'sip-default';
    if (lower === 'xmldefault.cnf.xml') return 'xml-default';
    if (lower === 'ringlist.dat' || lower === 'dialplan.xml') return 'sip-app';
    const mac = macOfFileName(n);
    if (mac) {
      if (lower.startsWith('ctlsep')) return 'ctl';
      if (lower.startsWith('sep')) return 'sep';
      return 'sip-mac';
    }
    return 'other';
  };
  const kinds = names.map(kind);
  const evidence = [msg('migrate.evidence.first', { file: first })];
  if (kinds[0] === 'os79xx') {
    const next = kinds.slice(1).find((k) => k !== 'os79xx' && k !== 'other');
    if (next === undefined) return undefined;
    const protocol = next === 'sip-default' || next === 'sip-mac' || next === 'sip-app' ? 'SIP' : 'SCCP';
    evidence.push(msg('migrate.evidence.then', { file: names[kinds.indexOf(next)] ?? '' }));
    return { era: 'os79xx', protocol, evidence };
  }
  if (kinds[0] === 'ctl' || kinds[0] === 'sep') {
    // The loader hunts every config name in turn when each is missing, so the hunt alone does not tell the
    // protocol; a SIP application's own files (ring list, dial plan) do.
    const sipApp = names.find((_, i) => kinds[i] === 'sip-app');
    if (sipApp !== undefined) return { era: 'loader', protocol: 'SIP', evidence: [...evidence, msg('migrate.evidence.askedFor', { file: sipApp })] };
    return { era: 'loader', evidence: [...evidence, msg('migrate.evidence.loaderHunts')] };
  }
  if (kinds[0] === 'sip-default' || kinds[0] === 'sip-mac') {
    return { era: 'unknown', protocol: 'SIP', evidence };
  }
  return { era: 'unknown', evidence };
}
