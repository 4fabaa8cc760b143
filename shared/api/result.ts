/** Errors cross every boundary as values, never as thrown exceptions. */

export const ERROR_CODES = [
  'bad-request',
  'not-found',
  'unauthorized',
  'internal',
  'io-error',
  'busy',
  'not-running',
  'port-privileged',
  'port-in-use',
  'address-unavailable',
  'archive-refused',
  'archive-corrupt',
  'duplicate-bundle',
  'export-conflict',
  'plan-refused',
  'config-invalid',
  'serial-unavailable',
  'serial-disconnected',
  'serial-busy',
  'migration-failed',
  'cancelled',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  /** What happened, in words a technician reads. */
  message: string;
  /** What to do about it, when there is something to do. */
  fix?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err(code: ErrorCode, message: string, fix?: string): { ok: false; error: AppError } {
  return fix === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, fix } };
}

/** Thrown inside the engine where unwinding is simpler; converted to a Result at the boundary. */
export class PhonebenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'PhonebenchError';
  }

  toAppError(): AppError {
    return this.fix === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, fix: this.fix };
  }
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
