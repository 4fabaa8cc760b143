import { removeLeftoversSync } from '../engine/leftovers';
import { listenForStop, type StopRequest } from './stop-signals';

/** Within the 2 s a stop may take, with room for the process to exit. */
export const STOP_GRACE_MS = 1500;

/** The real process's stop handling: signals, the grace deadline, and leftovers removed on any exit. */
export function listenForProcessStop(): StopRequest {
  process.once('exit', removeLeftoversSync);
  return listenForStop({
    graceMs: STOP_GRACE_MS,
    cleanupSync: removeLeftoversSync,
    exit: (code) => process.exit(code),
    stderr: (text) => process.stderr.write(text),
    target: process,
  });
}
