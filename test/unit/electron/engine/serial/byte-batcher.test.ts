import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ByteBatcher } from '../../../../../electron/engine/serial/byte-batcher';

describe('ByteBatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gathers single bytes into one batch per interval', () => {
    const batches: Buffer[] = [];
    const batcher = new ByteBatcher((b) => batches.push(b), 40, 16384);
    for (let i = 0; i < 1000; i++) batcher.push(Buffer.from([i & 0xff]));
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(40);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual(Buffer.from(Array.from({ length: 1000 }, (_, i) => i & 0xff)));
  });

  it('cuts at maxBytes without waiting, and keeps order', () => {
    const batches: Buffer[] = [];
    const batcher = new ByteBatcher((b) => batches.push(b), 40, 100);
    const input = Buffer.from(Array.from({ length: 350 }, (_, i) => i & 0xff));
    batcher.push(input.subarray(0, 30));
    batcher.push(input.subarray(30));
    expect(batches.map((b) => b.length)).toEqual([100, 100, 100]);
    batcher.flush();
    expect(Buffer.concat(batches)).toEqual(input);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 100, 50]);
    vi.advanceTimersByTime(100);
    expect(batches).toHaveLength(4);
  });
});
