import { formatFirmware } from '../../../shared/cisco/firmware-version';
import type { Plan } from '../../../shared/cisco/planner/plan-types';
import { formatMessage } from '../../../shared/i18n/format';
import { msg, type Message } from '../../../shared/i18n/message';
import type { RunnerPlan } from './runner-plan';

/** The runner's plan still carries English lines (its contract is strings); the planner's messages are said here. */
function en(m: Message): string {
  return formatMessage('en', m);
}

/** The planner's plan as the runner drives it. Hops with no TFTP work (the CallManager checklist) cannot run. */
export function toRunnerPlan(plan: Plan): { ok: true; plan: RunnerPlan } | { ok: false; reason: Message } {
  const manual = plan.hops.find((h) => h.path === 'CM');
  if (manual) return { ok: false, reason: msg('planner.cm.notOverTftp') };
  return {
    ok: true,
    plan: {
      warnings: plan.warnings.map(en),
      hops: plan.hops.map((h) => ({
        title: en(msg('planner.hop.title', { from: formatFirmware(h.from), to: formatFirmware(h.to), path: h.path })),
        requiredFiles: h.requiredFiles,
        configs: h.configs,
        aliases: h.aliases,
        expectedRequests: h.expectedRequests,
        doneWhen: h.doneWhen,
        phoneShows: h.phoneShows.map(en),
        warnings: [...h.warnings.map(en), ...h.commands.map((command) => en(msg('planner.warn.runOnPc', { command })))],
        provenance: `${h.provenance.source} (${h.provenance.section})${h.provenance.reason ? `: ${en(h.provenance.reason)}` : ''}`,
      })),
    },
  };
}
