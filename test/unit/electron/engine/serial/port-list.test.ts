import { en } from '../../../../support/error-text';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPorts, type PortListDeps } from '../../../../../electron/engine/serial/port-list';

/** A fake /dev and /sys/class/tty: one FTDI adapter with a by-id alias, one ACM device, two built-in ports. */
async function fakeTree(root: string) {
  const dev = path.join(root, 'dev');
  const sys = path.join(root, 'sys', 'class', 'tty');
  const usbDevice = path.join(root, 'sys', 'devices', 'usb1', '1-1');
  await fs.mkdir(path.join(dev, 'serial', 'by-id'), { recursive: true });
  for (const name of ['ttyUSB0', 'ttyACM0', 'ttyS0', 'ttyS10', 'ttyS2', 'null', 'tty1']) await fs.writeFile(path.join(dev, name), '');
  await fs.symlink(path.join(dev, 'ttyUSB0'), path.join(dev, 'serial', 'by-id', 'usb-FTDI_FT232R_A10K3XYZ-if00-port0'));
  await fs.symlink(path.join(dev, 'gone'), path.join(dev, 'serial', 'by-id', 'usb-dangling'));
  const iface = path.join(usbDevice, '1-1:1.0', 'ttyUSB0');
  await fs.mkdir(iface, { recursive: true });
  for (const [file, value] of [['idVendor', '0403'], ['idProduct', '6001'], ['manufacturer', 'FTDI'], ['product', 'FT232R USB UART'], ['serial', 'A10K3XYZ']]) {
    await fs.writeFile(path.join(usbDevice, file as string), `${value}\n`);
  }
  await fs.mkdir(path.join(sys, 'ttyUSB0'), { recursive: true });
  await fs.symlink(iface, path.join(sys, 'ttyUSB0', 'device'));
  return { dev, sys };
}

describe('listPorts', () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-ports-'));
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  const deps = (over: Partial<PortListDeps>): PortListDeps => ({
    driverList: async () => [],
    platform: 'linux',
    devDir: path.join(root, 'dev'),
    sysTtyDir: path.join(root, 'sys', 'class', 'tty'),
    windowsComPorts: async () => [],
    ...over,
  });

  it('falls back to a scan when the driver fails (no udevadm), with USB details', async () => {
    const { dev } = await fakeTree(root);
    const list = await listPorts(deps({ driverList: () => Promise.reject(new Error('spawn udevadm ENOENT')) }));
    expect(list.source).toBe('scan');
    expect(en(list.notice)).toContain('spawn udevadm ENOENT');
    expect(list.reason).toBe('spawn udevadm ENOENT');
    expect(list.ports.map((p) => path.basename(p.path))).toEqual(['ttyACM0', 'ttyUSB0', 'ttyS0', 'ttyS2', 'ttyS10']);
    const usb = list.ports.find((p) => p.path === path.join(dev, 'ttyUSB0'));
    expect(usb).toMatchObject({
      vendorId: '0403',
      productId: '6001',
      serialNumber: 'A10K3XYZ',
      manufacturer: 'FTDI FT232R USB UART',
      byId: path.join(dev, 'serial', 'by-id', 'usb-FTDI_FT232R_A10K3XYZ-if00-port0'),
    });
    expect(en(usb?.description)).toBe('FTDI FT232R USB UART (A10K3XYZ)');
    expect(en(list.ports.find((p) => p.path.endsWith('ttyS0'))?.description)).toBe('Built-in serial port');
  });

  it('falls back when the driver throws synchronously or returns garbage', async () => {
    await fakeTree(root);
    const thrower = await listPorts(deps({ driverList: () => { throw new Error('boom'); } }));
    expect(thrower.source).toBe('scan');
    const garbage = await listPorts(deps({ driverList: async () => 'not a list' }));
    expect(garbage.source).toBe('scan');
    expect(garbage.ports.length).toBe(5);
  });

  it('uses the driver list when it works, validating each entry', async () => {
    const list = await listPorts(
      deps({
        driverList: async () => [
          { path: '/dev/ttyUSB3', manufacturer: 'Prolific', serialNumber: 'X1', vendorId: '067b', productId: '2303' },
          { path: 42 },
          null,
          { path: '/dev/ttyS0' },
        ],
      }),
    );
    expect({ ...list, ports: list.ports.map((p) => ({ ...p, description: en(p.description) })) }).toEqual({
      source: 'driver',
      ports: [
        { path: '/dev/ttyUSB3', manufacturer: 'Prolific', serialNumber: 'X1', vendorId: '067b', productId: '2303', description: 'Prolific (X1)' },
        { path: '/dev/ttyS0', description: 'Built-in serial port' },
      ],
    });
  });

  it('never throws, even with no device directory at all', async () => {
    const list = await listPorts(deps({ driverList: () => Promise.reject(new Error('x')), devDir: path.join(root, 'missing') }));
    expect(list).toMatchObject({ source: 'scan', ports: [] });
  });

  it('scans /dev/cu.* on macOS and the registry on Windows', async () => {
    await fs.mkdir(path.join(root, 'dev'));
    for (const name of ['cu.usbserial-1410', 'tty.usbserial-1410', 'cu.Bluetooth-Incoming-Port']) await fs.writeFile(path.join(root, 'dev', name), '');
    const mac = await listPorts(deps({ platform: 'darwin', driverList: () => Promise.reject(new Error('x')) }));
    expect(mac.ports.map((p) => path.basename(p.path))).toEqual(['cu.usbserial-1410', 'cu.Bluetooth-Incoming-Port']);
    const win = await listPorts(deps({ platform: 'win32', driverList: () => Promise.reject(new Error('x')), windowsComPorts: async () => ['COM3', 'COM10'] }));
    expect(win.ports.map((p) => p.path)).toEqual(['COM3', 'COM10']);
  });
});
