import { spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyslogLine } from '../../../shared/api/syslog';
import { SyslogReceiver } from '../../../electron/engine/syslog/syslog-receiver';
import { spawnCli } from '../../support/cli-process';
import { requireTool } from '../../support/require-tool';

/** The receiver on a real UDP socket on loopback: util-linux `logger` as the phone, 127.0.0.2 as another host. */
const open: SyslogReceiver[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});

function sendFrom(address: string, port: number, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    s.bind({ address, port: 0 }, () => s.send(text, port, '127.0.0.1', (e) => (s.close(), e ? reject(e) : resolve())));
  });
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`waited 30 s for ${what}`);
}

describe.runIf(requireTool('logger', 'send syslog with util-linux logger'))('SyslogReceiver', () => {
  it('hears the phone (RFC 3164 and 5424 from logger), refuses and counts another address, batches lines', async () => {
    const r = await SyslogReceiver.start({ address: '127.0.0.1', port: 0, allow: ['127.0.0.1'] });
    open.push(r);
    const batches: SyslogLine[][] = [];
    r.onLines((b) => batches.push(b));
    const port = r.status().port!;
    for (const format of ['--rfc3164', '--rfc5424']) {
      const sent = spawnSync('logger', ['-n', '127.0.0.1', '-P', String(port), '-d', format, '-t', 'sipd', '-p', 'local0.err', `hello ${format} \u001b[31mred`]);
      expect(sent.status, String(sent.stderr)).toBe(0);
    }
    await sendFrom('127.0.0.2', port, '<11>sipd: not the phone');
    await until(() => batches.flat().length === 2 && r.status().refused === 1, 'two lines and one refusal');
    const lines = batches.flat();
    expect(lines.map((l) => [l.format, l.app, l.severity, l.facility, l.from])).toEqual([
      ['rfc3164', 'sipd', 'err', 16, '127.0.0.1'],
      ['rfc5424', 'sipd', 'err', 16, '127.0.0.1'],
    ]);
    expect(lines[0]!.text).toBe('hello --rfc3164 \\x1b[31mred');
    expect(lines[1]!.text).toBe('hello --rfc5424 \\x1b[31mred');
    expect(r.status()).toMatchObject({ received: 2, refused: 1, lastRefusedFrom: '127.0.0.2' });
    expect(r.lines(10)).toEqual(lines);
  });

  it('rate-limits a flood: past the burst, datagrams are counted as dropped, and the socket keeps working', async () => {
    const r = await SyslogReceiver.start({ address: '127.0.0.1', port: 0, allow: ['127.0.0.1'], perSecond: 1, burst: 5 });
    open.push(r);
    const port = r.status().port!;
    for (let i = 0; i < 40; i++) await sendFrom('127.0.0.1', port, `<14>line ${i}`);
    await until(() => r.status().received + r.status().dropped === 40, 'every datagram counted');
    expect(r.status().received).toBeLessThan(15);
    expect(r.status().dropped).toBeGreaterThan(25);
  });

  it('never lets a datagram end the receiver: empty, huge and binary datagrams', async () => {
    const r = await SyslogReceiver.start({ address: '127.0.0.1', port: 0, allow: ['127.0.0.1'] });
    open.push(r);
    const port = r.status().port!;
    for (const d of ['', 'x'.repeat(60_000), '<1>\u0000\u00ff\u0001']) await sendFrom('127.0.0.1', port, d);
    await until(() => r.status().received === 3, 'three datagrams');
    expect(r.status().state).toBe('running');
  });

  it('phonebench syslog, as a real process: prints the phone\'s lines escaped, counts a refusal, stops on SIGINT', async () => {
    const cli = spawnCli(['syslog', '--bind', '127.0.0.1', '--allow', '127.0.0.1', '--port', '0']);
    try {
      const [, port] = await cli.waitFor(/Listening for syslog on 127\.0\.0\.1:(\d+), from 127\.0\.0\.1/, 'the listening line');
      await cli.waitFor(/\[unverified\]/, 'the note that no source names the phone setting');
      const sent = spawnSync('logger', ['-n', '127.0.0.1', '-P', port!, '-d', '--rfc3164', '-t', 'sipd', `registered \u001b]0;title\u0007`]);
      expect(sent.status).toBe(0);
      await cli.waitFor(/127\.0\.0\.1 notice sipd: registered \\x1b\]0;title\\x07/, 'the escaped line');
      await sendFrom('127.0.0.2', Number(port), '<11>other phone');
      // A line sent after the refused datagram: once it shows, the refusal (queued before it) was counted.
      expect(spawnSync('logger', ['-n', '127.0.0.1', '-P', port!, '-d', '--rfc5424', '-t', 'sipd', 'second line']).status).toBe(0);
      await cli.waitFor(/sipd: second line/, 'the second line');
      cli.child.kill('SIGINT');
      const { code } = await cli.exited;
      expect(code).toBe(0);
      expect(cli.err()).toMatch(/2 lines received, 1 datagram from other addresses refused, last refused from 127\.0\.0\.2/);
      expect(cli.out()).not.toContain('other phone');
      expect(cli.out()).not.toContain('\u001b');
    } finally {
      if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    }
  });

  it('phonebench syslog without --allow is a usage error naming the fix', async () => {
    const cli = spawnCli(['syslog', '--bind', '127.0.0.1']);
    const { code } = await cli.exited;
    expect(code).toBe(2);
    expect(cli.err()).toContain('--allow PHONE_IP');
  });
});
