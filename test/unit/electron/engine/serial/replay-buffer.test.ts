import { describe, expect, it } from 'vitest';
import { ReplayBuffer } from '../../../../../electron/engine/serial/replay-buffer';

const at = new Date('2026-12-02T10:00:00.000Z');
const text = (b64: string | undefined) => Buffer.from(b64 ?? '', 'base64').toString('latin1');

describe('the console replay buffer', () => {
  it('keeps traffic in order with directions, states and hints', () => {
    const buffer = new ReplayBuffer();
    buffer.state('connected', at);
    buffer.received(Buffer.from('SIP Phone> '), at);
    buffer.sent(Buffer.from('show\r'), at, false);
    buffer.sent(Buffer.from('cisco\r'), at, true);
    buffer.state('unplugged', at, 'the device is gone (unplugged?)');
    buffer.hint({ hintId: 'sip2-buffer-full', excerpt: 'buffer full', at: at.toISOString() });
    const { entries, hints, droppedBytes } = buffer.snapshot();
    expect(entries.map((e) => e.kind)).toEqual(['state', 'in', 'out', 'hidden', 'state']);
    expect(text(entries[1]?.data)).toBe('SIP Phone> ');
    expect(text(entries[2]?.data)).toBe('show\r');
    // Typed at a password prompt: counted, never kept.
    expect(entries[3]).toEqual({ at: at.toISOString(), kind: 'hidden', bytes: 6 });
    expect(entries[4]).toMatchObject({ state: 'unplugged', detail: 'the device is gone (unplugged?)' });
    expect(hints.map((h) => h.hintId)).toEqual(['sip2-buffer-full']);
    expect(droppedBytes).toBe(0);
  });

  it('stays within its byte bound, dropping the oldest and counting what went', () => {
    const buffer = new ReplayBuffer(1000, 10_000);
    for (let i = 0; i < 100; i++) buffer.received(Buffer.from(`line ${String(i).padStart(3, '0')}\r\n`), at);
    expect(buffer.heldBytes).toBeLessThanOrEqual(1000);
    const { entries, droppedBytes } = buffer.snapshot();
    const kept = entries.map((e) => text(e.data)).join('');
    expect(kept.endsWith('line 099\r\n')).toBe(true);
    expect(kept.startsWith('line ')).toBe(true);
    expect(kept.length + droppedBytes).toBe(100 * 10);
  });

  it('keeps only the tail of one chunk larger than the bound', () => {
    const buffer = new ReplayBuffer(16, 100);
    buffer.received(Buffer.from('0123456789abcdefXYZ'), at);
    const { entries, droppedBytes } = buffer.snapshot();
    expect(text(entries[0]?.data)).toBe('3456789abcdefXYZ');
    expect(droppedBytes).toBe(3);
  });

  it('bounds the number of entries too (many tiny chunks)', () => {
    const buffer = new ReplayBuffer(1_000_000, 50);
    for (let i = 0; i < 500; i++) buffer.received(Buffer.from('x'), at);
    for (let i = 0; i < 500; i++) buffer.state('reconnecting', at);
    expect(buffer.snapshot().entries.length).toBeLessThanOrEqual(50);
  });
});
