import { formatMessage } from '../../../shared/i18n/format';
import { COMMON_OPTIONS, EXIT_OK, parseFlags, type CliCommand } from '../command';
import { reportError, resolveDataDir, withEngine } from '../engine-command';

export const portsCommand: CliCommand = {
  name: 'ports',
  usage: 'phonebench ports [--data-dir DIR] [--json]',
  async run(args, io) {
    const { values } = parseFlags(args, COMMON_OPTIONS);
    const dataDir = resolveDataDir(values['data-dir'], io.env);
    return withEngine(dataDir, async (engine) => {
      const result = await engine.request('serial:list', {});
      if (!result.ok) return reportError(io, result.error, values.json);
      const list = result.value;
      if (values.json) {
        io.stdout(`${JSON.stringify(list)}\n`);
        return EXIT_OK;
      }
      if (list.notice) io.stderr(`Note: ${formatMessage('en', list.notice)}\n`);
      if (list.ports.length === 0) {
        io.stdout('No serial ports found. Plug in the USB serial adapter, or pass a path to `phonebench console --port`.\n');
        return EXIT_OK;
      }
      const width = Math.max(...list.ports.map((p) => p.path.length));
      for (const port of list.ports) {
        io.stdout(`${port.path.padEnd(width)}  ${formatMessage('en', port.description)}\n`);
        if (port.byId) io.stdout(`${''.padEnd(width)}  ${port.byId}\n`);
      }
      return EXIT_OK;
    }, io);
  },
};
