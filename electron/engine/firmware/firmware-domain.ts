import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BundleManifest, BundleSummary, firmwareRequests } from '../../../shared/api/firmware';
import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { Domain, EngineContext } from '../context';
import { importLimitsFromSettings } from './import-limits';
import { FirmwareLibrary } from './library-store';

/** The library lives in `<dataDir>/library/`. */
export function libraryRoot(dataDir: string): string {
  return path.join(dataDir, 'library');
}

/**
 * A browser upload is a temporary copy (`<dataDir>/uploads/<random>/<name>`, saved by the web host): once
 * imported, or refused, it has served its purpose. Anything else the technician points at is left alone.
 */
async function removeUpload(dataDir: string, sourcePath: string): Promise<void> {
  const uploads = path.resolve(dataDir, 'uploads');
  const rel = path.relative(uploads, path.resolve(sourcePath));
  const parts = rel.split(path.sep);
  if (rel.startsWith('..') || path.isAbsolute(rel) || parts.length !== 2) return;
  await fs.rm(path.join(uploads, parts[0] ?? ''), { recursive: true, force: true });
}

export function summarize(manifest: BundleManifest): BundleSummary {
  return {
    id: manifest.id,
    sourceName: manifest.source.name,
    importedAt: manifest.importedAt,
    fileCount: manifest.files.length,
    totalBytes: manifest.files.reduce((sum, file) => sum + file.size, 0),
    kind: manifest.recognition.kind,
    protocol: manifest.recognition.protocol,
    versionLabel: manifest.recognition.versionLabel,
    complete: manifest.recognition.complete,
    issueCount: manifest.recognition.issues.length,
  };
}

/** The engine's one library: imports within the settings' limits, read at each import; failures to its log. */
export function engineLibrary(ctx: Pick<EngineContext, 'dataDir' | 'settings' | 'log'>): FirmwareLibrary {
  return new FirmwareLibrary(libraryRoot(ctx.dataDir), () => importLimitsFromSettings(ctx.settings.get().firmwareImport), ctx.log);
}

export function createFirmwareDomain(ctx: EngineContext, library = engineLibrary(ctx)): Domain<typeof firmwareRequests> {
  // Staging left by a crash goes at start; a failure here is retried by the first list or import.
  const swept = library.sweep().catch((error: unknown) => ctx.log.swallowed('firmware', 'sweep staging left by a crash', error));
  const changed = (ids: string[]): void => ctx.events.emit('firmware:library-changed', { ids });
  const running = new Map<AbortController, Promise<unknown>>();
  return {
    handlers: {
      'firmware:import': async ({ path: sourcePath }) => {
        const importId = randomBytes(6).toString('hex');
        const sourceName = path.basename(sourcePath);
        let last = { bytes: 0, entries: 0 };
        const controller = new AbortController();
        try {
          const work = library.import(sourcePath, {
            signal: controller.signal,
            onProgress: (phase, progress) => {
              last = progress;
              ctx.events.emit('firmware:import-progress', { importId, sourceName, phase, ...progress });
            },
          });
          running.set(controller, work.catch(() => undefined));
          const manifest = await work;
          const bytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
          ctx.events.emit('firmware:import-progress', { importId, sourceName, phase: 'done', bytes, entries: last.entries });
          changed([manifest.id]);
          return manifest;
        } catch (error) {
          ctx.events.emit('firmware:import-progress', { importId, sourceName, phase: 'failed', ...last });
          throw error;
        } finally {
          running.delete(controller);
          await removeUpload(ctx.dataDir, sourcePath);
        }
      },
      'firmware:list': async () => (await library.list()).map(summarize),
      'firmware:show': ({ id }) => library.get(id),
      'firmware:delete': async ({ id }) => {
        await library.delete(id);
        changed([id]);
        return { id };
      },
      'firmware:export': async ({ id, to }) => {
        if (!path.isAbsolute(to)) {
          throw new PhonebenchError('bad-request', msg('firmware.exportNotAbsolute', { path: JSON.stringify(to) }));
        }
        return library.export(id, to);
      },
    },
    /** Stops imports in flight; each removes its staging folder before this resolves. */
    async close() {
      for (const controller of running.keys()) controller.abort();
      await Promise.all([swept, ...running.values()]);
    },
  };
}
