import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '../../support/require-tool';

/**
 * The bench DHCP against busybox udhcpc, a real DHCP client, across a veth pair between two network namespaces
 * this test creates and removes. Nothing touches the host's own interfaces.
 */
const tag = `${process.pid % 10000}`;
const NS_SRV = `pbdhcp-s${tag}`;
const NS_CLI = `pbdhcp-c${tag}`;
const PHONE_MAC = '00:0e:84:c0:60:a6';
const OTHER_MAC = '00:11:22:33:44:55';

const available = requireTool(['netns', 'busybox'], 'the bench DHCP against udhcpc in network namespaces');

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });
const inNs = (ns: string, ...args: string[]) => ip('netns', 'exec', ns, ...args);

describe.runIf(available)('bench DHCP with udhcpc in a namespace pair', () => {
  let server: ChildProcess | undefined;
  const events: Record<string, unknown>[] = [];
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pbdhcp-'));
    ip('netns', 'add', NS_SRV);
    ip('netns', 'add', NS_CLI);
    ip('link', 'add', `pbs${tag}`, 'type', 'veth', 'peer', 'name', `pbc${tag}`);
    ip('link', 'set', `pbs${tag}`, 'netns', NS_SRV);
    ip('link', 'set', `pbc${tag}`, 'netns', NS_CLI);
    inNs(NS_SRV, 'ip', 'addr', 'add', '10.77.0.1/24', 'dev', `pbs${tag}`);
    inNs(NS_SRV, 'ip', 'link', 'set', `pbs${tag}`, 'up');
    inNs(NS_SRV, 'ip', 'link', 'set', 'lo', 'up');
    inNs(NS_CLI, 'ip', 'link', 'set', `pbc${tag}`, 'address', PHONE_MAC);
    inNs(NS_CLI, 'ip', 'link', 'set', `pbc${tag}`, 'up');
    const options = {
      mac: '000E84C060A6', offerIp: '10.77.0.20', serverIp: '10.77.0.1', mask: '255.255.255.0',
      router: '10.77.0.1', dns: ['10.77.0.1'], leaseSeconds: 600,
    };
    const tsx = path.resolve('node_modules/.bin/tsx');
    server = spawn('ip', ['netns', 'exec', NS_SRV, tsx, 'test/integration/dhcp/dhcp-server-process.ts', JSON.stringify(options)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('DHCP server process did not start within 30 s')), 30_000);
      server?.stdout?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          const event = JSON.parse(line) as Record<string, unknown>;
          if (event.kind === 'listening') {
            clearTimeout(timer);
            resolve();
          } else events.push(event);
        }
      });
      server?.once('exit', (code) => reject(new Error(`DHCP server exited early (${String(code)})`)));
    });
  });

  afterAll(() => {
    server?.stdin?.end();
    server?.kill();
    spawnSync('ip', ['netns', 'del', NS_SRV]);
    spawnSync('ip', ['netns', 'del', NS_CLI]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function udhcpc(): { status: number | null; env: Record<string, string> } {
    const out = path.join(dir, 'lease.env');
    rmSync(out, { force: true });
    const script = path.join(dir, 'script.sh');
    writeFileSync(script, `#!/bin/sh\nif [ "$1" = bound ]; then env > ${out}; fi\nexit 0\n`);
    chmodSync(script, 0o755);
    // -n: give up instead of backgrounding; -q: quit once bound; -t/-T bound the tries.
    const run = spawnSync(
      'ip',
      ['netns', 'exec', NS_CLI, 'busybox', 'udhcpc', '-i', `pbc${tag}`, '-n', '-q', '-f', '-t', '3', '-T', '1', '-s', script, '-O', '150', '-O', 'tftp'],
      { timeout: 30_000 },
    );
    const env: Record<string, string> = {};
    try {
      for (const line of readFileSync(out, 'utf8').split('\n')) {
        const eq = line.indexOf('=');
        if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
      }
    } catch {
      // No lease file: not bound.
    }
    return { status: run.status, env };
  }

  /** spawnSync blocked the loop; let the server's event lines arrive (bounded). */
  async function eventsAfter(before: number): Promise<Record<string, unknown>[]> {
    for (let i = 0; i < 100 && events.length === before; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    return events.slice(before);
  }

  it('leases the one address to the phone, with options 1, 3, 6, 66 and 150 naming the bench server', async () => {
    const { status, env } = udhcpc();
    expect(status).toBe(0);
    expect(env.ip).toBe('10.77.0.20');
    expect(env.subnet).toBe('255.255.255.0');
    expect(env.router).toBe('10.77.0.1');
    expect(env.dns).toBe('10.77.0.1');
    expect(env.siaddr).toBe('10.77.0.1');
    expect(env.serverid).toBe('10.77.0.1');
    expect(env.tftp).toBe('10.77.0.1');
    expect(env.opt150).toBe('0a4d0001');
    expect(env.lease).toBe('600');
    const seen = await eventsAfter(0);
    expect(seen.map((e) => e.kind)).toEqual(expect.arrayContaining(['offered', 'acked']));
  });

  it('ignores another MAC and reports it', async () => {
    inNs(NS_CLI, 'ip', 'link', 'set', `pbc${tag}`, 'address', OTHER_MAC);
    const before = events.length;
    const { status, env } = udhcpc();
    expect(status).not.toBe(0);
    expect(env.ip).toBeUndefined();
    const seen = await eventsAfter(before);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => e.kind === 'ignored' && e.mac === '001122334455')).toBe(true);
  });
});
