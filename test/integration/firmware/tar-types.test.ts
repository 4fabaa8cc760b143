import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhonebenchError } from '../../../shared/api/result';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { requireTool } from '../../support/require-tool';

/**
 * Tar entries that are not plain files even though a reader may hand out bytes for them: GNU sparse files (old
 * 'S' type and the PAX forms, made by GNU tar itself), a volume label, and a type flag nobody knows. Each is
 * refused with its reason; none is ever stored as a plain file.
 */
const HAVE_TAR = requireTool('tar', 'archives made by GNU tar (sparse files, volume labels)');
let work: string;
beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-tar-types-'));
});
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

async function gnuTar(name: string, args: string[]): Promise<string> {
  const dir = await fs.mkdtemp(path.join(work, 'src-'));
  // Mostly a hole, some data at the end: what --sparse stores as a map plus the data blocks.
  const image = path.join(dir, 'P0S3-08-12-00.sb2');
  await fs.writeFile(image, '');
  await fs.truncate(image, 4 * 1024 * 1024);
  await fs.appendFile(image, 'tail data');
  const file = path.join(work, name);
  execFileSync('tar', ['-C', dir, '-cf', file, ...args, 'P0S3-08-12-00.sb2']);
  return file;
}

/** A tar-stream file entry whose type flag is rewritten to `flag`, checksum fixed. */
async function tarWithTypeFlag(name: string, flag: string): Promise<string> {
  const pack = tar.pack();
  pack.entry({ name: 'P0S3-08-12-00.sb2', mtime: new Date(0) }, 'not a plain file');
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  bytes[156] = flag.charCodeAt(0);
  bytes.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += bytes[i] ?? 0;
  bytes.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  const file = path.join(work, name);
  await fs.writeFile(file, bytes);
  return file;
}

async function importOf(file: string): Promise<{ error?: PhonebenchError; stored: string[] }> {
  const lib = new FirmwareLibrary(await fs.mkdtemp(path.join(work, 'lib-')));
  const error = await lib.import(file).then(
    () => undefined,
    (e: unknown) => e as PhonebenchError,
  );
  const stored = (await lib.list()).flatMap((m) => m.files.map((f) => f.name));
  return error ? { error, stored } : { stored };
}

describe('tar entry types that are not plain files', () => {
  it.runIf(HAVE_TAR).each([
    ['GNU sparse, old format (type S)', ['--format=gnu', '--sparse']],
    ['GNU sparse, PAX 0.1', ['--format=posix', '--sparse', '--sparse-version=0.1']],
    ['GNU sparse, PAX 1.0', ['--format=posix', '--sparse', '--sparse-version=1.0']],
  ])('%s is refused as sparse, not stored', async (label, args) => {
    const { error, stored } = await importOf(await gnuTar(`${label.replace(/\W+/g, '-')}.tar`, args));
    expect(stored).toEqual([]);
    expect(error?.code).toBe('archive-refused');
    expect(error?.message).toMatch(/sparse|not a plain file/);
  });

  it.runIf(HAVE_TAR)('a GNU volume label (type V) is refused, not stored', async () => {
    const { error, stored } = await importOf(await gnuTar('label.tar', ['--format=gnu', '--label=PHONES']));
    expect(stored).toEqual([]);
    // tar-stream cannot read GNU tar's label header at all (its mode field is empty): a damaged tar, said so.
    expect(['archive-refused', 'archive-corrupt']).toContain(error?.code);
  });

  it('an unknown type flag is refused with its reason, not stored', async () => {
    const { error, stored } = await importOf(await tarWithTypeFlag('unknown.tar', 'Z'));
    expect(stored).toEqual([]);
    expect(error?.code).toBe('archive-refused');
    expect(error?.message).toContain('P0S3-08-12-00.sb2 is a tar entry of a type that is not a plain file');
  });
});
