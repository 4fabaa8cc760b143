import { msg, type Message } from '../../i18n/message';
/**
 * SIPDefault.cnf and SIP<MAC>.cnf: one `name: value` per line, `; comment` after a value, `#` comment lines,
 * values optionally in double quotes. The per-phone file overrides the default file.
 */

export interface SipCnfEntry {
  key: string;
  value: string;
  /** 1-based line number in the text it came from. */
  line: number;
}

export interface SipCnfRead {
  entries: SipCnfEntry[];
  /** Last value of each key (later lines win, as on the phone). */
  values: Record<string, string>;
  problems: { line: number; message: Message }[];
}

const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

export function parseSipCnf(text: string): SipCnfRead {
  const entries: SipCnfEntry[] = [];
  const values: Record<string, string> = {};
  const problems: { line: number; message: Message }[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    const colon = raw.indexOf(':');
    if (colon < 0) {
      problems.push({ line, message: msg('config.sipCnf.noForm') });
      return;
    }
    const key = raw.slice(0, colon).trim();
    if (!KEY.test(key)) {
      problems.push({ line, message: msg('config.sipCnf.badKey', { key }) });
      return;
    }
    const value = readValue(raw.slice(colon + 1));
    if (value === undefined) {
      problems.push({ line, message: msg('config.sipCnf.unclosedQuote', { key }) });
      return;
    }
    entries.push({ key, value, line });
    values[key] = value;
  });
  return { entries, values, problems };
}

function readValue(rest: string): string | undefined {
  const text = rest.trimStart();
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    return end < 0 ? undefined : text.slice(1, end);
  }
  const semi = text.indexOf(';');
  return (semi < 0 ? text : text.slice(0, semi)).trim();
}

export interface SipCnfWriteOptions {
  /** Comment lines written first (each gets "# "). */
  header?: string[];
}

/** Writes parameters in the given order; quotes values that are empty or hold spaces, `;` or `#`. */
export function writeSipCnf(params: readonly (readonly [string, string])[], options: SipCnfWriteOptions = {}): string {
  const out: string[] = [];
  for (const h of options.header ?? []) out.push(`# ${h.replace(/[\r\n]/g, ' ')}`);
  for (const [key, value] of params) {
    if (!KEY.test(key)) throw new Error(`not a SIP parameter name: ${JSON.stringify(key)}`);
    if (/["\r\n]/.test(value)) throw new Error(`the value of ${key} cannot hold a quote or a line break`);
    const needsQuotes = value === '' || /[\s;#]/.test(value);
    out.push(`${key}: ${needsQuotes ? `"${value}"` : value}`);
  }
  return `${out.join('\n')}\n`;
}

/** What the phone ends up with: default file values, overridden by the per-phone file. */
export function effectiveSipValues(defaults: Record<string, string>, perPhone: Record<string, string>): Record<string, string> {
  return { ...defaults, ...perPhone };
}

/** Parameters that belong in SIP<MAC>.cnf rather than SIPDefault.cnf. */
export function isPerPhoneParameter(key: string): boolean {
  return /^line\d+_/.test(key) || key === 'phone_label' || key === 'phone_password' || key === 'phone_prompt';
}
