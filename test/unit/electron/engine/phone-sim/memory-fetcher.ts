import type { FetchResult, FileFetcher } from '../../../../../electron/engine/phone-sim/virtual-phone';

/** An in-memory TFTP root for unit tests: a missing file answers "not found"; `silent` names time out. */
export function memoryFetcher(files: Map<string, string | Uint8Array>, silent: Set<string> = new Set()): FileFetcher {
  return (name): Promise<FetchResult> => {
    if (silent.has(name)) return Promise.resolve({ result: 'timeout', message: 'no answer' });
    const content = files.get(name);
    if (content === undefined) return Promise.resolve({ result: 'not-found', message: 'File not found' });
    return Promise.resolve({ result: 'ok', data: Buffer.from(typeof content === 'string' ? Buffer.from(content, 'latin1') : content) });
  };
}
