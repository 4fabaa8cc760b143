import { appVersion } from '../engine/version';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from './command';
import { COMMANDS } from './commands/index';

export function helpText(commands: CliCommand[] = COMMANDS): string {
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
    '',
  ].join('\n');
}

/** The whole command line: returns the exit code, never throws. */
export async function runCli(argv: string[], io: CliIo, commands: CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(commands));
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${appVersion()}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`phonebench: unknown command '${name}'. Run 'phonebench --help' for the list.\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`phonebench ${command.name}: ${error.message}\nUsage: ${command.usage}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`phonebench ${command.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILED;
  }
}

/** The process entry: real streams, signals, exit code. */
export async function main(): Promise<void> {
  let onInterrupt: () => void = () => {};
  const interrupted = new Promise<void>((resolve) => {
    onInterrupt = resolve;
  });
  const stop = () => onInterrupt();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
    env: process.env,
    interrupted,
  };
  const code = await runCli(process.argv.slice(2), io);
  process.exitCode = code;
  // Servers closed by the command; nothing should keep the process alive now.
  setTimeout(() => process.exit(code), 200).unref();
}
