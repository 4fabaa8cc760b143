import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIPv4 } from 'node:net';
import type { Duplex } from 'node:stream';
import { SerialPort } from 'serialport';
import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { SimInfo, SimStartParams } from '../../../shared/api/sim';
import { maskSecretValues } from '../../../shared/cisco/config/mask-secrets';
import { parseFirmwareLabel, type FirmwareVersion } from '../../../shared/cisco/firmware-version';
import { normalizeMac, type PhoneModel } from '../../../shared/cisco/phone-files';
import { logSwallowed } from '../engine-log';
import { SimConsole } from './sim-console';
import { tftpGet } from './tftp-client';
import { VirtualPhone, type FileFetcher } from './virtual-phone';

/** One virtual phone with its TFTP client and, when asked for, its console: what sim:start and the CLI run. */

export interface SimTuning {
  /** Per-packet wait of the phone's TFTP client. */
  tftpTimeoutMs?: number;
  tftpRetries?: number;
  /** Options the phone's TFTP client asks for (the demo asks for 1468-byte blocks and tsize). */
  tftpBlksize?: number;
  tftpTsize?: boolean;
  sipDefaultLimitBytes?: number;
  maxBoots?: number;
  /** A console stream given directly (tests); consolePath opens a serial device instead. */
  consoleStream?: Duplex;
}

export interface SimSession {
  phone: VirtualPhone;
  consolePath?: string;
  info(): SimInfo;
  /** Stops the phone and closes its console. Idempotent. */
  close(): Promise<void>;
}

/** 'none' or 'empty' powers on with an empty flash. */
export function firmwareFromLabel(label: string): FirmwareVersion | undefined {
  if (/^(none|empty)$/i.test(label.trim())) return undefined;
  const v = parseFirmwareLabel(label);
  if (v === undefined) {
    throw new PhonebenchError('bad-request', msg('sim.badLabel', { label: label.slice(0, 40) }), msg('sim.badLabel.fix'));
  }
  return v;
}

export function tftpFetcher(host: string, port: number, tuning: SimTuning): FileFetcher {
  return async (fileName, signal, quirks) => {
    const r = await tftpGet({
      host,
      port,
      fileName,
      timeoutMs: tuning.tftpTimeoutMs ?? 2000,
      retries: tuning.tftpRetries ?? 3,
      ...(tuning.tftpBlksize !== undefined ? { blksize: tuning.tftpBlksize } : {}),
      ...(tuning.tftpTsize !== undefined ? { tsize: tuning.tftpTsize } : {}),
      signal,
      ...quirks,
    });
    return r.result === 'ok' ? { result: 'ok', data: r.data } : { result: r.result, message: r.message };
  };
}

export async function openSimSession(id: string, params: SimStartParams, tuning: SimTuning = {}): Promise<SimSession> {
  const mac = normalizeMac(params.mac);
  if (mac === undefined) throw new PhonebenchError('bad-request', msg('sim.badMac', { mac: params.mac }), msg('sim.badMac.fix'));
  const host = await resolveHost(params.tftpHost);
  const spec: VirtualPhoneSpec = {
    id,
    mac,
    model: params.model,
    firmware: firmwareFromLabel(params.firmware),
    host,
    port: params.tftpPort,
    tftpServer: params.tftpHost,
    ip: await localAddressToward(host, params.tftpPort),
    flashWriteMs: params.flashWriteMs,
    stateErrorOldSccpToSip34: params.simulateStateError === true,
    oddCaseXmlDefault: params.oddCaseXmlDefault === true,
  };
  if (params.consolePath !== undefined) spec.consolePath = params.consolePath;
  return startVirtualPhone(spec, tuning);
}

/** A virtual phone already decoded: MAC normalised, firmware parsed, server an IPv4 address. */
export interface VirtualPhoneSpec {
  id: string;
  mac: string;
  model: PhoneModel;
  firmware: FirmwareVersion | undefined;
  /** The TFTP server's IPv4 address and port. */
  host: string;
  port: number;
  /** What the phone's settings show as its TFTP server (defaults to host). */
  tftpServer?: string;
  ip?: string;
  flashWriteMs?: number;
  stateErrorOldSccpToSip34?: boolean;
  oddCaseXmlDefault?: boolean;
  /** A serial device for the console (e.g. one end of a socat PTY pair); tuning.consoleStream wins over it. */
  consolePath?: string;
}

/**
 * The one way to build a virtual phone with its TFTP client and optional console (sim:start, the CLI and the
 * migration demo all come here). The phone is not booted: the caller boots it once it listens to its events.
 */
export async function startVirtualPhone(spec: VirtualPhoneSpec, tuning: SimTuning = {}): Promise<SimSession> {
  const phone = new VirtualPhone({
    id: spec.id,
    mac: spec.mac,
    model: spec.model,
    firmware: spec.firmware,
    fetch: tftpFetcher(spec.host, spec.port, tuning),
    tftpServer: spec.tftpServer ?? spec.host,
    ...(spec.ip !== undefined ? { ip: spec.ip } : {}),
    ...(spec.flashWriteMs !== undefined ? { flashWriteMs: spec.flashWriteMs } : {}),
    sipDefaultLimitBytes: tuning.sipDefaultLimitBytes,
    maxBoots: tuning.maxBoots,
    stateErrorOldSccpToSip34: spec.stateErrorOldSccpToSip34 === true,
    oddCaseXmlDefault: spec.oddCaseXmlDefault === true,
  });
  let serial: SerialPort | undefined;
  let stream = tuning.consoleStream;
  if (stream === undefined && spec.consolePath !== undefined) {
    serial = await openSerial(spec.consolePath);
    stream = serial;
  }
  const simConsole = stream === undefined ? undefined : new SimConsole(phone, stream);
  let closed = false;
  const session: SimSession = {
    phone,
    info: () => infoOf(phone, spec.consolePath),
    async close() {
      if (closed) return;
      closed = true;
      phone.stop();
      simConsole?.close();
      if (serial?.isOpen) await new Promise<void>((resolve) => serial?.close(() => resolve()));
    },
  };
  if (spec.consolePath !== undefined) session.consolePath = spec.consolePath;
  return session;
}

function openSerial(path: string): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
    port.open((error) => {
      if (error) {
        reject(new PhonebenchError('serial-unavailable', msg('sim.consoleOpenFailed', { path, reason: error.message }), msg('sim.consoleOpenFailed.fix')));
      } else {
        // A line still queued when the phone closes its console, or a device that vanished, fails its write (EBADF,
        // EIO); without a listener that error would end the process. The phone carries on without its console.
        port.on('error', (failure) => logSwallowed('sim', 'console write', failure, { path }));
        resolve(port);
      }
    });
  });
}

/** The server's IPv4 address; a name that does not resolve is refused at start, not discovered per file. */
async function resolveHost(host: string): Promise<string> {
  if (isIPv4(host)) return host;
  try {
    return (await lookup(host, { family: 4 })).address;
  } catch {
    throw new PhonebenchError('bad-request', msg('sim.unknownHost', { host: host.slice(0, 64) }), msg('sim.unknownHost.fix'));
  }
}

/** The local address the phone's packets leave from (connecting a UDP socket sends nothing). */
async function localAddressToward(host: string, port: number): Promise<string> {
  const socket = createSocket('udp4');
  try {
    const address = await new Promise<string>((resolve) => {
      socket.once('error', () => resolve('unknown'));
      socket.connect(port, host, () => resolve(socket.address().address));
    });
    return address === '0.0.0.0' ? 'unknown' : address;
  } finally {
    socket.close();
  }
}

export function infoOf(phone: VirtualPhone, consolePath?: string): SimInfo {
  const info: SimInfo = {
    id: phone.id,
    mac: phone.mac,
    model: phone.model,
    state: phone.state,
    flash: { ...phone.flash },
    reboots: phone.reboots,
    settings: { ...phone.settings },
    config: maskSecretValues(phone.config),
  };
  if (phone.outcome !== undefined) info.outcome = phone.outcome;
  if (consolePath !== undefined) info.consolePath = consolePath;
  return info;
}
