import { osCatalog } from './catalogs/os-errors';
import type { MessageKey } from './catalog';
import { msg, type Message } from './message';

const CODES = new Set(Object.keys(osCatalog.en).filter((k) => /^os\.E[A-Z]+$/.test(k)).map((k) => k.slice(3)));

/** The errno code in an OS error's text ("bind EADDRINUSE 0.0.0.0:69"), when it is one we can say in words. */
export function osCode(raw: string): string | undefined {
  for (const m of raw.matchAll(/\bE[A-Z]{2,15}\b/g)) if (CODES.has(m[0])) return m[0];
  return undefined;
}

/**
 * An OS error as words in the chosen language, with the raw text kept beside as detail; text with no known
 * code comes back as itself (a parameter, never translated by guess).
 */
export function osReason(raw: string): Message | string {
  const code = osCode(raw);
  if (code === undefined) return raw;
  return msg('os.withDetail', { reason: msg(`os.${code}` as MessageKey), detail: raw });
}
