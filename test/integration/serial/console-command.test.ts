import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command';
import { consoleCommand } from '../../../electron/cli/commands/console';
import { portsCommand } from '../../../electron/cli/commands/ports';
import { haveSocat, SocatPair, until } from './socat-pair';

function fakeIo(dataDir: string) {
  const out: string[] = [];
  const errs: string[] = [];
  const stdin = new PassThrough();
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => errs.push(text),
    stdin,
    env: { PHONEBENCH_DATA_DIR: dataDir },
    interrupted: new Promise(() => {}),
  };
  return { io, stdin, stdout: () => out.join(''), stderr: () => errs.join('') };
}

describe('phonebench ports', () => {
  it('lists ports as JSON without crashing where udev is absent', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-ports-cli-'));
    try {
      const t = fakeIo(dir);
      expect(await portsCommand.run(['--json', '--data-dir', dir], t.io)).toBe(0);
      const list = JSON.parse(t.stdout()) as { ports: { path: string; description: string }[]; source: string };
      expect(['driver', 'scan']).toContain(list.source);
      expect(Array.isArray(list.ports)).toBe(true);
      const text = fakeIo(dir);
      expect(await portsCommand.run(['--data-dir', dir], text.io)).toBe(0);
      expect(text.stdout().length).toBeGreaterThan(0);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(haveSocat('phonebench console with piped standard input'))('phonebench console with piped standard input', () => {
  let dir: string;
  let pair: SocatPair;
  let phone: SerialPort | undefined;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-console-cli-'));
    pair = new SocatPair(dir);
    await pair.start();
  });
  afterEach(async () => {
    const far = phone;
    if (far?.isOpen) await new Promise<void>((resolve) => far.close(() => resolve()));
    await pair.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('shows what the phone prints, sends stdin, and exits at EOF after flushing', async () => {
    const t = fakeIo(path.join(dir, 'data'));
    const logFile = path.join(dir, 'session.raw');
    const run = consoleCommand.run(['--port', pair.a, '--baud', '9600', '--log', logFile, '--data-dir', path.join(dir, 'data')], t.io);
    expect(await until(() => t.stderr().includes('Connected to'))).toBe(true);

    const far = new SerialPort({ path: pair.b, baudRate: 9600, autoOpen: false });
    phone = far;
    far.on('error', () => {});
    await new Promise<void>((resolve, reject) => far.open((e) => (e ? reject(e) : resolve())));
    const got: Buffer[] = [];
    far.on('data', (b: Buffer) => got.push(b));
    far.write('SIP Phone> No Load Specified\r\n');
    expect(await until(() => t.stdout().includes('SIP Phone> No Load Specified'))).toBe(true);
    expect(await until(() => t.stderr().includes('hint: No Load Specified'))).toBe(true);

    const lines = Array.from({ length: 200 }, (_, i) => `line ${i}\r`).join('');
    t.stdin.write('show version\r');
    t.stdin.end(lines);
    expect(await run).toBe(0);
    expect(await until(() => Buffer.concat(got).length >= 13 + lines.length)).toBe(true);
    expect(Buffer.concat(got).toString()).toBe(`show version\r${lines}`);
    expect(await fs.readFile(logFile, 'utf8')).toBe('SIP Phone> No Load Specified\r\n');
  });

  it('names the fix when the port does not exist', async () => {
    const t = fakeIo(path.join(dir, 'data'));
    t.stdin.end();
    expect(await consoleCommand.run(['--port', path.join(dir, 'missing'), '--data-dir', path.join(dir, 'data')], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/does not exist[\s\S]*fix: Plug the USB serial adapter in/);
  });

  it('rejects a bad baud rate as a usage error', async () => {
    const t = fakeIo(path.join(dir, 'data'));
    await expect(consoleCommand.run(['--port', pair.a, '--baud', 'fast'], t.io)).rejects.toThrow(/--baud/);
  });
});
