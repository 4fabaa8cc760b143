import { describe, expect, it } from 'vitest';
import { FileProgressBook } from '../../../../../electron/engine/migration/file-progress';

describe('FileProgressBook', () => {
  it('tracks per hop, finds the tracked spelling, and only updates tracked files when asked to', () => {
    const book = new FileProgressBook(() => new Date(0), 0);
    book.track('P0S3-8-12-00.sb2', 0);
    book.track('p0s3-8-12-00.SB2', 0);
    expect(book.nameOf('./P0S3-8-12-00.SB2', 0)).toBe('P0S3-8-12-00.sb2');
    expect(book.nameOf('./P0S3-8-12-00.SB2', 1)).toBe('P0S3-8-12-00.SB2');
    expect(book.update('missing.txt', 0, { state: 'not-found' }, false, true)).toBe(false);
    expect(book.update('P0S3-8-12-00.SB2', 0, { state: 'served', bytes: 9, total: 9 })).toBe(true);
    expect(book.list()).toEqual([{ name: 'P0S3-8-12-00.sb2', hop: 0, state: 'served', bytes: 9, total: 9 }]);
  });

  it('throttles progress-only changes and never lets late progress undo served', () => {
    let t = 1000;
    const book = new FileProgressBook(() => new Date(t), 200);
    expect(book.update('a.bin', 0, { state: 'sending', bytes: 1 }, true)).toBe(true);
    t += 100;
    expect(book.update('a.bin', 0, { state: 'sending', bytes: 2 }, true)).toBe(false);
    expect(book.list()[0]?.bytes).toBe(2);
    t += 100;
    expect(book.update('a.bin', 0, { state: 'sending', bytes: 3 }, true)).toBe(true);
    expect(book.update('a.bin', 0, { state: 'served', bytes: 4 })).toBe(true);
    t += 1000;
    expect(book.update('a.bin', 0, { state: 'sending', bytes: 1 }, true)).toBe(false);
    expect(book.list()[0]).toMatchObject({ state: 'served', bytes: 4 });
  });
});
