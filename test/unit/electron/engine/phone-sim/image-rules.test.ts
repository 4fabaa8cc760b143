import { describe, expect, it } from 'vitest';
import { parseFirmwareLabel, type FirmwareVersion } from '../../../../../shared/cisco/firmware-version';
import { parseImageName } from '../../../../../shared/cisco/image-name';
import { makeSyntheticImage } from '../../../../../shared/cisco/synthetic-image';
import {
  cfgDirPrefix,
  isSipUpTo21,
  judgeImage,
  loadsFollowers,
  refusedBelowFive,
  sipIgnoresLongSccpName,
} from '../../../../../electron/engine/phone-sim/image-rules';

const v = (label: string): FirmwareVersion => {
  const parsed = parseFirmwareLabel(label);
  if (parsed === undefined) throw new Error(label);
  return parsed;
};

describe('image rules', () => {
  it('accepts an intact synthetic image under its own name', () => {
    expect(judgeImage('P0S3-8-12-00.sb2', makeSyntheticImage('P0S3-8-12-00.sb2', 900), true)).toEqual({ ok: true, synthetic: true });
  });

  it('refuses a renamed or damaged synthetic image', () => {
    expect(judgeImage('P0S3-8-12-00.sb2', makeSyntheticImage('P0S3-8-11-00.sb2', 900), false).ok).toBe(false);
    const bytes = makeSyntheticImage('P0S3-8-12-00.sb2', 900);
    bytes[500] = (bytes[500] ?? 0) ^ 1;
    expect(judgeImage('P0S3-8-12-00.sb2', bytes, false)).toMatchObject({ ok: false, detail: expect.stringContaining('damaged') });
  });

  it('refuses an unsigned .bin on a signed phone, whatever its content', () => {
    expect(judgeImage('P0S3-06-3-00.bin', makeSyntheticImage('P0S3-06-3-00.bin', 900), true).ok).toBe(false);
    expect(judgeImage('P0S3-06-3-00.BIN', Buffer.from('vendor bytes'), true).ok).toBe(false);
    expect(judgeImage('P0S3-06-3-00.bin', Buffer.from('vendor bytes'), false)).toEqual({ ok: true, synthetic: false });
  });

  it('takes the 8.3 rename of an SCCP load only when asked to (SIP 2.1 and earlier)', () => {
    const image = makeSyntheticImage('P00304020100.bin', 900);
    expect(judgeImage('P0030402.bin', image, false, true).ok).toBe(true);
    expect(judgeImage('P0030402.bin', image, false, false).ok).toBe(false);
    expect(judgeImage('P0030403.bin', image, false, true).ok).toBe(false);
  });

  it('never goes below 5.0 from a signed image', () => {
    expect(refusedBelowFive(true, v('SCCP 4.1'))).toBe(true);
    expect(refusedBelowFive(true, v('SIP 5.3'))).toBe(false);
    expect(refusedBelowFive(false, v('SIP 2.3'))).toBe(false);
  });

  it('SIP 2.1 and earlier ignore SCCP names longer than 8.3', () => {
    expect(isSipUpTo21(v('SIP 2.1'))).toBe(true);
    expect(isSipUpTo21(v('SIP 2.2'))).toBe(false);
    expect(sipIgnoresLongSccpName(v('SIP 2.1'), parseImageName('P00305000101'), 'P00305000101')).toBe(true);
    expect(sipIgnoresLongSccpName(v('SIP 2.1'), parseImageName('P0030402'), 'P0030402')).toBe(false);
    expect(sipIgnoresLongSccpName(v('SIP 2.3'), parseImageName('P00305000101'), 'P00305000101')).toBe(false);
    expect(sipIgnoresLongSccpName(v('SIP 2.1'), parseImageName('P0S3-06-3-00'), 'P0S3-06-3-00')).toBe(false);
  });

  it('infers what follows a .loads by name', () => {
    expect(loadsFollowers('P0S3-8-12-00')).toEqual({ loaderId: 'P003-8-12-00', loaderFile: 'P003-8-12-00.sbn', appFile: 'P0S3-8-12-00.sb2' });
    expect(loadsFollowers('P00308010200')).toEqual({ loaderId: 'P00308010200', loaderFile: 'P00308010200.sbn', appFile: 'P00308010200.sb2' });
  });

  it('puts tftp_cfg_dir before per-phone names', () => {
    expect(cfgDirPrefix('./')).toBe('./');
    expect(cfgDirPrefix(undefined)).toBe('');
    expect(cfgDirPrefix('phones')).toBe('phones/');
    expect(cfgDirPrefix('phones\\lab\\')).toBe('phones/lab/');
  });
});
