import { rmSync } from 'node:fs';

/** What a process kill with no time to clean up must still remove: child processes (socat) and folders. */
interface Killable {
  kill(signal?: NodeJS.Signals): boolean;
  readonly exitCode: number | null;
  readonly signalCode: NodeJS.Signals | null;
}

const children = new Set<Killable>();
const folders = new Set<string>();

/** Registers a child process to end on a forced exit; returns the function that forgets it. */
export function trackChild(child: Killable): () => void {
  children.add(child);
  return () => children.delete(child);
}

/** Registers a folder to remove on a forced exit (a staging folder); returns the function that forgets it. */
export function trackFolder(folder: string): () => void {
  folders.add(folder);
  return () => folders.delete(folder);
}

/** Synchronous, for a process about to exit: ends tracked children and removes tracked folders. Never throws. */
export function removeLeftoversSync(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
  children.clear();
  for (const folder of folders) {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // Best effort: the next start sweeps stale staging folders.
    }
  }
  folders.clear();
}
