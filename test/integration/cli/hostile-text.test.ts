import dgram from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli, type CliProcess } from '../../support/cli-process';
import { writeTar } from '../../fixtures/firmware-fixtures';

/**
 * Text from outside (a requested file name, an archive's entry names and OS79XX.TXT) reaching a real CLI's
 * terminal output: nothing a terminal acts on arrives raw, and no forged line can start.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'pb-hostile-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a terminal acts on, LF and TAB excepted (the CLI's own line ends). */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function expectNoRawControl(text: string): void {
  const hit = RAW_CONTROL.exec(text);
  expect(hit === null ? 'none' : `U+${hit[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${hit.index}: ${JSON.stringify(text.slice(Math.max(0, hit.index - 60), hit.index + 20))}`).toBe('none');
}

/** A hostile request: a forged log line after a newline, an OSC 52 clipboard write, a screen clear, C1 CSI, RLO. */
const FORGED = "x\n2026-01-01 00:00:00 Sending 'SIPDefault.cnf' to 10.0.0.9: Successful, 1 bytes";
const HOSTILE_NAME = `${FORGED}\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u009b31m\u202etxt.exe`;

function rrq(filename: string): Buffer {
  return Buffer.concat([Buffer.from([0, 1]), Buffer.from(`${filename}\0octet\0`, 'utf8')]);
}

async function sendFrom(address: string, port: number, packet: Buffer): Promise<void> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, address, resolve));
  await new Promise<void>((resolve, reject) => socket.send(packet, port, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
  // Keep the socket a moment so the server's error reply has somewhere to go.
  await new Promise((resolve) => setTimeout(resolve, 200));
  socket.close();
}

async function finish(p: CliProcess): Promise<void> {
  p.child.kill('SIGTERM');
  await p.exited;
}

describe('hostile text never reaches the terminal raw', () => {
  it('tftp serve: a requested name with a newline, ESC/OSC, C1 and bidi controls prints escaped, from an allowed and a refused address', async () => {
    const root = path.join(dir, 'tftp-root');
    await mkdir(root, { recursive: true });
    const p = spawnCli(['tftp', 'serve', '--root', root, '--port', '0', '--allow', '127.0.0.1', '--data-dir', path.join(dir, 'tftp-data')], {
      PHONEBENCH_STOP_GRACE_MS: '15000',
    });
    try {
      const port = Number((await p.waitFor(/Listening on 127\.0\.0\.1:(\d+)/, 'the listening line'))[1]);
      // Allowed client: refused by the path guard (control characters), so the name is logged.
      await sendFrom('127.0.0.1', port, rrq(HOSTILE_NAME));
      // No C0 in the name: it gets as far as "not found", with C1 and bidi in it.
      await sendFrom('127.0.0.1', port, rrq('y\u009b2J\u202egpj.bin'));
      // A refused address: the refusal line names the file too.
      await sendFrom('127.0.0.3', port, rrq(HOSTILE_NAME));
      await p.waitFor(/not the target phone/, 'the refusal of 127.0.0.3');
      await p.waitFor(/y\\u009b2J\\u202egpj\.bin/, 'the not-found line');
    } finally {
      await finish(p);
    }
    const out = p.out();
    expectNoRawControl(out);
    expectNoRawControl(p.err());
    // Every line the server printed is its own: a timestamp first, none forged by the name's newline.
    for (const line of out.split('\n').filter(Boolean)) expect(line).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} /);
    expect(out).not.toMatch(/^2026-01-01 00:00:00 Sending/m);
    expect(out).toContain('x\\n2026-01-01');
    expect(out).toContain('\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J\\u009b31m\\u202etxt.exe');
  });

  it('firmware import, show and list: hostile entry names and OS79XX.TXT text print escaped', async () => {
    const source = path.join(dir, 'hostile-names.tar');
    await writeTar(source, [
      // Read as latin1: 0x9b is C1 CSI in the recognised text.
      { name: 'OS79XX.TXT', data: Buffer.from('P0S3\u001b]0;pwned\u0007-08\u009b2J\n', 'latin1') },
      { name: 'P0S3-08-12-00.bin', data: Buffer.from('synthetic') },
      { name: 'a\u202egpj.bin', data: Buffer.from('one') },
      { name: 'b\u009b2J\u2028\u2066c.bin', data: Buffer.from('two') },
    ]);
    // C0 in an entry name refuses the archive: the refusal names the entry, escaped too.
    const refusedSource = path.join(dir, 'hostile-c0.tar');
    await writeTar(refusedSource, [{ name: 'c\u001b]0;pwned\u0007\u009b2Jd\u202e.bin', data: Buffer.from('three') }]);
    const dataDir = path.join(dir, 'firmware-data');
    const imported = spawnCli(['firmware', 'import', source, '--data-dir', dataDir]);
    const done = await imported.exited;
    const outputs = [imported.out() + imported.err()];
    const id = /as ([0-9a-f]{16})/.exec(imported.out())?.[1];
    expect(id, outputs[0]).toBeDefined();
    expect(done.code, outputs[0]).toBe(0);
    for (const args of [['show', id!], ['list'], ['import', refusedSource]]) {
      const p = spawnCli(['firmware', ...args, '--data-dir', dataDir]);
      await p.exited;
      outputs.push(p.out() + p.err());
    }
    for (const text of outputs) expectNoRawControl(text);
    const all = outputs.join('\n');
    expect(all).toContain('a\\u202egpj.bin');
    expect(all).toContain('b\\u009b2J\\u2028\\u2066c.bin');
    expect(all).toMatch(/has control characters in its name/);
  });
});
