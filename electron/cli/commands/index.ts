import type { CliCommandEntry } from '../command';

/**
 * Every subcommand, in the order `phonebench --help` lists them. Each module loads only when its command runs,
 * so `--help` starts as fast as Node itself. Add yours with one entry.
 */
export const COMMANDS: CliCommandEntry[] = [
  {
    name: 'serve',
    summary: 'Run Phonebench in your browser, on this machine only (127.0.0.1)',
    load: async () => (await import('./serve')).serveCommand,
  },
  {
    name: 'status',
    summary: "Show the engine's version, data directory, services and log file",
    load: async () => (await import('./status')).statusCommand,
  },
  { name: 'ports', summary: 'List serial ports for the phone console', load: async () => (await import('./ports')).portsCommand },
  {
    name: 'console',
    summary: "Open a phone's serial console in this terminal (Ctrl-] quits)",
    load: async () => (await import('./console')).consoleCommand,
  },
  {
    name: 'firmware',
    summary: 'Import, list, show, export and delete firmware bundles',
    load: async () => (await import('./firmware')).firmwareCommand,
  },
  {
    name: 'plan',
    summary: "Plan one phone's firmware migration (hops, files, configs)",
    load: async () => (await import('./plan')).planCommand,
  },
  {
    name: 'lint',
    summary: 'Check phone config files (OS79XX.TXT, SIP*.cnf, SEP*.cnf.xml, ...) for mistakes phones trip on',
    load: async () => (await import('./lint')).lintCommand,
  },
  {
    name: 'migrate',
    summary: 'Migrate one phone to a firmware bundle over TFTP (or try it with --demo on a virtual phone)',
    load: async () => (await import('./migrate')).migrateCommand,
  },
  {
    name: 'history',
    summary: "The day's record: every migration run, a summary per day, one zip of a day's reports",
    load: async () => (await import('./history')).historyCommand,
  },
  {
    name: 'dhcp',
    summary: 'Bench DHCP for one phone (by MAC): one address, options 66/150 naming this machine',
    load: async () => (await import('./dhcp')).dhcpCommand,
  },
  {
    name: 'sim',
    summary: 'Boot a virtual 7940/7960 against a TFTP server and print what it does',
    load: async () => (await import('./sim')).simCommand,
  },
  {
    name: 'syslog',
    summary: "Show one phone's syslog messages in this terminal (a phone on a SIP load that logs to syslog) until Ctrl-C",
    load: async () => (await import('./syslog')).syslogCommand,
  },
  {
    name: 'tftp',
    summary: 'Serve a TFTP root to one phone (or every phone, on purpose) until Ctrl-C',
    load: async () => (await import('./tftp')).tftpCommand,
  },
];
