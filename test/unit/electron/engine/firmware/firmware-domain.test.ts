import { errorText } from '../../../../support/error-text';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../../../shared/api/contract';
import { Engine } from '../../../../../electron/engine/engine';
import { buildBundleFixtures, buildHostileFixtures, writeLargeZip, type BuiltFixture, type HostileFixture } from '../../../../fixtures/firmware-fixtures';

let work: string;
let bundles: Record<string, BuiltFixture>;
let hostile: HostileFixture[];

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-fw-domain-'));
  bundles = await buildBundleFixtures(path.join(work, 'bundles'));
  hostile = await buildHostileFixtures(path.join(work, 'hostile'));
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

async function withEngine(body: (engine: Engine, events: [string, unknown][], dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(work, 'data-'));
  const engine = await Engine.create({ dataDir, host: 'cli' });
  const events: [string, unknown][] = [];
  engine.listen((name, payload) => events.push([name, payload]));
  try {
    await body(engine, events, dataDir);
  } finally {
    await engine.close();
  }
}

describe('firmware domain through the engine contract', () => {
  it('imports, emits progress and library-changed, lists, shows, exports, deletes', async () => {
    await withEngine(async (engine, events, dataDir) => {
      const imported = await engine.request('firmware:import', { path: bundles.sccp812!.file });
      if (!imported.ok) throw new Error(errorText(imported.error));
      const id = imported.value.id;
      const progress = events.filter(([n]) => n === 'firmware:import-progress').map(([, p]) => p as Events['firmware:import-progress']);
      expect(progress.map((p) => p.phase)).toContain('extracting');
      expect(progress[progress.length - 1]).toMatchObject({ phase: 'done', sourceName: 'cmterm-7940-7960-sccp.8-1-2.zip' });
      expect(new Set(progress.map((p) => p.importId)).size).toBe(1);
      expect(events).toContainEqual(['firmware:library-changed', { ids: [id] }]);
      expect(await fs.readdir(path.join(dataDir, 'library'))).toContain(id);

      const list = await engine.request('firmware:list', {});
      expect(list.ok && list.value).toEqual([
        expect.objectContaining({ id, versionLabel: 'SCCP 8.1(2)', protocol: 'SCCP', kind: 'sccp-package', complete: true, fileCount: 4 }),
      ]);
      const shown = await engine.request('firmware:show', { id });
      expect(shown.ok && shown.value.files.length).toBe(4);

      const relative = await engine.request('firmware:export', { id, to: 'relative/dir' });
      expect(!relative.ok && relative.error.code).toBe('bad-request');
      const to = path.join(work, 'export-root');
      const exported = await engine.request('firmware:export', { id, to });
      expect(exported.ok && exported.value.written.length).toBe(4);

      const deleted = await engine.request('firmware:delete', { id });
      expect(deleted.ok).toBe(true);
      const gone = await engine.request('firmware:show', { id });
      expect(!gone.ok && gone.error.code).toBe('not-found');
    });
  });

  it('turns a refusal into an error value with its fix, and reports the failed phase', async () => {
    await withEngine(async (engine, events) => {
      const slip = hostile.find((h) => h.label === 'zip slip (..)')!;
      const result = await engine.request('firmware:import', { path: slip.file });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('archive-refused');
      expect(result.error.fix).toBeTruthy();
      const last = events.filter(([n]) => n === 'firmware:import-progress').pop();
      expect((last?.[1] as { phase: string }).phase).toBe('failed');
      expect(events.some(([n]) => n === 'firmware:library-changed')).toBe(false);
    });
  });

  it('stops an import in flight when the engine closes, leaving no staging folder', async () => {
    const dataDir = await fs.mkdtemp(path.join(work, 'data-'));
    const big = path.join(work, 'closing.zip');
    await writeLargeZip(big, [{ name: 'P0S3-8-12-00.sb2', size: 40 * 1024 * 1024, seed: 7 }]);
    const engine = await Engine.create({ dataDir, host: 'cli' });
    let closing: Promise<void> | undefined;
    engine.listen((name, payload) => {
      if (name === 'firmware:import-progress' && (payload as { phase: string }).phase === 'extracting' && !closing) closing = engine.close();
    });
    const result = await engine.request('firmware:import', { path: big });
    await closing;
    expect(!result.ok && result.error.code).toBe('cancelled');
    const staging = await fs.readdir(path.join(dataDir, 'library', '.staging')).catch(() => []);
    expect(staging).toEqual([]);
    expect((await fs.readdir(path.join(dataDir, 'library'))).filter((n) => n !== '.staging')).toEqual([]);
  });

  it('validates ids at the boundary', async () => {
    await withEngine(async (engine) => {
      const bad = await engine.request('firmware:show', { id: '../../etc' });
      expect(!bad.ok && bad.error.code).toBe('bad-request');
    });
  });

  it('removes a browser upload once imported or refused, and nothing else', async () => {
    await withEngine(async (engine, _events, dataDir) => {
      const upload = path.join(dataDir, 'uploads', 'abc123');
      await fs.mkdir(upload, { recursive: true });
      const copy = path.join(upload, path.basename(bundles.sip74!.file));
      await fs.copyFile(bundles.sip74!.file, copy);
      expect((await engine.request('firmware:import', { path: copy })).ok).toBe(true);
      expect(await fs.readdir(path.join(dataDir, 'uploads'))).toEqual([]);

      const bombUpload = path.join(dataDir, 'uploads', 'def456');
      await fs.mkdir(bombUpload);
      const bomb = hostile.find((h) => h.label === 'zip bomb (ratio)')!;
      await fs.copyFile(bomb.file, path.join(bombUpload, 'bomb.zip'));
      expect((await engine.request('firmware:import', { path: path.join(bombUpload, 'bomb.zip') })).ok).toBe(false);
      expect(await fs.readdir(path.join(dataDir, 'uploads'))).toEqual([]);

      // The technician's own file outside uploads stays.
      expect((await engine.request('firmware:import', { path: bundles.sip63!.file })).ok).toBe(true);
      await expect(fs.stat(bundles.sip63!.file)).resolves.toBeTruthy();
    });
  });
});

