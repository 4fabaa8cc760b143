import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineLogEntry } from '../../../../shared/api/engine-log';
import { attachEngineLog, EngineLog, logSwallowed } from '../../../../electron/engine/engine-log';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pb-engine-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (file: string): EngineLogEntry[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as EngineLogEntry);

describe('EngineLog', () => {
  it('queues a write and puts it on disk as one JSON line per entry', async () => {
    const file = path.join(dir, 'a', 'logs', 'engine.jsonl');
    const log = new EngineLog(file);
    log.write({ level: 'warn', area: 'migrate', action: 'save report', detail: 'EACCES', context: { file: 'r.json' } });
    // write() only queued: the hot path never waited on the disk.
    expect(existsSync(file)).toBe(false);
    await log.flush();
    expect(lines(file)).toEqual([expect.objectContaining({ level: 'warn', area: 'migrate', action: 'save report', detail: 'EACCES', context: { file: 'r.json' } })]);
    expect(log.recent(5)).toHaveLength(1);
  });

  it('rotates at the size bound and keeps only a few files', async () => {
    const file = path.join(dir, 'b', 'engine.jsonl');
    const log = new EngineLog(file, { maxBytes: 2000, keep: 2 });
    for (let i = 0; i < 120; i++) {
      log.write({ level: 'warn', area: 'test', action: 'fill', detail: `entry ${i} ${'x'.repeat(60)}` });
      // Batches of every size: one entry, then many at once (more than the bound in one flush).
      if (i < 10 || i % 40 === 39) await log.flush();
    }
    await log.flush();
    const rotated = [file, file.replace('.jsonl', '.1.jsonl'), file.replace('.jsonl', '.2.jsonl')];
    for (const f of rotated) {
      expect(existsSync(f), f).toBe(true);
      expect(statSync(f).size).toBeLessThanOrEqual(2000);
    }
    expect(existsSync(file.replace('.jsonl', '.3.jsonl'))).toBe(false);
    // Newest last in the current file; older ones in .1, then .2.
    expect(lines(file).at(-1)?.detail).toMatch(/^entry 119 /);
    const firstOf = (f: string) => Number(/^entry (\d+)/.exec(lines(f)[0]!.detail)![1]);
    expect(firstOf(rotated[2]!)).toBeLessThan(firstOf(rotated[1]!));
    expect(firstOf(rotated[1]!)).toBeLessThan(firstOf(rotated[0]!));
  });

  it('never throws into the caller when the disk refuses', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const log = new EngineLog(path.join(blocker, 'engine.jsonl'));
    expect(() => log.write({ level: 'error', area: 'test', action: 'write', detail: 'x' })).not.toThrow();
    await expect(log.flush()).resolves.toBeUndefined();
    expect(log.recent(1)).toHaveLength(1);
  });

  it('logSwallowed reaches attached logs only, with the error text and context', async () => {
    const file = path.join(dir, 'c', 'engine.jsonl');
    const log = new EngineLog(file);
    const detach = attachEngineLog(log);
    logSwallowed('serial', 'reconnect', new TypeError('bad file descriptor'), { path: '/dev/ttyUSB0' });
    detach();
    logSwallowed('serial', 'after detach', new Error('not logged'));
    await log.flush();
    expect(lines(file)).toEqual([
      expect.objectContaining({ area: 'serial', action: 'reconnect', detail: 'TypeError: bad file descriptor', context: { path: '/dev/ttyUSB0' } }),
    ]);
  });
});

describe('EngineLog text', () => {
  it('escapes what JSON leaves raw (C1, DEL, U+2028, bidi) in every string of an entry', async () => {
    const file = path.join(dir, 'escape', 'engine.jsonl');
    const log = new EngineLog(file);
    log.write({ level: 'warn', area: 'tftp', action: 'serve', detail: 'name \u009b2J\u202egpj.exe\u007f\u2028', context: { file: 'a\u001b]0;t\u0007' } });
    await log.flush();
    const text = readFileSync(file, 'utf8');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect(lines(file)[0]).toEqual(expect.objectContaining({ detail: 'name \\u009b2J\\u202egpj.exe\\x7f\\u2028', context: { file: 'a\\x1b]0;t\\x07' } }));
  });
});
