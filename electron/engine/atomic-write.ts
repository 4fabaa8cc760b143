import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { storageError } from './storage-errors';
import { logSwallowed } from './engine-log';

const TEMP_SUFFIX = '.tmp';

/**
 * Writes a file so that readers see either the old content or the new, never half of it, even after a
 * crash or a power cut: the temporary file is flushed to disk before the rename, the folder after it.
 * A full or read-only disk is said as such (storageError), and the temporary file is removed.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
    await syncFolder(path.dirname(file));
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch((rmError: unknown) => logSwallowed('storage', 'remove temporary file', rmError, { file: tmp }));
    throw storageError(error, path.basename(file), file) ?? error;
  }
}

/** Flushes a folder's entries (a rename) to disk. Windows cannot open a folder for this; it is skipped there. */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `<name>.<12 hex>.tmp`: the temporary file writeFileAtomic makes beside its target. */
export function isAtomicTempName(name: string): boolean {
  return /\.[0-9a-f]{12}\.tmp$/.test(name);
}

/** Removes what a write cut short by a crash left: `<file>.<random>.tmp` beside `file`. */
export async function sweepAtomicTemps(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => n.startsWith(prefix) && n.endsWith(TEMP_SUFFIX) && /^[0-9a-f]{12}$/.test(n.slice(prefix.length, -TEMP_SUFFIX.length)));
  await Promise.all(stale.map((n) => fs.rm(path.join(dir, n), { force: true })));
}
