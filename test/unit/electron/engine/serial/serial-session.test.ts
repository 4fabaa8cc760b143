import { EventEmitter } from 'node:events';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LINE_SETTINGS, type SessionState } from '../../../../../shared/api/serial';
import { ConsoleLog } from '../../../../../electron/engine/serial/console-log';
import type { SerialLink } from '../../../../../electron/engine/serial/serial-link';
import { SerialSession, type SessionOptions } from '../../../../../electron/engine/serial/serial-session';

/** A port that behaves like an unplugged adapter on Windows: no close event, writes fail. */
class SilentLink extends EventEmitter implements SerialLink {
  isOpen = true;
  failWrites = false;
  written: Buffer[] = [];
  write(bytes: Buffer, callback: (error?: Error | null) => void) {
    if (this.failWrites) callback(new Error('Writing to COM port (GetOverlappedResult): Unknown error code 22'));
    else {
      this.written.push(bytes);
      callback(null);
    }
  }
  drain(callback: (error?: Error | null) => void) {
    callback(null);
  }
  set(_flags: object, callback: (error?: Error | null) => void) {
    callback(null);
  }
  close(callback: (error?: Error | null) => void) {
    this.isOpen = false;
    callback(null);
  }
}

async function until(check: () => boolean, limit = 2000): Promise<boolean> {
  for (let i = 0; i < limit && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  return check();
}

describe('SerialSession without close events', () => {
  let dir: string;
  let links: SilentLink[];
  let present: boolean;
  let states: { state: SessionState; detail?: string; attempt?: number }[];
  let options: SessionOptions;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-session-'));
    links = [];
    present = true;
    states = [];
    options = {
      open: async () => {
        if (!present) throw new Error('File not found');
        const link = new SilentLink();
        links.push(link);
        return link;
      },
      present: async () => present,
      listener: {
        data: () => {},
        hint: () => {},
        state: (s, detail, attempt) => states.push({ state: s.state, detail, attempt }),
      },
      presencePollMs: 5,
      backoffMs: () => 1,
      maxReconnectAttempts: 5,
    };
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const start = async () =>
    SerialSession.start('c1', 'COM7', DEFAULT_LINE_SETTINGS, true, await ConsoleLog.open({ logFile: path.join(dir, 'x.log'), rawFile: path.join(dir, 'x.raw') }), options);

  it('notices the device is gone by polling, and reconnects when it returns', async () => {
    const session = await start();
    present = false;
    expect(await until(() => states.some((s) => s.state === 'unplugged'))).toBe(true);
    expect(states.find((s) => s.state === 'unplugged')?.detail).toMatch(/gone/);
    expect(links[0]?.isOpen).toBe(false);
    present = true;
    expect(await until(() => session.state === 'connected' && links.length === 2)).toBe(true);
    await session.close();
    expect(session.state).toBe('closed');
  });

  it('logs typed keys as one line per Enter, and never what is typed at a password prompt', async () => {
    const session = await start();
    const link = links[0] as SilentLink;
    for (const key of 'show\r') await session.write(Buffer.from(key));
    link.emit('data', Buffer.from('\r\nPassword: '));
    for (const key of 'cisco\r') await session.write(Buffer.from(key));
    await session.write(Buffer.from('more'));
    link.emit('data', Buffer.from('\r\nSIP Phone> '));
    await session.write(Buffer.from('half'));
    await session.close();
    const log = await fs.readFile(path.join(dir, 'x.log'), 'utf8');
    expect(log.match(/# sent.*$/gm)).toEqual(['# sent: show\\x0d', '# sent 6 bytes at a password prompt (not logged)', '# sent 4 bytes at a password prompt (not logged)', '# sent: half']);
    expect(log).not.toContain('cisco');
    expect(Buffer.concat(link.written).toString()).toBe('show\rcisco\rmorehalf');
  });

  it('keeps one port when Reconnect is pressed while an automatic reconnect is opening', async () => {
    const session = await start();
    const pending: (() => void)[] = [];
    options.open = () =>
      new Promise((resolve) => {
        const link = new SilentLink();
        links.push(link);
        pending.push(() => resolve(link));
      });
    (links[0] as SilentLink).emit('close', new Error('EIO'));
    expect(await until(() => pending.length === 1)).toBe(true);
    const pressed = session.reconnect();
    expect(pending).toHaveLength(2);
    for (const release of pending) release();
    await pressed;
    expect(await until(() => links.filter((l) => l.isOpen).length === 1)).toBe(true);
    expect(session.state).toBe('connected');
    expect(links.filter((l) => l.isOpen)).toHaveLength(1);
    await session.close();
    expect(links.every((l) => !l.isOpen)).toBe(true);
  });

  it('says so when the log cannot be written, and keeps the console going', async () => {
    await fs.mkdir(path.join(dir, 'dir.log'));
    const log = await ConsoleLog.open({ logFile: path.join(dir, 'dir.log'), rawFile: path.join(dir, 'ok.raw') });
    const session = await SerialSession.start('c2', 'COM8', DEFAULT_LINE_SETTINGS, true, log, options);
    expect(await until(() => log.error !== undefined)).toBe(true);
    (links[0] as SilentLink).emit('data', Buffer.from('SIP Phone> '));
    expect(states.some((s) => /console log could not be written/.test(s.detail ?? ''))).toBe(true);
    expect(session.info()).toMatchObject({ state: 'connected', logError: expect.stringMatching(/EISDIR/) });
    await session.close();
    expect(await fs.readFile(path.join(dir, 'ok.raw'), 'latin1')).toBe('SIP Phone> ');
  });

  it('treats a failed write as an unplug', async () => {
    const session = await start();
    (links[0] as SilentLink).failWrites = true;
    present = false;
    await expect(session.write(Buffer.from('x'))).rejects.toMatchObject({ code: 'serial-disconnected' });
    expect(states.some((s) => s.state === 'unplugged' && /Unknown error code 22/.test(s.detail ?? ''))).toBe(true);
    await session.close();
  });

  it('gives up after the bounded number of attempts, and Reconnect starts again', async () => {
    const session = await start();
    present = false;
    expect(await until(() => states.some((s) => s.state === 'unplugged' && /Gave up after 5/.test(s.detail ?? '')))).toBe(true);
    expect(states.filter((s) => s.state === 'reconnecting').map((s) => s.attempt)).toEqual([1, 2, 3, 4, 5]);
    present = true;
    await session.reconnect();
    expect(session.state).toBe('connected');
    await session.close();
    const log = await fs.readFile(path.join(dir, 'x.log'), 'utf8');
    expect(log).toMatch(/# gave up reconnecting after 5 attempts/);
  });
});

describe('SerialSession replay', () => {
  it('replays what the phone printed and what was typed, bounded, with hints', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-replay-'));
    const link = new SilentLink();
    const session = await SerialSession.start(
      'c1',
      '/dev/ttyUSB0',
      DEFAULT_LINE_SETTINGS,
      false,
      await ConsoleLog.open({ logFile: path.join(dir, 'x.log'), rawFile: path.join(dir, 'x.raw') }),
      {
        open: async () => link,
        present: async () => true,
        listener: { data: () => {}, hint: () => {}, state: () => {} },
        batchIntervalMs: 1,
        replayMaxBytes: 4096,
      },
    );
    try {
      link.emit('data', Buffer.from('W210 TFTP Error : buffer full\r\nSIP Phone> '));
      expect(await until(() => session.replay().entries.some((e) => e.kind === 'in'))).toBe(true);
      await session.write(Buffer.from('show\r'));
      for (let i = 0; i < 200; i++) link.emit('data', Buffer.from(`${'x'.repeat(62)}\r\n`));
      expect(await until(() => session.replay().droppedBytes > 0)).toBe(true);
      const replay = session.replay();
      const held = replay.entries.reduce((n, e) => n + (e.kind === 'in' || e.kind === 'out' ? (e.bytes ?? 0) : 0), 0);
      expect(held).toBeLessThanOrEqual(4096);
      expect(Buffer.from(replay.entries.at(-1)?.data ?? '', 'base64').toString().endsWith('x\r\n')).toBe(true);
      expect(replay.hints.map((h) => h.hintId)).toContain('sip2-buffer-full');
    } finally {
      await session.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
