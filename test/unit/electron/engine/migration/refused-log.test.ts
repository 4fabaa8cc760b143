import { describe, expect, it } from 'vitest';
import { RefusedLog } from '../../../../../electron/engine/migration/refused-log';

describe('RefusedLog', () => {
  it('counts repeats on one line and says only the first is new', () => {
    const log = new RefusedLog(() => new Date(0));
    expect(log.tftp('127.0.0.2', 'a.bin', 'another address')).toBe(true);
    expect(log.tftp('127.0.0.2', 'a.bin', 'another address')).toBe(false);
    expect(log.dhcp('00AABBCCDDEE', 'DISCOVER')).toBe(true);
    expect(log.dhcp('00AABBCCDDEE', 'REQUEST')).toBe(false);
    expect(log.list()).toEqual([
      { at: '1970-01-01T00:00:00.000Z', client: '127.0.0.2', file: 'a.bin', reason: 'another address', count: 2 },
      { at: '1970-01-01T00:00:00.000Z', client: '00AABBCCDDEE', file: 'DHCP DISCOVER', reason: 'another MAC', count: 2 },
    ]);
  });

  it('past 1000 distinct TFTP refusals, one overflow line counts the rest', () => {
    const log = new RefusedLog(() => new Date(0));
    for (let i = 0; i < 1000; i++) log.tftp('127.0.0.2', `f${i}`, 'another address');
    expect(log.tftp('127.0.0.2', 'one-more', 'another address')).toBe(false);
    expect(log.tftp('127.0.0.2', 'and-another', 'another address')).toBe(false);
    expect(log.tftp('127.0.0.2', 'f0', 'another address')).toBe(false);
    const list = log.list();
    expect(list).toHaveLength(1001);
    expect(list.at(-1)).toMatchObject({ client: '*', file: '*', count: 2 });
    expect(list[0]?.count).toBe(2);
  });
});
