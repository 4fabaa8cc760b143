import { msg, type Message } from '../../i18n/message';

/** Fixes for refusal rules, in words a technician can act on (never the rule's name). */
const RULE_FIX: Readonly<Record<string, Message | undefined>> = {
  'signed-no-downgrade': msg('planner.fix.signedNoDowngrade'),
  'mgcp-out-of-scope': msg('planner.fix.mgcp'),
  'unknown-start': msg('planner.fix.unknownStart'),
  'bad-mac': msg('planner.fix.badMac'),
  'cme-needs-sccp5': msg('planner.fix.cmeNeedsSccp5'),
  'cme-needs-sip7': msg('planner.fix.cmeNeedsSip7'),
  'unknown-version': msg('planner.fix.unknownVersion'),
  'via-unfit': msg('planner.fix.viaUnfit'),
  'needs-choice': msg('planner.fix.chooseLoad'),
};

/** The fix for a refused plan: by the reason where one rule has several (an unknown target vs start), else the rule. */
export function refusalFix(refused: { rule: string; reason: Message }): Message | undefined {
  if (refused.reason.key === 'planner.refuse.unknownTarget') return msg('planner.fix.unknownTarget');
  if (refused.reason.key === 'planner.refuse.viaNotInLibrary') return msg('planner.fix.viaNotInLibrary');
  return RULE_FIX[refused.rule];
}
