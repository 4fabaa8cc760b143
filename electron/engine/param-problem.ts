import type { z } from 'zod';
import { err, type AppError } from '../../shared/api/result';
import { msg } from '../../shared/i18n/message';
import { escapeTerminalText } from '../../shared/text/terminal-text';

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = raw;
  for (const key of path) here = typeof here === 'object' && here !== null ? (here as Record<PropertyKey, unknown>)[key] : undefined;
  return here;
}

/**
 * Bad parameters as the technician reads them: an address that is not one says so in words with the fix; other
 * problems name the request and the field (the schema's own text only as the last resort).
 */
export function paramProblem(name: string, raw: unknown, error: z.ZodError): { ok: false; error: AppError } {
  const issue = error.issues[0];
  if (issue && issue.code === 'invalid_format' && issue.format === 'ipv4') {
    const value = valueAt(raw, issue.path);
    const shown = escapeTerminalText(typeof value === 'string' ? value.slice(0, 64) : String(value));
    return err('bad-request', msg('engine.badAddress', { value: shown }), msg('engine.badAddress.fix'));
  }
  const problem = issue?.message ?? 'invalid';
  return issue?.path.length
    ? err('bad-request', msg('engine.invalidParamsAt', { name, field: issue.path.join('.'), problem }))
    : err('bad-request', msg('engine.invalidParams', { name, problem }));
}
