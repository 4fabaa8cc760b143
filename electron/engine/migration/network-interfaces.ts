import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import type { MigrateInterface } from '../../../shared/api/migrate';
import { msg, type Message } from '../../../shared/i18n/message';

/**
 * Default routes, keyed by interface name (Linux /proc/net/route, macOS `netstat -rn`) or by the interface's own
 * address (Windows `route print -4`). Best effort: empty when the table cannot be read.
 */
export async function defaultGateways(routeFile = '/proc/net/route'): Promise<Map<string, string>> {
  switch (process.platform) {
    case 'linux':
      return parseRouteTable(await fs.readFile(routeFile, 'utf8').catch(() => ''));
    case 'darwin':
      return parseNetstatRoutes(await run('netstat', ['-rn', '-f', 'inet']));
    case 'win32':
      return parseWindowsRoutes(await run('route', ['print', '-4']));
    default:
      return new Map();
  }
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 3000, maxBuffer: 1024 * 1024, windowsHide: true }, (error, stdout) => resolve(error ? '' : stdout));
  });
}

/** macOS: `default  192.168.1.1  UGScg  en0`. */
export function parseNetstatRoutes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] !== 'default' || !cols[1] || !/^\d+\.\d+\.\d+\.\d+$/.test(cols[1])) continue;
    const iface = cols[3];
    if (iface && !out.has(iface)) out.set(iface, cols[1]);
  }
  return out;
}

/** Windows: `0.0.0.0  0.0.0.0  192.168.1.1  192.168.1.50  25`, keyed by the interface address (192.168.1.50). */
export function parseWindowsRoutes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] !== '0.0.0.0' || cols[1] !== '0.0.0.0' || !cols[2] || !cols[3] || !/^\d+\.\d+\.\d+\.\d+$/.test(cols[2])) continue;
    if (!out.has(cols[3])) out.set(cols[3], cols[2]);
  }
  return out;
}

/** Reads the kernel route table text: destination 0.0.0.0 with mask 0 is a default route. */
export function parseRouteTable(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    const [iface, dest, gateway, , , , , mask] = cols;
    if (!iface || dest !== '00000000' || mask !== '00000000' || !gateway || !/^[0-9A-Fa-f]{8}$/.test(gateway)) continue;
    // Little-endian hex: 010200C0 is 192.0.2.1.
    const n = parseInt(gateway, 16);
    out.set(iface, [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff].join('.'));
  }
  return out;
}

/** NICs with IPv4 addresses, each with the reasons it may be a live network rather than a bench cable. */
export async function listInterfaces(
  nics: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
  gateways?: Map<string, string>,
): Promise<MigrateInterface[]> {
  const routes = gateways ?? (await defaultGateways());
  const out: MigrateInterface[] = [];
  for (const [name, infos] of Object.entries(nics)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4') continue;
      const gateway = routes.get(name) ?? routes.get(info.address);
      const warnings: Message[] = [];
      if (gateway !== undefined) warnings.push(msg('migrate.liveNetwork', { name, gateway }));
      const entry: MigrateInterface = { name, address: info.address, netmask: info.netmask, internal: info.internal, warnings };
      if (gateway !== undefined) entry.defaultGateway = gateway;
      out.push(entry);
    }
  }
  // Bench-looking interfaces first, loopback last.
  return out.sort((a, b) => Number(a.internal) - Number(b.internal) || a.warnings.length - b.warnings.length || a.name.localeCompare(b.name));
}
