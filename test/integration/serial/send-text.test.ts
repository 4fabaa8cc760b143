import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Events } from '../../../shared/api/contract';
import type { SerialSendEvent } from '../../../shared/api/serial';
import type { EngineContext } from '../../../electron/engine/context';
import { EventBus } from '../../../electron/engine/event-bus';
import { EngineLog } from '../../../electron/engine/engine-log';
import { createSerialDomain } from '../../../electron/engine/serial/serial-domain';
import { SettingsStore } from '../../../electron/engine/settings-store';
import { haveSocat, SocatPair, until } from './socat-pair';

const socat = haveSocat('send file over a socat PTY pair');
const defaults = { baud: 9600, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false, xonxoff: false, autoReconnect: false } as const;

describe.runIf(socat)('Send file over a socat PTY pair', () => {
  let dir: string;
  let pair: SocatPair;
  let far: SerialPort;
  let domain: ReturnType<typeof createSerialDomain>;
  const sends: SerialSendEvent[] = [];

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-send-text-'));
    pair = new SocatPair(dir);
    await pair.start();
    sends.length = 0;
    const events = new EventBus<Events>();
    events.listen((name, payload) => {
      if (name === 'serial:send') sends.push(payload as SerialSendEvent);
    });
    const ctx: EngineContext = {
      log: new EngineLog(path.join(dir, 'logs', 'engine.jsonl')),
      dataDir: dir,
      host: 'cli',
      settings: await SettingsStore.load(dir),
      events,
      reportService: () => {},
    };
    domain = createSerialDomain(ctx);
    far = new SerialPort({ path: pair.b, baudRate: 9600, autoOpen: false });
    far.on('error', () => {});
    await new Promise<void>((resolve, reject) => far.open((e) => (e ? reject(e) : resolve())));
  });

  afterEach(async () => {
    await domain.close();
    if (far.isOpen) await new Promise<void>((resolve) => far.close(() => resolve()));
    await pair.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('sends each line with the chosen ending, paced, and says when it is done', async () => {
    const got: Buffer[] = [];
    far.on('data', (b: Buffer) => got.push(b));
    const session = await domain.handlers['serial:open']({ path: pair.a, ...defaults });
    const reply = await domain.handlers['serial:send-text']({ sessionId: session.id, name: 'setup.txt', text: 'show config\nshow network\r\n\nend\n', lineDelayMs: 30, lineEnding: 'crlf' });
    expect(reply).toEqual({ lines: 4 });
    expect(await until(() => sends.some((e) => e.state === 'done'))).toBe(true);
    expect(await until(() => Buffer.concat(got).length >= 'show config\r\nshow network\r\n\r\nend\r\n'.length)).toBe(true);
    expect(Buffer.concat(got).toString()).toBe('show config\r\nshow network\r\n\r\nend\r\n');
    expect(sends.map((e) => [e.line, e.state])).toEqual([
      [1, 'sending'],
      [2, 'sending'],
      [3, 'sending'],
      [4, 'sending'],
      [4, 'done'],
    ]);
    expect(sends.every((e) => e.total === 4 && e.name === 'setup.txt' && e.sessionId === session.id)).toBe(true);
  });

  it('stops between lines when asked, refuses a second file at once and a file with NUL bytes', async () => {
    const session = await domain.handlers['serial:open']({ path: pair.a, ...defaults });
    const text = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    await domain.handlers['serial:send-text']({ sessionId: session.id, name: 'long.txt', text, lineDelayMs: 2000, lineEnding: 'cr' });
    await expect(Promise.resolve().then(() => domain.handlers['serial:send-text']({ sessionId: session.id, name: 'b.txt', text: 'x', lineDelayMs: 0, lineEnding: 'cr' }))).rejects.toMatchObject({ code: 'busy' });
    expect(await until(() => sends.some((e) => e.line === 1))).toBe(true);
    expect(await domain.handlers['serial:send-stop']({ sessionId: session.id })).toEqual({ stopped: true });
    expect(await until(() => sends.some((e) => e.state === 'stopped'))).toBe(true);
    expect(sends.at(-1)).toMatchObject({ state: 'stopped', line: 1, total: 50 });
    expect(await domain.handlers['serial:send-stop']({ sessionId: session.id })).toEqual({ stopped: false });
    await expect(Promise.resolve().then(() => domain.handlers['serial:send-text']({ sessionId: session.id, name: 'bin.dat', text: 'a\0b', lineDelayMs: 0, lineEnding: 'cr' }))).rejects.toMatchObject({
      code: 'bad-request',
    });
  });

  it('keeps saved profiles and macros in the settings file, each list replaced on its own', async () => {
    const store = await SettingsStore.load(dir);
    const { autoReconnect: _notSaved, ...line } = defaults;
    const profile = { name: 'Bench A', path: pair.a, ...line, lineEnding: 'cr' as const };
    await store.update({ console: { profiles: [profile] } });
    await store.update({ console: { macros: [{ name: 'config', text: 'show config' }] } });
    const again = await SettingsStore.load(dir);
    expect(again.get().console).toEqual({ profiles: [profile], macros: [{ name: 'config', text: 'show config' }] });
  });
});
