import { formatFirmware } from '../../../shared/cisco/firmware-version';
import type { Plan } from '../../../shared/cisco/planner/plan-types';
import type { RunnerPlan } from './runner-plan';

/** The planner's plan as the runner drives it. Hops with no TFTP work (the CallManager checklist) cannot run. */
export function toRunnerPlan(plan: Plan): { ok: true; plan: RunnerPlan } | { ok: false; reason: string } {
  const manual = plan.hops.find((h) => h.path === 'CM');
  if (manual) {
    return {
      ok: false,
      reason: 'This phone is moved in CallManager (Bulk Administration), not over TFTP: follow the checklist in the plan.',
    };
  }
  return {
    ok: true,
    plan: {
      warnings: plan.warnings,
      hops: plan.hops.map((h) => ({
        title: `${formatFirmware(h.from)} to ${formatFirmware(h.to)} (${h.path})`,
        requiredFiles: h.requiredFiles,
        configs: h.configs,
        aliases: h.aliases,
        expectedRequests: h.expectedRequests,
        doneWhen: h.doneWhen,
        phoneShows: h.phoneShows,
        warnings: [...h.warnings, ...h.commands.map((c) => `Run on a PC first: ${c}`)],
        provenance: `${h.provenance.source} (${h.provenance.section})${h.provenance.reason ? `: ${h.provenance.reason}` : ''}`,
      })),
    },
  };
}
