import { msg } from '../../i18n/message';
import { isSecretKey } from '../config/mask-secrets';
import { parseSipCnf, type SipCnfEntry } from '../config/sip-cnf';
import { formatFirmware } from '../firmware-version';
import type { Add, LintContext } from './lint-finding';
import { lintImageRef } from './lint-image-ref';

/** Longest values the phone takes (domain reference section 5, [cisco]); phone_label's limit is not known. */
const MAX_LENGTH: Record<string, number | undefined> = { phone_prompt: 15, phone_password: 31 };

/** SIPDefault.cnf and SIP<MAC>.cnf. Never puts a value in a finding: some are passwords. */
export function lintSipCnf(fileName: string, text: string, context: LintContext, add: Add): void {
  const read = parseSipCnf(text);
  for (const p of read.problems) add(p.line, 'error', p.message, msg('lint.sipCnf.fix'));
  text.split('\n').forEach((l, i) => {
    const body = l.endsWith('\r') ? l.slice(0, -1) : l;
    if (/[ \t]$/.test(body) && body.trim() !== '') {
      const key = /^\s*([A-Za-z][\w]*)\s*:/.exec(body)?.[1];
      const which =
        key === undefined ? msg('lint.sipCnf.which.line') : isSecretKey(key) ? msg('lint.sipCnf.which.secret', { key }) : msg('lint.sipCnf.which.value', { key });
      add(i + 1, 'warning', msg('lint.sipCnf.trailingSpaces', { which }), msg('lint.sipCnf.trailingSpaces.fix'));
    }
  });
  for (const e of read.entries) {
    lintKeyAndQuotes(e, add);
    lintFieldLength(e, add);
    if (e.key.toLowerCase() === 'image_version') lintImageRef(e.value, e.line, 'image_version', 'config', context, add);
  }
  const running = context.running;
  if (/sipdefault\.cnf$/i.test(fileName) && running !== undefined && running.protocol === 'SIP' && running.major === 2) {
    const others = read.entries.filter((e) => e.key !== 'image_version');
    if (others.length > 0) {
      add(
        others[0]?.line ?? 1,
        'error',
        msg('lint.sipCnf.bufferFull', { running: formatFirmware(running), count: others.length, bytes: text.length }),
        msg('lint.sipCnf.bufferFull.fix'),
      );
    }
  }
}

/**
 * SIP parameter names are lower case (`image_version`); a quoted value keeps the spaces inside its quotes, so
 * `" P0S3-8-12-00 "` names a file that does not exist. Values are never echoed: some are passwords.
 */
function lintKeyAndQuotes(e: SipCnfEntry, add: Add): void {
  const lower = e.key.toLowerCase();
  const imageVersion = lower === 'image_version';
  if (e.key !== lower) {
    add(e.line, imageVersion ? 'error' : 'warning', msg('lint.sipCnf.keyCase', { key: e.key, want: lower }), msg('lint.sipCnf.keyCase.fix', { want: lower }));
  }
  if (e.value !== e.value.trim()) {
    add(e.line, imageVersion ? 'error' : 'warning', msg('lint.sipCnf.quotedSpaces', { key: e.key }), msg('lint.sipCnf.quotedSpaces.fix', { key: e.key }));
  }
}

function lintFieldLength(e: SipCnfEntry, add: Add): void {
  const length = [...e.value].length;
  const max = MAX_LENGTH[e.key];
  if (max !== undefined && length > max) {
    add(e.line, 'error', msg('lint.field.tooLong', { key: e.key, length, max }), msg('lint.field.tooLong.fix', { key: e.key, max }));
  }
  if (e.key === 'phone_label' && length > 0) {
    add(e.line, 'warning', msg('lint.field.labelLimitUnknown', { length }), msg('lint.field.labelLimitUnknown.fix'));
  }
}
