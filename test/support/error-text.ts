import type { AppError } from '../../shared/api/result';
import { formatMessage } from '../../shared/i18n/format';
import type { Message } from '../../shared/i18n/message';

/** An engine error in English, for assertions and thrown test failures. */
export function errorText(error: AppError): string {
  return error.fix ? `${formatMessage('en', error.message)} (fix: ${formatMessage('en', error.fix)})` : formatMessage('en', error.message);
}

/** A message in English; undefined stays undefined so a missing fix still fails the assertion. */
export function en(message: Message | undefined): string | undefined {
  return message === undefined ? undefined : formatMessage('en', message);
}
