import { describe, expect, it } from 'vitest';
import { negotiate } from '../../../../../electron/engine/tftp/options';

const limits = { maxBlksize: 1468, maxWindowsize: 16, defaultTimeoutSeconds: 3 };

describe('negotiate', () => {
  it('answers nothing when nothing is asked: RFC 1350 defaults', () => {
    expect(negotiate({}, limits, 'read', 100)).toEqual({ blksize: 512, windowsize: 1, timeoutSeconds: 3, acknowledged: {} });
  });

  it.each([
    ['65536', '1468'],
    ['65464', '1468'],
    ['1468', '1468'],
    ['8', '8'],
  ])('blksize %s is answered with %s', (asked, answered) => {
    expect(negotiate({ blksize: asked }, limits, 'read', 1).acknowledged['blksize']).toBe(answered);
  });

  it.each(['7', '0', '-1', 'abc', '', '1e3', ' 512', '99999999999'])('leaves out blksize %j', (asked) => {
    const n = negotiate({ blksize: asked }, limits, 'read', 1);
    expect(n.acknowledged).toEqual({});
    expect(n.blksize).toBe(512);
  });

  it('caps blksize at 65464 even when the setting is higher', () => {
    expect(negotiate({ blksize: '70000' }, { ...limits, maxBlksize: 100000 }, 'read', 1).blksize).toBe(65464);
  });

  it('reports the real size for tsize on reads and echoes it on writes', () => {
    expect(negotiate({ tsize: '0' }, limits, 'read', 123456).acknowledged).toEqual({ tsize: '123456' });
    expect(negotiate({ tsize: '777' }, limits, 'write', undefined).acknowledged).toEqual({ tsize: '777' });
  });

  it('accepts timeout 1..255 only', () => {
    expect(negotiate({ timeout: '1' }, limits, 'read', 1).timeoutSeconds).toBe(1);
    expect(negotiate({ timeout: '255' }, limits, 'read', 1).acknowledged).toEqual({ timeout: '255' });
    expect(negotiate({ timeout: '256' }, limits, 'read', 1).acknowledged).toEqual({});
    expect(negotiate({ timeout: '0' }, limits, 'read', 1).acknowledged).toEqual({});
  });

  it("leaves a timeout above the server's cap out of the OACK and keeps its own (RFC 2349 allows no lowering)", () => {
    const capped = { ...limits, maxClientTimeoutSeconds: 10 };
    expect(negotiate({ timeout: '10' }, capped, 'read', 1).acknowledged).toEqual({ timeout: '10' });
    const refused = negotiate({ timeout: '255' }, capped, 'read', 1);
    expect(refused.acknowledged).toEqual({});
    expect(refused.timeoutSeconds).toBe(limits.defaultTimeoutSeconds);
  });

  it('caps windowsize, refuses 0, and offers none for writes', () => {
    expect(negotiate({ windowsize: '64' }, limits, 'read', 1).acknowledged).toEqual({ windowsize: '16' });
    expect(negotiate({ windowsize: '0' }, limits, 'read', 1).acknowledged).toEqual({});
    expect(negotiate({ windowsize: '8' }, limits, 'write', undefined).acknowledged).toEqual({});
  });

  it('ignores unknown options', () => {
    expect(negotiate({ multicast: '', rollover: '0', utimeout: '1000' }, limits, 'read', 1).acknowledged).toEqual({});
  });
});
