import { createSocket, type Socket } from 'node:dgram';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Events } from '../../../shared/api/contract';
import type { SerialDataEvent, SerialHintEvent, SessionInfo } from '../../../shared/api/serial';
import type { EngineContext } from '../../../electron/engine/context';
import { EventBus } from '../../../electron/engine/event-bus';
import { EngineLog } from '../../../electron/engine/engine-log';
import { openSimSession, type SimSession } from '../../../electron/engine/phone-sim/sim-session';
import { createSerialDomain } from '../../../electron/engine/serial/serial-domain';
import type { SettingsStore } from '../../../electron/engine/settings-store';
import { haveSocat, SocatPair, until } from './socat-pair';

/** A UDP port on 127.0.0.1 that swallows every packet: a TFTP server that never answers. */
async function silentUdp(): Promise<{ socket: Socket; port: number }> {
  const socket = createSocket('udp4');
  socket.on('message', () => {});
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  return { socket, port: socket.address().port };
}

describe.runIf(haveSocat("the console against the virtual phone's console"))("the console against the virtual phone's console", () => {
  let dir: string;
  let pair: SocatPair;
  let sim: SimSession | undefined;
  let udp: { socket: Socket; port: number };

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-sim-console-'));
    pair = new SocatPair(dir);
    await pair.start();
    udp = await silentUdp();
  });
  afterEach(async () => {
    await sim?.close();
    udp.socket.close();
    await pair.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('logs in, runs a command, and turns the phone\'s "TFTP Timeout" into a hint', async () => {
    const events = new EventBus<Events>();
    const data: SerialDataEvent[] = [];
    const hints: SerialHintEvent[] = [];
    events.listen((name, payload) => {
      if (name === 'serial:data') data.push(payload as SerialDataEvent);
      if (name === 'serial:hint') hints.push(payload as SerialHintEvent);
    });
    const ctx: EngineContext = { log: new EngineLog(path.join(dir, 'data', 'logs', 'engine.jsonl')), dataDir: path.join(dir, 'data'), host: 'cli', settings: {} as SettingsStore, events, reportService: () => {} };
    const domain = createSerialDomain(ctx);
    const text = () => Buffer.concat(data.map((d) => Buffer.from(d.data, 'base64'))).toString('latin1');
    try {
      const session = (await domain.handlers['serial:open']({
        path: pair.a,
        baud: 9600,
        dataBits: 8,
        parity: 'none',
        stopBits: 1,
        rtscts: false,
        xonxoff: false,
        autoReconnect: true,
      })) as SessionInfo;
      sim = await openSimSession(
        'sim1',
        { tftpHost: '127.0.0.1', tftpPort: udp.port, mac: '00:0E:84:C0:60:A6', model: '7960', firmware: 'SIP 8.12', flashWriteMs: 0, consolePath: pair.b },
        { tftpTimeoutMs: 50, tftpRetries: 1, maxBoots: 1 },
      );
      expect(await until(() => text().includes('Password: '))).toBe(true);
      const send = (line: string) => domain.handlers['serial:write']({ sessionId: session.id, data: `${line}\r`, encoding: 'utf8' });
      await send('cisco');
      expect(await until(() => text().includes('SIP Phone> '))).toBe(true);
      await send('show version');
      expect(await until(() => text().includes('model 7960, MAC'))).toBe(true);
      await send('reset');
      expect(await until(() => text().includes('LCD: TFTP Timeout'), 30_000)).toBe(true);
      expect(await until(() => hints.some((h) => h.hintId === 'tftp-timeout'))).toBe(true);
      await domain.handlers['serial:close']({ sessionId: session.id });
      const log = await fs.readFile(session.logFile, 'utf8');
      expect(log).toMatch(/# sent: show version\\x0d$/m);
      // The password typed at the phone's prompt stays out of the log.
      expect(log).toMatch(/# sent 6 bytes at a password prompt \(not logged\)$/m);
      expect(log).not.toContain('cisco');
      expect(log).toMatch(/Z \[sim\] LCD: TFTP Timeout/);
    } finally {
      await domain.close();
    }
  });
});
