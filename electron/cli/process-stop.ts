import { removeLeftoversSync } from '../engine/leftovers';
import { listenForStop, type StopRequest } from './stop-signals';

/** Within the 2 s a stop may take, with room for the process to exit. */
export const STOP_GRACE_MS = 1500;

/** The grace time: STOP_GRACE_MS, or PHONEBENCH_STOP_GRACE_MS (tests: a long one to see clean stops on a busy machine). */
export function stopGraceMs(env: NodeJS.ProcessEnv): number {
  const asked = Number(env.PHONEBENCH_STOP_GRACE_MS);
  return Number.isInteger(asked) && asked > 0 ? asked : STOP_GRACE_MS;
}

/** The real process's stop handling: signals, the grace deadline, and leftovers removed on any exit. */
export function listenForProcessStop(): StopRequest {
  process.once('exit', removeLeftoversSync);
  return listenForStop({
    graceMs: stopGraceMs(process.env),
    cleanupSync: removeLeftoversSync,
    exit: (code) => process.exit(code),
    stderr: (text) => process.stderr.write(text),
    target: process,
  });
}
