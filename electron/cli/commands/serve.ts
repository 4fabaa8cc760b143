import { COMMON_OPTIONS, EXIT_OK, EXIT_USAGE, parseFlags, type CliCommand } from '../command';
import { reportError, resolveDataDir } from '../engine-command';
import { Engine } from '../../engine/engine';
import { startWebHost } from '../../web/web-host';

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'phonebench serve [--port N] [--data-dir DIR] [--renderer DIR] [--json]',
  async run(args, io) {
    const { values } = parseFlags(args, {
      ...COMMON_OPTIONS,
      port: { type: 'string', default: '0' },
      renderer: { type: 'string' },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.stderr(`phonebench serve: --port must be a number from 0 to 65535, not '${values.port}'\n`);
      return EXIT_USAGE;
    }
    const dataDir = resolveDataDir(values['data-dir'], io.env);
    const engine = await Engine.create({ dataDir, host: 'browser' });
    let host;
    try {
      host = await startWebHost({ engine, port, ...(values.renderer ? { rendererDir: values.renderer } : {}) });
    } catch (error) {
      await engine.close();
      return reportError(io, error, values.json);
    }
    io.stdout(values.json ? `${JSON.stringify({ url: host.url, dataDir })}\n` : `Phonebench is running at ${host.url}\n`);
    await io.interrupted;
    await host.close();
    await engine.close();
    return EXIT_OK;
  },
};
