import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A TFTP server under test, in its own process, on 127.0.0.1:port. */
export interface ServerUnderTest {
  name: string;
  port: number;
  pid: number;
  /** user+system CPU seconds of the server and its reaped children (Linux /proc). */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

const TICKS = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim() || 100);

async function cpuOf(pid: number): Promise<number> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the command name (which may hold spaces): utime is 14th overall, cstime 17th.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(rest[i] ?? 0), 0);
  return ticks / TICKS;
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not come up`);
}

/**
 * tftpd-hpa forks a child per transfer and ignores SIGCHLD, so the kernel never adds the children's CPU to the
 * parent. This samples the children every 10 ms (listed by /proc/PID/task/PID/children, CPU from schedstat in ns)
 * and keeps the last value seen for each: a lower bound, missing at most the final 10 ms of each child.
 */
function childSampler(parent: number): { total(): number; stop(): void } {
  const seen = new Map<number, number>();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      const list = await fs.readFile(`/proc/${parent}/task/${parent}/children`, 'utf8').catch(() => '');
      for (const pid of list.split(' ').filter(Boolean).map(Number)) {
        // schedstat: nanoseconds on CPU, far finer than the 10 ms ticks of /proc/<pid>/stat.
        const sched = await fs.readFile(`/proc/${pid}/schedstat`, 'utf8').catch(() => '');
        const ns = Number(sched.split(' ')[0]);
        if (sched !== '' && Number.isFinite(ns)) seen.set(pid, ns / 1e9);
      }
    })().finally(() => {
      busy = false;
    });
  }, 10);
  return { total: () => [...seen.values()].reduce((a, b) => a + b, 0), stop: () => clearInterval(timer) };
}

function wrap(name: string, child: ChildProcess, port: number, sampleChildren = false): ServerUnderTest {
  const pid = child.pid as number;
  const sampler = sampleChildren ? childSampler(pid) : undefined;
  return {
    name,
    port,
    pid,
    cpuSeconds: async () => (await cpuOf(pid)) + (sampler?.total() ?? 0),
    stop: async () => {
      sampler?.stop();
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 2000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

async function udpPortBound(port: number): Promise<boolean> {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')} `;
  const text = await fs.readFile('/proc/net/udp', 'utf8').catch(() => '');
  return text.includes(`0100007F${hex}`);
}

/** A Node script of this folder in its own process; resolves once it prints 'ready'. */
async function startNodeScript(name: string, file: string, root: string, port: number): Promise<ServerUnderTest> {
  const script = path.join(path.dirname(new URL(import.meta.url).pathname), file);
  const child = spawn(process.execPath, ['--import', 'tsx', script, root, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', () => reject(new Error(`${name} server exited`)));
  });
  return wrap(name, child, port);
}

export function startPhonebench(root: string, port: number): Promise<ServerUnderTest> {
  return startNodeScript('phonebench', 'phonebench-server.ts', root, port);
}

/** The Node floor: the least per-packet work Node allows (bench/tftp/floor-server.ts). */
export function startFloor(root: string, port: number): Promise<ServerUnderTest> {
  return startNodeScript('floor', 'floor-server.ts', root, port);
}

export async function startTftpdHpa(root: string, port: number): Promise<ServerUnderTest | string> {
  const bin = ['/usr/sbin/in.tftpd', '/usr/sbin/tftpd'].find((p) => existsSync(p));
  if (!bin) return 'tftpd-hpa not installed (apt-get install -y tftpd-hpa)';
  const child = spawn(bin, ['-L', '-s', '-a', `127.0.0.1:${port}`, '-u', os.userInfo().username, root], { stdio: 'ignore' });
  await waitFor(() => udpPortBound(port), 'in.tftpd');
  return wrap('tftpd-hpa', child, port, true);
}

/** atftpd conflicts with tftpd-hpa as a Debian package: unpack it privately instead of installing it. */
export async function findAtftpd(): Promise<string | undefined> {
  if (existsSync('/usr/sbin/atftpd')) return '/usr/sbin/atftpd';
  const dir = path.join(os.tmpdir(), 'phonebench-bench-atftpd');
  const bin = path.join(dir, 'x', 'usr', 'sbin', 'atftpd');
  if (existsSync(bin)) return bin;
  await fs.mkdir(dir, { recursive: true });
  const dl = spawnSync('apt-get', ['download', 'atftpd'], { cwd: dir, timeout: 120_000 });
  const deb = (await fs.readdir(dir)).find((f) => f.endsWith('.deb'));
  if (dl.status !== 0 || !deb) return undefined;
  spawnSync('dpkg', ['-x', path.join(dir, deb), path.join(dir, 'x')]);
  return existsSync(bin) ? bin : undefined;
}

export async function startAtftpd(root: string, port: number): Promise<ServerUnderTest | string> {
  const bin = await findAtftpd();
  if (!bin) return 'atftpd not available (apt-get download atftpd failed)';
  const user = os.userInfo().username;
  const child = spawn(
    bin,
    ['--daemon', '--no-fork', '--port', String(port), '--bind-address', '127.0.0.1', '--logfile', '/dev/null', '--user', user, '--group', user === 'root' ? 'root' : user, '--maxthread', '200', root],
    { stdio: 'ignore' },
  );
  await waitFor(() => udpPortBound(port), 'atftpd');
  return wrap('atftpd', child, port);
}
