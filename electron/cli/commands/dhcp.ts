import { normalizeMac } from '../../../shared/cisco/phone-files';
import { BenchDhcpServer, type DhcpEvent } from '../../engine/dhcp/bench-dhcp-server';
import { EXIT_OK, parseFlags, UsageError, type CliCommand } from '../command';
import { reportError } from '../engine-command';
import { escapeTerminalText } from '../../../shared/text/terminal-text';

const OPTIONS = {
  mac: { type: 'string' },
  offer: { type: 'string' },
  server: { type: 'string' },
  mask: { type: 'string', default: '255.255.255.0' },
  router: { type: 'string' },
  dns: { type: 'string' },
  lease: { type: 'string', default: '3600' },
  port: { type: 'string', default: '67' },
  bind: { type: 'string' },
  'client-port': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const USAGE =
  'phonebench dhcp --mac MAC --offer IP --server THIS_MACHINE_IP [--mask M] [--router IP] [--dns IP] [--lease SECONDS] [--port 67] [--bind ADDR] [--client-port 68] [--json]';

/** The bench DHCP on its own: one phone gets one address and this machine as its TFTP server, until Ctrl-C. */
export const dhcpCommand: CliCommand = {
  name: 'dhcp',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseFlags(args, OPTIONS);
    const mac = values.mac ? normalizeMac(values.mac) : undefined;
    if (!mac) throw new UsageError('--mac wants the phone MAC (12 hex digits, any usual writing)');
    if (!values.offer || !values.server) throw new UsageError('--offer and --server are required');
    const lease = Number(values.lease);
    const port = Number(values.port);
    if (!Number.isInteger(lease) || lease < 60) throw new UsageError('--lease wants whole seconds, at least 60');
    const clientPort = Number(values['client-port'] ?? '68');
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port wants a number from 0 to 65535');
    if (!Number.isInteger(clientPort) || clientPort < 1 || clientPort > 65535) throw new UsageError('--client-port wants a number from 1 to 65535');
    let server: BenchDhcpServer;
    try {
      server = await BenchDhcpServer.start({
        mac,
        offerIp: values.offer,
        serverIp: values.server,
        mask: values.mask,
        leaseSeconds: lease,
        port,
        clientPort,
        ...(values.router ? { router: values.router } : {}),
        ...(values.dns ? { dns: [values.dns] } : {}),
        // Broadcasts reach only a socket on 0.0.0.0 (Linux); --bind is for tests and unicast-only setups.
        ...(values.bind ? { bindAddress: values.bind } : {}),
      });
    } catch (error) {
      return reportError(io, error, values.json);
    }
    const print = (e: DhcpEvent | { kind: 'listening'; port: number }) =>
      io.stdout(values.json ? `${JSON.stringify(e)}\n` : `${escapeTerminalText(describe(e))}\n`);
    print({ kind: 'listening', port: server.port });
    server.onEvent(print);
    await io.interrupted;
    await server.close();
    return EXIT_OK;
  },
};

function describe(e: DhcpEvent | { kind: 'listening'; port: number }): string {
  switch (e.kind) {
    case 'listening':
      return `Bench DHCP listening on UDP ${e.port}; Ctrl-C stops.`;
    case 'offered':
      return `offered  ${e.ip} to ${e.mac}${e.vendorClass ? ` (${e.vendorClass})` : ''}`;
    case 'acked':
      return `leased   ${e.ip} to ${e.mac}`;
    case 'nak':
      return `refused  ${e.mac}: ${e.reason}`;
    case 'released':
      return `released ${e.ip} by ${e.mac}`;
    case 'declined':
      return `declined ${e.ip} by ${e.mac} (address in use?)`;
    case 'chose-other-server':
      return `warning  ${e.mac} took an address from another DHCP server (${e.serverId}): this is a live network`;
    case 'ignored':
      return `ignored  ${e.messageType} from ${e.mac} (not the phone)`;
    case 'malformed':
      return `ignored  malformed packet from ${e.from}: ${e.reason}`;
    default: {
      const never: never = e;
      return never;
    }
  }
}
