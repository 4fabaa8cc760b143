import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '../../support/require-tool';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';

/**
 * The whole bench, for real, between two network namespaces this test creates and removes: `phonebench migrate
 * --dhcp-offer` in one (bench DHCP on 67, TFTP on 69), busybox udhcpc then a virtual phone in the other. The
 * runner must learn the phone's address from the DHCP lease and take it to the target.
 */
const tag = `${(process.pid + 7) % 10000}`;
const NS_SRV = `pbbench-s${tag}`;
const NS_CLI = `pbbench-c${tag}`;
const MAC = '000E84C060A6';

const available = requireTool(['netns', 'busybox'], 'the bench migration with udhcpc in network namespaces');

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });
const inNs = (ns: string, ...args: string[]) => ip('netns', 'exec', ns, ...args);
const tsx = path.resolve('node_modules/.bin/tsx');

describe.runIf(available)('bench DHCP + TFTP + runner with udhcpc and a virtual phone in namespaces', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pbbench-'));
  const dataDir = path.join(dir, 'data');
  let bundleId = '';
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
    bundleId = (await new FirmwareLibrary(libraryRoot(dataDir)).import(fixtures.sip812!.file)).id;
    ip('netns', 'add', NS_SRV);
    ip('netns', 'add', NS_CLI);
    ip('link', 'add', `pbS${tag}`, 'type', 'veth', 'peer', 'name', `pbC${tag}`);
    ip('link', 'set', `pbS${tag}`, 'netns', NS_SRV);
    ip('link', 'set', `pbC${tag}`, 'netns', NS_CLI);
    inNs(NS_SRV, 'ip', 'addr', 'add', '10.78.0.1/24', 'dev', `pbS${tag}`);
    inNs(NS_SRV, 'ip', 'link', 'set', `pbS${tag}`, 'up');
    inNs(NS_SRV, 'ip', 'link', 'set', 'lo', 'up');
    inNs(NS_CLI, 'ip', 'link', 'set', `pbC${tag}`, 'address', '00:0e:84:c0:60:a6');
    inNs(NS_CLI, 'ip', 'link', 'set', `pbC${tag}`, 'up');
    inNs(NS_CLI, 'ip', 'link', 'set', 'lo', 'up');
  });

  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    spawnSync('ip', ['netns', 'del', NS_SRV]);
    spawnSync('ip', ['netns', 'del', NS_CLI]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('leases the address, learns the phone from the lease, and migrates it', async () => {
    const migrate = spawn(
      'ip',
      ['netns', 'exec', NS_SRV, tsx, 'bin/phonebench.js', 'migrate', '--json', '--data-dir', dataDir, '--mac', MAC, '--model', '7960',
        '--to-bundle', bundleId, '--bind', '10.78.0.1', '--port', '69', '--from', 'SCCP 8.1(2)', '--dhcp-offer', '10.78.0.20', '--linger', '1'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(migrate);
    let out = '';
    let errText = '';
    migrate.stderr?.on('data', (c: Buffer) => (errText += c.toString()));
    const serving = new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`migrate did not start in 30 s: ${out}${errText}`)), 30_000);
      migrate.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('"code":"serving"')) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    const exited = new Promise<number | null>((resolve) => migrate.once('exit', (code) => resolve(code)));
    await serving;

    // The phone boots: DHCP first (the script puts the leased address on the interface), then TFTP.
    const script = path.join(dir, 'udhcpc.sh');
    writeFileSync(script, '#!/bin/sh\nif [ "$1" = bound ]; then ip addr add "$ip/$subnet" dev "$interface"; fi\nexit 0\n');
    chmodSync(script, 0o755);
    const lease = spawnSync('ip', ['netns', 'exec', NS_CLI, 'busybox', 'udhcpc', '-i', `pbC${tag}`, '-n', '-q', '-f', '-t', '3', '-T', '1', '-s', script], { timeout: 30_000 });
    expect(lease.status, lease.stderr?.toString()).toBe(0);
    expect(inNs(NS_CLI, 'ip', '-4', 'addr', 'show', `pbC${tag}`).toString()).toContain('10.78.0.20/24');

    const sim = spawn(
      'ip',
      ['netns', 'exec', NS_CLI, tsx, 'test/integration/migration/sim-process.ts', '--tftp', '10.78.0.1:69', '--mac', MAC, '--firmware', 'SCCP 8.1(2)',
        '--flash-write-ms', '20', '--data-dir', path.join(dir, 'sim-data')],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(sim);
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000));
    const code = await Promise.race([exited, timer]);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { timeline?: { code?: string; text: string }; ok?: boolean; status?: { phoneIp?: string; phoneIpSource?: string } });
    const why = lines.map((l) => l.timeline?.text ?? JSON.stringify(l)).join('\n') + errText;
    expect(code, why).toBe(0);
    const last = lines.at(-1);
    expect(last?.ok).toBe(true);
    expect(last?.status).toMatchObject({ phoneIp: '10.78.0.20', phoneIpSource: 'dhcp' });
    expect(lines.some((l) => l.timeline?.code === 'dhcp-acked')).toBe(true);
  });
});
