import { Engine } from '../../engine/engine';
import { COMMON_OPTIONS, EXIT_OK, parseFlags, UsageError, type CliCommand } from '../command';
import { reportError, resolveDataDir } from '../engine-command';
import { escapeTerminalText } from '../../../shared/text/terminal-text';

const USAGE =
  'phonebench tftp serve --root DIR [--bind ADDR] [--port N] [--allow IP]... [--all-phones] [--upload DIR] [--any-address] [--data-dir DIR] [--json]';

const OPTIONS = {
  ...COMMON_OPTIONS,
  root: { type: 'string' },
  bind: { type: 'string', default: '127.0.0.1' },
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
    const engine = await Engine.create({ dataDir: resolveDataDir(values['data-dir'], io.env), host: 'cli' });
    const unlisten = engine.listen((name, payload) => {
      if (values.json && name === 'tftp:transfer') io.stdout(`${JSON.stringify(payload)}\n`);
      if (!values.json && name === 'tftp:log') io.stdout(`${escapeTerminalText((payload as { text: string }).text)}\n`);
    });
    try {
      const started = await engine.request('tftp:start', {
        address: values.bind,
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
