import { assertNever } from '../../../shared/api/result';
import type { TftpEvent, TftpLogLine } from '../../../shared/api/tftp';
import { tftpEventMessage } from './log-message';
import { escapeTerminalText } from '../../../shared/text/terminal-text';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Local wall-clock time as a technician reads it: 2026-11-28 09:15:02. */
export function logTimestamp(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function verb(direction: 'read' | 'write'): string {
  return direction === 'read' ? 'Sending' : 'Receiving';
}

function preposition(direction: 'read' | 'write'): string {
  return direction === 'read' ? 'to' : 'from';
}

const MATCH_WORDS = { exact: 'exactly', 'dot-slash': "without the leading './'", 'case-insensitive': 'ignoring case' } as const;

/** One log line per event, in the style of the TFTP servers technicians know; progress makes no line. */
export function formatTftpEvent(e: TftpEvent): TftpLogLine | undefined {
  const stamp = logTimestamp(e.at);
  // Names and details come from the wire: one line stays one line wherever it is shown (CLI, UI, a saved log).
  const message = tftpEventMessage(e);
  const line = (level: TftpLogLine['level'], raw: string, transferId?: string): TftpLogLine => {
    const text = `${stamp} ${escapeTerminalText(raw)}`;
    return { at: e.at, level, text, ...(message === undefined ? {} : { message }), ...(transferId === undefined ? {} : { transferId }) };
  };
  switch (e.type) {
    case 'listening':
      return line('info', `Listening on ${e.address}:${e.port}${e.root ? `, root ${e.root}` : ''}`);
    case 'stopped':
      return line('info', `Stopped listening on ${e.address}:${e.port}`);
    case 'request': {
      const opts = Object.entries(e.options).map(([k, v]) => `${k}=${v}`).join(' ');
      const kind = e.direction === 'read' ? 'Read' : 'Write';
      return line('info', `${kind} request for '${e.filename}' from ${e.client.address}:${e.client.port}, mode ${e.mode}${opts ? `, options ${opts}` : ''}`, e.id);
    }
    case 'negotiated': {
      const o = e.options;
      const opts = `blksize ${o.blksize}${o.windowsize > 1 ? `, windowsize ${o.windowsize}` : ''}${o.tsize !== undefined ? `, tsize ${o.tsize}` : ''}`;
      const matched = e.match === 'exact' ? '' : ` (asked for '${e.filename}', matched ${MATCH_WORDS[e.match]})`;
      return line(e.match === 'exact' ? 'info' : 'warn', `Serving '${e.served}'${matched} ${preposition(e.direction)} ${e.client.address}: ${e.size} bytes, ${opts}`, e.id);
    }
    case 'progress':
      return undefined;
    case 'completed': {
      const again = e.retransmits > 0 ? `, ${e.retransmits} retransmitted` : '';
      return line(
        'info',
        `${verb(e.direction)} '${e.served}' ${preposition(e.direction)} ${e.client.address} (${e.mode}, blksize ${e.blksize}): Successful, ${e.bytes} bytes in ${seconds(e.durationMs)}${again}`,
        e.id,
      );
    }
    case 'failed':
      return line('error', `${verb(e.direction)} '${e.filename}' ${preposition(e.direction)} ${e.client.address} (${e.mode}): Failed (${e.reason}) after ${e.bytes} bytes`, e.id);
    case 'refused': {
      const kind = e.direction === 'read' ? 'Read' : 'Write';
      const why = e.reason === 'not-target-phone' ? 'not the target phone' : e.detail;
      return line('warn', `${kind} request for '${e.filename}' from ${e.client.address}: refused: ${why}`);
    }
    case 'warning':
      return line('warn', e.client ? `${e.client.address}: ${e.detail}` : e.detail);
    default:
      return assertNever(e, 'TFTP event');
  }
}
