/**
 * The closed set of error codes. Imports nothing, so the error catalogue can name the codes without a circle
 * through result.ts (which formats English through i18n).
 */
export const ERROR_CODES = [
  'bad-request',
  'not-found',
  'unauthorized',
  'internal',
  'io-error',
  'disk-full',
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
  /** The phone already runs the target: nothing to do, and not a failure. */
  'already-there',
  'config-invalid',
  'serial-unavailable',
  'serial-disconnected',
  'serial-busy',
  'migration-failed',
  'cancelled',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
