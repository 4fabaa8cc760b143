import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleManifest } from '../../../../../shared/api/firmware';
import { PhonebenchError } from '../../../../../shared/api/result';
import { FirmwareLibrary } from '../../../../../electron/engine/firmware/library-store';
import { buildBundleFixtures, type BuiltFixture } from '../../../../fixtures/firmware-fixtures';

let work: string;
let library: FirmwareLibrary;
let manifest: BundleManifest;
let sip812: BuiltFixture;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-export-'));
  const built = await buildBundleFixtures(path.join(work, 'bundles'));
  sip812 = built.sip812!;
  library = new FirmwareLibrary(path.join(work, 'library'));
  manifest = await library.import(sip812.file);
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

async function listDir(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).sort();
}

describe('export into a TFTP root', () => {
  it('writes every file byte for byte, then finds them unchanged the second time', async () => {
    const root = path.join(work, 'root1');
    const first = await library.export(manifest.id, root);
    expect(first.written.sort()).toEqual([...sip812.files.keys()].sort());
    expect(first.unchanged).toEqual([]);
    for (const [name, data] of sip812.files) expect(sha(await fs.readFile(path.join(root, name)))).toBe(sha(data));
    const second = await library.export(manifest.id, root);
    expect(second.written).toEqual([]);
    expect(second.unchanged.sort()).toEqual([...sip812.files.keys()].sort());
  });

  it('refuses to overwrite a different file, and writes nothing at all then', async () => {
    const root = path.join(work, 'root2');
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'OS79XX.TXT'), 'P00308010200');
    const error = await library.export(manifest.id, root).catch((e: unknown) => e);
    expect((error as PhonebenchError).code).toBe('export-conflict');
    expect((error as PhonebenchError).message).toContain('OS79XX.TXT is there with different content');
    expect(await listDir(root)).toEqual(['OS79XX.TXT']);
    expect(await fs.readFile(path.join(root, 'OS79XX.TXT'), 'utf8')).toBe('P00308010200');
  });

  it('refuses a name that differs only in case', async () => {
    const root = path.join(work, 'root3');
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'os79xx.txt'), 'P003-8-12-00');
    const error = await library.export(manifest.id, root).catch((e: unknown) => e);
    expect((error as PhonebenchError).code).toBe('export-conflict');
    expect((error as PhonebenchError).message).toContain('only in case');
    expect(await listDir(root)).toEqual(['os79xx.txt']);
  });

  it('notices a library file changed on disk and leaves no temp file', async () => {
    const other = new FirmwareLibrary(path.join(work, 'library2'));
    const m = await other.import(sip812.file);
    await fs.appendFile(other.filePath(m.id, 'P0S3-8-12-00.sb2'), 'x');
    const root = path.join(work, 'root4');
    const error = await other.export(m.id, root).catch((e: unknown) => e);
    expect((error as PhonebenchError).code).toBe('io-error');
    expect((await listDir(root)).some((n) => n.endsWith('.tmp'))).toBe(false);
    expect(await listDir(root)).not.toContain('P0S3-8-12-00.sb2');
  });

  it('answers not-found for an unknown bundle', async () => {
    const error = await library.export('0123456789abcdef', path.join(work, 'root5')).catch((e: unknown) => e);
    expect((error as PhonebenchError).code).toBe('not-found');
  });
});
