import { createWriteStream, type WriteStream } from 'node:fs';
import { hintById } from '../../../shared/cisco/hints';
import { formatMessage } from '../../../shared/i18n/format';
import { DEFAULT_LINE_SETTINGS, serialOpenSchema, type SerialEvents } from '../../../shared/api/serial';
import { COMMON_OPTIONS, EXIT_FAILED, EXIT_OK, parseFlags, UsageError, type CliCommand } from '../command';
import { reportError, resolveDataDir, withEngine } from '../engine-command';

/** Ctrl-] quits, as in telnet. */
const QUIT_BYTE = 0x1d;

function parsedOptions(values: Record<string, string | boolean | undefined>) {
  const num = (flag: string, fallback: number) => {
    const raw = values[flag];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new UsageError(`--${flag} must be a number, not '${String(raw)}'`);
    return n;
  };
  const parsed = serialOpenSchema.safeParse({
    path: values.port,
    baud: num('baud', DEFAULT_LINE_SETTINGS.baud),
    dataBits: num('data-bits', DEFAULT_LINE_SETTINGS.dataBits),
    parity: values.parity ?? DEFAULT_LINE_SETTINGS.parity,
    stopBits: num('stop-bits', DEFAULT_LINE_SETTINGS.stopBits),
    rtscts: values.rtscts === true,
    xonxoff: values.xonxoff === true,
    autoReconnect: values['no-reconnect'] !== true,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = { path: 'port', baud: 'baud', dataBits: 'data-bits', parity: 'parity', stopBits: 'stop-bits' }[
      String(issue?.path[0] ?? 'port')
    ];
    throw new UsageError(`--${flag ?? 'port'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export const consoleCommand: CliCommand = {
  name: 'console',
  usage:
    'phonebench console --port PATH [--baud 9600] [--data-bits 8] [--parity none|even|odd|mark|space] [--stop-bits 1|1.5|2] [--rtscts] [--xonxoff] [--no-reconnect] [--log FILE] [--data-dir DIR]',
  async run(args, io) {
    const { values } = parseFlags(args, {
      ...COMMON_OPTIONS,
      port: { type: 'string' },
      baud: { type: 'string' },
      'data-bits': { type: 'string' },
      parity: { type: 'string' },
      'stop-bits': { type: 'string' },
      rtscts: { type: 'boolean', default: false },
      xonxoff: { type: 'boolean', default: false },
      'no-reconnect': { type: 'boolean', default: false },
      log: { type: 'string' },
    });
    if (!values.port) throw new UsageError('--port is required (see `phonebench ports`)');
    const params = parsedOptions(values);
    const dataDir = resolveDataDir(values['data-dir'], io.env);

    return withEngine(dataDir, async (engine) => {
      const decoder = new TextDecoder('utf-8');
      let log: WriteStream | undefined;
      let sessionId: string | undefined;
      const early: SerialEvents['serial:data'][] = [];
      const show = (event: SerialEvents['serial:data']) => {
        const bytes = Buffer.from(event.data, 'base64');
        log?.write(bytes);
        io.stdout(decoder.decode(bytes, { stream: true }));
      };
      const unlisten = engine.listen((name, payload) => {
        if (name === 'serial:data') {
          const event = payload as SerialEvents['serial:data'];
          if (sessionId === undefined) early.push(event);
          else if (event.sessionId === sessionId) show(event);
        } else if (name === 'serial:state') {
          const event = payload as SerialEvents['serial:state'];
          if (event.sessionId !== sessionId || (event.state === 'connected' && !event.detail)) return;
          const attempt = event.attempt ? ` (attempt ${event.attempt})` : '';
          io.stderr(`\r\n[phonebench: ${event.state}${attempt}${event.detail ? `: ${event.detail}` : ''}]\r\n`);
        } else if (name === 'serial:hint') {
          const event = payload as SerialEvents['serial:hint'];
          const hint = hintById(event.hintId);
          if (event.sessionId === sessionId && hint) {
            io.stderr(`\r\n[phonebench hint: ${formatMessage('en', hint.title)}. ${formatMessage('en', hint.cause)} Fix: ${formatMessage('en', hint.fix)}]\r\n`);
          }
        }
      });

      try {
        if (values.log) {
          const file = createWriteStream(values.log, { flags: 'w' });
          await new Promise<void>((resolve, reject) => {
            file.once('open', () => resolve());
            file.once('error', reject);
          }).catch((error: unknown) => {
            throw new UsageError(`--log: cannot write ${values.log}: ${error instanceof Error ? error.message : String(error)}`);
          });
          log = file;
        }
        const opened = await engine.request('serial:open', params);
        if (!opened.ok) return reportError(io, opened.error);
        const id = opened.value.id;
        sessionId = id;
        for (const event of early.splice(0)) if (event.sessionId === id) show(event);

        const s = opened.value.settings;
        io.stderr(
          `Connected to ${params.path} at ${s.baud} ${s.dataBits}${s.parity[0]?.toUpperCase()}${s.stopBits}. ` +
            `${io.stdin.isTTY ? 'Ctrl-] quits. ' : ''}Log: ${opened.value.logFile}\r\n`,
        );

        const raw = io.stdin.isTTY === true && typeof io.stdin.setRawMode === 'function';
        if (raw) io.stdin.setRawMode?.(true);
        let failures = 0;
        let writes = Promise.resolve();
        const send = (bytes: Buffer) => {
          if (bytes.length === 0) return;
          writes = writes.then(async () => {
            const result = await engine.request('serial:write', { sessionId: id, data: bytes.toString('base64'), encoding: 'base64' });
            if (!result.ok) {
              failures++;
              io.stderr(`\r\n[phonebench: not sent: ${result.error.message}]\r\n`);
            }
          });
        };

        const stdinDone = new Promise<'eof' | 'quit'>((resolve) => {
          io.stdin.on('data', (chunk: Buffer | string) => {
            const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
            const quitAt = raw ? bytes.indexOf(QUIT_BYTE) : -1;
            if (quitAt >= 0) {
              send(bytes.subarray(0, quitAt));
              resolve('quit');
            } else {
              send(bytes);
            }
          });
          io.stdin.once('end', () => resolve('eof'));
          io.stdin.once('error', () => resolve('eof'));
        });
        await Promise.race([stdinDone, io.interrupted]);
        await writes;
        if (raw) io.stdin.setRawMode?.(false);
        io.stdin.pause();
        await engine.request('serial:close', { sessionId: id });
        io.stdout(decoder.decode());
        return failures > 0 && !raw ? EXIT_FAILED : EXIT_OK;
      } finally {
        unlisten();
        const file = log;
        if (file) await new Promise<void>((resolve) => file.end(() => resolve()));
      }
    });
  },
};
