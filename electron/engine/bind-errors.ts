import { promises as fs } from 'node:fs';
import { PhonebenchError } from '../../shared/api/result';

/** The fix for a privileged port, in this operating system's terms. */
export function privilegedPortFix(platform: NodeJS.Platform, port: number): string {
  switch (platform) {
    case 'linux':
      return (
        `Port ${port} needs privileges on Linux. Either let Node bind low ports: ` +
        "sudo setcap cap_net_bind_service=+ep $(readlink -f $(which node)), " +
        `or lower the limit: sudo sysctl net.ipv4.ip_unprivileged_port_start=${port}. ` +
        'Or use a high port (e.g. 6969) if the phone can be pointed at it.'
      );
    case 'darwin':
      return (
        `Port ${port} needs privileges on macOS: run Phonebench with sudo, or serve on a high port such as 6969 ` +
        `and add a pf redirect: echo "rdr pass on lo0 inet proto udp from any to any port ${port} -> 127.0.0.1 port 6969" | sudo pfctl -ef -`
      );
    case 'win32':
      return 'Windows blocked the port: allow Phonebench when the Windows Firewall prompt appears, or allow it in Windows Defender Firewall settings.';
    default:
      return `Port ${port} needs privileges on this system: run with elevated rights or use a port above 1023.`;
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
export type BoundService = 'TFTP' | 'DHCP';

const USUAL_HOLDERS: Record<BoundService, string> = {
  TFTP: 'the other TFTP server (e.g. sudo systemctl stop tftpd-hpa, or close Tftpd64)',
  DHCP: 'the other DHCP server (dnsmasq, Tftpd64, ISC dhcpd), or leave the bench DHCP off and enter the phone IP',
};

/** Maps a bind failure of a TFTP or DHCP socket to a PhonebenchError whose message names the fix. */
export async function bindError(e: unknown, address: string, port: number, service: BoundService = 'TFTP'): Promise<PhonebenchError> {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new PhonebenchError('port-privileged', `${service} needs UDP port ${port}, which this user may not open.`, privilegedPortFix(process.platform, port));
    case 'EADDRINUSE': {
      const owner = await findUdpPortOwner(port).catch(() => undefined);
      const who = owner ? ` by ${owner}` : ' by another program';
      const fix = owner ? `Stop ${owner}, or choose another port. Usually that is ${USUAL_HOLDERS[service]}.` : `Stop ${USUAL_HOLDERS[service]}; or choose another port.`;
      return new PhonebenchError('port-in-use', `UDP port ${port} on ${address} is already in use${who}.`, fix);
    }
    case 'EADDRNOTAVAIL':
      return new PhonebenchError(
        'address-unavailable',
        `This computer has no address ${address}.`,
        'Pick one of the listed network interfaces, and check the cable or adapter to the phone is connected.',
      );
    default:
      return new PhonebenchError('io-error', `${service} could not open UDP ${address}:${port}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
