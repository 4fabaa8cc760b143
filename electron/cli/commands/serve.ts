import { spawn } from 'node:child_process';
import { COMMON_OPTIONS, EXIT_OK, EXIT_USAGE, parseFlags, type CliCommand, type CliIo } from '../command';
import { reportError, resolveDataDir } from '../engine-command';
import { openBrowser } from '../open-browser';
import { Engine } from '../../engine/engine';
import { startWebHost } from '../../web/web-host';

/** Opens the URL in the technician's browser; tests pass a recorder instead. */
export type UrlOpener = (url: string, io: CliIo) => void;

const systemOpener: UrlOpener = (url, io) => {
  openBrowser(url, { platform: process.platform, env: io.env, spawn, log: io.stderr });
};

export function createServeCommand(open: UrlOpener = systemOpener): CliCommand {
  return {
    name: 'serve',
    usage: 'phonebench serve [--port N] [--open | --no-open] [--data-dir DIR] [--renderer DIR] [--json]\n' +
      '--open opens the URL in your browser (npm start does), unless CI is set or there is no display.',
    async run(args, io) {
      const { values } = parseFlags(args, {
        ...COMMON_OPTIONS,
        port: { type: 'string', default: '0' },
        renderer: { type: 'string' },
        open: { type: 'boolean', default: false },
        'no-open': { type: 'boolean', default: false },
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
      if (values.open && !values['no-open']) open(host.url, io);
      await io.interrupted;
      await host.close();
      await engine.close();
      return EXIT_OK;
    },
  };
}

export const serveCommand = createServeCommand();
