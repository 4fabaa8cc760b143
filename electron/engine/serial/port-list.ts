import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PortInfo, PortList } from '../../../shared/api/serial';
import { msg, type Message } from '../../../shared/i18n/message';

/** What the serialport driver's list() returns, as far as we use it. Untrusted: every field optional. */
export interface DriverPort {
  path?: unknown;
  manufacturer?: unknown;
  serialNumber?: unknown;
  vendorId?: unknown;
  productId?: unknown;
  pnpId?: unknown;
  friendlyName?: unknown;
}

export type DriverLister = () => Promise<unknown>;

export interface PortListDeps {
  /** The driver's list; on Linux it spawns udevadm and fails where udev is absent. */
  driverList: DriverLister;
  platform: NodeJS.Platform;
  /** Roots for the file-system scan; tests point them at a fake tree. */
  devDir: string;
  sysTtyDir: string;
  /** Windows fallback: reads the SERIALCOMM registry key. */
  windowsComPorts: () => Promise<string[]>;
}

export async function defaultDriverList(): Promise<unknown> {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
}

export function defaultPortListDeps(): PortListDeps {
  return {
    driverList: defaultDriverList,
    platform: process.platform,
    devDir: '/dev',
    sysTtyDir: '/sys/class/tty',
    windowsComPorts: readWindowsComPorts,
  };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' && value.length < 512 ? value.trim() : undefined;

function describe(port: Omit<PortInfo, 'description'>, fallback: Message): Message {
  const maker = port.manufacturer ?? fallback;
  if (port.serialNumber) return msg('serial.port.withSerial', { maker, serial: port.serialNumber });
  return typeof maker === 'string' ? msg('serial.port.named', { name: maker }) : maker;
}

function fromDriver(raw: unknown): PortInfo[] {
  if (!Array.isArray(raw)) throw new Error('driver list did not return an array');
  const ports: PortInfo[] = [];
  for (const entry of raw.slice(0, 1024) as DriverPort[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const portPath = text(entry.path);
    if (!portPath) continue;
    const base: Omit<PortInfo, 'description'> = { path: portPath };
    const manufacturer = text(entry.manufacturer);
    const serialNumber = text(entry.serialNumber);
    const vendorId = text(entry.vendorId);
    const productId = text(entry.productId);
    if (manufacturer) base.manufacturer = manufacturer;
    if (serialNumber) base.serialNumber = serialNumber;
    if (vendorId) base.vendorId = vendorId;
    if (productId) base.productId = productId;
    const friendly = text(entry.friendlyName);
    ports.push({ ...base, description: friendly ? msg('serial.port.named', { name: friendly }) : describe(base, kindOf(portPath)) });
  }
  return ports;
}

function kindOf(portPath: string): Message {
  const name = path.basename(portPath);
  if (/^ttyUSB\d+$/.test(name)) return msg('serial.kind.usb');
  if (/^ttyACM\d+$/.test(name)) return msg('serial.kind.acm');
  if (/^ttyS\d+$/.test(name)) return msg('serial.kind.builtIn');
  if (/^cu\./.test(name)) return msg('serial.kind.device');
  if (/^COM\d+$/i.test(name)) return msg('serial.kind.com');
  return msg('serial.kind.other');
}

async function readdirSafe(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch {
    return [];
  }
}

async function readSmall(file: string): Promise<string | undefined> {
  try {
    const handle = await fs.open(file, 'r');
    try {
      const buf = Buffer.alloc(256);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      return text(buf.subarray(0, bytesRead).toString('utf8'));
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/** USB descriptors from sysfs: walk up from the tty's device to the USB device that has them. */
async function usbDetails(sysTtyDir: string, name: string): Promise<Partial<PortInfo>> {
  let dir: string;
  try {
    dir = await fs.realpath(path.join(sysTtyDir, name, 'device'));
  } catch {
    return {};
  }
  for (let depth = 0; depth < 5; depth++) {
    const vendorId = await readSmall(path.join(dir, 'idVendor'));
    if (vendorId) {
      const details: Partial<PortInfo> = { vendorId };
      const productId = await readSmall(path.join(dir, 'idProduct'));
      const manufacturer = await readSmall(path.join(dir, 'manufacturer'));
      const product = await readSmall(path.join(dir, 'product'));
      const serialNumber = await readSmall(path.join(dir, 'serial'));
      if (productId) details.productId = productId;
      if (manufacturer || product) details.manufacturer = [manufacturer, product].filter(Boolean).join(' ');
      if (serialNumber) details.serialNumber = serialNumber;
      return details;
    }
    dir = path.dirname(dir);
  }
  return {};
}

const SCAN_PATTERN = /^(ttyUSB\d+|ttyACM\d+|ttyS\d+)$/;

async function scanLinux(deps: PortListDeps): Promise<PortInfo[]> {
  const byIdDir = path.join(deps.devDir, 'serial', 'by-id');
  const aliases = new Map<string, string>();
  for (const alias of (await readdirSafe(byIdDir)).slice(0, 256)) {
    try {
      aliases.set(await fs.realpath(path.join(byIdDir, alias)), path.join(byIdDir, alias));
    } catch {
      // A dangling link: the adapter went away while we looked.
    }
  }
  const names = (await readdirSafe(deps.devDir)).filter((name) => SCAN_PATTERN.test(name));
  const ports: PortInfo[] = [];
  for (const name of names.slice(0, 256)) {
    const portPath = path.join(deps.devDir, name);
    const details = await usbDetails(deps.sysTtyDir, name);
    const base: Omit<PortInfo, 'description'> = { path: portPath, ...details };
    let byId = aliases.get(portPath);
    if (!byId) {
      try {
        byId = aliases.get(await fs.realpath(portPath));
      } catch {
        byId = undefined;
      }
    }
    if (byId) base.byId = byId;
    ports.push({ ...base, description: describe(base, kindOf(portPath)) });
  }
  return ports;
}

async function scanMac(deps: PortListDeps): Promise<PortInfo[]> {
  const names = (await readdirSafe(deps.devDir)).filter((name) => name.startsWith('cu.'));
  return names.slice(0, 256).map((name) => {
    const portPath = path.join(deps.devDir, name);
    return { path: portPath, description: msg('serial.port.macDevice', { kind: kindOf(portPath), name: name.slice(3) }) };
  });
}

export function readWindowsComPorts(): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(
      'reg',
      ['query', 'HKLM\\HARDWARE\\DEVICEMAP\\SERIALCOMM'],
      { timeout: 3000, windowsHide: true, maxBuffer: 64 * 1024 },
      (error, stdout) => {
        if (error) return resolve([]);
        resolve([...String(stdout).matchAll(/REG_SZ\s+(COM\d+)/gi)].map((m) => (m[1] ?? '').toUpperCase()));
      },
    );
  });
}

/** USB adapters first, then built-in ports, each in natural order. */
function sortPorts(ports: PortInfo[]): PortInfo[] {
  const rank = (p: PortInfo) => (p.vendorId || /USB|ACM|cu\.usb/i.test(p.path) ? 0 : 1);
  return [...ports].sort(
    (a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path, 'en', { numeric: true }),
  );
}

/** Lists serial ports; never throws. Falls back to scanning the file system when the driver fails. */
export async function listPorts(deps: PortListDeps = defaultPortListDeps()): Promise<PortList> {
  let notice: Message;
  let driverReason: string | undefined;
  try {
    const ports = fromDriver(await deps.driverList());
    if (ports.length > 0 || deps.platform === 'win32') return { ports: sortPorts(ports), source: 'driver' };
    notice = msg('serial.scan.noPorts');
  } catch (error) {
    driverReason = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    notice = msg('serial.scan.driverFailed', { reason: driverReason });
  }
  const why = driverReason === undefined ? {} : { reason: driverReason };
  try {
    let ports: PortInfo[];
    switch (deps.platform) {
      case 'win32':
        ports = (await deps.windowsComPorts()).map((com) => ({ path: com, description: kindOf(com) }));
        break;
      case 'darwin':
        ports = await scanMac(deps);
        break;
      default:
        ports = await scanLinux(deps);
    }
    return { ports: sortPorts(ports), source: 'scan', notice, ...why };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ports: [], source: 'scan', notice: msg('serial.scan.failedToo', { notice, reason: reason.slice(0, 200) }), ...why };
  }
}
