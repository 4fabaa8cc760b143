import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool, type Tool } from '../../support/require-tool';
import { patternBytes, run, sha256, startFixture, tempDir, type Fixture } from './server-fixture';

/** Real TFTP clients against the server: every size that matters, checksums compared. */

const SIZES = [0, 1, 511, 512, 513, 1024, 1468 * 3, 2 * 1024 * 1024];

interface Client {
  name: string;
  tool: Tool;
  get(port: number, file: string, out: string): [string, string[]];
}

const CLIENTS: Client[] = [
  { name: 'curl', tool: 'curl', get: (p, f, o) => ['curl', ['-sS', '--max-time', '60', '-o', o, `tftp://127.0.0.1:${p}/${f}`]] },
  { name: 'curl --tftp-blksize 1468', tool: 'curl', get: (p, f, o) => ['curl', ['-sS', '--max-time', '60', '--tftp-blksize', '1468', '-o', o, `tftp://127.0.0.1:${p}/${f}`]] },
  { name: 'curl --tftp-no-options', tool: 'curl', get: (p, f, o) => ['curl', ['-sS', '--max-time', '60', '--tftp-no-options', '-o', o, `tftp://127.0.0.1:${p}/${f}`]] },
  { name: 'tftp-hpa', tool: 'tftp-hpa', get: (p, f, o) => ['tftp', ['127.0.0.1', String(p), '-m', 'binary', '-c', 'get', f, o]] },
  {
    name: 'atftp blksize+windowsize+tsize',
    tool: 'atftp',
    get: (p, f, o) => ['atftp', ['--option', 'blksize 1468', '--option', 'windowsize 8', '--option', 'tsize 0', '-g', '-r', f, '-l', o, '127.0.0.1', String(p)]],
  },
  { name: 'busybox tftp', tool: 'busybox', get: (p, f, o) => ['busybox', ['tftp', '-b', '1024', '-g', '-r', f, '-l', o, '127.0.0.1', String(p)]] },
];

let fx: Fixture;
let out: string;
const sums = new Map<string, string>();

beforeAll(async () => {
  fx = await startFixture();
  out = await tempDir('out');
  for (const size of SIZES) {
    const data = patternBytes(size, size + 7);
    await fs.writeFile(path.join(fx.root, `f${size}.bin`), data);
    sums.set(`f${size}.bin`, sha256(data));
  }
});

afterAll(async () => {
  await fx?.close();
  if (out) await fs.rm(out, { recursive: true, force: true });
});

for (const client of CLIENTS) {
  describe(client.name, () => {
    it.each(SIZES)('fetches a %i-byte file intact', async (size) => {
      if (!requireTool(client.tool, `TFTP fetches with ${client.name}`)) return;
      if (size === 0 && client.name.startsWith('curl') && !client.name.includes('no-options')) {
        // curl 7.88 ends with "(71) getpeername() failed" when the OACK says tsize 0; tftpd-hpa gets the same.
        console.log(`skipped: ${client.name} cannot fetch an empty file when tsize 0 is negotiated (curl bug, same with tftpd-hpa)`);
        return;
      }
      const name = `f${size}.bin`;
      const dest = path.join(out, `${client.name.replace(/\W+/g, '_')}-${name}`);
      const [cmd, args] = client.get(fx.port, name, dest);
      const r = await run(cmd, args);
      const got = await fs.readFile(dest).catch(() => undefined);
      expect(got, `${client.name} exit ${r.code}: ${r.stderr}`).toBeDefined();
      expect(sha256(got as Buffer)).toBe(sums.get(name));
    });
  });
}

describe('over 32 MB at 512-byte blocks (block numbers roll over)', () => {
  it('tftp-hpa and curl --tftp-no-options fetch 33 MB intact', async () => {
    const size = 33 * 1024 * 1024 + 123;
    const data = patternBytes(size, 99);
    await fs.writeFile(path.join(fx.root, 'big.bin'), data);
    const want = sha256(data);
    const tried: string[] = [];
    if (requireTool('tftp-hpa', 'the 33 MB fetch with tftp-hpa')) {
      const dest = path.join(out, 'big-hpa.bin');
      const r = await run('tftp', ['127.0.0.1', String(fx.port), '-m', 'binary', '-c', 'get', 'big.bin', dest], 120_000);
      expect(sha256(await fs.readFile(dest)), r.stderr).toBe(want);
      tried.push('tftp-hpa');
    }
    if (requireTool('curl', 'the 33 MB fetch with curl')) {
      const dest = path.join(out, 'big-curl.bin');
      const r = await run('curl', ['-sS', '--max-time', '120', '--tftp-no-options', '-o', dest, `tftp://127.0.0.1:${fx.port}/big.bin`], 130_000);
      expect(sha256(await fs.readFile(dest)), r.stderr).toBe(want);
      tried.push('curl');
    }
    const done = fx.events.filter((e) => e.type === 'completed' && e.served === 'big.bin');
    expect(done.length).toBe(tried.length);
    for (const e of done) if (e.type === 'completed') expect(e.blocks).toBeGreaterThan(65536);
  });
});

describe('netascii', () => {
  it('tftp-hpa in ascii mode gets the file with its line ends back', async () => {
    if (!requireTool('tftp-hpa', 'tftp-hpa in ascii mode')) return;
    const text = 'line one\nline two\r\nbare\rcr\n';
    await fs.writeFile(path.join(fx.root, 'text.cnf'), text);
    const dest = path.join(out, 'text.cnf');
    await run('tftp', ['127.0.0.1', String(fx.port), '-m', 'ascii', '-c', 'get', 'text.cnf', dest]);
    expect(await fs.readFile(dest, 'latin1')).toBe(text);
  });
});
