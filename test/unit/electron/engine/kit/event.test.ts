import { describe, expect, it } from 'vitest';
import { Emitter } from '../../../../../electron/engine/kit/event';
import type { LogContext, SwallowLog } from '../../../../../electron/engine/kit/log';

function memoryLog(): SwallowLog & { lines: { area: string; action: string; detail: string; context?: LogContext }[] } {
  const lines: { area: string; action: string; detail: string; context?: LogContext }[] = [];
  return {
    lines,
    swallowed(area, action, error, context) {
      lines.push({ area, action, detail: error instanceof Error ? error.message : String(error), ...(context ? { context } : {}) });
    },
  };
}

describe('Emitter', () => {
  it('delivers a typed value to every listener until it unsubscribes', () => {
    const emitter = new Emitter<{ n: number }>();
    const seen: number[] = [];
    const a = emitter.event((v) => seen.push(v.n));
    emitter.event((v) => seen.push(v.n * 10));
    emitter.fire({ n: 1 });
    void a.dispose();
    emitter.fire({ n: 2 });
    expect(seen).toEqual([1, 10, 20]);
    expect(emitter.listenerCount).toBe(1);
  });

  it('isolates a throwing listener: the others still run, the firer never sees it, the log names the event', () => {
    const log = memoryLog();
    const emitter = new Emitter<string>({ log, name: 'serial.data' });
    const seen: string[] = [];
    emitter.event(() => {
      throw new Error('listener broke');
    });
    emitter.event((v) => seen.push(v));
    expect(() => emitter.fire('x')).not.toThrow();
    expect(seen).toEqual(['x']);
    expect(log.lines).toEqual([{ area: 'events', action: 'deliver event', detail: 'listener broke', context: { event: 'serial.data' } }]);
  });

  it('the same function subscribed twice is two subscriptions, each removed by its own handle', () => {
    const emitter = new Emitter<number>();
    let count = 0;
    const listener = () => count++;
    const first = emitter.event(listener);
    emitter.event(listener);
    emitter.fire(0);
    void first.dispose();
    void first.dispose();
    emitter.fire(0);
    expect(count).toBe(3);
  });

  it('a listener added during a fire hears the next fire, not this one', () => {
    const emitter = new Emitter<number>();
    const seen: string[] = [];
    emitter.event((n) => {
      seen.push(`a${n}`);
      if (n === 1) emitter.event((m) => seen.push(`b${m}`));
    });
    emitter.fire(1);
    emitter.fire(2);
    expect(seen).toEqual(['a1', 'a2', 'b2']);
  });

  it('after dispose it holds no listener and new subscriptions are inert', () => {
    const emitter = new Emitter<number>();
    let count = 0;
    emitter.event(() => count++);
    emitter.dispose();
    emitter.event(() => count++);
    emitter.fire(1);
    expect(count).toBe(0);
    expect(emitter.listenerCount).toBe(0);
  });
});
