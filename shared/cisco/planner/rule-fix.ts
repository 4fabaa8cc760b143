import { msg, type Message } from '../../i18n/message';

/** What the technician can do about each refusal rule of the planner, in words (never the rule's id). */
const RULE_FIX: Record<string, Message> = {
  'signed-no-downgrade': msg('planner.fix.signedNoDowngrade'),
  'mgcp-out-of-scope': msg('planner.fix.mgcp'),
  'unknown-start': msg('planner.fix.unknownStart'),
  'bad-mac': msg('planner.fix.badMac'),
  'cme-needs-sccp5': msg('planner.fix.cmeNeedsSccp5'),
  'unknown-version': msg('planner.fix.unknownVersion'),
  'via-unfit': msg('planner.fix.viaUnfit'),
  'needs-choice': msg('planner.fix.chooseLoad'),
};

/** The fix for a refusal; a rule without its own fix gets the general one, so no id reaches the technician. */
export function ruleFix(rule: string): Message {
  return RULE_FIX[rule] ?? msg('planner.fix.otherRefusal');
}
