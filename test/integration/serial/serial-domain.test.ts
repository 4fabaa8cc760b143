import { en } from '../../support/error-text';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceStatus } from '../../../shared/api/app';
import type { Events } from '../../../shared/api/contract';
import { PhonebenchError } from '../../../shared/api/result';
import type { SerialDataEvent, SerialHintEvent, SerialStateEvent, SessionInfo } from '../../../shared/api/serial';
import type { EngineContext } from '../../../electron/engine/context';
import { EventBus } from '../../../electron/engine/event-bus';
import { EngineLog } from '../../../electron/engine/engine-log';
import { createSerialDomain } from '../../../electron/engine/serial/serial-domain';
import type { SettingsStore } from '../../../electron/engine/settings-store';
import { haveSocat, SocatPair, until } from './socat-pair';

const socat = haveSocat('the serial console over a socat PTY pair');

/** The domain with an event recorder, and its handlers called the way the engine calls them. */
function harness(dataDir: string) {
  const events = new EventBus<Events>();
  const data: SerialDataEvent[] = [];
  const states: SerialStateEvent[] = [];
  const hints: SerialHintEvent[] = [];
  const services: ServiceStatus[] = [];
  events.listen((name, payload) => {
    if (name === 'serial:data') data.push(payload as SerialDataEvent);
    if (name === 'serial:state') states.push(payload as SerialStateEvent);
    if (name === 'serial:hint') hints.push(payload as SerialHintEvent);
  });
  const ctx: EngineContext = {
    log: new EngineLog(path.join(dataDir, 'logs', 'engine.jsonl')),
    dataDir,
    host: 'cli',
    settings: {} as SettingsStore,
    events,
    reportService: (status) => services.push(status),
  };
  const domain = createSerialDomain(ctx, {
    session: { presencePollMs: 100, backoffMs: () => 100, maxReconnectAttempts: 200 },
  });
  const received = () => Buffer.concat(data.map((d) => Buffer.from(d.data, 'base64')));
  return { domain, h: domain.handlers, data, states, hints, services, received };
}

const defaults = { baud: 9600, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false, xonxoff: false, autoReconnect: true } as const;

async function openFar(file: string): Promise<SerialPort> {
  const port = new SerialPort({ path: file, baudRate: 115200, autoOpen: false });
  port.on('error', () => {});
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  return port;
}

async function writeFar(port: SerialPort, bytes: Buffer): Promise<void> {
  await new Promise<void>((resolve, reject) => port.write(bytes, (e) => (e ? reject(e) : resolve())));
  await new Promise<void>((resolve, reject) => port.drain((e) => (e ? reject(e) : resolve())));
}

async function closeFar(port: SerialPort): Promise<void> {
  if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
}

describe.runIf(socat)('serial console over a socat PTY pair', () => {
  let dir: string;
  let pair: SocatPair;
  let t: ReturnType<typeof harness>;
  const far: SerialPort[] = [];

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-serial-'));
    pair = new SocatPair(dir);
    await pair.start();
    t = harness(path.join(dir, 'data'));
  });

  afterEach(async () => {
    await t.domain.close();
    for (const port of far.splice(0)) await closeFar(port);
    await pair.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('receives console text, logs it with timestamps, and raises a hint', async () => {
    const session = (await t.h['serial:open']({ path: pair.a, ...defaults })) as SessionInfo;
    expect(session.state).toBe('connected');
    expect(session.logFile.startsWith(path.join(dir, 'data', 'console-logs'))).toBe(true);
    const phone = await openFar(pair.b);
    far.push(phone);
    const text = 'Configuring IP\r\nRequesting Configuration\r\nProtocol Appli';
    await writeFar(phone, Buffer.from(text));
    await writeFar(phone, Buffer.from('cation Invalid\r\n'));
    expect(await until(() => t.received().length >= text.length + 16)).toBe(true);
    expect(t.received().toString('latin1')).toBe(`${text}cation Invalid\r\n`);
    expect(await until(() => t.hints.length > 0)).toBe(true);
    expect(t.hints.map((h) => h.hintId)).toEqual(['protocol-application-invalid']);
    expect(t.data.at(-1)?.bytesIn).toBe(text.length + 16);

    await t.h['serial:close']({ sessionId: session.id });
    const log = await fs.readFile(session.logFile, 'utf8');
    expect(log).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z # connected .* 9600 8N1, no flow control$/m);
    expect(log).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z Requesting Configuration$/m);
    expect(log).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z Protocol Application Invalid$/m);
    expect(await fs.readFile(session.rawFile, 'latin1')).toBe(`${text}cation Invalid\r\n`);
    expect(t.states.at(-1)?.state).toBe('closed');
    expect(t.services.at(-1)).toMatchObject({ name: 'serial', detail: { key: 'service.serial.none' } });
  });

  it('writes text and base64 bytes to the phone', async () => {
    const session = (await t.h['serial:open']({ path: pair.a, ...defaults })) as SessionInfo;
    const phone = await openFar(pair.b);
    far.push(phone);
    const got: Buffer[] = [];
    phone.on('data', (b: Buffer) => got.push(b));
    expect(await t.h['serial:write']({ sessionId: session.id, data: 'show version\r', encoding: 'utf8' })).toEqual({ bytes: 13 });
    const binary = Buffer.from([0, 1, 2, 0xfe, 0xff, 0x0d]);
    await t.h['serial:write']({ sessionId: session.id, data: binary.toString('base64'), encoding: 'base64' });
    expect(await until(() => Buffer.concat(got).length >= 19)).toBe(true);
    expect(Buffer.concat(got)).toEqual(Buffer.concat([Buffer.from('show version\r'), binary]));
    const [info] = (await t.h['serial:sessions']({})) as SessionInfo[];
    expect(info?.bytesOut).toBe(19);
    await expect(
      Promise.resolve().then(() => t.h['serial:write']({ sessionId: session.id, data: 'not*base64', encoding: 'base64' })),
    ).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('reports a PTY without control lines as a value, and stays connected', async () => {
    const session = (await t.h['serial:open']({ path: pair.a, ...defaults })) as SessionInfo;
    const breakError = await Promise.resolve(t.h['serial:break']({ sessionId: session.id, durationMs: 10 })).catch((e: unknown) => e);
    expect(breakError).toBeInstanceOf(PhonebenchError);
    expect(breakError).toMatchObject({ code: 'serial-unavailable' });
    expect(en((breakError as PhonebenchError).fix)).toMatch(/RS-232 adapter/);
    await expect(Promise.resolve(t.h['serial:set']({ sessionId: session.id, dtr: false }))).rejects.toMatchObject({ code: 'serial-unavailable' });
    const [info] = (await t.h['serial:sessions']({})) as SessionInfo[];
    expect(info).toMatchObject({ state: 'connected', dtr: true });
  });

  it('refuses a missing port, and the same port twice, with the fix', async () => {
    await expect(t.h['serial:open']({ path: path.join(dir, 'nope'), ...defaults })).rejects.toMatchObject({ code: 'serial-unavailable' });
    await t.h['serial:open']({ path: pair.a, ...defaults });
    await expect(t.h['serial:open']({ path: pair.a, ...defaults })).rejects.toMatchObject({ code: 'serial-busy' });
    // The same device under another name (like a /dev/serial/by-id alias) is the same port.
    await fs.symlink(pair.a, path.join(dir, 'alias'));
    await expect(t.h['serial:open']({ path: path.join(dir, 'alias'), ...defaults })).rejects.toMatchObject({ code: 'serial-busy' });
    await expect(Promise.resolve(t.h['serial:close']({ sessionId: 'c000' }))).rejects.toMatchObject({ code: 'not-found' });
    await t.domain.close();
    // Two opens of one free device at once: one wins, the other is told the port is busy.
    const fresh = harness(path.join(dir, 'data2'));
    const both = await Promise.allSettled([fresh.h['serial:open']({ path: pair.b, ...defaults }), fresh.h['serial:open']({ path: pair.b, ...defaults })]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(both.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'serial-busy' } });
    await fresh.domain.close();
  });

  it('notices an unplug, reconnects when the port returns, and keeps the log whole and in order', async () => {
    const session = (await t.h['serial:open']({ path: pair.a, ...defaults })) as SessionInfo;
    let phone = await openFar(pair.b);
    far.push(phone);
    const before = Buffer.from('before unplug: SIP Phone> \r\n');
    await writeFar(phone, before);
    expect(await until(() => t.received().length >= before.length)).toBe(true);

    await pair.stop();
    expect(await until(() => t.states.some((s) => s.state === 'unplugged'))).toBe(true);
    expect(await until(() => t.states.some((s) => s.state === 'reconnecting'))).toBe(true);
    await expect(Promise.resolve(t.h['serial:write']({ sessionId: session.id, data: 'x', encoding: 'utf8' }))).rejects.toMatchObject({
      code: 'serial-disconnected',
    });

    await pair.start();
    const reconnectedAt = t.states.length;
    expect(await until(() => t.states.slice(reconnectedAt).some((s) => s.state === 'connected'), 30_000)).toBe(true);
    await closeFar(phone);
    phone = await openFar(pair.b);
    far.push(phone);
    const after = Buffer.from('after replug: SIP Phone> \r\n');
    await writeFar(phone, after);
    expect(await until(() => t.received().length >= before.length + after.length)).toBe(true);

    await t.h['serial:close']({ sessionId: session.id });
    expect(await fs.readFile(session.rawFile)).toEqual(Buffer.concat([before, after]));
    const log = await fs.readFile(session.logFile, 'utf8');
    const order = ['# connected', 'before unplug', '# unplugged', '# reconnected', 'after replug', '# closed'].map((s) => log.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    const seen = t.states.map((s) => s.state);
    expect(seen.indexOf('unplugged')).toBeLessThan(seen.lastIndexOf('connected'));
  });

  it('promises a reconnect by itself only when reconnect is on, and keeps it (issue 19 item 4)', async () => {
    // Reconnect on: the fix says so, and after the socat cable is plugged back the session is connected again.
    const on = (await t.h['serial:open']({ path: pair.a, ...defaults })) as SessionInfo;
    await pair.stop();
    expect(await until(() => t.states.some((s) => s.state === 'reconnecting'))).toBe(true);
    const refusedOn = await Promise.resolve(t.h['serial:write']({ sessionId: on.id, data: 'x', encoding: 'utf8' })).catch((e: PhonebenchError) => e);
    expect(refusedOn).toMatchObject({ code: 'serial-disconnected' });
    expect(en((refusedOn as PhonebenchError).toAppError().fix)).toMatch(/reconnects by itself/);
    await pair.start();
    const back = t.states.length;
    expect(await until(() => t.states.slice(back).some((s) => s.state === 'connected'), 30_000)).toBe(true);
    await t.h['serial:close']({ sessionId: on.id });

    // Reconnect off: no attempt, and the words never promise one.
    const off = (await t.h['serial:open']({ path: pair.a, ...defaults, autoReconnect: false })) as SessionInfo;
    const mark = t.states.length;
    await pair.stop();
    expect(await until(() => t.states.slice(mark).some((s) => s.state === 'unplugged'))).toBe(true);
    const refusedOff = await Promise.resolve(t.h['serial:write']({ sessionId: off.id, data: 'x', encoding: 'utf8' })).catch((e: PhonebenchError) => e);
    const fix = en((refusedOff as PhonebenchError).toAppError().fix);
    expect(fix).toMatch(/press Reconnect/);
    expect(fix).not.toMatch(/reconnects by itself/);
    expect(t.states.slice(mark).some((s) => s.state === 'reconnecting')).toBe(false);
    await pair.start();
  });

  it('the Reconnect button reopens the port', async () => {
    const session = (await t.h['serial:open']({ path: pair.a, ...defaults })) as SessionInfo;
    const info = (await t.h['serial:reconnect']({ sessionId: session.id })) as SessionInfo;
    expect(info.state).toBe('connected');
    const phone = await openFar(pair.b);
    far.push(phone);
    await writeFar(phone, Buffer.from('still here\r\n'));
    expect(await until(() => t.received().toString().includes('still here'))).toBe(true);
  });

  it('loses nothing of 10 MB at 115200 baud, in batches of at most 16 KB', async () => {
    const session = (await t.h['serial:open']({ path: pair.a, ...defaults, baud: 115200 })) as SessionInfo;
    const phone = await openFar(pair.b);
    far.push(phone);
    const total = 10 * 1024 * 1024;
    // Deterministic bytes: a counter hashed block by block, so every value 0-255 appears.
    const payload = Buffer.alloc(total);
    for (let off = 0, n = 0; off < total; off += 32, n++) createHash('sha256').update(String(n)).digest().copy(payload, off);
    const started = performance.now();
    for (let off = 0; off < total; off += 256 * 1024) await writeFar(phone, payload.subarray(off, off + 256 * 1024));
    expect(await until(() => (t.data.at(-1)?.bytesIn ?? 0) >= total, 90_000, 50)).toBe(true);
    const seconds = (performance.now() - started) / 1000;
    console.log(`serial 10 MB through a PTY: ${(total / 1024 / 1024 / seconds).toFixed(1)} MB/s, ${t.data.length} data events`);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(sha(t.received())).toBe(sha(payload));
    expect(t.data.every((d) => d.length <= 16 * 1024 && d.length > 0)).toBe(true);
    expect(t.data.length).toBeLessThan(total / 512);
    await t.h['serial:close']({ sessionId: session.id });
    expect(sha(await fs.readFile(session.rawFile))).toBe(sha(payload));
    const log = await fs.readFile(session.logFile, 'latin1');
    // The text log stays text: no raw control bytes other than newline and tab.
    // eslint-disable-next-line no-control-regex
    expect(/[\x00-\x08\x0b-\x1f\x7f-\xff]/.test(log)).toBe(false);
  });

  it('survives binary noise: the session, the log and the hint matcher still work', async () => {
    const session = (await t.h['serial:open']({ path: pair.a, ...defaults })) as SessionInfo;
    const phone = await openFar(pair.b);
    far.push(phone);
    const noise = Buffer.from(Array.from({ length: 256 * 64 }, (_, i) => i % 256));
    const tail = Buffer.from('\r\nImage Authentication Failed\r\n');
    await writeFar(phone, noise);
    await writeFar(phone, tail);
    expect(await until(() => t.received().length >= noise.length + tail.length)).toBe(true);
    expect(await until(() => t.hints.some((h) => h.hintId === 'image-authentication-failed'))).toBe(true);
    const [info] = (await t.h['serial:sessions']({})) as SessionInfo[];
    expect(info?.state).toBe('connected');
    await t.h['serial:close']({ sessionId: session.id });
    expect(await fs.readFile(session.rawFile)).toEqual(Buffer.concat([noise, tail]));
    const log = await fs.readFile(session.logFile, 'latin1');
    expect(log).toContain('\\x00\\x01\\x02');
    expect(log).toMatch(/Z Image Authentication Failed$/m);
  });
});
