import type { PhonebenchError } from '../../../shared/api/result';
import { en } from '../../support/error-text';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceStatus } from '../../../shared/api/app';
import type { Events } from '../../../shared/api/contract';
import type { SimEvent } from '../../../shared/api/sim';
import type { EngineContext } from '../../../electron/engine/context';
import { EventBus } from '../../../electron/engine/event-bus';
import { EngineLog } from '../../../electron/engine/engine-log';
import { createSimDomain } from '../../../electron/engine/phone-sim/sim-domain';
import type { SettingsStore } from '../../../electron/engine/settings-store';
import { SocatPair, until } from '../serial/socat-pair';
import { SCENARIOS } from './scenarios';
import { requireTool } from '../../support/require-tool';
import { startTftpd, type Tftpd } from './tftpd-hpa';

const available = requireTool(['tftpd-hpa', 'socat'], 'the sim domain tests');

function context(): { ctx: EngineContext; events: SimEvent[]; services: ServiceStatus[] } {
  const bus = new EventBus<Events>();
  const events: SimEvent[] = [];
  const services: ServiceStatus[] = [];
  bus.listen((name, payload) => {
    if (name === 'sim:event') events.push(payload as SimEvent);
  });
  const ctx: EngineContext = {
    log: new EngineLog(path.join(tmpdir(), 'logs', 'engine.jsonl')),
    dataDir: tmpdir(),
    host: 'cli',
    settings: {} as SettingsStore, // the sim domain reads no settings
    events: bus,
    reportService: (s) => services.push(s),
  };
  return { ctx, events, services };
}

describe.runIf(available)('sim domain: sim:start, sim:list, sim:stop, events, serial console', () => {
  let server: Tftpd;
  let pair: SocatPair;
  let dir: string;
  beforeAll(async () => {
    server = await startTftpd();
    const f2 = SCENARIOS.find((s) => s.name.startsWith('F2'));
    for (const [name, content] of f2?.files ?? []) await server.write(name, content);
    dir = mkdtempSync(path.join(tmpdir(), 'pb-sim-pty-'));
    pair = new SocatPair(dir);
    await pair.start();
  });
  afterAll(async () => {
    await pair?.stop();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('boots a phone with its console on one end of a PTY pair, and stops it', async () => {
    const { ctx, events, services } = context();
    const domain = createSimDomain(ctx);
    const technician = new SerialPort({ path: pair.b, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => technician.open((e) => (e ? reject(e) : resolve())));
    let seen = '';
    technician.on('data', (d: Buffer) => {
      seen += d.toString('latin1');
    });
    try {
      const info = await domain.handlers['sim:start']({
        tftpHost: '127.0.0.1', tftpPort: server.port, mac: '00:0E:84:C0:60:A6', model: '7960', firmware: 'SCCP 3.1', flashWriteMs: 1, consolePath: pair.a,
      });
      expect(info.id).toMatch(/^sim-/);
      expect(await until(() => events.some((e) => e.kind === 'settled'), 30_000)).toBe(true);
      const settled = events.find((e) => e.kind === 'settled');
      expect(settled?.kind === 'settled' && settled.outcome).toMatchObject({ kind: 'running', firmware: 'SIP 8.12' });
      expect(events.every((e) => e.simId === info.id)).toBe(true);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      const listed = await domain.handlers['sim:list']({});
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({
        state: 'running',
        reboots: 2,
        flash: { app: 'P0S3-8-12-00', loader: 'P003-8-12-00' },
        settings: { ip: '127.0.0.1', alternateTftp: true, tftpServer: '127.0.0.1' },
        config: { image_version: 'P0S3-8-12-00', tftp_cfg_dir: './' },
      });

      expect(await until(() => seen.includes('[sim] running SIP 8.12'), 10_000)).toBe(true);
      technician.write('cisco\r');
      expect(await until(() => seen.includes('SIP Phone> '), 10_000)).toBe(true);
      technician.write('show version\r');
      expect(await until(() => seen.includes('application P0S3-8-12-00 SIP 8.12'), 10_000)).toBe(true);

      const stopped = await domain.handlers['sim:stop']({ id: info.id });
      expect(stopped.state).toBe('stopped');
      expect(await domain.handlers['sim:list']({})).toHaveLength(0);
      expect(services.at(-1)).toMatchObject({ name: 'sim', state: 'stopped' });
      await expect(domain.handlers['sim:stop']({ id: info.id })).rejects.toMatchObject({ code: 'not-found' });
    } finally {
      await domain.close();
      await new Promise<void>((resolve) => technician.close(() => resolve()));
    }
  });

  it('a server that never answers: the loader loops on CTLSEP/SEP, bounded, then TFTP Timeout', async () => {
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    const asked: string[] = [];
    silent.on('message', (m) => asked.push(m.subarray(2, m.indexOf(0, 2)).toString()));
    const { ctx, events } = context();
    const domain = createSimDomain(ctx, { tftpTimeoutMs: 20, tftpRetries: 1 });
    try {
      await domain.handlers['sim:start']({ tftpHost: '127.0.0.1', tftpPort: silent.address().port, mac: '000E84C060A6', model: '7960', firmware: 'SIP 8.12' });
      expect(await until(() => events.some((e) => e.kind === 'settled'), 30_000)).toBe(true);
      const settled = events.find((e) => e.kind === 'settled');
      expect(settled?.kind === 'settled' && settled.outcome).toMatchObject({ kind: 'error', message: 'TFTP Timeout' });
      // 3 rounds x 2 files x (1 + 1 retry) requests, all for the pair
      expect(new Set(asked)).toEqual(new Set(['CTLSEP000E84C060A6.tlv', 'SEP000E84C060A6.cnf.xml']));
      expect(asked).toHaveLength(12);
    } finally {
      await domain.close();
      silent.close();
    }
  });

  it('names the fix when the console port cannot be opened or the firmware label is wrong', async () => {
    const { ctx } = context();
    const domain = createSimDomain(ctx);
    try {
      const base = { tftpHost: '127.0.0.1', tftpPort: server.port, mac: '000E84C060A6', model: '7960' as const };
      await expect(domain.handlers['sim:start']({ ...base, firmware: 'SIP 8.12', consolePath: path.join(dir, 'nope') })).rejects.toMatchObject({ code: 'serial-unavailable' });
      await expect(domain.handlers['sim:start']({ ...base, firmware: 'SIP eight' })).rejects.toMatchObject({ code: 'bad-request' });
      const badHost = await Promise.resolve().then(() => domain.handlers['sim:start']({ ...base, firmware: 'SIP 8.12', tftpHost: 'no-such-host.invalid' })).catch((e: unknown) => e as PhonebenchError);
      expect((badHost as PhonebenchError).code).toBe('bad-request');
      expect(en((badHost as PhonebenchError).fix)).toContain('IPv4');
      expect(await domain.handlers['sim:list']({})).toHaveLength(0);
    } finally {
      await domain.close();
    }
  });
});
