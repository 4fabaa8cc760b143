import path from 'node:path';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';

/** Fills a served app's library from the test side (the engine reads it from disk on every list); a bundle already there is kept. */
export async function importBundles(work: string, dataDir: string, keys: string[]): Promise<void> {
  const bundles = await buildBundleFixtures(path.join(work, `bundles-${keys.join('-')}`));
  const library = new FirmwareLibrary(libraryRoot(dataDir));
  const have = new Set((await library.list()).map((m) => m.source.name));
  for (const key of keys) {
    const file = bundles[key]!.file;
    if (!have.has(path.basename(file))) await library.import(file);
  }
}
