/** Passwords in SIP configs never reach logs or reports: `lineN_password`, `phone_password`, any `*password*`. */

export const MASK = '********';

export function isSecretKey(key: string): boolean {
  return /password/i.test(key);
}

/** Masks secret values in SIP config text, keeping everything else (lines, comments) as written. */
export function maskSecrets(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const cr = line.endsWith('\r') ? '\r' : '';
      const m = /^(\s*([A-Za-z][A-Za-z0-9_]*)\s*:)/.exec(line);
      if (m === null || !isSecretKey(m[2] ?? '')) return line;
      return `${m[1] ?? ''} ${MASK}${cr}`;
    })
    .join('\n');
}

/** The same for parsed values. */
export function maskSecretValues(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) out[k] = isSecretKey(k) ? MASK : v;
  return out;
}
