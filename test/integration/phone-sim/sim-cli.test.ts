import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/command';
import { SCENARIOS } from './scenarios';
import { requireTool } from '../../support/require-tool';
import { startTftpd, type Tftpd } from './tftpd-hpa';

const available = requireTool('tftpd-hpa', 'phonebench sim against tftpd-hpa');

function captureIo(env: NodeJS.ProcessEnv): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    stdin: process.stdin,
    env,
    interrupted: new Promise<void>(() => {}),
  };
  return { io, out: () => out, err: () => err };
}

describe.runIf(available)('phonebench sim', () => {
  let server: Tftpd;
  let dataDir: string;
  beforeAll(async () => {
    server = await startTftpd();
    dataDir = await fs.mkdtemp(path.join(tmpdir(), 'pb-sim-cli-'));
  });
  afterAll(async () => {
    await server?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const scenario = (prefix: string) => {
    const s = SCENARIOS.find((x) => x.name.startsWith(prefix));
    if (s === undefined) throw new Error(`no scenario ${prefix}`);
    return s;
  };

  async function serve(prefix: string): Promise<() => Promise<void>> {
    const s = scenario(prefix);
    for (const [name, content] of s.files) await server.write(name, content);
    return async () => {
      for (const [name] of s.files) await server.remove(name);
    };
  }

  const args = (firmware: string, extra: string[] = []) => [
    'sim', '--tftp', `127.0.0.1:${server.port}`, '--mac', '00:0e:84:c0:60:a6', '--firmware', firmware, '--flash-write-ms', '1', '--data-dir', dataDir, ...extra,
  ];

  it('follows the server to SIP 8.12 and exits 0, printing requests and states', async () => {
    const clean = await serve('F2');
    try {
      const { io, out, err } = captureIo({});
      const code = await runCli(args('SCCP 3.1'), io);
      expect(err()).toBe('');
      expect(code).toBe(0);
      expect(out()).toContain('tftp     OS79XX.TXT  ok');
      expect(out()).toContain('tftp     XMLDefault.cnf.xml  ok');
      expect(out()).toContain('tftp     CTLSEP000E84C060A6.tlv  not-found');
      expect(out()).toContain('state    flash-write');
      expect(out().trimEnd().split('\n').pop()).toBe('running  SIP 8.12 (P0S3-8-12-00)');
    } finally {
      await clean();
    }
  });

  it('exits non-zero with the phone message on an error, and --json gives one event per line', async () => {
    const clean = await serve('unsigned .bin');
    try {
      const { io, out } = captureIo({});
      const code = await runCli(args('SCCP 5.0(1.1)', ['--json']), io);
      expect(code).toBe(1);
      const events = out().trim().split('\n').map((l) => JSON.parse(l) as { kind: string; outcome?: { message?: string } });
      const last = events[events.length - 1];
      expect(last?.kind).toBe('settled');
      expect(last?.outcome?.message).toBe('Image Authentication Failed');
    } finally {
      await clean();
    }
  });

  it('--stay keeps the phone on after it settles, until interrupted', async () => {
    const clean = await serve('F2');
    try {
      let interrupt: () => void = () => {};
      const interrupted = new Promise<void>((resolve) => {
        interrupt = resolve;
      });
      let err = '';
      let out = '';
      const io: CliIo = {
        stdout: (t) => {
          out += t;
        },
        stderr: (t) => {
          err += t;
          if (t.includes('stays on')) interrupt(); // the technician presses Ctrl-C once told
        },
        stdin: process.stdin,
        env: {},
        interrupted,
      };
      expect(await runCli(args('SCCP 3.1', ['--stay']), io)).toBe(0);
      expect(err).toContain('Ctrl-C');
      expect(out).toContain('running  SIP 8.12');
    } finally {
      await clean();
    }
  });

  it('refuses bad flags with usage', async () => {
    const { io, err } = captureIo({});
    expect(await runCli(['sim', '--tftp', '127.0.0.1:99999', '--mac', 'x', '--firmware', 'SIP 8.12'], io)).toBe(2);
    expect(err()).toContain('HOST[:PORT]');
    const bad = captureIo({});
    expect(await runCli(args('SIP banana'), bad.io)).toBe(1);
    expect(bad.err()).toContain('not a firmware label');
  });
});
