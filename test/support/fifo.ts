import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';

/** A named pipe at `file` (mkfifo, Linux and macOS). */
export function makeFifo(file: string): string {
  execFileSync('mkfifo', [file]);
  return file;
}

/**
 * Lets go of every open() blocked on these FIFOs: opening the write end lets a waiting reader's open return,
 * closing it gives that reader end-of-file. A FIFO nobody waits on is left as it is (ENXIO).
 */
export function unblockFifos(files: string[]): void {
  for (const file of files) {
    try {
      closeSync(openSync(file, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader waiting: nothing was blocked on it.
    }
  }
}

/**
 * Waits for `work`; when it has not settled after `boundMs` (old code blocked in open() on a FIFO), frees the
 * blocked opens so the test process can end, and fails saying so. The bound is generous: it only catches a hang.
 */
export async function settlesWithoutFifoWriter<T>(work: Promise<T>, fifos: string[], boundMs = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      unblockFifos(fifos);
      reject(new Error(`still blocked after ${boundMs} ms: an open() waited for a writer on a FIFO`));
    }, boundMs);
  });
  try {
    return await Promise.race([work, hung]);
  } finally {
    clearTimeout(timer);
  }
}
