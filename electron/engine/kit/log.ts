/** Values that help read a log line, e.g. a file name or a session id. */
export type LogContext = Record<string, string | number | boolean>;

/**
 * Where an error the code deliberately does not let through goes (a throwing listener, a cleanup that failed).
 * The engine passes its own log; every engine in one process has its own.
 */
export interface SwallowLog {
  swallowed(area: string, action: string, error: unknown, context?: LogContext): void;
}

/** A log that keeps nothing: for objects built outside an engine (a bare test, a one-shot tool). */
export const discardLog: SwallowLog = { swallowed: () => undefined };

/** An error's text for a log line, with its class name when it is not a plain Error. */
export function errorDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
}
