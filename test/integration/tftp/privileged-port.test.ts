import { en } from '../../support/error-text';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bindError } from '../../../electron/engine/bind-errors';
import { findProgram, requireTool } from '../../support/require-tool';

/** Binds UDP 127.0.0.1:69 and prints the outcome as JSON; needs nothing from this tree, so any user can run it. */
const BIND_69 = `
const s = require('node:dgram').createSocket('udp4');
s.on('error', (e) => { console.log(JSON.stringify({ ok: false, code: e.code, errno: e.errno, syscall: e.syscall, message: e.message })); process.exit(0); });
s.bind(69, '127.0.0.1', () => { console.log(JSON.stringify({ ok: true })); s.close(); });
`;

/** Port 69 as an unprivileged user: the kernel's real EACCES, mapped to port-privileged with the fix. */
describe('port 69 without privileges', () => {
  it('fails with port-privileged naming setcap and the sysctl', async () => {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
    if (!(start > 69)) return void console.log(`skipped: ip_unprivileged_port_start is ${start}, so port 69 needs no privilege here`);
    let cmd = process.execPath;
    let args = ['-e', BIND_69];
    if (process.getuid?.() === 0) {
      // As root the bind would succeed: drop to nobody for this one process.
      const setpriv = requireTool('setpriv', 'port 69 as nobody (running as root)') ? findProgram('setpriv') : undefined;
      if (!setpriv) return;
      cmd = setpriv;
      args = ['--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', process.execPath, ...args];
    }
    const out = await new Promise<string>((resolve) =>
      execFile(cmd, args, { cwd: '/', timeout: 30_000, env: { PATH: process.env.PATH ?? '', HOME: '/tmp' } }, (_e, stdout, stderr) =>
        resolve(`${stdout}${stderr}`),
      ),
    );
    const raw = JSON.parse(out.split('\n').find((l) => l.startsWith('{')) ?? `{"ok":true,"message":${JSON.stringify(out)}}`) as {
      ok: boolean;
      code?: string;
      message?: string;
    };
    expect(raw, out).toMatchObject({ ok: false, code: 'EACCES' });

    const mapped = await bindError(Object.assign(new Error(raw.message), raw), '127.0.0.1', 69);
    expect(mapped.code).toBe('port-privileged');
    expect(en(mapped.fix)).toContain('setcap cap_net_bind_service=+ep');
    expect(en(mapped.fix)).toContain('ip_unprivileged_port_start');
  });
});
