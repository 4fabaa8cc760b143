import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LossyRelay } from './lossy-relay';
import { patternBytes, sha256, startFixture, type Fixture } from './server-fixture';
import { tftpGet } from './test-client';

/**
 * Transfers through a seeded relay that drops, duplicates, reorders and delays packets both ways. Every
 * transfer must end either with the exact bytes or with a clean failure carrying a reason: never wrong data.
 */

let fx: Fixture;
const files = new Map<string, Buffer>();

beforeAll(async () => {
  fx = await startFixture({ timeoutMs: 40, retries: 12, maxTransfersPerClient: 64 });
  for (const [name, size] of [['small.cnf', 700], ['mid.bin', 40_000], ['exact.bin', 512 * 20]] as const) {
    const data = patternBytes(size, size);
    files.set(name, data);
    await fs.writeFile(path.join(fx.root, name), data);
  }
});

afterAll(async () => {
  await fx?.close();
});

const LEVELS = [0.05, 0.15, 0.3];
const SHAPES: Record<string, string>[] = [{}, { blksize: '1024' }, { blksize: '512', windowsize: '4' }, { blksize: '1468', windowsize: '8', tsize: '0' }];

describe('through a lossy relay', () => {
  for (const level of LEVELS) {
    it(`drop/duplicate/reorder/delay at ${level * 100}%: every transfer intact or cleanly failed`, async () => {
      const seed = Math.round(level * 1000) + 17;
      const relay = await LossyRelay.start(fx.port, { drop: level, duplicate: level, reorder: level, delay: level, maxDelayMs: 30 }, seed);
      try {
        const runs = [];
        let i = 0;
        for (const [name, data] of files) {
          for (const options of SHAPES) {
            i += 1;
            runs.push(
              tftpGet({ port: relay.port, filename: name, options, timeoutMs: 60, retries: 15 }).then((r) => ({ r, data, name, options, i })),
            );
          }
        }
        const results = await Promise.all(runs);
        let intact = 0;
        for (const { r, data, name, options } of results) {
          if (r.ok) {
            expect(sha256(r.data), `${name} ${JSON.stringify(options)} seed ${seed}`).toBe(sha256(data));
            intact += 1;
          } else expect(r.reason.length, `${name}: failure without a reason`).toBeGreaterThan(0);
        }
        console.log(`loss ${level * 100}% seed ${seed}: ${intact}/${results.length} intact, relay ${JSON.stringify(relay.stats)}`);
        // At modest loss everything should get through; at 30% both ways most should.
        expect(intact).toBeGreaterThanOrEqual(level <= 0.15 ? results.length : Math.ceil(results.length / 2));
      } finally {
        relay.close();
      }
    });
  }

  it('the server records every transfer it started as completed or failed, none left hanging', async () => {
    // Every transfer ends within retries x timeout; wait for that bound by polling the server.
    for (let i = 0; i < 200 && fx.server.activeTransfers() > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(fx.server.activeTransfers()).toBe(0);
    const started = fx.events.filter((e) => e.type === 'negotiated').length;
    const ended = fx.events.filter((e) => e.type === 'completed' || e.type === 'failed').length;
    expect(ended).toBe(started);
    for (const e of fx.events) if (e.type === 'failed') expect(e.reason).not.toBe('');
  });
});
