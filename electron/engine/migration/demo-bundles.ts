import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { DemoLibrary } from '../firmware/demo-library';
import type { FirmwareLibrary } from '../firmware/library-store';

/** What a migration reads of a library. */
export type LibraryView = Pick<FirmwareLibrary, 'list' | 'get' | 'filePath'>;

/**
 * The library a start reads: the technician's; and when the target is a demo bundle, the demo library first
 * (its stopovers included). A real phone's run never sees the demo library.
 */
export async function libraryFor(bundleId: string, library: LibraryView, demo: DemoLibrary): Promise<{ view: LibraryView; demoBundle: boolean }> {
  const demoBundles = await demo.library.list().catch(() => []);
  const demoIds = new Set(demoBundles.map((m) => m.id));
  if (!demoIds.has(bundleId)) return { view: library, demoBundle: false };
  return {
    demoBundle: true,
    view: {
      list: async () => [...demoBundles, ...(await library.list())],
      get: (id) => (demoIds.has(id) ? demo.library.get(id) : library.get(id)),
      filePath: (id, name) => (demoIds.has(id) ? demo.library.filePath(id, name) : library.filePath(id, name)),
    },
  };
}

/** A demo bundle for a real phone: refused before anything opens. */
export function refuseDemoForRealPhone(name: string): never {
  throw new PhonebenchError('bad-request', msg('demo.realPhone', { name }), msg('demo.realPhone.fix'));
}
