import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawPeer } from './raw-peer';
import { patternBytes, sha256, startFixture, tempDir, type Fixture } from './server-fixture';
import { tftpGet } from './test-client';

/** The path guard and the single-phone lock, over the wire. */

let fx: Fixture;
let outside: string;

beforeAll(async () => {
  outside = await tempDir('outside');
  await fs.writeFile(path.join(outside, 'secret.txt'), 'not for phones');
  fx = await startFixture();
  await fs.writeFile(path.join(fx.root, 'OS79XX.TXT'), 'P0S3-08-12-00\n');
  await fs.writeFile(path.join(fx.root, 'SIPDefault.cnf'), 'image_version: "P0S3-08-12-00"\n');
  await fs.mkdir(path.join(fx.root, 'sub'));
  await fs.writeFile(path.join(fx.root, 'sub', 'SEP0011223344AA.cnf.xml'), '<device/>');
  await fs.symlink(path.join(outside, 'secret.txt'), path.join(fx.root, 'escape.txt'));
  await fs.symlink(outside, path.join(fx.root, 'outdir'));
  await fs.symlink(path.join(fx.root, 'OS79XX.TXT'), path.join(fx.root, 'inside-link.txt'));
});

afterAll(async () => {
  await fx?.close();
  await fs.rm(outside, { recursive: true, force: true });
});

const TRAVERSALS = [
  '..',
  '../',
  '../secret.txt',
  '../../../../etc/passwd',
  'sub/../../secret.txt',
  './../secret.txt',
  'sub/../..',
  '/etc/passwd',
  '//etc/passwd',
  '\\etc\\passwd',
  '..\\secret.txt',
  'sub\\..\\..\\secret.txt',
  'C:\\Windows\\win.ini',
  'c:/windows/win.ini',
  'C:secret.txt',
  'escape.txt',
  'outdir/secret.txt',
  './outdir/secret.txt',
  'OUTDIR/SECRET.TXT',
  'Escape.TXT',
  'a\u0001b',
  '~/secret.txt',
  'sub/..',
  'file.txt::$DATA',
  '././../secret.txt',
];

describe('path guard over the wire', () => {
  it.each(TRAVERSALS)('refuses %j with error 1 or 2 and no data', async (name) => {
    const r = await tftpGet({ port: fx.port, filename: name, timeoutMs: 2000, retries: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect([1, 2]).toContain(r.code);
  });

  it('logged every refusal as a path refusal, with a reason', () => {
    const refusals = fx.events.filter((e) => e.type === 'refused' && e.reason === 'path');
    expect(refusals.length).toBeGreaterThanOrEqual(20);
  });

  it('serves a symlink that stays inside the root, and names matched loosely, logging how', async () => {
    const a = await tftpGet({ port: fx.port, filename: 'inside-link.txt' });
    expect(a.ok && a.data.toString()).toBe('P0S3-08-12-00\n');
    const b = await tftpGet({ port: fx.port, filename: './SIPDefault.cnf' });
    expect(b.ok && b.data.toString()).toContain('image_version');
    const c = await tftpGet({ port: fx.port, filename: 'sipdefault.CNF' });
    expect(c.ok).toBe(true);
    const d = await tftpGet({ port: fx.port, filename: './SUB/sep0011223344aa.CNF.XML' });
    expect(d.ok && d.data.toString()).toBe('<device/>');
    const how = fx.events.flatMap((e) => (e.type === 'negotiated' ? [`${e.filename}=>${e.served}:${e.match}`] : []));
    expect(how).toContain('./SIPDefault.cnf=>SIPDefault.cnf:dot-slash');
    expect(how).toContain('sipdefault.CNF=>SIPDefault.cnf:case-insensitive');
    expect(how).toContain('./SUB/sep0011223344aa.CNF.XML=>sub/SEP0011223344AA.cnf.xml:case-insensitive');
  });
});

describe('virtual files', () => {
  it('serve from memory over the root, for everyone or one client only', async () => {
    fx.virtual.set('SIPDefault.cnf', 'generated for everyone\n');
    fx.virtual.set('SIPDefault.cnf', 'generated for 127.0.0.2\n', { forClient: '127.0.0.2' });
    const all = await tftpGet({ port: fx.port, filename: 'SIPDefault.cnf' });
    expect(all.ok && all.data.toString()).toBe('generated for everyone\n');
    const one = await tftpGet({ port: fx.port, filename: 'SIPDefault.cnf', localAddress: '127.0.0.2' });
    expect(one.ok && one.data.toString()).toBe('generated for 127.0.0.2\n');
    fx.virtual.clear();
    const disk = await tftpGet({ port: fx.port, filename: 'SIPDefault.cnf' });
    expect(disk.ok && disk.data.toString()).toContain('image_version');
  });
});

describe('single-phone lock', () => {
  it('refuses every other address with an error, never a byte of data, and says why', async () => {
    const big = patternBytes(5000, 9);
    await fs.writeFile(path.join(fx.root, 'P0S3-08-12-00.sb2'), big);
    fx.server.setAllowlist(['127.0.0.1']);
    try {
      const other = await RawPeer.open('127.0.0.2');
      try {
        other.send({ op: 'RRQ', filename: 'P0S3-08-12-00.sb2', mode: 'octet', options: { tsize: '0' } }, fx.port);
        const reply = await other.next();
        expect(reply.packet).toMatchObject({ op: 'ERROR', code: 2 });
        expect(await other.drain(100)).toEqual([]);
      } finally {
        other.close();
      }
      const refused = fx.events.find((e) => e.type === 'refused' && e.reason === 'not-target-phone');
      expect(refused?.type === 'refused' && refused.client.address).toBe('127.0.0.2');
      const mine = await tftpGet({ port: fx.port, filename: 'P0S3-08-12-00.sb2' });
      expect(mine.ok && sha256(mine.data)).toBe(sha256(big));
      fx.server.setAllowlist(null);
      const now = await tftpGet({ port: fx.port, filename: 'P0S3-08-12-00.sb2', localAddress: '127.0.0.2' });
      expect(now.ok).toBe(true);
    } finally {
      fx.server.setAllowlist(null);
    }
  });
});
