import { appVersion } from '../engine/version';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, type CliCommandEntry, type CliIo } from './command';
import { COMMANDS } from './commands/index';
import { escapeTerminalOutput } from '../../shared/text/terminal-text';

export function helpText(commands: CliCommandEntry[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `Phonebench ${appVersion()}: move Cisco 7940/7960 phones between SCCP and SIP, one phone at a time.`,
    '',
    'Usage: phonebench <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run 'phonebench <command> --help' for a command's options. Commands that report accept --json.",
    'Data directory: --data-dir DIR or PHONEBENCH_DATA_DIR (default: the OS convention).',
    'Ctrl-C or SIGTERM stops a command cleanly within 2 s; a second one quits at once.',
    '',
  ].join('\n');
}

/** The whole command line: returns the exit code, never throws. */
export async function runCli(argv: string[], io: CliIo, commands: CliCommandEntry[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(commands));
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${appVersion()}\n`);
    return EXIT_OK;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`phonebench: unknown command '${name}'. Run 'phonebench --help' for the list.\n`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${entry.summary}\n\nUsage: ${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`phonebench ${command.name}: ${error.message}\nUsage: ${command.usage}\n`);
      return EXIT_USAGE;
    }
    // A known failure before the command could report it (settings that cannot be read): its words and fix, no stack.
    // (Checked by name: importing the class here would load the i18n catalogues for --help.)
    if (error instanceof Error && error.name === 'PhonebenchError') return (await import('./engine-command')).reportError(io, error);
    io.stderr(`phonebench ${command.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILED;
  }
}

/** The process entry: real streams, signals, exit code. */
export async function main(): Promise<void> {
  // Loaded only for a command that runs: --help stays as fast as Node's own start.
  const argv = process.argv.slice(2);
  const quick = argv.length === 0 || ['--help', '-h', 'help', '--version', '-v'].includes(argv[0] ?? '');
  const stop = quick ? undefined : await import('./process-stop').then((m) => m.listenForProcessStop());
  // The last net: whatever a command prints, no control sequence reaches the terminal (LF and TAB stay).
  // `console` is a serial terminal: the phone's bytes pass as minicom would pass them.
  const net = argv[0] === 'console' ? (text: string) => text : escapeTerminalOutput;
  // A reader that went away (`phonebench migrate --demo | head`) stops the command quietly, as a signal would.
  let stdoutGone = false;
  let stderrGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutGone = true;
    if (error.code !== 'EPIPE' && !stderrGone) process.stderr.write(`phonebench: standard output failed (${error.code ?? 'error'}); stopping.\n`);
    stop?.stopQuietly('standard output closed');
  });
  process.stderr.on('error', () => {
    stderrGone = true;
  });
  const io: CliIo = {
    stdout: (text) => {
      if (!stdoutGone) process.stdout.write(net(text));
    },
    stderr: (text) => {
      if (!stderrGone) process.stderr.write(net(text));
    },
    stdin: process.stdin,
    env: process.env,
    interrupted: stop?.interrupted ?? new Promise<void>(() => {}),
  };
  const code = await runCli(argv, io);
  stop?.dispose();
  process.exitCode = code;
  // Servers closed by the command; nothing should keep the process alive now. After a stop, no process.exit():
  // it would wait forever on a pool thread stuck in a system call; the loop ends by itself, or the stop's
  // deadline (still armed) ends the process for sure.
  if (!stop?.signal.aborted) setTimeout(() => process.exit(code), 200).unref();
}
