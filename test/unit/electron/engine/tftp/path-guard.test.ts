import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectorySource, VirtualFiles } from '../../../../../electron/engine/tftp/file-source';
import { checkRequestedName, isInside, PathRefusedError } from '../../../../../electron/engine/tftp/path-guard';

describe('checkRequestedName', () => {
  it.each(['..', '../a', 'a/../../b', 'a/..', '/abs', '\\a', 'a\\b', 'C:', 'c:/x', 'D:\\x', 'a\0b', 'a\nb', '~root', 'a/b:c', '', './', '.', '//'])(
    'refuses %j',
    (name) => {
      expect(() => checkRequestedName(name)).toThrow(PathRefusedError);
    },
  );

  it.each([
    ['OS79XX.TXT', ['OS79XX.TXT']],
    ['./SEP0011223344AA.cnf.xml', ['SEP0011223344AA.cnf.xml']],
    ['sub//x.bin', ['sub', 'x.bin']],
    ['a..b', ['a..b']],
  ])('accepts %j', (name, segments) => {
    expect(checkRequestedName(name)).toEqual(segments);
  });
});

describe('isInside', () => {
  it('uses path.relative, so a sibling with the same prefix is outside', () => {
    expect(isInside('/srv/tftp', '/srv/tftp/a')).toBe(true);
    expect(isInside('/srv/tftp', '/srv/tftp')).toBe(true);
    expect(isInside('/srv/tftp', '/srv/tftp-other/a')).toBe(false);
    expect(isInside('/srv/tftp', '/srv')).toBe(false);
    expect(isInside('/srv/tftp', '/srv/tftp/..foo')).toBe(true);
  });
});

describe('DirectorySource', () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-guard-'));
    await fs.writeFile(path.join(root, 'xmlDefault.CNF.XML'), '<x/>');
    await fs.mkdir(path.join(root, 'dir'));
  });
  afterAll(async () => fs.rm(root, { recursive: true, force: true }));

  it('matches exact, then without ./, then ignoring case', async () => {
    const src = new DirectorySource(root);
    expect((await src.resolve('xmlDefault.CNF.XML'))?.match).toBe('exact');
    expect((await src.resolve('./xmlDefault.CNF.XML'))?.match).toBe('dot-slash');
    const ci = await src.resolve('xmldefault.cnf.xml');
    expect(ci?.match).toBe('case-insensitive');
    expect(ci?.name).toBe('xmlDefault.CNF.XML');
  });

  it('finds nothing for folders and missing files', async () => {
    const src = new DirectorySource(root);
    expect(await src.resolve('dir')).toBeUndefined();
    expect(await src.resolve('nope.bin')).toBeUndefined();
  });

  it('reads the file through open()', async () => {
    const f = await new DirectorySource(root).resolve('xmlDefault.CNF.XML');
    const content = await f!.open();
    expect((await content.read(0, 100)).toString()).toBe('<x/>');
    await content.close();
  });
});

describe('VirtualFiles', () => {
  it('prefers the client-specific file, then the shared one, and matches loosely', async () => {
    const v = new VirtualFiles();
    v.set('SIPDefault.cnf', 'all');
    v.set('SIPDefault.cnf', 'one', { forClient: '10.1.1.1' });
    expect((await v.resolve('SIPDefault.cnf', '10.1.1.2'))?.size).toBe(3);
    const mine = await v.resolve('./sipdefault.cnf', '10.1.1.1');
    expect(mine?.match).toBe('case-insensitive');
    expect((await (await mine!.open()).read(0, 10)).toString()).toBe('one');
    expect((await v.resolve('./SIPDefault.cnf', '10.1.1.1'))?.match).toBe('dot-slash');
    expect(v.delete('SIPDefault.cnf', { forClient: '10.1.1.1' })).toBe(true);
    expect((await (await (await v.resolve('SIPDefault.cnf', '10.1.1.1'))!.open()).read(0, 10)).toString()).toBe('all');
    expect(() => v.set('../x', 'no')).toThrow(PathRefusedError);
  });
});
