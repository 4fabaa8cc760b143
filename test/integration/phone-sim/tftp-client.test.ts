import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tftpGet } from '../../../electron/engine/phone-sim/tftp-client';
import { requireTool } from '../../support/require-tool';
import { startTftpd, type Tftpd } from './tftpd-hpa';

describe.runIf(requireTool('tftpd-hpa', 'the phone-sim TFTP client against tftpd-hpa'))('phone-sim TFTP client against tftpd-hpa', () => {
  let server: Tftpd;
  beforeAll(async () => {
    server = await startTftpd();
  });
  afterAll(async () => {
    await server?.close();
  });

  const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff));

  it.each([
    ['empty', 0, 512],
    ['one short block', 100, 512],
    ['exact multiple of 512', 1024, 512],
    ['many blocks, blksize 1468', 100_000, 1468],
    ['exact multiple of 1468', 1468 * 3, 1468],
  ])('reads a file: %s', async (_label, size, blksize) => {
    const name = `f-${size}-${blksize}.bin`;
    const content = bytes(size);
    await server.write(name, content);
    const r = await tftpGet({ host: '127.0.0.1', port: server.port, fileName: name, blksize, tsize: true });
    expect(r.result).toBe('ok');
    if (r.result !== 'ok') return;
    expect(r.blksize).toBe(blksize);
    expect(Buffer.compare(r.data, content)).toBe(0);
  });

  it('answers "not found" at once, without waiting for a timeout', async () => {
    const r = await tftpGet({ host: '127.0.0.1', port: server.port, fileName: 'CTLSEP000E84C060A6.tlv', timeoutMs: 60_000 });
    expect(r.result).toBe('not-found');
  });

  it('reads a ./-prefixed name and a subdirectory', async () => {
    await server.write('SIP000E84C060A6.cnf', 'image_version: P0S3-8-12-00\n');
    const r = await tftpGet({ host: '127.0.0.1', port: server.port, fileName: './SIP000E84C060A6.cnf' });
    expect(r.result).toBe('ok');
    if (r.result === 'ok') expect(r.data.toString()).toContain('P0S3-8-12-00');
  });

  it('runs transfers concurrently', async () => {
    await server.write('RINGLIST.DAT', 'Classic ringer1.pcm\n');
    await server.write('dialplan.xml', bytes(5000));
    const [a, b] = await Promise.all([
      tftpGet({ host: '127.0.0.1', port: server.port, fileName: 'RINGLIST.DAT' }),
      tftpGet({ host: '127.0.0.1', port: server.port, fileName: 'dialplan.xml' }),
    ]);
    expect(a.result).toBe('ok');
    expect(b.result).toBe('ok');
    if (b.result === 'ok') expect(b.data.length).toBe(5000);
  });

  it('gives up mid-transfer on request, telling the server (the simulated State Error)', async () => {
    await server.write('P0S3-04-4-00.bin', bytes(5000));
    const r = await tftpGet({ host: '127.0.0.1', port: server.port, fileName: 'P0S3-04-4-00.bin', abortAfterBlock: 1, abortMessage: 'State Error' });
    expect(r).toMatchObject({ result: 'error', message: 'State Error' });
  });

  it('resolves a host name (localhost) before sending', async () => {
    await server.write('OS79XX.TXT', 'P0S3-8-12-00\n');
    const r = await tftpGet({ host: 'localhost', port: server.port, fileName: 'OS79XX.TXT' });
    expect(r.result).toBe('ok');
  });

  it('refuses a file larger than its limit (tsize)', async () => {
    await server.write('big.sbn', bytes(20_000));
    const r = await tftpGet({ host: '127.0.0.1', port: server.port, fileName: 'big.sbn', tsize: true, maxBytes: 10_000 });
    expect(r.result).toBe('error');
  });
});

describe('phone-sim TFTP client without a server', () => {
  it('gives up after its retries when nothing answers', async () => {
    // A bound socket that never answers: the request is received and ignored.
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    let requests = 0;
    silent.on('message', () => requests++);
    const r = await tftpGet({ host: '127.0.0.1', port: silent.address().port, fileName: 'OS79XX.TXT', timeoutMs: 30, retries: 2 });
    silent.close();
    expect(r.result).toBe('timeout');
    expect(requests).toBe(3);
  });
});
