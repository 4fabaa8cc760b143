import dgram from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { decodeDhcp, encodeDhcp, opt, OPT } from '../../../electron/engine/dhcp/codec';

function io() {
  let out = '';
  let err = '';
  let stop: () => void = () => {};
  const interrupted = new Promise<void>((r) => (stop = r));
  return { io: { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), stdin: process.stdin, env: process.env, interrupted }, out: () => out, err: () => err, stop };
}

/** Waits for a condition; a loaded machine gets 20 s, and a condition never met fails with what was awaited. */
async function until(check: () => boolean, what = 'condition'): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('phonebench dhcp', () => {
  it('answers the one MAC, ignores another, and stops on interrupt', async () => {
    const c = io();
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
    const replies: Buffer[] = [];
    socket.on('message', (m) => replies.push(m));
    // A /32 mask makes the "broadcast" reply go to 127.0.0.1 itself, at the test's own port.
    const running = runCli(
      ['dhcp', '--json', '--mac', '00-0E-84-C0-60-A6', '--offer', '127.0.0.20', '--server', '127.0.0.1', '--mask', '255.255.255.255',
        '--bind', '127.0.0.1', '--port', '0', '--client-port', String(socket.address().port)],
      c.io);
    await until(() => c.out().includes('listening'), 'the listening line');
    const port = (JSON.parse(c.out().split('\n')[0] ?? '{}') as { port: number }).port;
    const discover = (chaddr: string) =>
      encodeDhcp({
        op: 1, htype: 1, hlen: 6, hops: 0, xid: 7, secs: 0, flags: 0x8000, ciaddr: '0.0.0.0', yiaddr: '0.0.0.0', siaddr: '0.0.0.0',
        giaddr: '0.0.0.0', chaddr, sname: '', file: '', options: [opt(OPT.messageType, [1])],
      });
    socket.send(discover('001122334455'), port, '127.0.0.1');
    socket.send(discover('000E84C060A6'), port, '127.0.0.1');
    await until(() => c.out().includes('offered') && replies.length > 0);
    socket.close();
    expect(replies).toHaveLength(1);
    const offer = decodeDhcp(new Uint8Array(replies[0]!));
    expect(offer.ok && offer.packet.yiaddr).toBe('127.0.0.20');
    c.stop();
    expect(await running).toBe(0);
    const events = c.out().trim().split('\n').map((l) => JSON.parse(l) as { kind: string; mac?: string; ip?: string });
    expect(events.map((e) => e.kind)).toEqual(['listening', 'ignored', 'offered']);
    expect(events[2]).toMatchObject({ mac: '000E84C060A6', ip: '127.0.0.20' });
  });

  it('names the missing flags', async () => {
    const c = io();
    expect(await runCli(['dhcp', '--mac', 'nope'], c.io)).toBe(2);
    expect(c.err()).toMatch(/--mac wants the phone MAC/);
  });
});
