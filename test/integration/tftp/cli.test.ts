import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command';
import { tftpCommand } from '../../../electron/cli/commands/tftp';
import { tempDir, until } from './server-fixture';
import { tftpGet } from './test-client';

function fakeIo(): { io: CliIo; out: string[]; err: string[]; stop: () => void } {
  const out: string[] = [];
  const err: string[] = [];
  let stop: () => void = () => {};
  const interrupted = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdin: process.stdin,
    env: { ...process.env },
    interrupted,
  };
  return { io, out, err, stop };
}

describe('phonebench tftp serve', () => {
  it('serves until interrupted, one log line per event; refuses ambiguous starts', async () => {
    const root = await tempDir('cli');
    const dataDir = await tempDir('cli-data');
    await fs.writeFile(path.join(root, 'OS79XX.TXT'), 'P0S3-08-12-00\n');
    const refused = fakeIo();
    await expect(tftpCommand.run(['serve', '--root', root, '--port', '0', '--data-dir', dataDir], refused.io)).rejects.toThrow(/--allow/);

    const { io, out, stop } = fakeIo();
    // Port 0 is reported by the "Listening on" line; the test reads it from there.
    const running = tftpCommand.run(['serve', '--root', root, '--port', '0', '--allow', '127.0.0.1', '--data-dir', dataDir], io);
    await until(() => out.some((l) => l.includes('Listening on')), 'the listening line');
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(out.join(''))?.[1]);
    const got = await tftpGet({ port, filename: 'OS79XX.TXT' });
    expect(got.ok && got.data.toString()).toBe('P0S3-08-12-00\n');
    await until(() => out.some((l) => l.includes('Successful')), 'the completion line');
    stop();
    expect(await running).toBe(0);
    expect(out.join('')).toMatch(/Sending 'OS79XX\.TXT' to 127\.0\.0\.1 \(octet, blksize 512\): Successful, 14 bytes in [0-9.]+ s/);
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(dataDir, { recursive: true, force: true });
  });
});
