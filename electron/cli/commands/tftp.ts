import { Engine } from '../../engine/engine';
import { escapeTerminalText } from '../../../shared/text/terminal-text';
import { isIpv4 } from '../../engine/dhcp/codec';
import { COMMON_OPTIONS, EXIT_OK, EXIT_USAGE, parseFlags, UsageError, type CliCommand } from '../command';
import { reportError, resolveDataDir } from '../engine-command';

const USAGE =
  'phonebench tftp serve --root DIR [--bind ADDR] [--port N] [--allow IP]... [--all-phones] [--upload DIR] [--any-address] [--data-dir DIR] [--json]';

/** Where the server listens when --bind is not given: safe, and said to be unreachable by phones. */
const LOOPBACK = '127.0.0.1';

const OPTIONS = {
  ...COMMON_OPTIONS,
  root: { type: 'string' },
  bind: { type: 'string' },
  port: { type: 'string', default: '69' },
  allow: { type: 'string', multiple: true },
  'all-phones': { type: 'boolean', default: false },
  upload: { type: 'string' },
  'any-address': { type: 'boolean', default: false },
} as const;

/** The TFTP server on its own, until Ctrl-C: one log line per event, or JSON lines with --json. */
export const tftpCommand: CliCommand = {
  name: 'tftp',
  usage: USAGE,
  async run(args, io) {
    const [verb, ...rest] = args;
    if (verb !== 'serve') throw new UsageError(verb === undefined ? "say 'serve'" : `unknown action '${verb}', only 'serve'`);
    const { values } = parseFlags(rest, OPTIONS);
    if (!values.root) throw new UsageError('--root DIR is required (the folder holding the firmware and config files)');
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port wants a number from 0 to 65535');
    const allow = values.allow ?? [];
    if (allow.length === 0 && !values['all-phones']) {
      throw new UsageError("name the phone with --allow IP, or pass --all-phones to answer every phone on the network");
    }
    const bad = allow.find((ip) => !isIpv4(ip));
    if (bad !== undefined) {
      io.stderr(`phonebench tftp: --allow '${escapeTerminalText(bad.slice(0, 100))}' is not an IPv4 address.\n`);
      io.stderr("  fix: give the phone's address as four numbers, e.g. --allow 192.168.1.50 (the phone shows it under Settings > Network Configuration > IP Address); repeat --allow for each phone.\n");
      return EXIT_USAGE;
    }
    const bind = values.bind ?? LOOPBACK;
    if (values.bind === undefined) {
      // Said on stderr, so --json output stays one JSON object per line.
      io.stderr(`phonebench tftp: no --bind given: listening on ${LOOPBACK} (loopback), which no phone can reach; only this computer can test it.\n`);
      io.stderr("  fix: add --bind with this computer's address on the phone's network, e.g. --bind 192.168.1.10 ('ip -4 addr' or 'ipconfig' lists them).\n");
    }
    const engine = await Engine.create({ dataDir: resolveDataDir(values['data-dir'], io.env), host: 'cli' });
    const unlisten = engine.listen((name, payload) => {
      if (values.json && name === 'tftp:transfer') io.stdout(`${JSON.stringify(payload)}\n`);
      if (!values.json && name === 'tftp:log') io.stdout(`${escapeTerminalText((payload as { text: string }).text)}\n`);
    });
    try {
      const started = await engine.request('tftp:start', {
        address: bind,
        port,
        root: values.root,
        allow,
        allowAll: values['all-phones'],
        allowAnyAddress: values['any-address'],
        ...(values.upload ? { uploadDir: values.upload } : {}),
      });
      if (!started.ok) return reportError(io, started.error, values.json);
      await io.interrupted;
      return EXIT_OK;
    } finally {
      unlisten();
      await engine.close();
    }
  },
};

