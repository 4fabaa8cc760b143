import { promises as fs } from 'node:fs';
import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { LineSettings } from '../../../shared/api/serial';
import { logSwallowed } from '../engine-log';

/** The part of a serialport SerialPort a session uses; tests may hand in their own. */
export interface SerialLink {
  readonly isOpen: boolean;
  on(event: 'data', listener: (bytes: Buffer) => void): unknown;
  on(event: 'close', listener: (error?: Error | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
  write(bytes: Buffer, callback: (error?: Error | null) => void): unknown;
  drain(callback: (error?: Error | null) => void): unknown;
  set(flags: { brk?: boolean; dtr?: boolean; rts?: boolean }, callback: (error?: Error | null) => void): unknown;
  close(callback: (error?: Error | null) => void): unknown;
}

export type LinkOpener = (path: string, settings: LineSettings) => Promise<SerialLink>;

function errnoOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const message = error instanceof Error ? error.message : String(error);
  return /Cannot lock port|Resource temporarily unavailable|EBUSY/i.test(message)
    ? 'EBUSY'
    : /ENOENT|No such file|File not found|cannot find the file/i.test(message)
      ? 'ENOENT'
      : /EACCES|Permission denied|Access denied/i.test(message)
        ? 'EACCES'
        : /Unknown error code 31/i.test(message)
          ? 'WIN31'
          : 'OTHER';
}

/** Turns an OS error from opening a port into one a technician can act on. */
export function openFailure(path: string, error: unknown, platform: NodeJS.Platform = process.platform): PhonebenchError {
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  switch (errnoOf(error)) {
    case 'ENOENT':
      return new PhonebenchError('serial-unavailable', msg('serial.noPort', { path }), msg('serial.noPort.fix'));
    case 'EACCES':
      return new PhonebenchError(
        'serial-unavailable',
        msg('serial.noPermission', { path }),
        platform === 'linux' ? msg('serial.noPermission.fix.linux') : msg('serial.noPermission.fix'),
      );
    case 'EBUSY':
      return new PhonebenchError('serial-busy', msg('serial.portBusy', { path }), msg('serial.portBusy.fix'));
    case 'WIN31':
      return new PhonebenchError('serial-unavailable', msg('serial.win31', { path }), msg('serial.win31.fix'));
    default:
      return new PhonebenchError('serial-unavailable', msg('serial.openFailed', { path, reason }), msg('serial.openFailed.fix'));
  }
}

/** Opens a real port with the serialport driver. */
export const openSerialLink: LinkOpener = async (path, settings) => {
  const { SerialPort } = await import('serialport');
  let port: InstanceType<typeof SerialPort>;
  try {
    port = new SerialPort({
      path,
      baudRate: settings.baud,
      dataBits: settings.dataBits,
      parity: settings.parity,
      stopBits: settings.stopBits,
      rtscts: settings.rtscts,
      xon: settings.xonxoff,
      xoff: settings.xonxoff,
      autoOpen: false,
      // Reads of up to 64 KB keep up with 115200 baud easily.
      highWaterMark: 64 * 1024,
    });
  } catch (error) {
    throw openFailure(path, error);
  }
  // Never let an 'error' without a listener crash the engine; the session adds its own, the log keeps the rest.
  port.on('error', (error: Error) => logSwallowed('serial', 'port error', error, { path }));
  await new Promise<void>((resolve, reject) => {
    port.open((error) => (error ? reject(openFailure(path, error)) : resolve()));
  });
  return port as unknown as SerialLink;
};

/** `\\.\COM10` and `com10` name the same Windows port. */
export function windowsPortName(path: string): string {
  return path.replace(/^\\\\[.?]\\/, '').toUpperCase();
}

/** One name per device: the by-id alias and /dev/ttyUSB0 are the same port. */
export async function deviceKey(path: string, platform: NodeJS.Platform = process.platform): Promise<string> {
  if (platform === 'win32') return windowsPortName(path);
  try {
    return await fs.realpath(path);
  } catch {
    return path;
  }
}

/** Whether the device is still there; where close never fires on unplug, this is how we notice. */
export async function portPresent(path: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (platform === 'win32') {
    const { listPorts } = await import('./port-list');
    const list = await listPorts();
    // An empty list is more likely a failed listing than every port gone: do not call that an unplug.
    if (list.ports.length === 0) return true;
    const name = windowsPortName(path);
    return list.ports.some((port) => windowsPortName(port.path) === name);
  }
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
}
