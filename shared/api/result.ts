import type { Message } from '../i18n/message';
import { formatMessage } from '../i18n/format';
import type { ErrorCode } from './error-codes';

/** Errors cross every boundary as values, never as thrown exceptions. */

export { ERROR_CODES, type ErrorCode } from './error-codes';

export interface AppError {
  code: ErrorCode;
  /** What happened, as a message the renderer says in the technician's language. */
  message: Message;
  /** What to do about it, when there is something to do. */
  fix?: Message;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err(code: ErrorCode, message: Message, fix?: Message): { ok: false; error: AppError } {
  return { ok: false, error: appError(code, message, fix) };
}

export function appError(code: ErrorCode, message: Message, fix?: Message): AppError {
  return fix === undefined ? { code, message } : { code, message, fix };
}

/** Thrown inside the engine where unwinding is simpler; converted to a Result at the boundary. */
export class PhonebenchError extends Error {
  readonly detail: Message;
  readonly fix?: Message;

  constructor(
    readonly code: ErrorCode,
    message: Message,
    fix?: Message,
  ) {
    // Error.message is English, for the engine log and stack traces only; the contract carries `detail`.
    super(formatMessage('en', message));
    this.name = 'PhonebenchError';
    this.detail = message;
    if (fix !== undefined) this.fix = fix;
  }

  toAppError(): AppError {
    return this.fix === undefined ? { code: this.code, message: this.detail } : { code: this.code, message: this.detail, fix: this.fix };
  }
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
