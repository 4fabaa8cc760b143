import { SYSLOG_SEVERITIES, type SyslogLine } from '../../../shared/api/syslog';
import { escapeTerminalText } from '../../../shared/text/terminal-text';

/** What a datagram said, before it gets a sequence number and arrival time. */
export type ParsedSyslog = Omit<SyslogLine, 'seq' | 'at' | 'from'>;

/** A message longer than this is cut (RFC 5424 asks receivers to take 480 bytes at least, 2048 should). */
export const MAX_SYSLOG_BYTES = 2048;

const MONTH_STAMP = /^([A-Z][a-z]{2} [ 0-9]\d \d{2}:\d{2}:\d{2}) /;
const NIL = '-';

/**
 * RFC 5424 or RFC 3164 (BSD), tolerantly: anything that is neither is kept whole as plain text. Never throws.
 * Every text field is escaped for a terminal, so a forged escape sequence in a datagram reaches no screen.
 */
export function parseSyslog(datagram: Uint8Array): ParsedSyslog {
  let text = Buffer.from(datagram.subarray(0, MAX_SYSLOG_BYTES)).toString('utf8');
  if (text.startsWith('\ufeff')) text = text.slice(1);
  text = text.replace(/[\r\n\0]+$/, '');
  const pri = /^<(\d{1,3})>/.exec(text);
  if (!pri || Number(pri[1]) > 191) return { text: escapeTerminalText(text), format: 'plain' };
  const value = Number(pri[1]);
  const head = { facility: value >> 3, severity: SYSLOG_SEVERITIES[value & 7] ?? 'debug' };
  const rest = text.slice(pri[0].length);
  return rest.startsWith('1 ') ? rfc5424(rest.slice(2), head) : rfc3164(rest, head);
}

type Head = Pick<ParsedSyslog, 'facility' | 'severity'>;

function rfc5424(rest: string, head: Head): ParsedSyslog {
  // TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG]
  const fields: string[] = [];
  let i = 0;
  for (let n = 0; n < 5; n++) {
    const space = rest.indexOf(' ', i);
    if (space < 0) return { ...head, text: escapeTerminalText(rest), format: 'plain' };
    fields.push(rest.slice(i, space));
    i = space + 1;
  }
  const [stamp, host, app] = fields;
  let msg = rest.slice(i);
  if (msg.startsWith(NIL)) msg = msg.slice(1);
  else if (msg.startsWith('[')) msg = msg.slice(structuredDataEnd(msg));
  msg = msg.replace(/^ /, '').replace(/^\ufeff/, '');
  return {
    ...head,
    ...(stamp && stamp !== NIL ? { stamp: escapeTerminalText(stamp) } : {}),
    ...(host && host !== NIL ? { host: escapeTerminalText(host) } : {}),
    ...(app && app !== NIL ? { app: escapeTerminalText(app) } : {}),
    text: escapeTerminalText(msg),
    format: 'rfc5424',
  };
}

/** Where the structured data ends: after the last `]` of consecutive elements, skipping escaped `\]`. */
function structuredDataEnd(s: string): number {
  let i = 0;
  while (s[i] === '[') {
    i++;
    while (i < s.length && s[i] !== ']') i += s[i] === '\\' ? 2 : 1;
    i++;
  }
  return Math.min(i, s.length);
}

function rfc3164(rest: string, head: Head): ParsedSyslog {
  let body = rest;
  let stamp: string | undefined;
  let host: string | undefined;
  const month = MONTH_STAMP.exec(body);
  if (month) {
    stamp = month[1];
    body = body.slice(month[0].length);
    // A host name follows the stamp when the next word is not a tag ("tag:" or "tag[pid]:").
    const word = /^(\S+) /.exec(body);
    if (word && !/[:\]]$/.test(word[1] ?? '')) {
      host = word[1];
      body = body.slice(word[0].length);
    }
  }
  const tag = /^([A-Za-z0-9_./-]{1,48})(\[[^\]]{0,16}\])?: ?/.exec(body);
  const app = tag?.[1];
  if (tag) body = body.slice(tag[0].length);
  return {
    ...head,
    ...(stamp ? { stamp: escapeTerminalText(stamp) } : {}),
    ...(host ? { host: escapeTerminalText(host) } : {}),
    ...(app ? { app: escapeTerminalText(app) } : {}),
    text: escapeTerminalText(body),
    format: 'rfc3164',
  };
}
