import { msg } from '../../../../../shared/i18n/message';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../../../shared/api/contract';
import type { EngineContext } from '../../../../../electron/engine/context';
import { EventBus } from '../../../../../electron/engine/event-bus';
import { EngineLog } from '../../../../../electron/engine/engine-log';
import { findSocat } from '../../../../../electron/engine/serial/pty-pair';
import { createSerialDomain } from '../../../../../electron/engine/serial/serial-domain';
import { SettingsStore } from '../../../../../electron/engine/settings-store';
import { linkedStreamPair, StreamLink } from '../../../../../electron/engine/serial/stream-link';

const dir = mkdtempSync(path.join(tmpdir(), 'pbstreamlink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('linkedStreamPair and StreamLink', () => {
  it('carries bytes both ways, and closing one end closes the link on the other', async () => {
    const [a, b] = linkedStreamPair();
    const link = new StreamLink(b);
    const atLink: Buffer[] = [];
    const atA: Buffer[] = [];
    let closed: Error | null | undefined = null;
    link.on('data', (bytes) => atLink.push(bytes));
    link.on('close', (error) => (closed = error ?? undefined));
    a.on('data', (bytes: Buffer) => atA.push(bytes));
    a.write(Buffer.from('boot\r\n'));
    await new Promise<void>((resolve, reject) => link.write(Buffer.from('cisco\r'), (error) => (error ? reject(error) : resolve())));
    await tick();
    expect(Buffer.concat(atLink).toString()).toBe('boot\r\n');
    expect(Buffer.concat(atA).toString()).toBe('cisco\r');
    expect(link.isOpen).toBe(true);
    a.destroy();
    await tick();
    await tick();
    expect(link.isOpen).toBe(false);
    expect(closed).toBeInstanceOf(Error);
  });

  it('has no control lines', async () => {
    const [, b] = linkedStreamPair();
    const link = new StreamLink(b);
    const error = await new Promise<Error | null | undefined>((resolve) => link.set({ brk: true }, resolve));
    expect(error?.message).toMatch(/not supported/);
    link.close(() => {});
    expect(b.destroyed).toBe(true);
  });
});

describe('serial service: a virtual port', () => {
  it('is listed with its label, logs like any port, keeps a password typed at the prompt out of the log, and closes', async () => {
    const dataDir = mkdtempSync(path.join(dir, 'data-'));
    const ctx: EngineContext = { log: new EngineLog(path.join(dataDir, 'logs', 'engine.jsonl')), dataDir, host: 'cli', settings: await SettingsStore.load(dataDir), events: new EventBus<Events>(), reportService: () => {} };
    const serial = createSerialDomain(ctx);
    const [phone, technician] = linkedStreamPair();
    // A peer that answers at once, before the write returns: the password decision must not depend on timing.
    phone.on('data', (bytes: Buffer) => {
      if (bytes.toString().includes('\r')) phone.write('\r\nwelcome\r\n> ');
    });
    try {
      const info = await serial.service.openVirtual('virtual:test', msg('serial.demoConsoleLabel'), technician);
      expect(info).toMatchObject({ path: 'virtual:test', label: msg('serial.demoConsoleLabel'), state: 'connected', autoReconnect: false });
      const listed = await serial.handlers['serial:sessions']({});
      expect(listed.map((s) => s.label)).toEqual([msg('serial.demoConsoleLabel')]);
      phone.write('Password: ');
      await tick();
      await serial.handlers['serial:write']({ sessionId: info.id, data: 'secret\r', encoding: 'utf8' });
      await expect(serial.handlers['serial:break']({ sessionId: info.id, durationMs: 10 })).rejects.toThrow(/cannot send BREAK/);
      await expect(serial.handlers['serial:open']({ path: 'virtual:test', autoReconnect: false, baud: 9600, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false, xonxoff: false })).rejects.toThrow(/already open/);
      await serial.service.close(info.id);
      await serial.service.close(info.id);
      expect(await serial.handlers['serial:sessions']({})).toEqual([]);
      const log = readFileSync(info.logFile, 'utf8');
      expect(log).toContain('Password: ');
      expect(log).toContain('welcome');
      expect(log).toContain('sent 7 bytes at a password prompt (not logged)');
      expect(log).not.toContain('secret');
      expect(technician.destroyed).toBe(true);
    } finally {
      await serial.close();
    }
  });
});

describe('findSocat', () => {
  it('finds nothing on an empty PATH or on Windows', async () => {
    expect(await findSocat('')).toBeUndefined();
    expect(await findSocat(path.join(dir, 'nowhere'))).toBeUndefined();
    expect(await findSocat('/usr/bin:/bin', 'win32')).toBeUndefined();
  });
});
