import { constants } from 'node:os';

/** What a command sees of a stop request: a promise and an AbortSignal, both settled by the first signal. */
export interface StopRequest {
  interrupted: Promise<void>;
  signal: AbortSignal;
  /** Stops the command as a signal would, without saying so (stdout's reader went away: `| head`). */
  stopQuietly(why: string): void;
  /** The command has returned: no deadline any more; a signal from now on exits at once. Says the closing line. */
  dispose(): void;
}

export interface StopOptions {
  /** After the first signal, how long the command has to stop cleanly before the process exits anyway. */
  graceMs: number;
  /** Removes what must not outlive the process (staging folders, child processes); synchronous, never throws. */
  cleanupSync: () => void;
  /** Ends the process with `code` (128 + the signal's number); `signal` is the one that asked for the stop. */
  exit: (code: number, signal: StopSignal) => void;
  stderr: (text: string) => void;
  /** The process, or a stand-in in tests. */
  target: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type StopSignal = (typeof SIGNALS)[number];

/** 130 for SIGINT, 143 for SIGTERM: what a shell shows for a process ended by that signal. */
export function signalExitCode(name: StopSignal): number {
  return 128 + constants.signals[name];
}

/**
 * The one stop mechanism every command shares. The first SIGINT or SIGTERM asks the command to stop (it closes
 * its servers and the engine); if it has not finished within `graceMs`, or a second signal comes, leftovers are
 * removed synchronously and the process exits at once with 128 + the signal number.
 */
export function listenForStop(options: StopOptions): StopRequest {
  const controller = new AbortController();
  let resolveInterrupted: () => void = () => {};
  const interrupted = new Promise<void>((resolve) => (resolveInterrupted = resolve));
  let timer: NodeJS.Timeout | undefined;

  const forceExit = (name: StopSignal, why: string) => {
    options.stderr(`\nphonebench: ${why}; exiting now.\n`);
    options.cleanupSync();
    options.exit(signalExitCode(name), name);
  };
  let done = false;
  /** The signal that stopped the command, for its closing line. */
  let stoppedBy: StopSignal | undefined;
  const begin = (name: StopSignal, why: string) => {
    controller.abort(why);
    resolveInterrupted();
    const seconds = options.graceMs / 1000;
    timer = setTimeout(() => forceExit(name, done ? `stopped, but did not end within ${seconds} s` : `did not stop within ${seconds} s`), options.graceMs);
    // A command that finishes in time lets the process end without waiting for the deadline.
    timer.unref();
  };
  const onSignal = (name: StopSignal) => {
    if (done) {
      forceExit(name, name);
      return;
    }
    if (controller.signal.aborted) {
      forceExit(name, `${name} again`);
      return;
    }
    options.stderr(`\nphonebench: stopping (${name}); send it again to quit at once.\n`);
    stoppedBy = name;
    begin(name, name);
  };
  const handlers = SIGNALS.map((name) => [name, () => onSignal(name)] as const);
  for (const [name, handler] of handlers) options.target.on(name, handler);
  return {
    interrupted,
    signal: controller.signal,
    stopQuietly(why) {
      if (done || controller.signal.aborted) return;
      begin('SIGTERM', why);
    },
    dispose() {
      // The handlers stay: signal listeners keep nothing alive, and the default action would skip the cleanup.
      if (done) return;
      done = true;
      // After a stop the deadline stays armed (unref'd): a process whose exit is held up (a thread of the pool
      // stuck in a system call keeps the loop alive, and process.exit() would wait for it) is still ended.
      if (timer && !controller.signal.aborted) clearTimeout(timer);
      if (stoppedBy) options.stderr(`phonebench: stopped (${stoppedBy}); everything it opened is closed.\n`);
    },
  };
}
