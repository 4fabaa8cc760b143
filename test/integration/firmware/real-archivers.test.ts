import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhonebenchError } from '../../../shared/api/result';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { buildBundleFixtures, type BuiltFixture } from '../../fixtures/firmware-fixtures';
import { requireTool } from '../../support/require-tool';

/** Archives made by Info-ZIP zip and GNU tar (the tools Cisco's own downloads come from), imported by us. */

const HAVE_ZIP = requireTool(['zip', 'unzip'], 'archives made by Info-ZIP');
const HAVE_TAR = requireTool('tar', 'archives made by GNU tar');

let work: string;
let bundles: Record<string, BuiltFixture>;
let looseDir: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-peers-'));
  bundles = await buildBundleFixtures(path.join(work, 'bundles'));
  looseDir = path.join(work, 'P0S3-8-12-00');
  await fs.mkdir(looseDir);
  for (const [name, data] of bundles.sip812!.files) await fs.writeFile(path.join(looseDir, name), data);
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

async function expectSip812(file: string): Promise<void> {
  const library = new FirmwareLibrary(await fs.mkdtemp(path.join(work, 'lib-')));
  const manifest = await library.import(file);
  expect(manifest.recognition).toMatchObject({ kind: 'sip-loader-package', versionLabel: 'SIP 8.12', complete: true });
  const expected = bundles.sip812!.files;
  expect(manifest.files.map((f) => f.name).sort()).toEqual([...expected.keys()].sort());
  for (const f of manifest.files) expect(f.sha256).toBe(sha(expected.get(f.name)!));
}

async function expectRefused(file: string, says: RegExp): Promise<void> {
  const library = new FirmwareLibrary(await fs.mkdtemp(path.join(work, 'lib-')));
  const error = await library.import(file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PhonebenchError);
  expect((error as PhonebenchError).code).toBe('archive-refused');
  expect((error as PhonebenchError).message).toMatch(says);
  expect((await fs.readdir(library.root)).filter((n) => n !== '.staging')).toEqual([]);
}

describe.runIf(HAVE_ZIP)('Info-ZIP', () => {
  it('agrees our fixture zips are sound (unzip -t)', () => {
    for (const key of ['sip812', 'sip74', 'sccp812', 'sccp501', 'mgcp']) {
      const out = execFileSync('unzip', ['-t', bundles[key]!.file], { encoding: 'utf8' });
      expect(out).toContain('No errors detected');
    }
  });

  it('imports a zip made by zip -r, deflated, with a folder inside', async () => {
    const file = path.join(work, 'by-info-zip.zip');
    execFileSync('zip', ['-q', '-r', '-9', file, 'P0S3-8-12-00'], { cwd: work });
    await expectSip812(file);
  });

  it('imports a zip of a tar made by the tools (SIP 8.12 as shipped)', async () => {
    const tarFile = path.join(work, 'P0S3-8-12-00.tar');
    execFileSync('tar', ['-cf', tarFile, '-C', looseDir, '.']);
    const file = path.join(work, 'zip-of-tar.zip');
    execFileSync('zip', ['-q', '-j', file, tarFile]);
    await expectSip812(file);
  });

  it('refuses a symlink stored by zip -y', async () => {
    const dir = path.join(work, 'with-link');
    await fs.mkdir(dir);
    await fs.symlink('/etc/passwd', path.join(dir, 'passwd'));
    const file = path.join(work, 'symlink-by-zip.zip');
    execFileSync('zip', ['-q', '-r', '-y', file, 'with-link'], { cwd: work });
    await expectRefused(file, /link/);
  });

  it('refuses an archive encrypted by zip -P', async () => {
    const file = path.join(work, 'encrypted-by-zip.zip');
    execFileSync('zip', ['-q', '-r', '-P', 'secret', file, 'P0S3-8-12-00'], { cwd: work });
    await expectRefused(file, /encrypted/);
  });
});

describe.runIf(HAVE_TAR)('GNU tar', () => {
  it('imports tar and tar.gz made by GNU tar', async () => {
    const plain = path.join(work, 'gnu.tar');
    execFileSync('tar', ['-cf', plain, '-C', work, 'P0S3-8-12-00']);
    await expectSip812(plain);
    const gz = path.join(work, 'gnu.tgz');
    execFileSync('tar', ['-czf', gz, '-C', work, 'P0S3-8-12-00']);
    await expectSip812(gz);
  });

  it('refuses a symlink and a ../ path written by GNU tar', async () => {
    const dir = path.join(work, 'tar-link');
    await fs.mkdir(dir);
    await fs.symlink('/etc/passwd', path.join(dir, 'passwd'));
    const linkTar = path.join(work, 'link.tar');
    execFileSync('tar', ['-cf', linkTar, '-C', work, 'tar-link']);
    await expectRefused(linkTar, /link/);
    const slipTar = path.join(work, 'slip.tar');
    execFileSync('tar', ['-cf', slipTar, '-C', looseDir, '-P', '../P0S3-8-12-00/OS79XX.TXT']);
    await expectRefused(slipTar, /\.\./);
  });
});
