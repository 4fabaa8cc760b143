import { describe, expect, it } from 'vitest';
import { parseFirmwareLabel, type FirmwareVersion } from '../../../../../shared/cisco/firmware-version';
import { describeFlash, flashBootEra, flashVersion, initialFlash } from '../../../../../electron/engine/phone-sim/flash-state';

function v(label: string): FirmwareVersion {
  const parsed = parseFirmwareLabel(label);
  if (parsed === undefined) throw new Error(label);
  return parsed;
}

describe('flash state', () => {
  it('an empty flash has no version and boots the OS79XX.TXT way', () => {
    expect(flashVersion(initialFlash(undefined))).toBeUndefined();
    expect(flashBootEra(initialFlash(undefined))).toBe('os79xx');
  });

  it("the application's version decides the era when flash holds no loader", () => {
    const old = initialFlash(v('SCCP 3.1'));
    expect(old.loader).toBeUndefined();
    expect(flashVersion(old)).toMatchObject({ protocol: 'SCCP', major: 3, minor: 1 });
    expect(flashBootEra(old)).toBe('os79xx');
    const sip = initialFlash(v('SIP 8.12'));
    expect(sip.loader).toBeDefined();
    expect(flashBootEra(sip)).toBe('loader');
  });

  it('a loader in flash means the config hunt, whatever the application', () => {
    const loaderOnly = describeFlash('P00303010200', 'P003-8-12-00');
    expect(flashBootEra(describeFlash(undefined, 'P003-8-12-00'))).toBe('loader');
    expect(flashBootEra(loaderOnly)).toBe('loader');
    expect(flashVersion(loaderOnly)).toMatchObject({ protocol: 'SCCP', major: 3 });
  });

  it('an application id that is no image name has no version', () => {
    expect(flashVersion(describeFlash('not-an-image', undefined))).toBeUndefined();
    expect(flashBootEra(describeFlash('not-an-image', undefined))).toBe('os79xx');
  });
});
