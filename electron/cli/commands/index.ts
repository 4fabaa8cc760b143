import type { CliCommand } from '../command';
import { consoleCommand } from './console';
import { dhcpCommand } from './dhcp';
import { firmwareCommand } from './firmware';
import { migrateCommand } from './migrate';
import { portsCommand } from './ports';
import { serveCommand } from './serve';
import { statusCommand } from './status';

/** Every subcommand, in the order `phonebench --help` lists them. Add yours with one line. */
export const COMMANDS: CliCommand[] = [
  serveCommand,
  statusCommand,
  portsCommand,
  consoleCommand,
  firmwareCommand,
  migrateCommand,
  dhcpCommand,
];
