import type { CliCommand } from '../command';
import { consoleCommand } from './console';
import { dhcpCommand } from './dhcp';
import { firmwareCommand } from './firmware';
import { lintCommand } from './lint';
import { migrateCommand } from './migrate';
import { planCommand } from './plan';
import { portsCommand } from './ports';
import { serveCommand } from './serve';
import { simCommand } from './sim';
import { statusCommand } from './status';
import { tftpCommand } from './tftp';

/** Every subcommand, in the order `phonebench --help` lists them. Add yours with one line. */
export const COMMANDS: CliCommand[] = [
  serveCommand,
  statusCommand,
  portsCommand,
  consoleCommand,
  firmwareCommand,
  planCommand,
  lintCommand,
  migrateCommand,
  dhcpCommand,
  simCommand,
  tftpCommand,
];
