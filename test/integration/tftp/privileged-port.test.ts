import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { which } from './server-fixture';

/** Port 69 as an unprivileged user: a real EACCES from the kernel, mapped to port-privileged with the fix. */
describe('port 69 without privileges', () => {
  it('fails with port-privileged naming setcap and the sysctl', async () => {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
    if (!(start > 69)) return void console.log(`skipped: ip_unprivileged_port_start is ${start}, so port 69 needs no privilege here`);
    const script = path.join(import.meta.dirname, 'fixtures', 'bind-port.ts');
    const uid = process.getuid?.() ?? -1;
    let cmd = process.execPath;
    let args = ['--import', 'tsx', script, '69'];
    if (uid === 0) {
      // As root the bind would succeed: drop to nobody for this one process.
      const setpriv = await which('setpriv');
      if (!setpriv) return void console.log('skipped: running as root and setpriv (util-linux) is missing');
      cmd = setpriv;
      args = ['--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', process.execPath, ...args];
    }
    const out = await new Promise<string>((resolve) =>
      execFile(cmd, args, { cwd: process.cwd(), timeout: 30_000, env: { ...process.env, HOME: '/tmp' } }, (_e, stdout, stderr) => resolve(`${stdout}${stderr}`)),
    );
    const line = out.split('\n').find((l) => l.startsWith('{'));
    if (!line && /EACCES|permission denied/i.test(out)) return void console.log(`skipped: nobody cannot read the tree or tsx: ${out.slice(0, 200)}`);
    const result = JSON.parse(line ?? '{}') as { ok: boolean; code?: string; fix?: string };
    expect(result.ok).toBe(false);
    expect(result.code).toBe('port-privileged');
    expect(result.fix).toContain('setcap cap_net_bind_service=+ep');
    expect(result.fix).toContain('ip_unprivileged_port_start');
  });
});
