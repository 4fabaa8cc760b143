import { assertNever } from '../../../shared/api/result';
import type { RefusalReason, TftpEvent } from '../../../shared/api/tftp';
import { msg, type Message } from '../../../shared/i18n/message';
import { osReason } from '../../../shared/i18n/os-reason';
import { escapeTerminalText as safe } from '../../../shared/text/terminal-text';

/**
 * The TFTP server's events as messages, so the TFTP page says its log and its rows in the chosen language.
 * The server itself speaks English strings (its log file, the CLI); this reads the known ones into keys and
 * keeps anything else as raw detail, never guessing a translation. What came from the wire (names, modes, the
 * phone's error text) is escaped like the log file's text.
 */

const PATH_WHY: Record<string, Message> = {
  'empty name': msg('tftp.why.path.empty'),
  'name too long': msg('tftp.why.path.tooLong'),
  'control character in name': msg('tftp.why.path.control'),
  'backslash in name': msg('tftp.why.path.backslash'),
  'absolute path': msg('tftp.why.path.absolute'),
  'drive letter': msg('tftp.why.path.drive'),
  'home directory reference': msg('tftp.why.path.home'),
  'names a folder, not a file': msg('tftp.why.path.folder'),
  "parent folder ('..')": msg('tftp.why.path.parent'),
  'colon in name (drive or stream)': msg('tftp.why.path.colon'),
  'symbolic link leads outside the TFTP root': msg('tftp.why.path.symlink'),
  'uploads may not name a folder': msg('tftp.why.path.uploadFolder'),
  'the migration has ended': msg('tftp.why.path.migrationEnded'),
  'not the phone being migrated': msg('tftp.why.path.notThePhone'),
};

const DETAILED: Record<string, 'tftp.why.socket' | 'tftp.why.read' | 'tftp.why.server' | 'tftp.why.store' | 'tftp.why.noPort'> = {
  'socket error': 'tftp.why.socket',
  'read error': 'tftp.why.read',
  'server error': 'tftp.why.server',
  'could not store upload': 'tftp.why.store',
  'no port for the transfer': 'tftp.why.noPort',
};

/** Why a transfer failed, from the server's English reason. */
export function failureMessage(reason: string): Message {
  if (reason === 'file not found') return msg('tftp.why.notFound');
  if (reason === 'server stopped') return msg('tftp.why.serverStopped');
  if (reason === 'file too large for netascii mode') return msg('tftp.why.netasciiTooLarge');
  if (reason === 'announced upload too large') return msg('tftp.why.uploadTooLarge');
  if (reason === 'file already exists in the upload folder') return msg('tftp.why.uploadExists');
  if (reason === 'client sent a block larger than negotiated') return msg('tftp.why.blockTooLarge');
  let m = /^upload larger than (\d+) bytes$/.exec(reason);
  if (m) return msg('tftp.why.uploadLimit', { bytes: Number(m[1]) });
  m = /^no answer from the client within (\d+) s$/.exec(reason);
  if (m) return msg('tftp.why.lifetime', { seconds: Number(m[1]) });
  m = /^timed out after (\d+) retries$/.exec(reason);
  if (m) return msg('tftp.why.timedOut', { retries: Number(m[1]) });
  m = /^client sent error (\d+): ([\s\S]*)$/.exec(reason);
  if (m) return msg('tftp.why.clientError', { code: Number(m[1]), text: safe(m[2] ?? '') });
  m = /^mode '([\s\S]*)' not supported$/.exec(reason);
  if (m) return msg('tftp.why.mode', { mode: safe(m[1] ?? '') });
  m = /^(socket error|read error|server error|could not store upload|no port for the transfer): ([\s\S]*)$/.exec(reason);
  if (m) return msg(DETAILED[m[1] ?? ''] ?? 'tftp.why.other', { detail: osReason(safe(m[2] ?? '')) });
  return msg('tftp.why.other', { detail: osReason(safe(reason)) });
}

/** Why a request was refused; a path refusal names what was wrong with the name. */
export function refusalMessage(reason: RefusalReason, detail: string): Message {
  if (reason === 'path') return msg('tftp.why.refused.path', { detail: PATH_WHY[detail] ?? safe(detail) });
  return msg(`tftp.why.refused.${reason}`);
}

function withOptions(options: Record<string, string>): string | Message {
  const text = safe(Object.entries(options).map(([k, v]) => `${k}=${v}`).join(' '));
  return text === '' ? '' : msg('tftp.log.options', { options: text });
}

/** One log line's words; undefined for events that make no line (progress). */
export function tftpEventMessage(e: TftpEvent): Message | undefined {
  switch (e.type) {
    case 'listening':
      return e.root ? msg('tftp.log.listening', { address: e.address, port: e.port, root: e.root }) : msg('tftp.log.listeningNoRoot', { address: e.address, port: e.port });
    case 'stopped':
      return msg('tftp.log.stopped', { address: e.address, port: e.port });
    case 'request':
      return msg(`tftp.log.request.${e.direction}`, { file: safe(e.filename), client: `${e.client.address}:${e.client.port}`, mode: safe(e.mode), options: withOptions(e.options) });
    case 'negotiated': {
      const o = e.options;
      const options = `blksize ${o.blksize}${o.windowsize > 1 ? `, windowsize ${o.windowsize}` : ''}${o.tsize !== undefined ? `, tsize ${o.tsize}` : ''}`;
      const matched = e.match === 'exact' ? '' : msg('tftp.log.matched', { file: safe(e.filename), how: msg(`tftp.log.match.${e.match}`) });
      return msg(`tftp.log.serving.${e.direction}`, { served: safe(e.served), matched, client: e.client.address, size: e.size, options });
    }
    case 'progress':
      return undefined;
    case 'completed':
      return msg(`tftp.log.completed.${e.direction}`, {
        file: safe(e.served),
        client: e.client.address,
        mode: safe(e.mode),
        blksize: e.blksize,
        bytes: e.bytes,
        seconds: (e.durationMs / 1000).toFixed(2),
        again: e.retransmits > 0 ? msg('tftp.log.retransmitted', { count: e.retransmits }) : '',
      });
    case 'failed':
      return msg(`tftp.log.failed.${e.direction}`, { file: safe(e.filename), client: e.client.address, mode: safe(e.mode), why: failureMessage(e.reason), bytes: e.bytes });
    case 'refused':
      return msg(`tftp.log.refused.${e.direction}`, { file: safe(e.filename), client: e.client.address, why: refusalMessage(e.reason, e.detail) });
    case 'warning':
      return e.client ? msg('tftp.log.warningFrom', { client: e.client.address, detail: osReason(safe(e.detail)) }) : msg('tftp.log.warning', { detail: osReason(safe(e.detail)) });
    default:
      return assertNever(e, 'TFTP event');
  }
}
