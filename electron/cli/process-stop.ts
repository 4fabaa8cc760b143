import { removeLeftoversSync } from '../engine/leftovers';
import { listenForStop, type StopRequest, type StopSignal } from './stop-signals';

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
    exit: (code, signal) => endForSure(code, signal),
    stderr: (text) => process.stderr.write(text),
    target: process,
  });
}

/**
 * Ends the process even when threads of libuv's pool are stuck (an open() that never returns): process.exit()
 * would wait for them forever while tearing down, so the signal is raised again with its default action, which
 * the kernel carries out at once. The shell sees 128 + the signal's number, as with process.exit(code).
 */
export function endForSure(code: number, signal: StopSignal): void {
  process.exitCode = code;
  process.removeAllListeners(signal);
  try {
    process.kill(process.pid, signal);
  } catch {
    // Not allowed to signal itself (never seen): the ordinary exit, which a free thread pool lets through.
  }
  // Windows ends the process inside kill(); elsewhere the signal arrives before this timer can run.
  setTimeout(() => process.exit(code), 1000).unref();
}
