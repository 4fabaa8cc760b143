import { Engine } from '../../engine/engine';
import type { SyslogLine, SyslogStatus } from '../../../shared/api/syslog';
import { formatMessage } from '../../../shared/i18n/format';
import { msg } from '../../../shared/i18n/message';
import { escapeTerminalText } from '../../../shared/text/terminal-text';
import { isIpv4 } from '../../engine/dhcp/codec';
import { COMMON_OPTIONS, EXIT_OK, parseFlags, plural, UsageError, type CliCommand } from '../command';
import { reportError, resolveDataDir } from '../engine-command';

const USAGE = 'phonebench syslog --bind ADDR --allow PHONE_IP [--port N] [--all-phones] [--data-dir DIR] [--json]';

const OPTIONS = {
  ...COMMON_OPTIONS,
  bind: { type: 'string' },
  port: { type: 'string', default: '514' },
  allow: { type: 'string', multiple: true },
  'all-phones': { type: 'boolean', default: false },
} as const;

/** The phone's syslog in this terminal until Ctrl-C: one escaped line per message, or JSON lines with --json. */
export const syslogCommand: CliCommand = {
  name: 'syslog',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseFlags(args, OPTIONS);
    if (!values.bind) throw new UsageError("--bind ADDR is required: this computer's address on the phone's network");
    if (!isIpv4(values.bind)) throw new UsageError(`--bind '${escapeTerminalText(values.bind.slice(0, 100))}' is not an IPv4 address`);
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port wants a number from 0 to 65535');
    const allow = values.allow ?? [];
    if (allow.length === 0 && !values['all-phones']) throw new UsageError('name the phone with --allow PHONE_IP (only that phone is heard), or pass --all-phones');
    const bad = allow.find((ip) => !isIpv4(ip));
    if (bad !== undefined) throw new UsageError(`--allow '${escapeTerminalText(bad.slice(0, 100))}' is not an IPv4 address, e.g. --allow 192.168.1.50`);

    const engine = await Engine.create({ dataDir: resolveDataDir(values['data-dir'], io.env), host: 'cli' });
    const unlisten = engine.listen((name, payload) => {
      if (name !== 'syslog:lines') return;
      for (const line of payload as SyslogLine[]) io.stdout(values.json ? `${JSON.stringify(line)}\n` : `${lineText(line)}\n`);
    });
    try {
      const started = await engine.request('syslog:start', { address: values.bind, port, allow, allowAll: values['all-phones'] });
      if (!started.ok) return reportError(io, started.error, values.json);
      const s = started.value;
      // Said on stderr, so --json output stays one JSON object per line.
      io.stderr(`Listening for syslog on ${s.address}:${s.port}, from ${s.allow ? s.allow.join(', ') : 'every address'}. Ctrl-C stops.\n`);
      io.stderr(`  ${formatMessage('en', msg('syslog.unknownSetting', { address: s.address ?? values.bind, port: s.port ?? port }))}\n`);
      await io.interrupted;
      const end = await engine.request('syslog:status', {});
      if (end.ok) io.stderr(`${summary(end.value)}\n`);
      return EXIT_OK;
    } finally {
      unlisten();
      await engine.close();
    }
  },
};

/** "09:15:02 10.1.1.50 err sipd: text"; every field was escaped when it arrived. */
function lineText(l: SyslogLine): string {
  const time = new Date(l.at).toTimeString().slice(0, 8);
  return [time, l.from, l.severity ?? '-', l.app ? `${l.app}:` : '', l.text].filter((p) => p !== '').join(' ');
}

function summary(s: SyslogStatus): string {
  const parts = [`${plural(s.received, 'line')} received`, `${plural(s.refused, 'datagram')} from other addresses refused`];
  if (s.dropped > 0) parts.push(`${s.dropped} over the rate limit dropped`);
  if (s.lastRefusedFrom) parts.push(`last refused from ${s.lastRefusedFrom}`);
  return parts.join(', ');
}
