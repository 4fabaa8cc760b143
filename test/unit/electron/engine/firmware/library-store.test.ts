import { en } from '../../../../support/error-text';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhonebenchError } from '../../../../../shared/api/result';
import { describeBundleIssue } from '../../../../../shared/cisco/bundle-recognition';
import { checkSyntheticImage } from '../../../../../shared/cisco/synthetic-image';
import { FirmwareLibrary } from '../../../../../electron/engine/firmware/library-store';
import { DEFAULT_IMPORT_LIMITS } from '../../../../../electron/engine/firmware/import-limits';
import {
  buildBundleFixtures,
  buildHostileFixtures,
  type BuiltFixture,
  type HostileFixture,
} from '../../../../fixtures/firmware-fixtures';

let work: string;
let bundles: Record<string, BuiltFixture>;
let hostile: HostileFixture[];

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-firmware-'));
  bundles = await buildBundleFixtures(path.join(work, 'bundles'));
  hostile = await buildHostileFixtures(path.join(work, 'hostile'));
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

async function freshLibrary(): Promise<FirmwareLibrary> {
  return new FirmwareLibrary(await fs.mkdtemp(path.join(work, 'lib-')));
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function fixture(key: string): BuiltFixture {
  const found = bundles[key];
  if (!found) throw new Error(`no fixture ${key}`);
  return found;
}

async function libraryEntries(library: FirmwareLibrary): Promise<string[]> {
  const names = await fs.readdir(library.root).catch(() => [] as string[]);
  const staging = await fs.readdir(path.join(library.root, '.staging')).catch(() => [] as string[]);
  return [...names.filter((n) => n !== '.staging'), ...staging.map((n) => `.staging/${n}`)];
}

const RECOGNISED: Record<string, { kind: string; versionLabel: string | null; complete: boolean }> = {
  sip812: { kind: 'sip-loader-package', versionLabel: 'SIP 8.12', complete: true },
  sip74: { kind: 'sip-loader-package', versionLabel: 'SIP 7.4', complete: true },
  sip63: { kind: 'legacy-image', versionLabel: 'SIP 6.3', complete: true },
  sip23: { kind: 'legacy-image', versionLabel: 'SIP 2.3', complete: true },
  sccp812: { kind: 'sccp-package', versionLabel: 'SCCP 8.1(2)', complete: true },
  sccpSr2: { kind: 'sccp-package', versionLabel: 'SCCP 8.1(2)SR2', complete: true },
  sccp501: { kind: 'sccp-package', versionLabel: 'SCCP 5.0(1.1)', complete: true },
  sccp3: { kind: 'legacy-image', versionLabel: 'SCCP 3.2(2.14)', complete: true },
  mgcp: { kind: 'mgcp', versionLabel: 'MGCP 8.12', complete: false },
  folder: { kind: 'legacy-image', versionLabel: 'SIP 2.3', complete: true },
  sip812Broken: { kind: 'sip-loader-package', versionLabel: 'SIP 8.12', complete: false },
};

describe('FirmwareLibrary import', () => {
  it.each(Object.keys(RECOGNISED))('recognises %s', async (key) => {
    const library = await freshLibrary();
    const manifest = await library.import(fixture(key).file);
    expect(manifest.recognition).toMatchObject(RECOGNISED[key]!);
  });

  it('words what is wrong with an incomplete SIP 8.12', async () => {
    const library = await freshLibrary();
    const manifest = await library.import(fixture('sip812Broken').file);
    expect(manifest.recognition.issues.map(describeBundleIssue)).toEqual([
      'OS79XX.TXT has a trailing space: the phone would ask for a file that does not exist.',
      'OS79XX.TXT names P003-8-12-00 but P003-8-12-00.sbn is missing.',
    ]);
  });

  const keys = ['sip812', 'sip74', 'sip63', 'sip23', 'sccp812', 'sccpSr2', 'sccp501', 'sccp3', 'mgcp', 'folder'];
  it.each(keys)('imports %s byte for byte', async (key) => {
    const built = fixture(key);
    const library = await freshLibrary();
    const manifest = await library.import(built.file);
    expect(manifest.files.map((f) => f.name).sort()).toEqual([...built.files.keys()].sort());
    for (const file of manifest.files) {
      const expected = built.files.get(file.name);
      if (!expected) throw new Error(`unexpected ${file.name}`);
      expect(file.sha256).toBe(sha256(expected));
      expect(file.size).toBe(expected.length);
      const onDisk = await fs.readFile(library.filePath(manifest.id, file.name));
      expect(sha256(onDisk)).toBe(file.sha256);
      if (/\.(bin|sbn|loads|sb2)$/.test(file.name)) expect(checkSyntheticImage(file.name, onDisk)).toBe('ok');
    }
    // Read back through the zod-validated manifest.
    expect(await library.get(manifest.id)).toEqual(manifest);
    expect((await library.list()).map((m) => m.id)).toEqual([manifest.id]);
    expect(await fs.readdir(path.join(library.root, '.staging'))).toEqual([]);
  });

  it('records where a nested file came from and the source hash', async () => {
    const built = fixture('sip812');
    const library = await freshLibrary();
    const manifest = await library.import(built.file);
    expect(manifest.source.format).toBe('zip');
    expect(manifest.source.sha256).toBe(sha256(await fs.readFile(built.file)));
    const sb2 = manifest.files.find((f) => f.name === 'P0S3-8-12-00.sb2');
    expect(sb2?.origin).toBe('cisco-sip-7940-7960-8-12.zip/P0S3-8-12-00.tar/P0S3-8-12-00.sb2');
  });

  it('says when the same archive is imported twice, and when the same files come again in another wrapping', async () => {
    const library = await freshLibrary();
    const first = await library.import(fixture('sccp812').file);
    const again = await library.import(fixture('sccp812').file).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(PhonebenchError);
    expect((again as PhonebenchError).code).toBe('duplicate-bundle');
    expect((again as PhonebenchError).message).toContain(first.id);
    // The same four files as a folder: same content, same bundle.
    const folder = path.join(work, 'sccp812-folder');
    await fs.mkdir(folder, { recursive: true });
    for (const [name, data] of fixture('sccp812').files) await fs.writeFile(path.join(folder, name), data);
    const rewrapped = await library.import(folder).catch((e: unknown) => e);
    expect((rewrapped as PhonebenchError).code).toBe('duplicate-bundle');
    expect(await libraryEntries(library)).toEqual([first.id]);
  });

  it('imports the same archive again after a delete', async () => {
    const library = await freshLibrary();
    const first = await library.import(fixture('sip74').file);
    await library.delete(first.id);
    expect(await library.list()).toEqual([]);
    const second = await library.import(fixture('sip74').file);
    expect(second.id).toBe(first.id);
  });

  it('runs two imports at once without mixing them', async () => {
    const library = await freshLibrary();
    const [a, b] = await Promise.all([library.import(fixture('sip812').file), library.import(fixture('sccpSr2').file)]);
    expect(a.recognition.versionLabel).toBe('SIP 8.12');
    expect(b.recognition.versionLabel).toBe('SCCP 8.1(2)SR2');
    expect((await library.list()).length).toBe(2);
  });

  it('reports progress with growing byte counts and the phases in order', async () => {
    const library = await freshLibrary();
    const phases: string[] = [];
    let lastBytes = 0;
    await library.import(fixture('sip812').file, {
      onProgress: (phase, progress) => {
        if (phases[phases.length - 1] !== phase) {
          phases.push(phase);
          if (phase === 'extracting') lastBytes = 0;
        }
        // Bytes count per phase: hashing reads the source, extracting counts what is written.
        expect(progress.bytes).toBeGreaterThanOrEqual(lastBytes);
        lastBytes = progress.bytes;
      },
    });
    expect(phases).toEqual(['hashing', 'extracting', 'recognizing', 'committing']);
  });

  it('skips macOS metadata and says so', async () => {
    const { zipBytes } = await import('../../../../fixtures/firmware-fixtures');
    const file = path.join(work, 'with-macosx.zip');
    await fs.writeFile(
      file,
      zipBytes([
        { name: 'P00305000101.bin', data: Buffer.from('x'.repeat(100)) },
        { name: '__MACOSX/._P00305000101.bin', data: Buffer.from('meta') },
        { name: '.DS_Store', data: Buffer.from('meta') },
      ]),
    );
    const library = await freshLibrary();
    const manifest = await library.import(file);
    expect(manifest.files.map((f) => f.name)).toEqual(['P00305000101.bin']);
    expect(manifest.skipped.map((s) => s.name).sort()).toEqual(['with-macosx.zip/.DS_Store', 'with-macosx.zip/__MACOSX/._P00305000101.bin']);
  });

  it('lets only one of two simultaneous imports of the same archive in', async () => {
    const library = await freshLibrary();
    const results = await Promise.allSettled([library.import(fixture('sccp812').file), library.import(fixture('sccp812').file)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(((rejected as PromiseRejectedResult).reason as PhonebenchError).code).toBe('duplicate-bundle');
    expect(await libraryEntries(library)).toHaveLength(1);
  });

  it('refuses a loose file that is neither an archive nor an image', async () => {
    const file = path.join(work, 'readme.txt');
    await fs.writeFile(file, 'Release notes\n');
    const library = await freshLibrary();
    const error = await library.import(file).catch((e: unknown) => e);
    expect((error as PhonebenchError).code).toBe('archive-refused');
    expect((error as PhonebenchError).message).toContain('neither an archive');
    expect(await libraryEntries(library)).toEqual([]);
  });

  it('stops when aborted and leaves nothing behind', async () => {
    const library = await freshLibrary();
    const controller = new AbortController();
    const error = await library
      .import(fixture('sip812').file, {
        signal: controller.signal,
        onProgress: (phase) => {
          if (phase === 'extracting') controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect((error as PhonebenchError).code).toBe('cancelled');
    expect(await libraryEntries(library)).toEqual([]);
  });

  it('refuses a missing path with not-found', async () => {
    const library = await freshLibrary();
    const error = await library.import(path.join(work, 'nope.zip')).catch((e: unknown) => e);
    expect((error as PhonebenchError).code).toBe('not-found');
  });
});

describe('hostile archives', () => {
  it('covers every case the brief names', () => {
    const labels = hostile.map((h) => h.label).join(' | ');
    for (const word of ['slip', 'absolute', 'symlink', 'bomb', 'truncated', 'encrypted', 'duplicate', 'case']) {
      expect(labels).toContain(word);
    }
  });

  it('refuses each with the right code, a reason and a fix, and leaves nothing behind', async () => {
    const library = await freshLibrary();
    for (const h of hostile) {
      const error = await library.import(h.file).then(
        () => new Error(`${h.label}: imported`),
        (e: unknown) => e,
      );
      expect(error, h.label).toBeInstanceOf(PhonebenchError);
      const pe = error as PhonebenchError;
      expect({ label: h.label, code: pe.code }).toEqual({ label: h.label, code: h.code });
      expect(pe.message, h.label).toMatch(h.says);
      expect(pe.fix, h.label).toBeTruthy();
      expect(await libraryEntries(library), h.label).toEqual([]);
    }
    // Nothing escaped the library either.
    expect(await fs.stat(path.join(work, 'evil.txt')).catch(() => null)).toBeNull();
    expect(await fs.stat(path.join(path.dirname(library.root), 'evil.txt')).catch(() => null)).toBeNull();
  });

  it('refuses a folder holding a symlink', async () => {
    const folder = path.join(work, 'folder-with-link');
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, 'P00305000101.bin'), 'x');
    await fs.symlink('/etc/passwd', path.join(folder, 'passwd'));
    const library = await freshLibrary();
    const error = await library.import(folder).catch((e: unknown) => e);
    expect((error as PhonebenchError).code).toBe('archive-refused');
    expect(await libraryEntries(library)).toEqual([]);
  });

  it('caps the entry count', async () => {
    const { zipBytes } = await import('../../../../fixtures/firmware-fixtures');
    const file = path.join(work, 'many.zip');
    await fs.writeFile(file, zipBytes(Array.from({ length: 60 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x') }))));
    const library = new FirmwareLibrary(await fs.mkdtemp(path.join(work, 'lib-')), { ...DEFAULT_IMPORT_LIMITS, maxEntries: 50 });
    const error = await library.import(file).catch((e: unknown) => e);
    expect((error as PhonebenchError).code).toBe('archive-refused');
    expect((error as PhonebenchError).message).toContain('more than 50 entries');
    expect(en((error as PhonebenchError).fix)).toContain('firmwareImport.maxEntries');
  });
});

describe('manifest read back', () => {
  it('calls a tampered manifest damaged instead of trusting it', async () => {
    const library = await freshLibrary();
    const manifest = await library.import(fixture('sccp501').file);
    const file = path.join(library.root, manifest.id, 'manifest.json');
    const json = JSON.parse(await fs.readFile(file, 'utf8')) as { files: { sha256: string }[] };
    json.files[0]!.sha256 = 'not-a-hash';
    await fs.writeFile(file, JSON.stringify(json));
    const error = await library.get(manifest.id).catch((e: unknown) => e);
    expect((error as PhonebenchError).code).toBe('io-error');
    expect(await library.list()).toEqual([]);
  });

  it('names a damaged bundle that stands in the way of a re-import', async () => {
    const library = await freshLibrary();
    const manifest = await library.import(fixture('sccp3').file);
    await fs.writeFile(path.join(library.root, manifest.id, 'manifest.json'), '{ not json');
    const error = await library.import(fixture('sccp3').file).catch((e: unknown) => e);
    expect((error as PhonebenchError).code).toBe('io-error');
    expect(en((error as PhonebenchError).fix)).toContain(`firmware delete ${manifest.id}`);
    await library.delete(manifest.id);
    expect((await library.import(fixture('sccp3').file)).id).toBe(manifest.id);
  });

  it('refuses ids and names that are not plain', async () => {
    const library = await freshLibrary();
    expect(() => library.filePath('../../etc', 'x')).toThrow(PhonebenchError);
    expect(() => library.filePath('0123456789abcdef', '../manifest.json')).toThrow(PhonebenchError);
  });

  it('opens a file by name without case, as the TFTP server asks', async () => {
    const library = await freshLibrary();
    const manifest = await library.import(fixture('sip812').file);
    const { file, stream } = await library.openFile(manifest.id, 'os79xx.txt');
    expect(file.name).toBe('OS79XX.TXT');
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('P003-8-12-00');
  });
});
