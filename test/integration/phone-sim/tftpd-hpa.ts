import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tftpGet } from '../../../electron/engine/phone-sim/tftp-client';

/** tftpd-hpa serving a temporary directory on 127.0.0.1, for tests that need a real TFTP server. */

export const IN_TFTPD = '/usr/sbin/in.tftpd';

export function tftpdMissingReason(): string | undefined {
  return existsSync(IN_TFTPD) ? undefined : `${IN_TFTPD} not installed (apt-get install -y tftpd-hpa)`;
}

export interface Tftpd {
  root: string;
  port: number;
  write(name: string, content: string | Uint8Array): Promise<void>;
  remove(name: string): Promise<void>;
  close(): Promise<void>;
}

async function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((resolve) => s.bind(0, '127.0.0.1', resolve));
  const port = s.address().port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export async function startTftpd(): Promise<Tftpd> {
  const root = await fs.mkdtemp(path.join(tmpdir(), 'pb-sim-tftpd-'));
  await fs.chmod(root, 0o755);
  const port = await freeUdpPort();
  // -L foreground, -s chroot into root, -a the one loopback address; files must be world-readable.
  const child: ChildProcess = spawn(IN_TFTPD, ['-L', '-s', '-a', `127.0.0.1:${port}`, '-u', 'nobody', root], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  await waitForPort(port, () => child.exitCode !== null, () => stderr);
  return {
    root,
    port,
    async write(name, content) {
      const file = path.join(root, name);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, content);
      await fs.chmod(file, 0o644);
    },
    async remove(name) {
      await fs.rm(path.join(root, name), { force: true });
    },
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

/** The server is up once it answers a read of a missing file; bounded to 100 tries. Never holds its port. */
async function waitForPort(port: number, died: () => boolean, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (died()) throw new Error(`in.tftpd exited: ${log()}`);
    const r = await tftpGet({ host: '127.0.0.1', port, fileName: 'pb-probe-missing', timeoutMs: 100, retries: 0 });
    if (r.result === 'not-found') return;
  }
  throw new Error(`in.tftpd did not answer on 127.0.0.1:${port}: ${log()}`);
}
