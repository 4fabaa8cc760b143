import { en } from '../../../../support/error-text';
import { describe, expect, it } from 'vitest';
import { openFailure, windowsPortName } from '../../../../../electron/engine/serial/serial-link';

describe('serial link errors and names', () => {
  it('maps OS errors to codes with a fix', () => {
    const enoent = Object.assign(new Error("Error: No such file or directory, cannot open /dev/ttyUSB9"), { code: 'ENOENT' });
    const unplugged = openFailure('/dev/ttyUSB9', enoent);
    expect(unplugged.code).toBe('serial-unavailable');
    expect(en(unplugged.fix)).toMatch(/Plug the USB serial adapter/);
    expect(en(openFailure('/dev/ttyUSB0', new Error('Error: Permission denied, cannot open /dev/ttyUSB0'), 'linux').fix)).toMatch(/dialout/);
    expect(openFailure('/dev/ttyUSB0', new Error('Error Resource temporarily unavailable Cannot lock port'))).toMatchObject({ code: 'serial-busy' });
    expect(en(openFailure('COM5', new Error('Opening COM5: Unknown error code 31'), 'win32').fix)).toMatch(/CH340/);
    expect(openFailure('/dev/x', new Error('weird'))).toMatchObject({ code: 'serial-unavailable', message: 'Could not open /dev/x: weird' });
  });

  it('names Windows ports the same with or without the device prefix', () => {
    expect(windowsPortName('\\\\.\\COM10')).toBe('COM10');
    expect(windowsPortName('\\\\?\\com4')).toBe('COM4');
    expect(windowsPortName('com3')).toBe('COM3');
  });
});
