import { msg, type Message } from '../i18n/message';
import { formatFirmware, isSigned, type FirmwareVersion } from './firmware-version';

/**
 * Known failures of a 7940/7960 migration: what the phone (or the TFTP log) shows, why, and what to do.
 * Built from the domain reference, section 6. Each entry carries its evidence tag; its texts are messages
 * (shared/i18n/catalogs/hints.ts).
 */

export type HintSource = 'doc' | 'cisco' | 'field';

/** The part of a migration a hint concerns, so the wizard can point at the right step. */
export const HINT_STEPS = [
  'tftp-root',
  'os79xx-txt',
  'sip-config',
  'sccp-config',
  'tftp-transfer',
  'network',
  'hop-order',
] as const;
export type HintStep = (typeof HINT_STEPS)[number];

export interface Hint {
  /** Stable: used in events, logs and tests. */
  id: string;
  /** What the phone shows; null for a symptom with no message (listed, never matched). */
  pattern: RegExp | null;
  /** A message as it appears, used by the tests and shown in the panel. */
  sample: string;
  title: Message;
  cause: Message;
  fix: Message;
  step: HintStep;
  sources: HintSource[];
}

export interface HintMatch {
  hint: Hint;
  /** The text that matched. */
  excerpt: string;
}

/** Longest text any pattern can match; the streaming matcher keeps this much from the last chunk. */
export const HINT_MAX_MATCH = 120;

export const HINTS: readonly Hint[] = [
  {
    id: 'sip2-buffer-full',
    // The source document prints it without a space, "W210TFTP" (line 302).
    pattern: /W210\s*TFTP\s*(?:Error|エラー)\s*:\s*buffer\s+full/i,
    sample: 'W210 TFTP Error : buffer full',
    title: msg('hint.sip2BufferFull.title'),
    cause: msg('hint.sip2BufferFull.cause'),
    fix: msg('hint.sip2BufferFull.fix'),
    step: 'sip-config',
    sources: ['doc'],
  },
  {
    id: 'protocol-application-invalid',
    pattern: /Protocol\s+Application\s+Invalid/i,
    sample: 'Protocol Application Invalid',
    title: msg('hint.protocolApplicationInvalid.title'),
    cause: msg('hint.protocolApplicationInvalid.cause'),
    fix: msg('hint.protocolApplicationInvalid.fix'),
    step: 'tftp-root',
    sources: ['doc', 'cisco', 'field'],
  },
  {
    id: 'image-authentication-failed',
    pattern: /Image\s+Authentication\s+Failed/i,
    sample: 'Image Authentication Failed',
    title: msg('hint.imageAuthenticationFailed.title'),
    cause: msg('hint.imageAuthenticationFailed.cause'),
    fix: msg('hint.imageAuthenticationFailed.fix'),
    step: 'tftp-root',
    sources: ['doc'],
  },
  {
    id: 'no-load-specified',
    pattern: /No\s+Load\s+Specified/i,
    sample: 'No Load Specified',
    title: msg('hint.noLoadSpecified.title'),
    cause: msg('hint.noLoadSpecified.cause'),
    fix: msg('hint.noLoadSpecified.fix'),
    step: 'sip-config',
    sources: ['doc'],
  },
  {
    id: 'tftp-state-error',
    pattern: /(?:Failed\s*\(\s*)?State\s+Error(?:\s*\))?/i,
    sample: "Sending 'P0S30400.bin' file to 10.1.1.1 in binary mode ... Failed ( State Error ).",
    title: msg('hint.stateError.title'),
    cause: msg('hint.stateError.cause'),
    fix: msg('hint.stateError.fix'),
    step: 'hop-order',
    sources: ['doc'],
  },
  {
    id: 'tftp-timeout',
    pattern: /TFTP\s+Time\s*out/i,
    sample: 'TFTP Timeout',
    title: msg('hint.tftpTimeout.title'),
    cause: msg('hint.tftpTimeout.cause'),
    fix: msg('hint.tftpTimeout.fix'),
    step: 'network',
    sources: ['field'],
  },
  {
    id: 'tftp-error',
    // "W210 TFTP Error : buffer full" has its own hint; this one is any other TFTP error.
    pattern: /TFTP\s+Error(?![ \t]*:[ \t]*buffer)/i,
    sample: 'TFTP Error',
    title: msg('hint.tftpError.title'),
    cause: msg('hint.tftpError.cause'),
    fix: msg('hint.tftpError.fix'),
    step: 'network',
    sources: ['field'],
  },
  {
    id: 'file-not-found',
    // Not for CTLSEP<MAC>.tlv: every loader-era boot asks for it first and gets "File not found" (field).
    pattern: /(?<!CTLSEP[0-9A-Fa-f]{12}\.tlv[^\n]{0,24})File\s+not\s+found(?![^\n]{0,24}CTLSEP[0-9A-Fa-f]{12}\.tlv)/i,
    sample: 'File not found',
    title: msg('hint.fileNotFound.title'),
    cause: msg('hint.fileNotFound.cause'),
    fix: msg('hint.fileNotFound.fix'),
    step: 'tftp-root',
    sources: ['field'],
  },
  {
    id: 'unprovisioned',
    // Quiet where it is harmless: as a config value (`line1_name: UNPROVISIONED`, a placeholder) and for a line
    // other than line 1 ("Line 2: UNPROVISIONED": a line key with no line configured). Said for line 1 and the phone.
    pattern: /(?<!(?:\bline[ \t]*[2-6][ \t]*[:=]|\b[a-z]+\d*_[a-z_]+[ \t]*[:=])[ \t]*["']?)\bunprovisioned\b/i,
    sample: 'Unprovisioned',
    title: msg('hint.unprovisioned.title'),
    cause: msg('hint.unprovisioned.cause'),
    fix: msg('hint.unprovisioned.fix'),
    step: 'os79xx-txt',
    sources: ['doc', 'field'],
  },
  {
    id: 'error-verifying-config',
    pattern: /Error\s+verifying\s+config(?:uration)?/i,
    sample: 'Error verifying configuration',
    title: msg('hint.errorVerifyingConfig.title'),
    cause: msg('hint.errorVerifyingConfig.cause'),
    fix: msg('hint.errorVerifyingConfig.fix'),
    step: 'tftp-root',
    sources: ['field'],
  },
  {
    id: 'sccp-load-name-too-long',
    pattern: null,
    sample: 'SIP phone ignores the SCCP load',
    title: msg('hint.sccpLoadNameTooLong.title'),
    cause: msg('hint.sccpLoadNameTooLong.cause'),
    fix: msg('hint.sccpLoadNameTooLong.fix'),
    step: 'hop-order',
    sources: ['doc'],
  },
  {
    id: 'old-application-boots',
    pattern: null,
    sample: 'Loader updated but the phone boots its old application',
    title: msg('hint.oldApplicationBoots.title'),
    cause: msg('hint.oldApplicationBoots.cause'),
    fix: msg('hint.oldApplicationBoots.fix'),
    step: 'tftp-root',
    sources: ['field'],
  },
];

const BY_ID = new Map(HINTS.map((hint) => [hint.id, hint]));

export function hintById(id: string): Hint | undefined {
  return BY_ID.get(id);
}

export interface HintAdvice {
  title: Message;
  cause: Message;
  fix: Message;
}

/**
 * What a hint says to a phone known to run `running`. The State Error route through SIP 2.3 is for old SCCP
 * (below 5.0) only: a phone on a signed image never goes back below 5.0 (domain reference sections 2 and 4).
 */
export function hintAdvice(hint: Hint, running?: FirmwareVersion): HintAdvice {
  const general: HintAdvice = { title: hint.title, cause: hint.cause, fix: hint.fix };
  if (hint.id !== 'tftp-state-error' || running === undefined) return general;
  if (isSigned(running)) {
    return { title: hint.title, cause: msg('hint.stateError.signed.cause', { running: formatFirmware(running) }), fix: msg('hint.stateError.signed.fix') };
  }
  return running.protocol === 'SCCP' ? { ...general, fix: msg('hint.stateError.oldSccp.fix') } : general;
}

/** Console bytes may be anything: keep printable text, line breaks as one LF, other control bytes as a space. */
export function cleanConsoleText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, (run) => (/[\r\n]/.test(run) ? '\n' : ' '));
}

function globalOf(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
}

const MATCHABLE = HINTS.flatMap((hint) => (hint.pattern ? [{ hint, re: globalOf(hint.pattern) }] : []));

function matchesIn(text: string): { hint: Hint; start: number; end: number; excerpt: string }[] {
  const found: { hint: Hint; start: number; end: number; excerpt: string }[] = [];
  for (const { hint, re } of MATCHABLE) {
    re.lastIndex = 0;
    for (let m = re.exec(text), guard = 0; m !== null && guard < 1000; m = re.exec(text), guard++) {
      if (m[0].length === 0) re.lastIndex++;
      found.push({ hint, start: m.index, end: m.index + m[0].length, excerpt: m[0].slice(0, HINT_MAX_MATCH) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Every known failure in a piece of console or TFTP log text, in the order it appears, each hint once. */
export function matchHints(text: string): Hint[] {
  const seen = new Set<string>();
  const hints: Hint[] = [];
  for (const { hint } of matchesIn(cleanConsoleText(text))) {
    if (seen.has(hint.id)) continue;
    seen.add(hint.id);
    hints.push(hint);
  }
  return hints;
}

/**
 * Hints that cannot decide while the text after them could still grow into another message: a "TFTP Error"
 * followed, so far, by the start of ": buffer full" on the same line. The next chunk decides.
 */
const UNDECIDED: Partial<Record<string, RegExp>> = {
  'tftp-error': /^[ \t]*(?::[ \t]*(?:b(?:u(?:f(?:f(?:e(?:r)?)?)?)?)?)?)?$/i,
};

/**
 * Matches a stream fed in arbitrary chunks: a message split across two chunks is found once, when its
 * last part arrives. Keeps only the last HINT_MAX_MATCH characters between chunks.
 */
export class StreamingHintMatcher {
  private carry = '';
  /** Characters pushed so far (after cleaning). */
  private consumed = 0;
  /** Per hint, where its last reported match ended (absolute), so one message is reported once. */
  private readonly lastEnd = new Map<string, number>();

  push(chunk: string): HintMatch[] {
    const cleaned = cleanConsoleText(chunk);
    if (cleaned.length === 0) return [];
    const window = this.carry + cleaned;
    const base = this.consumed - this.carry.length;
    const results: HintMatch[] = [];
    for (const m of matchesIn(window)) {
      // Not decided yet: leave it for the next chunk, which still holds it in the carry.
      if (UNDECIDED[m.hint.id]?.test(window.slice(m.end))) continue;
      const start = base + m.start;
      const end = base + m.end;
      // Overlaps (or repeats) a match already reported: not new. A match inside the carried text that was
      // never reported can only be one left for this chunk just above.
      if (start < (this.lastEnd.get(m.hint.id) ?? 0)) continue;
      this.lastEnd.set(m.hint.id, end);
      results.push({ hint: m.hint, excerpt: m.excerpt });
    }
    this.consumed += cleaned.length;
    this.carry = window.slice(-HINT_MAX_MATCH);
    return results;
  }

  reset(): void {
    this.carry = '';
    this.consumed = 0;
    this.lastEnd.clear();
  }
}
