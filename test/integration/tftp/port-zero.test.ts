import { createSocket } from 'node:dgram';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodePacket } from '../../../electron/engine/tftp/codec';
import { tftpGet as simGet } from '../../../electron/engine/phone-sim/tftp-client';
import { spawnCli } from '../../support/cli-process';
import { requireTool } from '../../support/require-tool';
import { sendFromPortZero } from '../../support/udp-port-zero';
import { startFixture, tempDir, until, type Fixture } from './server-fixture';
import { tftpGet } from './test-client';

/**
 * Issue 18 item 1: a datagram from source port 0 made `send` throw ERR_SOCKET_BAD_PORT inside the socket handler,
 * which ended the whole process. Every path that answers a datagram is hit with one here, and must keep serving.
 */
const available = requireTool(['root', 'python3'], 'datagrams from source port 0 (a raw socket)');

const rrq = (filename: string) => encodePacket({ op: 'RRQ', filename, mode: 'octet', options: {} });

let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

describe.runIf(available)('a datagram from source port 0', () => {
  it('does not end the TFTP server, on the transfer path or the refusal path', async () => {
    fx = await startFixture();
    await fs.writeFile(path.join(fx.root, 'OS79XX.TXT'), 'P0S3-08-12-00\n');
    sendFromPortZero(rrq('OS79XX.TXT'), { address: '127.0.0.1', port: fx.port });
    // The refusal path: an address outside the allowlist.
    fx.server.setAllowlist(['127.0.0.9']);
    sendFromPortZero(rrq('OS79XX.TXT'), { address: '127.0.0.1', port: fx.port });
    fx.server.setAllowlist(null);
    // Had either thrown out of the handler, vitest reports the uncaught error; the server still answers.
    const got = await tftpGet({ port: fx.port, filename: 'OS79XX.TXT' });
    expect(got.ok && got.data.toString()).toBe('P0S3-08-12-00\n');
    await until(() => fx?.server.activeTransfers() === 0, 'the transfers to end');
  });

  it('does not end a running `phonebench tftp serve` (refused address, then the allowed one)', async () => {
    const root = await tempDir('port0');
    const dataDir = await tempDir('port0-data');
    await fs.writeFile(path.join(root, 'OS79XX.TXT'), 'P0S3-08-12-00\n');
    const cli = spawnCli(['tftp', 'serve', '--root', root, '--port', '0', '--bind', '127.0.0.1', '--allow', '127.0.0.2', '--data-dir', dataDir]);
    try {
      const port = Number((await cli.waitFor(/127\.0\.0\.1:(\d+)/, 'the listening line'))[1]);
      sendFromPortZero(rrq('OS79XX.TXT'), { address: '127.0.0.1', port }, '127.0.0.1'); // refused: not the phone
      sendFromPortZero(rrq('OS79XX.TXT'), { address: '127.0.0.1', port }, '127.0.0.2'); // the phone's address
      const got = await tftpGet({ port, filename: 'OS79XX.TXT', localAddress: '127.0.0.2' });
      expect(got.ok && got.data.toString()).toBe('P0S3-08-12-00\n');
      expect(cli.child.exitCode).toBeNull();
    } finally {
      cli.child.kill('SIGINT');
      const end = await cli.exited;
      await fs.rm(root, { recursive: true, force: true });
      await fs.rm(dataDir, { recursive: true, force: true });
      expect(end.code, `stderr: ${cli.err()}`).toBe(0);
    }
  });

  it("does not end the virtual phone's TFTP client (a DATA from port 0 mid-transfer)", async () => {
    const server = createSocket('udp4');
    await new Promise<void>((r) => server.bind({ address: '127.0.0.1', port: 0 }, r));
    server.on('message', (_msg, from) => {
      sendFromPortZero(encodePacket({ op: 'DATA', block: 1, data: Buffer.from('x') }), { address: '127.0.0.1', port: from.port });
      server.send(encodePacket({ op: 'DATA', block: 1, data: Buffer.from('hello') }), from.port, from.address);
    });
    try {
      const got = await simGet({ host: '127.0.0.1', port: server.address().port, fileName: 'SEP000E84C060A6.cnf.xml', timeoutMs: 2000 });
      expect(got.result === 'ok' && got.data.toString()).toBe('hello');
    } finally {
      server.close();
    }
  });
});
