import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForStop, signalExitCode } from '../../../../electron/cli/stop-signals';

function setup(graceMs = 1500) {
  const target = new EventEmitter();
  const exits: number[] = [];
  const said: string[] = [];
  const cleanupSync = vi.fn();
  const stop = listenForStop({ graceMs, cleanupSync, exit: (code) => exits.push(code), stderr: (t) => said.push(t), target });
  return { target, exits, said, cleanupSync, stop };
}

afterEach(() => vi.useRealTimers());

describe('listenForStop', () => {
  it('the first signal asks the command to stop, without exiting', async () => {
    const t = setup();
    t.target.emit('SIGTERM');
    await t.stop.interrupted;
    expect(t.stop.signal.aborted).toBe(true);
    expect(t.exits).toEqual([]);
    expect(t.cleanupSync).not.toHaveBeenCalled();
    expect(t.said.join('')).toContain('stopping (SIGTERM)');
    t.stop.dispose();
  });

  it('a second signal removes leftovers and exits at once with 128 + its number', () => {
    const t = setup();
    t.target.emit('SIGINT');
    t.target.emit('SIGINT');
    expect(t.cleanupSync).toHaveBeenCalledTimes(1);
    expect(t.exits).toEqual([130]);
    t.stop.dispose();
  });

  it('a command that does not stop within the grace time is ended anyway', () => {
    vi.useFakeTimers();
    const t = setup(1500);
    t.target.emit('SIGTERM');
    vi.advanceTimersByTime(1499);
    expect(t.exits).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(t.cleanupSync).toHaveBeenCalledTimes(1);
    expect(t.exits).toEqual([signalExitCode('SIGTERM')]);
    expect(t.said.join('')).toContain('did not stop within 1.5 s');
  });

  it('a command that stopped in time is not ended before the deadline; a process still there at the deadline is', () => {
    vi.useFakeTimers();
    const t = setup(1500);
    t.target.emit('SIGTERM');
    t.stop.dispose();
    vi.advanceTimersByTime(1400);
    expect(t.exits).toEqual([]);
    // A real process has ended by now; one held up (a pool thread stuck in open()) is ended for sure.
    vi.advanceTimersByTime(200);
    expect(t.exits).toEqual([143]);
    expect(t.said.join('')).toContain('stopped, but did not end within 1.5 s');
  });

  it('a command that returned without a signal is never ended; a signal after it returned exits at once', () => {
    vi.useFakeTimers();
    const t = setup(1500);
    t.stop.dispose();
    vi.advanceTimersByTime(5000);
    expect(t.exits).toEqual([]);
    t.target.emit('SIGINT');
    expect(t.exits).toEqual([130]);
    expect(t.cleanupSync).toHaveBeenCalledTimes(1);
  });

  it('uses the shell numbers: 130 for SIGINT, 143 for SIGTERM', () => {
    expect(signalExitCode('SIGINT')).toBe(130);
    expect(signalExitCode('SIGTERM')).toBe(143);
  });
});

describe('listenForStop, issue 19', () => {
  it('a command stopped by a signal ends with a closing line once it returned', async () => {
    const t = setup();
    t.target.emit('SIGINT');
    await t.stop.interrupted;
    expect(t.said.join('')).not.toContain('stopped (SIGINT)');
    t.stop.dispose();
    t.stop.dispose();
    expect(t.said.filter((s) => s.includes('phonebench: stopped (SIGINT); everything it opened is closed.'))).toHaveLength(1);
  });

  it('stopQuietly (a closed stdout) stops the command without a word, under the same deadline', async () => {
    vi.useFakeTimers();
    const t = setup(1500);
    t.stop.stopQuietly('standard output closed');
    await t.stop.interrupted;
    expect(t.stop.signal.aborted).toBe(true);
    expect(t.said).toEqual([]);
    vi.advanceTimersByTime(1500);
    expect(t.exits).toEqual([signalExitCode('SIGTERM')]);
  });
});
