import { spawn } from 'node:child_process';
import { COMMON_OPTIONS, EXIT_OK, EXIT_USAGE, parseFlags, type CliCommand, type CliIo } from '../command';
import { reportError, resolveDataDir } from '../engine-command';
import { openBrowser } from '../open-browser';
import { Engine } from '../../engine/engine';
import { startWebHost } from '../../web/web-host';
import { DEFAULT_WEB_PORT, rememberedSession, rememberPort } from '../../web/web-session';
import { PhonebenchError } from '../../../shared/api/result';
import { escapeTerminalText } from '../../../shared/text/terminal-text';

/** Opens the URL in the technician's browser; tests pass a recorder instead. */
export type UrlOpener = (url: string, io: CliIo) => void;

const systemOpener: UrlOpener = (url, io) => {
  openBrowser(url, { platform: process.platform, env: io.env, spawn, log: io.stderr });
};

export function createServeCommand(open: UrlOpener = systemOpener): CliCommand {
  return {
    name: 'serve',
    usage: 'phonebench serve [--port N] [--open | --no-open] [--data-dir DIR] [--renderer DIR] [--json]\n' +
      '--open opens the URL in your browser (npm start does), unless CI is set or there is no display.\n' +
      `Without --port it keeps the address of its last start (first: port ${DEFAULT_WEB_PORT}), so a tab left open reconnects;\n` +
      '--port N (0: any free port) gives a new address and a new token each start.',
    async run(args, io) {
      const { values } = parseFlags(args, {
        ...COMMON_OPTIONS,
        port: { type: 'string' },
        renderer: { type: 'string' },
        open: { type: 'boolean', default: false },
        'no-open': { type: 'boolean', default: false },
      });
      const port = values.port === undefined ? undefined : Number(values.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        io.stderr(`phonebench serve: --port must be a number from 0 to 65535, not '${escapeTerminalText(values.port ?? '')}'\n`);
        return EXIT_USAGE;
      }
      const dataDir = resolveDataDir(values['data-dir'], io.env);
      const engine = await Engine.create({ dataDir, host: 'browser' });
      // No --port (npm start): the last start's address and token, so a tab left open reconnects.
      const kept = port === undefined ? await rememberedSession(dataDir, engine.ctx.settings) : undefined;
      const start = (on: number) =>
        startWebHost({ engine, port: on, ...(kept ? { token: kept.token } : {}), ...(values.renderer ? { rendererDir: values.renderer } : {}) });
      let host;
      try {
        host = await start(port ?? kept?.port ?? 0).catch((error: unknown) => {
          if (!kept || !(error instanceof PhonebenchError) || error.code !== 'port-in-use') throw error;
          io.stderr(`phonebench serve: port ${kept.port}, the one of its last start, is taken; using a free one (a tab left open will not find it).\n`);
          return start(0);
        });
      } catch (error) {
        await engine.close();
        return reportError(io, error, values.json);
      }
      if (kept) await rememberPort(engine.ctx.settings, host.port);
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
