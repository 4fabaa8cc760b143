import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireTool } from '../../support/require-tool';
import { SocatPair, until } from './socat-pair';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
describe.runIf(requireTool(['socat', 'script'], 'phonebench console in a terminal'))('phonebench console in a terminal', () => {
  let dir: string;
  let pair: SocatPair;
  let far: SerialPort | undefined;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-console-tty-'));
    pair = new SocatPair(dir);
    await pair.start();
  });
  afterEach(async () => {
    const port = far;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    await pair.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('is a raw terminal: keys go out as typed, Ctrl-C is sent to the phone, Ctrl-] quits', async () => {
    const port = new SerialPort({ path: pair.b, baudRate: 9600, autoOpen: false });
    far = port;
    port.on('error', () => {});
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    const got: Buffer[] = [];
    port.on('data', (b: Buffer) => got.push(b));

    // `script` gives the command a real TTY, as a technician's terminal would.
    const command = `${JSON.stringify(process.execPath)} bin/phonebench.js console --port ${JSON.stringify(pair.a)} --data-dir ${JSON.stringify(path.join(dir, 'data'))}`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      expect(await until(() => out.includes('Ctrl-] quits'), 45_000), `the command printed: ${out}`).toBe(true);
      port.write('SIP Phone> ');
      expect(await until(() => out.includes('SIP Phone> '))).toBe(true);
      child.stdin.write('show\x03\r');
      expect(await until(() => Buffer.concat(got).length >= 6)).toBe(true);
      child.stdin.write('\x1d');
      expect(await exited).toBe(0);
      expect(Buffer.concat(got).toString('latin1')).toBe('show\x03\r');
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
  });
});
