import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhonebenchError } from '../../../../../shared/api/result';
import { checkEntryName, isPlatformJunk, nestedArchiveFormat } from '../../../../../electron/engine/firmware/entry-name';

describe('checkEntryName', () => {
  it('keeps ordinary names and drops ./ and empty parts', () => {
    expect(checkEntryName('P0S3-8-12-00/OS79XX.TXT', 'a.zip')).toEqual(['P0S3-8-12-00', 'OS79XX.TXT']);
    expect(checkEntryName('./P0S3-8-12-00.sb2', 'a.tar')).toEqual(['P0S3-8-12-00.sb2']);
    expect(checkEntryName('./', 'a.tar', true)).toEqual([]);
  });

  it.each(['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'c:x', 'a\\b', 'a\u0000b', '', './', 'x'.repeat(300), 'a:b', 'what?.txt', 'dir./x', 'x ', 'CON', 'aux.txt', 'lpt1'])('refuses %j', (name) => {
    expect(() => checkEntryName(name, 'a.zip')).toThrow(PhonebenchError);
  });

  it('never yields a path that leaves the root, whatever the name', () => {
    const root = path.resolve('/library/staging');
    fc.assert(
      fc.property(fc.array(fc.constantFrom('..', '.', '', 'a', 'B', '/', '\\', 'c:', '%2e'), { maxLength: 8 }), (pieces) => {
        const name = pieces.join('/');
        let parts: string[];
        try {
          parts = checkEntryName(name, 't.zip');
        } catch {
          return;
        }
        const full = path.resolve(root, ...parts);
        expect(path.relative(root, full).startsWith('..')).toBe(false);
        expect(path.isAbsolute(path.relative(root, full))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('knows macOS metadata and nested archive names', () => {
    expect(isPlatformJunk(['__MACOSX', '._a'])).toBe(true);
    expect(isPlatformJunk(['.DS_Store'])).toBe(true);
    expect(isPlatformJunk(['OS79XX.TXT'])).toBe(false);
    expect(nestedArchiveFormat('P0S3-8-12-00.TAR')).toBe('tar');
    expect(nestedArchiveFormat('x.tgz')).toBe('tar.gz');
    expect(nestedArchiveFormat('x.tar.gz')).toBe('tar.gz');
    expect(nestedArchiveFormat('x.zip')).toBe('zip');
    expect(nestedArchiveFormat('P0S3-8-12-00.sb2')).toBeNull();
  });
});
