import { msg, type Message } from '../../i18n/message';

/** What the technician can do about each refusal rule of the planner, in words (never the rule's id). */
const RULE_FIX: Record<string, Message> = {
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

/** The fix for a refusal; a rule without its own fix gets the general one, so no id reaches the technician. */
export function ruleFix(rule: string): Message {
  return RULE_FIX[rule] ?? msg('planner.fix.otherRefusal');
}

/** The fix for a refused plan: by its reason where one rule has several (an unknown target, a --via load), else by rule. */
export function refusalFix(refused: { rule: string; reason: Message }): Message {
  if (refused.reason.key === 'planner.refuse.unknownTarget') return msg('planner.fix.unknownTarget');
  if (refused.reason.key === 'planner.refuse.viaNotInLibrary') return msg('planner.fix.viaNotInLibrary');
  return ruleFix(refused.rule);
}
