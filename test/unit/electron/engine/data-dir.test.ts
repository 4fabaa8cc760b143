import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../../electron/engine/data-dir';

describe('defaultDataDir', () => {
  it('prefers PHONEBENCH_DATA_DIR', () => {
    expect(defaultDataDir({ PHONEBENCH_DATA_DIR: '/srv/pb' }, 'linux')).toBe(path.resolve('/srv/pb'));
  });
  it('follows XDG on Linux', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x/data' }, 'linux')).toBe(path.join('/x/data', 'phonebench'));
  });
  it('uses APPDATA on Windows and Application Support on macOS', () => {
    expect(defaultDataDir({ APPDATA: 'C:/Users/t/AppData/Roaming' }, 'win32')).toContain('Phonebench');
    expect(defaultDataDir({}, 'darwin')).toContain(path.join('Library', 'Application Support', 'Phonebench'));
  });
});
