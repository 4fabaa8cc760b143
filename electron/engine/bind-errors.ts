import { promises as fs } from 'node:fs';
import { PhonebenchError } from '../../shared/api/result';
import { msg, type Message } from '../../shared/i18n/message';
import { logSwallowed } from './engine-log';

/** The fix for a privileged port, in this operating system's terms. */
export function privilegedPortFix(platform: NodeJS.Platform, port: number): Message {
  switch (platform) {
    case 'linux':
      return msg('bind.privileged.fix.linux', { port });
    case 'darwin':
      return msg('bind.privileged.fix.darwin', { port });
    case 'win32':
      return msg('bind.privileged.fix.win32');
    default:
      return msg('bind.privileged.fix.other', { port });
  }
}

/**
 * Best effort, Linux only: which process holds a UDP port, from /proc/net/udp inodes and /proc/<pid>/fd.
 * Returns e.g. "in.tftpd (pid 812)", or undefined.
 */
export async function findUdpPortOwner(port: number): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  const inodes = new Set<string>();
  for (const table of ['/proc/net/udp', '/proc/net/udp6']) {
    const text = await fs.readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const local = cols[1];
      const inode = cols[9];
      if (!local || !inode || inode === '0') continue;
      const hexPort = local.split(':')[1];
      if (hexPort !== undefined && parseInt(hexPort, 16) === port) inodes.add(inode);
    }
  }
  if (inodes.size === 0) return undefined;
  const pids = await fs.readdir('/proc').catch(() => [] as string[]);
  let checked = 0;
  for (const pid of pids) {
    if (!/^[0-9]+$/.test(pid) || ++checked > 4000) continue;
    const fds = await fs.readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds.slice(0, 4096)) {
      const link = await fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      if (inode !== undefined && inodes.has(inode)) {
        const comm = (await fs.readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '?')).trim();
        return `${comm} (pid ${pid})`;
      }
    }
  }
  return undefined;
}

/** The servers Phonebench binds, and what usually holds their port on a technician's laptop. */
export type BoundService = 'TFTP' | 'DHCP' | 'Syslog';

const USUAL_HOLDERS: Record<BoundService, Message> = {
  TFTP: msg('bind.holder.TFTP'),
  DHCP: msg('bind.holder.DHCP'),
  Syslog: msg('bind.holder.Syslog'),
};

/** Maps a bind failure of a TFTP or DHCP socket to a PhonebenchError whose message names the fix. */
export async function bindError(e: unknown, address: string, port: number, service: BoundService = 'TFTP'): Promise<PhonebenchError> {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new PhonebenchError('port-privileged', msg('bind.privileged', { service, port }), privilegedPortFix(process.platform, port));
    case 'EADDRINUSE': {
      const owner = await findUdpPortOwner(port).catch((error: unknown) => {
        logSwallowed('bind', 'find the process holding the port', error, { port });
        return undefined;
      });
      const holder = USUAL_HOLDERS[service];
      return owner
        ? new PhonebenchError('port-in-use', msg('bind.inUseBy', { port, address, owner }), msg('bind.inUseBy.fix', { owner, holder }))
        : new PhonebenchError('port-in-use', msg('bind.inUse', { port, address }), msg('bind.inUse.fix', { holder }));
    }
    case 'EADDRNOTAVAIL':
      return new PhonebenchError('address-unavailable', msg('bind.noAddress', { address }), msg('bind.noAddress.fix'));
    default:
      return new PhonebenchError('io-error', msg('bind.failed', { service, address, port, detail: e instanceof Error ? e.message : String(e) }));
  }
}
