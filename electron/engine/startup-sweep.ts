import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isAtomicTempName } from './atomic-write';

/** An upload is imported seconds after it is saved; one older than this was never imported. */
export const UPLOAD_MAX_AGE_MS = 60 * 60 * 1000;
/** A write takes milliseconds; a temporary file older than this was left by a crash. */
export const TEMP_MAX_AGE_MS = 10 * 60 * 1000;

/**
 * What a crash (kill -9, a power cut) leaves in the data folder besides the library's staging (which the
 * library sweeps itself): browser uploads never imported (`uploads/<random>/`), and the temporary files of
 * atomic writes (`<name>.<12 hex>.tmp`) in the data folder and in `reports/`. Only what is old enough that no
 * running Phonebench can still be writing it. Returns what it removed.
 */
export async function sweepDataDir(dataDir: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const uploads = path.join(dataDir, 'uploads');
  for (const name of await names(uploads)) {
    const folder = path.join(uploads, name);
    if (await olderThan(folder, now - UPLOAD_MAX_AGE_MS)) {
      await fs.rm(folder, { recursive: true, force: true });
      removed.push(folder);
    }
  }
  for (const dir of [dataDir, path.join(dataDir, 'reports')]) {
    for (const name of (await names(dir)).filter(isAtomicTempName)) {
      const file = path.join(dir, name);
      if (await olderThan(file, now - TEMP_MAX_AGE_MS)) {
        await fs.rm(file, { force: true });
        removed.push(file);
      }
    }
  }
  return removed;
}

async function names(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => [] as string[]);
}

async function olderThan(file: string, cutoffMs: number): Promise<boolean> {
  const stat = await fs.lstat(file).catch(() => undefined);
  return stat !== undefined && stat.mtimeMs < cutoffMs;
}
