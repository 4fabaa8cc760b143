import { describe, expect, it } from 'vitest';
import { DisposableStore, toDisposable } from '../../../../../electron/engine/kit/lifecycle';
import type { SwallowLog } from '../../../../../electron/engine/kit/log';

describe('toDisposable', () => {
  it('runs its release once, however often it is disposed', () => {
    let count = 0;
    const d = toDisposable(() => {
      count++;
    });
    void d.dispose();
    void d.dispose();
    expect(count).toBe(1);
  });
});

describe('DisposableStore', () => {
  it('releases in reverse order of adding, waiting for each async release before the next', async () => {
    const store = new DisposableStore();
    const order: string[] = [];
    store.defer(() => {
      order.push('first');
    });
    store.defer(async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push('second');
    });
    store.defer(() => {
      order.push('third');
    });
    await store.dispose();
    expect(order).toEqual(['third', 'second', 'first']);
  });

  it('is idempotent: every caller waits for the same release, which runs once', async () => {
    const store = new DisposableStore();
    let count = 0;
    let finished = false;
    store.defer(async () => {
      count++;
      await new Promise((r) => setTimeout(r, 20));
      finished = true;
    });
    const a = store.dispose();
    const b = store.dispose();
    await b;
    expect(finished).toBe(true);
    await a;
    await store.dispose();
    expect(count).toBe(1);
    expect(store.isDisposed).toBe(true);
  });

  it('releases at once what is added after disposal (a late add after an await never leaks)', async () => {
    const store = new DisposableStore();
    await store.dispose();
    let released = false;
    const item = store.add(
      toDisposable(() => {
        released = true;
      }),
    );
    expect(released).toBe(true);
    expect(item).toBeDefined();
  });

  it('logs a throwing release and still releases the rest', async () => {
    const lines: string[] = [];
    const log: SwallowLog = { swallowed: (area, action, error) => lines.push(`${area}/${action}: ${(error as Error).message}`) };
    const store = new DisposableStore(log, 'migrate.run');
    let released = false;
    store.defer(() => {
      released = true;
    });
    store.defer(() => {
      throw new Error('close failed');
    });
    store.defer(() => Promise.reject(new Error('async close failed')));
    await expect(store.dispose()).resolves.toBeUndefined();
    expect(released).toBe(true);
    expect(lines).toEqual(['migrate.run/release resource: async close failed', 'migrate.run/release resource: close failed']);
  });

  it('something added while disposing (by a release) is released too', async () => {
    const store = new DisposableStore();
    const order: string[] = [];
    store.defer(() => {
      order.push('outer');
    });
    store.defer(() => {
      store.defer(() => {
        order.push('late');
      });
    });
    await store.dispose();
    expect(order).toContain('late');
    expect(order).toContain('outer');
  });
});
