import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../../../shared/api/migrate';
import { msg } from '../../../../../shared/i18n/message';
import { flashWrite, formatElapsed, measuredWrites, median, quietAfterMs } from '../../../../../renderer/src/components/migrate/durations';

let seq = 0;
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
const e = (s: number, kind: TimelineEntry['kind'], file?: string): TimelineEntry => ({ seq: seq++, at: at(s), kind, message: msg('web.connectionLost'), ...(file ? { file } : {}) });

describe('flash write durations measured from the run', () => {
  it('times the last image of a batch to the next request for something else, not the fetches between images', () => {
    const timeline = [
      e(0, 'request', 'SEP000E84C060A6.cnf.xml'),
      e(1, 'served', 'SEP000E84C060A6.cnf.xml'),
      e(1, 'request', 'P0S3-8-12-00.loads'),
      e(2, 'served', 'P0S3-8-12-00.loads'),
      e(2, 'request', 'P003-8-12-00.bin'),
      e(3, 'served', 'P003-8-12-00.bin'),
      e(3, 'request', 'P0S3-8-12-00.sb2'),
      e(5, 'served', 'P0S3-8-12-00.sb2'),
      e(20, 'console', undefined),
      e(30, 'refused', 'SEP000E84C060A7.cnf.xml'),
      e(75, 'request', 'SIPDefault.cnf'),
    ];
    expect(measuredWrites(timeline).map((w) => w.ms)).toEqual([70_000]);
    // Before the phone came back it was writing the last image, whatever else happened meanwhile.
    expect(flashWrite(timeline.slice(0, -1))).toEqual({ at: at(5), file: 'P0S3-8-12-00.sb2' });
    expect(flashWrite(timeline)).toBeUndefined();
    expect(flashWrite(timeline.slice(0, 7))).toBeUndefined();
    // A .loads list names the images and is not written to flash.
    expect(flashWrite(timeline.slice(0, 4))).toBeUndefined();
  });

  it('has no estimate with nothing measured, and calls quiet twice the longest plus ten seconds', () => {
    expect(median([])).toBeUndefined();
    expect(quietAfterMs([])).toBeUndefined();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(quietAfterMs([60_000, 80_000])).toBe(170_000);
    expect(formatElapsed(7_900)).toBe('0:07');
    expect(formatElapsed(125_000)).toBe('2:05');
  });
});
