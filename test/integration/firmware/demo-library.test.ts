import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSyntheticImage, isDemoImage, makeSyntheticImage } from '../../../shared/cisco/synthetic-image';
import { Engine } from '../../../electron/engine/engine';
import { DEMO_RECIPE, DemoLibrary, demoBundleName } from '../../../electron/engine/firmware/demo-library';
import type { BundleManifest } from '../../../shared/api/firmware';
import { REAL_PACKAGES } from '../../fixtures/cisco-real-loads';
import { en } from '../../support/error-text';
import { tftpGet } from '../tftp/test-client';

/**
 * Issue 19 item 2: the demo library. Its bundles are shaped like real packages (their file lists, nothing
 * invented), built at first use, named "demo, not Cisco firmware", and never served to a real phone: a real
 * migration with a demo bundle is refused, and the TFTP page refuses a demo image in its root.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'pb-demo-library-'));
const dataDir = path.join(dir, 'data');
let built: BundleManifest[] = [];

beforeAll(async () => {
  built = await new DemoLibrary(dataDir).ensure();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the demo library recipe', () => {
  it('lists, per bundle, exactly the files of a real package of that release (no Cisco name made up)', () => {
    for (const bundle of DEMO_RECIPE.bundles) {
      const real = REAL_PACKAGES.find((p) => p.release === bundle.release);
      expect(real, `${bundle.release} is a real package in test/fixtures/cisco-real-loads.ts`).toBeDefined();
      expect(real?.partial, `${bundle.release}: only a fully documented package is copied`).toBeUndefined();
      expect([...bundle.files].sort()).toEqual([...(real?.files ?? [])].sort());
      expect(bundle.os79xx).toBe(real?.os79xx);
    }
  });
});

describe('the demo library, built at first use', () => {
  it('holds one bundle per recipe entry, named as a demo and recognised as its release', () => {
    expect(built.map((m) => m.source.name)).toEqual(DEMO_RECIPE.bundles.map((b) => demoBundleName(b.release)));
    for (const [i, m] of built.entries()) {
      expect(m.source.name).toMatch(/^demo, not Cisco firmware: /);
      expect(m.recognition.versionLabel).toBe(DEMO_RECIPE.bundles[i]!.release);
    }
  });

  it('its images are synthetic images the virtual phone accepts, each marked as a demo image', async () => {
    const library = new DemoLibrary(dataDir).library;
    for (const m of built) {
      for (const f of m.files.filter((file) => file.name !== 'OS79XX.TXT')) {
        const bytes = readFileSync(library.filePath(m.id, f.name));
        expect(checkSyntheticImage(f.name, bytes)).toBe('ok');
        expect(isDemoImage(bytes.subarray(0, 640))).toBe(true);
      }
    }
    // A test fixture's synthetic image (not the demo's) is not taken for one.
    expect(isDemoImage(makeSyntheticImage('P0S3-8-12-00.sb2', 4096, 1))).toBe(false);
  });

  it('a second use builds nothing again', async () => {
    const again = await new DemoLibrary(dataDir).ensure();
    expect(again.map((m) => [m.id, m.importedAt])).toEqual(built.map((m) => [m.id, m.importedAt]));
  });
});

describe('demo bundles never reach a real phone', () => {
  it('a migration of a real phone with a demo bundle is refused with the reason and the fix', async () => {
    const engine = await Engine.create({ dataDir, host: 'cli' });
    try {
      const listed = await engine.request('migrate:demo-bundles', {});
      expect(listed.ok && listed.value.map((b) => b.sourceName)).toEqual(built.map((m) => m.source.name));
      const sip812 = built.find((m) => m.recognition.versionLabel === 'SIP 8.12')!;
      const real = await engine.request('migrate:start', {
        mac: '000E84C060A6', model: '7960', bundleId: sip812.id, bindAddress: '127.0.0.1', port: 0, from: 'SCCP 8.1(2)',
      });
      expect(real.ok).toBe(false);
      if (real.ok) return;
      expect(real.error.code).toBe('bad-request');
      expect(en(real.error.message)).toBe('The bundle "demo, not Cisco firmware: SIP 8.12" is a Phonebench demo, not Cisco firmware: only the virtual phone gets it.');
      expect(en(real.error.fix)).toMatch(/import Cisco's firmware archive/);
      // Nothing was left running.
      const status = await engine.request('migrate:status', {});
      expect(status.ok && status.value).toBeNull();
    } finally {
      await engine.close();
    }
  });

  it('the TFTP page refuses a demo image in its root, and still serves a real (here: test) image beside it', async () => {
    const root = path.join(dir, 'root');
    mkdirSync(root, { recursive: true });
    const sip812 = built.find((m) => m.recognition.versionLabel === 'SIP 8.12')!;
    copyFileSync(new DemoLibrary(dataDir).library.filePath(sip812.id, 'P0S3-8-12-00.sb2'), path.join(root, 'P0S3-8-12-00.sb2'));
    writeFileSync(path.join(root, 'P0S3-07-4-00.sb2'), makeSyntheticImage('P0S3-07-4-00.sb2', 4096, 1));
    const engine = await Engine.create({ dataDir: path.join(dir, 'tftp-data'), host: 'cli' });
    try {
      const started = await engine.request('tftp:start', { address: '127.0.0.1', port: 0, root, allow: ['127.0.0.1'] });
      if (!started.ok) throw new Error(en(started.error.message));
      const port = started.value.port as number;
      const demo = await tftpGet({ port, filename: 'P0S3-8-12-00.sb2', retries: 2 });
      expect(demo.ok).toBe(false);
      expect(!demo.ok && demo.code).toBe(2);
      const other = await tftpGet({ port, filename: 'P0S3-07-4-00.sb2', retries: 2 });
      expect(other.ok && other.data.length).toBe(4096);
      await engine.request('tftp:stop', {});
    } finally {
      await engine.close();
    }
  });
});
