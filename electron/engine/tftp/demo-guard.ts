import { isDemoImage } from '../../../shared/cisco/synthetic-image';
import type { FileSource, ResolvedFile } from './file-source';
import { PathRefusedError } from './path-guard';

/** Enough of a file to read its synthetic header and the demo line after it. */
const HEAD_BYTES = 640;

/** Why a demo image is refused, as the server's log and the refusal event say it. */
export const DEMO_REFUSAL = 'a Phonebench demo image (not Cisco firmware): only the virtual phone of a demo gets it';

/**
 * Wraps a file source so it never serves an image of the demo library (issue 19 item 2): they are synthetic,
 * not Cisco firmware, and a real phone must not get them, wherever the file sits (the TFTP page's root, a
 * migration's bundle, a copy). Files made in memory (configs) are served as the inner source says.
 */
export function refuseDemoImages(inner: FileSource): FileSource {
  return {
    async resolve(requestedName: string, clientAddress: string): Promise<ResolvedFile | undefined> {
      const found = await inner.resolve(requestedName, clientAddress);
      if (!found || found.origin !== 'root' || found.size < 16) return found;
      // A file that cannot be opened now is the server's to report, as for any other file.
      const content = await found.open().catch(() => undefined);
      if (!content) return found;
      let head: Buffer;
      try {
        head = await content.read(0, Math.min(HEAD_BYTES, found.size));
      } finally {
        await content.close();
      }
      if (isDemoImage(head)) throw new PathRefusedError(requestedName, DEMO_REFUSAL);
      return found;
    },
  };
}
