import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requireTool } from '../../support/require-tool';
import { patternBytes, run, sha256, startFixture, tempDir, until, type Fixture } from './server-fixture';
import { tftpGet } from './test-client';

let fx: Fixture | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await fx?.close();
  fx = undefined;
  for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});

describe('uploads with real clients', () => {
  it('tftp-hpa put and curl -T land whole in the upload folder', async () => {
    const up = await tempDir('up');
    const src = await tempDir('src');
    dirs.push(up, src);
    fx = await startFixture({ uploadDir: up });
    const data = patternBytes(70_000, 4);
    await fs.writeFile(path.join(src, 'phone.log'), data);
    let tried = 0;
    if (requireTool('tftp-hpa', 'tftp-hpa put')) {
      await run('tftp', ['127.0.0.1', String(fx.port), '-m', 'binary', '-c', 'put', path.join(src, 'phone.log'), 'hpa.log']);
      expect(sha256(await fs.readFile(path.join(up, 'hpa.log')))).toBe(sha256(data));
      tried++;
    }
    if (requireTool('curl', 'curl -T')) {
      await run('curl', ['-sS', '--max-time', '30', '-T', path.join(src, 'phone.log'), `tftp://127.0.0.1:${fx.port}/curl.log`]);
      expect(sha256(await fs.readFile(path.join(up, 'curl.log')))).toBe(sha256(data));
      tried++;
    }
    // Only the finished files: no temporary leftovers.
    expect((await fs.readdir(up)).sort()).toEqual(['curl.log', 'hpa.log'].slice(2 - tried).sort());
  });
});

describe('progress events', () => {
  it('are throttled, not one per block, and carry bytes, blocks, total and rate', async () => {
    fx = await startFixture({ progressIntervalMs: 50 });
    const data = patternBytes(4 * 1024 * 1024, 8);
    await fs.writeFile(path.join(fx.root, 'p.bin'), data);
    const r = await tftpGet({ port: fx.port, filename: 'p.bin' });
    expect(r.ok && sha256(r.data)).toBe(sha256(data));
    await until(() => fx?.events.some((e) => e.type === 'completed') ?? false, 'completion');
    const progress = fx.events.filter((e) => e.type === 'progress');
    const blocks = Math.floor(data.length / 512) + 1;
    expect(progress.length).toBeLessThan(blocks / 20);
    for (const p of progress) {
      if (p.type !== 'progress') continue;
      expect(p.totalBytes).toBe(data.length);
      expect(p.bytes).toBeLessThanOrEqual(data.length);
      expect(p.blocks).toBeGreaterThan(0);
      expect(p.bytesPerSecond).toBeGreaterThanOrEqual(0);
    }
  });
});
